import { recordAudit } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { notifyUsers } from "@/lib/notifications/mutations";
import type { Rating } from "../timeframes";
import { clockBreachMessage, clockWarningMessage, type RungClock } from "./messages";
import { isUuid } from "@/lib/ids";

// Ringing a RAG clock: the warning before its deadline and the breach at it. pg-boss runs a job for each
// (lib/contacts/clocks.ts) and a sweep every minute catches any it missed, so the same alert can be asked
// for twice, by two app instances at once. The conditional update below is what lets exactly one of them
// send it: see docs/decisions/0007-rag-clocks.md.

export type ClockAlert = "warning" | "breach";

// Column names from this constant only, never from input, so Prisma.raw is safe.
const ALERTS = {
  warning: { dueAt: Prisma.raw('"warningAt"'), doneAt: Prisma.raw('"warnedAt"'), action: "contact.clock-warning" },
  breach: { dueAt: Prisma.raw('"deadlineAt"'), doneAt: Prisma.raw('"breachedAt"'), action: "contact.clock-breached" },
} as const;

type LockedContact = { id: string; allocatedToId: string | null; reference: string };
type MarkedRating = { rating: Rating; ratedAt: Date; deadlineAt: Date; at: Date };

/**
 * Rings one clock's warning or breach, if it is still due: the rating is its contact's current clock, the
 * contact is open, the time has come and nobody has rung it yet. Marks it rung, records the audit event
 * and notifies the allocated social worker and every active MASH manager, all in one transaction.
 * Returns true only if this call rang it; a second call, here or in another instance, finds it rung.
 * Without `now`, the database's clock decides, the one pg-boss used to start the job.
 */
export async function ringClock(ratingId: string, kind: ClockAlert, now?: Date): Promise<boolean> {
  // A job with a malformed id would fail the uuid cast on every retry; there is nothing to ring.
  if (!isUuid(ratingId)) return false;
  return db.$transaction(async (tx) => {
    const contact = await lockCurrentContact(tx, ratingId);
    if (!contact) return false;
    const marked = await markRung(tx, ratingId, kind, now);
    if (!marked) return false;

    const clock: RungClock = { contactId: contact.id, reference: contact.reference, rating: marked.rating, ratedAt: marked.ratedAt, deadlineAt: marked.deadlineAt };
    // A warning that arrives after the deadline (the server was down, the job waited) would only repeat
    // what the breach says, moments later: it is marked, so no one sends it, and not sent.
    if (kind === "warning" && marked.deadlineAt.getTime() <= marked.at.getTime()) return false;
    if (kind === "breach") {
      await tx.$executeRaw`UPDATE "Contact" SET "breachedAt" = ${marked.at} WHERE "id" = ${contact.id}::uuid AND "clockId" = ${ratingId}::uuid`;
    }
    const recipients = await findRecipients(tx, contact.allocatedToId);
    const message = kind === "warning" ? clockWarningMessage(clock, marked.at) : clockBreachMessage(clock);
    const notified = await notifyUsers(tx, recipients, message, marked.at);
    await recordAudit(tx, {
      actorId: null,
      action: ALERTS[kind].action,
      entityType: "Contact",
      entityId: contact.id,
      details: { ratingId, rating: marked.rating, deadlineAt: marked.deadlineAt.toISOString(), notified },
    });
    return true;
  });
}

/**
 * Locks the contact whose current clock this rating is, if it is open. Re-rating and closing update the
 * same row, so they wait for an alert being sent, and an alert waits for them and then finds its clock
 * stale or closed: a clock replaced at the very moment it rings does not ring.
 */
async function lockCurrentContact(tx: Tx, ratingId: string): Promise<LockedContact | null> {
  const rows = await tx.$queryRaw<LockedContact[]>`
    SELECT c."id", c."allocatedToId", COALESCE(ref."reference", phone."reference") AS "reference"
    FROM "ContactRating" r
    JOIN "Contact" c ON c."id" = r."contactId" AND c."clockId" = r."id" AND c."closedAt" IS NULL
    LEFT JOIN "Referral" ref ON ref."id" = c."referralId"
    LEFT JOIN "PhoneContact" phone ON phone."id" = c."phoneContactId"
    WHERE r."id" = ${ratingId}::uuid
    FOR UPDATE OF c`;
  return rows[0] ?? null;
}

