import { can, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const AUDIT_LIST_LIMIT_MAX = 100;
const AUDIT_LIST_LIMIT_DEFAULT = 50;

export type AuditEventFilter = {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** The nextCursor of the previous page: only events older than this id. */
  before?: string;
  limit?: number;
};

export type AuditEventView = {
  /** A BigInt in the database; a string here so it survives JSON. */
  id: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  details: Prisma.JsonValue;
};

export type AuditEventPage = { events: AuditEventView[]; nextCursor: string | null };

const EMPTY_PAGE: AuditEventPage = { events: [], nextCursor: null };

/**
 * The audit trail, newest first, one page at a time (keyset on id, so a page costs the same however deep).
 * Anyone without audit:read gets an empty page, as does a cursor that is not an event id.
 */
export async function listAuditEvents(actor: Actor, filter: AuditEventFilter = {}): Promise<AuditEventPage> {
  if (!can(actor, "audit:read")) return EMPTY_PAGE;
  if (filter.before !== undefined && !/^\d+$/.test(filter.before)) return EMPTY_PAGE;
  const requested = filter.limit !== undefined && Number.isFinite(filter.limit) ? Math.trunc(filter.limit) : AUDIT_LIST_LIMIT_DEFAULT;
  const limit = Math.min(Math.max(requested, 1), AUDIT_LIST_LIMIT_MAX);
  const rows = await db.auditEvent.findMany({
    where: {
      entityType: filter.entityType,
      entityId: filter.entityId,
      actorId: filter.actorId,
      id: filter.before === undefined ? undefined : { lt: BigInt(filter.before) },
    },
    orderBy: { id: "desc" },
    // One more than asked, to know whether another page follows.
    take: limit + 1,
    select: { id: true, occurredAt: true, actorId: true, action: true, entityType: true, entityId: true, requestId: true, details: true },
  });
  const page = rows.slice(0, limit).map((row) => ({ ...row, id: row.id.toString() }));
  return { events: page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
