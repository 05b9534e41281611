import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { escalateChallenge } from "@/lib/screening/mutations";

export const dynamic = "force-dynamic";

// The partner who raised a challenge, or the MASH manager, escalates it to the service manager.
export const POST = apiRoute<{ challengeId: string }>({}, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await escalateChallenge(user, params.challengeId, body.json, { requestId });
  return respondWith(result, ({ challengeId, escalatedAt }) => ({ challengeId, escalatedAt }));
});
