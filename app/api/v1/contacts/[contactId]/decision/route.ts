import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { decideContact } from "@/lib/contacts/mutations";

export const dynamic = "force-dynamic";

// Return for consent, close as a consultation, or pass to the team already working with the child.
export const POST = apiRoute<{ contactId: string }>({ permission: "contacts:manage" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await decideContact(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ decision, closedAt, version }) => ({ decision, closedAt, version }));
});
