import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { raiseChallenge } from "@/lib/screening/mutations";

export const dynamic = "force-dynamic";

// A partner agency's professional challenge to the MASH's decision on a contact their agency was asked about.
export const POST = apiRoute<{ contactId: string }>({ permission: "challenges:raise" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await raiseChallenge(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ challengeId, raisedAt }) => ({ challengeId, raisedAt }), 201);
});
