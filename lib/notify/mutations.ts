import { db, type Tx } from "@/lib/db/client";
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, nextAttemptAt } from "./policy";

export type OutgoingEmail = {
  /** A bare address (teacher@example.org): the demo mailbox matches it against the signed-in user's. */
  to: string;
  subject: string;
  /** Plain text. */
  body: string;
  /** Not before this time (default: now). */
  availableAt?: Date;
};

/**
 * Queues an e-mail inside the caller's transaction, so it is sent exactly when the change that causes it
 * commits, and never for a change that rolled back. The worker (worker.ts) sends it afterwards.
 */
export async function enqueueEmail(tx: Tx, message: OutgoingEmail): Promise<{ id: bigint }> {
  return tx.outboxMessage.create({
    data: { to: message.to.trim(), subject: message.subject, body: message.body, ...(message.availableAt ? { availableAt: message.availableAt } : {}) },
    select: { id: true },
  });
}

export type ClaimedMessage = { id: bigint; to: string; subject: string; body: string; attempts: number };

/**
 * Takes up to `limit` messages that are due and holds them for CLAIM_LEASE_MS by moving their availableAt
 * on. SKIP LOCKED lets two workers claim at the same moment without waiting for, or both taking, the same
 * rows; a row another worker has just claimed is re-checked after its lock and is no longer due. The send
 * then happens outside any transaction, so a slow mail server never holds a database connection.
 */
export async function claimDueMessages(now: Date, limit: number): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  // One statement, so one transaction: the rows are locked, checked and moved on together.
  return db.$queryRaw<ClaimedMessage[]>`
      UPDATE "OutboxMessage" SET "availableAt" = ${leaseUntil}
      WHERE "id" IN (
        SELECT "id" FROM "OutboxMessage"
        WHERE "sentAt" IS NULL AND "availableAt" <= ${now} AND "attempts" < ${MAX_ATTEMPTS}
        ORDER BY "availableAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "to", "subject", "body", "attempts"`;
}

export async function markMessageSent(id: bigint, via: "smtp" | "mailbox", now: Date): Promise<void> {
  await db.outboxMessage.updateMany({ where: { id, sentAt: null }, data: { sentAt: now, deliveredVia: via, lastError: null } });
}

/** Counts the failed attempt and sets the next one by the backoff; after the last, the message stays unsent with its error. */
export async function markMessageFailed(message: Pick<ClaimedMessage, "id" | "attempts">, error: string, now: Date): Promise<void> {
  const attempts = message.attempts + 1;
  await db.outboxMessage.updateMany({
    where: { id: message.id, sentAt: null },
    data: { attempts, lastError: error, availableAt: nextAttemptAt(attempts, now) ?? now },
  });
}
