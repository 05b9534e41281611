import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends one event to the audit trail inside the caller's transaction, so the event exists exactly when
 * the change it describes does. The database chains its hash (see the foundation migration).
 */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      requestId: event.requestId ?? null,
      details: (event.details ?? {}) as Prisma.InputJsonValue,
    },
  });
}

/**
 * Records that someone opened a record (a child's, a contact, a user). Written in its own transaction: the
 * read has already happened, and the trail must show it even though nothing changed.
 */
export async function recordView(event: { actorId: string; entityType: string; entityId: string; requestId?: string | null }): Promise<void> {
  await db.$transaction((tx) => recordAudit(tx, { ...event, action: "record.viewed" }));
}

/** Records a read that is not one record (a list someone looked at), in its own transaction, like recordView. */
export async function recordRead(event: Omit<AuditInput, "entityId">): Promise<void> {
  await db.$transaction((tx) => recordAudit(tx, event));
}