/**
 * The exactly-once step: sets warnedAt (or breachedAt) only where it is still null, the time has come and
 * the rating is still the open contact's clock. Of any number of concurrent callers, one updates the row
 * and the rest, waiting for its lock, re-check the condition, find it set and update nothing.
 */
async function markRung(tx: Tx, ratingId: string, kind: ClockAlert, now: Date | undefined): Promise<MarkedRating | null> {
  const { dueAt, doneAt } = ALERTS[kind];
  const rows = await tx.$queryRaw<MarkedRating[]>`
    UPDATE "ContactRating" r SET ${doneAt} = COALESCE(${now ?? null}::timestamptz, statement_timestamp())
    WHERE r."id" = ${ratingId}::uuid
      AND r.${doneAt} IS NULL
      AND r.${dueAt} <= COALESCE(${now ?? null}::timestamptz, statement_timestamp())
      AND EXISTS (SELECT 1 FROM "Contact" c WHERE c."id" = r."contactId" AND c."clockId" = r."id" AND c."closedAt" IS NULL)
    RETURNING r."rating"::text AS "rating", r."ratedAt", r."deadlineAt", r.${doneAt} AS "at"`;
  return rows[0] ?? null;
}

/** The allocated social worker, if any, and every MASH manager; only those who can still sign in. */
async function findRecipients(tx: Tx, allocatedToId: string | null) {
  return tx.user.findMany({
    where: { active: true, OR: [{ role: "MASH_MANAGER" }, ...(allocatedToId ? [{ id: allocatedToId }] : [])] },
    select: { id: true, email: true },
    orderBy: { id: "asc" },
  });
}

// --- The sweep -------------------------------------------------------------------------------------------

const SWEEP_BATCH = 100;
const NO_CLOCK = "00000000-0000-0000-0000-000000000000";

/**
 * The safety net under the pg-boss jobs: rings every current clock of an open contact whose warning or
 * deadline has come and not been rung (a job lost, a server down at the time, a rating made while pg-boss
 * was not running). Safe to run in every instance at once: ringClock decides who sends. Breaches go first,
 * being the more urgent. Returns how many this call rang.
 */
export async function ringDueClocks(now?: Date): Promise<{ warnings: number; breaches: number }> {
  const breaches = await ringDue("breach", now);
  const warnings = await ringDue("warning", now);
  return { warnings, breaches };
}

async function ringDue(kind: ClockAlert, now: Date | undefined): Promise<number> {
  let rung = 0;
  // Walked in order of due time by keyset, so a clock that fails to ring is passed, not fetched forever.
  let after: DueClock = { id: NO_CLOCK, dueAt: new Date(0) };
  for (;;) {
    const due = await findDueClocks(kind, now, after);
    for (const clock of due) {
      try {
        if (await ringClock(clock.id, kind, now)) rung += 1;
      } catch (error) {
        console.error(`[clocks] The ${kind} of rating ${clock.id} could not be rung; the next sweep tries again.`, error);
      }
    }
    if (due.length < SWEEP_BATCH) return rung;
    after = due[due.length - 1]!;
  }
}

type DueClock = { id: string; dueAt: Date };

/** Driven from the open contacts, which are few, rather than from every rating ever made. */
async function findDueClocks(kind: ClockAlert, now: Date | undefined, after: DueClock): Promise<DueClock[]> {
  const { dueAt, doneAt } = ALERTS[kind];
  return db.$queryRaw<DueClock[]>`
    SELECT r."id", r.${dueAt} AS "dueAt"
    FROM "Contact" c JOIN "ContactRating" r ON r."id" = c."clockId" AND r."contactId" = c."id"
    -- "deadlineAt IS NOT NULL AND closedAt IS NULL" is the open-contacts partial index's own condition:
    -- the sweep reads the open work, not the whole history.
    WHERE c."deadlineAt" IS NOT NULL AND c."closedAt" IS NULL
      AND r.${doneAt} IS NULL
      AND r.${dueAt} <= COALESCE(${now ?? null}::timestamptz, statement_timestamp())
      AND (r.${dueAt}, r."id") > (${after.dueAt}::timestamptz, ${after.id}::uuid)
    ORDER BY r.${dueAt}, r."id"
    LIMIT ${SWEEP_BATCH}`;
}

