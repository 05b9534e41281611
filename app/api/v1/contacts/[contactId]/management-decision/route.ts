import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { decideScreening } from "@/lib/screening/mutations";

export const dynamic = "force-dynamic";

// The MASH manager endorses the latest screening's recommendation, or steps it up or down.
export const POST = apiRoute<{ contactId: string }>({ permission: "screening:decide" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await decideScreening(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ decisionId, outcome, stance, decidedAt, closed, reRatedRed, version }) => ({ decisionId, outcome, stance, decidedAt, closed, reRatedRed, version }), 201);
});
