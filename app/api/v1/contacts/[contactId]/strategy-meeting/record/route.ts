import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { recordStrategyMeeting } from "@/lib/strategy/mutations";

export const dynamic = "force-dynamic";

// The strategy meeting's record. Without police and health attendees it is 422 and nothing is written.
export const POST = apiRoute<{ contactId: string }>({ permission: "strategy:record" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await recordStrategyMeeting(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ meetingId, heldAt, decision, version }) => ({ meetingId, heldAt, decision, version }));
});
