import { apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { allocateContact } from "@/lib/contacts/mutations";

export const dynamic = "force-dynamic";

// Allocate a Red or Amber contact to a social worker, or reallocate it. 409 on a stale version.
export const POST = apiRoute<{ contactId: string }>({ permission: "contacts:manage" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await allocateContact(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ socialWorkerId, allocatedAt, version }) => ({ socialWorkerId, allocatedAt, version }));
});
