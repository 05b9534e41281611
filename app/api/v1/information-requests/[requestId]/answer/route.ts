import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { answerRequest } from "@/lib/requests/mutations";

export const dynamic = "force-dynamic";

// A partner's answer to a request made to their agency. Final: a second answer is 409.
export const POST = apiRoute<{ requestId: string }>({ permission: "requests:answer" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await answerRequest(user, params.requestId, body.json, { requestId });
  return respondWith(result, ({ requestId: id, contactId, answeredAt }) => ({ id, contactId, answeredAt }));
});
