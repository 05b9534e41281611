import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { makeRequests } from "@/lib/requests/mutations";

export const dynamic = "force-dynamic";

// Ask partner agencies what they hold on the child and household. A contact the caller may not ask about is 404.
export const POST = apiRoute<{ contactId: string }>({ permission: "requests:make" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await makeRequests(user, params.contactId, body.json, { requestId });
  return respondWith(
    result,
    ({ requests }) => ({ requests: requests.map((made) => ({ ...made, links: { self: `/api/v1/information-requests/${made.id}` } })) }),
    201,
  );
});
