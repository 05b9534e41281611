import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { approveCfssClosure } from "@/lib/cfss/mutations";

export const dynamic = "force-dynamic";

// Management oversight: approves the closure a coordinator's action is waiting on; the contact closes.
export const POST = apiRoute<{ contactId: string }>({ permission: "cfss:oversee" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await approveCfssClosure(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ actionId, kind, closedAt, version }) => ({ actionId, kind, closedAt, version }));
});
