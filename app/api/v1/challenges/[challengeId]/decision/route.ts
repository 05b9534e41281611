import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { decideChallenge } from "@/lib/screening/mutations";

export const dynamic = "force-dynamic";

// The service manager's final decision on an escalated challenge.
export const POST = apiRoute<{ challengeId: string }>({ permission: "challenges:decide" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await decideChallenge(user, params.challengeId, body.json, { requestId });
  return respondWith(result, ({ challengeId, decidedAt }) => ({ challengeId, decidedAt }));
});
