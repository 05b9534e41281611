import { apiError, apiJson, apiRoute } from "@/lib/api/handler";
import { recordRead } from "@/lib/audit/mutations";
import { listContacts } from "@/lib/contacts/data";
import { postContact } from "@/lib/contacts/phone/api";
import { queueQuerySchema } from "@/lib/contacts/schema";
import { fieldErrorsOf } from "@/lib/result";

export const dynamic = "force-dynamic";

// The contacts the caller's role may see (lib/contacts/policy.ts#contactScopeOf), a page at a time.
export const GET = apiRoute({ permission: "contacts:read" }, async ({ user, request, requestId }) => {
  const query = queueQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError("INVALID", { fields: fieldErrorsOf(query.error) });
  const { view, cursor, limit, ...filters } = query.data;
  const page = await listContacts(user, { view, filters, cursor, limit });
  if (!page) return apiError("FORBIDDEN");
  // Who looked at which list is part of the record, as every opened contact is.
  await recordRead({ actorId: user.id, action: "contacts.listed", entityType: "Contact", requestId, details: { view, ...filters, rows: page.rows.length } });
  return apiJson({
    contacts: page.rows.map((row) => ({ ...row, links: { self: `/api/v1/contacts/${row.id}` } })),
    nextCursor: page.nextCursor,
    links: page.nextCursor ? { next: `/api/v1/contacts?${new URLSearchParams({ ...stringEntries(query.data), cursor: page.nextCursor })}` } : {},
  });
});

function stringEntries(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([key, value]) => key !== "cursor" && value != null).map(([key, value]) => [key, String(value)]));
}

/** A phone contact recorded by a MASH officer's system, or a police protection notification from a police system. */
export const POST = apiRoute({}, postContact);
