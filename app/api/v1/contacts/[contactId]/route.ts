import { apiError, apiJson, apiRoute } from "@/lib/api/handler";
import { recordView } from "@/lib/audit/mutations";
import { findContact } from "@/lib/contacts/data";

export const dynamic = "force-dynamic";

// A contact outside the caller's scope is "not found", exactly like one that does not exist.
export const GET = apiRoute<{ contactId: string }>({ permission: "contacts:read" }, async ({ user, params, requestId }) => {
  const contact = await findContact(user, params.contactId);
  if (!contact) return apiError("NOT_FOUND");
  await recordView({ actorId: user.id, entityType: "Contact", entityId: contact.id, requestId });
  return apiJson({
    ...contact,
    referral: contact.referral && {
      ...contact.referral,
      attachments: contact.referral.attachments.map((attachment) => ({ ...attachment, links: { download: `/contacts/${contact.id}/attachments/${attachment.id}` } })),
    },
    links: { self: `/api/v1/contacts/${contact.id}`, rag: `/api/v1/contacts/${contact.id}/rag`, allocation: `/api/v1/contacts/${contact.id}/allocation` },
  });
});
