import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { rateContact } from "@/lib/contacts/mutations";

export const dynamic = "force-dynamic";

// Apply or review a RAG rating. A rating made on a stale version is 409: nothing is changed.
export const POST = apiRoute<{ contactId: string }>({ permission: "contacts:manage" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await rateContact(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ rating, ratedAt, deadlineAt, warningAt, version }) => ({ rating, ratedAt, deadlineAt, warningAt, version }));
});
