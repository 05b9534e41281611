import { apiError, apiJson, apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { findRedContactClock, findStrategyMeeting } from "@/lib/strategy/data";
import { agreeStrategyMeeting } from "@/lib/strategy/mutations";
import { redTimeliness } from "@/lib/strategy/policy";

export const dynamic = "force-dynamic";

// The Red strategy discussion: read it (with whether screening and the meeting were in time), or agree it.
export const GET = apiRoute<{ contactId: string }>({ permission: "contacts:read" }, async ({ user, params }) => {
  const clock = await findRedContactClock(user, params.contactId);
  if (!clock) return apiError("NOT_FOUND");
  const meeting = await findStrategyMeeting(user, params.contactId);
  return apiJson({ meeting, timeliness: clock.rating === "RED" ? redTimeliness(clock, meeting) : null, version: clock.version });
});

export const POST = apiRoute<{ contactId: string }>({ permission: "strategy:record" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await agreeStrategyMeeting(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ meetingId, priority, agreedAt, invited, version }) => ({ meetingId, priority, agreedAt, invited, version }), 201);
});
