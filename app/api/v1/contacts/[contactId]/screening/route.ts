import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { recordScreening } from "@/lib/screening/mutations";

export const dynamic = "force-dynamic";

// The allocated social worker's screening of a Red or Amber contact, with a recommended outcome.
export const POST = apiRoute<{ contactId: string }>({ permission: "screening:record" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await recordScreening(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ screeningId, recordedAt, version }) => ({ screeningId, recordedAt, version }), 201);
});
