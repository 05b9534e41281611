import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { notifyUsers, type Recipient } from "@/lib/notifications/mutations";
import { writeOutcomeLetter } from "@/lib/outcomes/mutations";
import { conflict, fieldErrorsOf, FORBIDDEN, invalid, NOT_FOUND, type ActionResult } from "@/lib/result";
import { scheduleClock } from "./clocks";
import { deadlineFor, warningAtFor } from "./deadlines";
import { needsAllocation, RATING_LABELS, whyNotReturnForConsent } from "./policy";
import { allocateSchema, decisionSchema, rateSchema, type ContactDecision, type RagRating } from "./schema";

// A MASH manager's decisions on a contact: the RAG rating that starts its clock, re-rating, allocation to a
// social worker, and the decisions that end it (returned for consent, consultation closed, passed on).
//
// Each runs in one transaction that locks the contact row and checks the version the manager decided on:
// two managers deciding at once cannot both win, and nobody's decision silently replaces one they never
// saw. Every decision is audited with its reasons; the audit trail is also the contact's timeline.

type Options = { requestId?: string | null; now?: Date };

const longTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

type LockedContact = {
  id: string;
  version: number;
  rating: RagRating | null;
  status: string;
  closedAt: Date | null;
  deadlineAt: Date | null;
  allocatedToId: string | null;
  consentObtained: boolean;
  referralId: string | null;
  reference: string;
};

/** Locks the contact for the rest of the transaction, then checks it is open and is the version decided on. */
export async function lockContact(tx: Tx, contactId: string, expectedVersion: number): Promise<{ ok: true; contact: LockedContact } | { ok: false; failure: ActionResult<never> }> {
  const rows = await tx.$queryRaw<LockedContact[]>`
    SELECT c."id", c."version", c."rating"::text AS "rating", c."status"::text AS "status", c."closedAt", c."deadlineAt", c."allocatedToId",
           c."consentObtained", c."referralId", COALESCE(r."reference", p."reference") AS "reference"
    FROM "Contact" c
    LEFT JOIN "Referral" r ON r."id" = c."referralId"
    LEFT JOIN "PhoneContact" p ON p."id" = c."phoneContactId"
    WHERE c."id" = ${contactId}::uuid
    FOR UPDATE OF c`;
  const contact = rows[0];
  if (!contact) return { ok: false, failure: NOT_FOUND };
  if (contact.closedAt) return { ok: false, failure: conflict("This contact has been closed, so it cannot be changed. Reload it to see the decision.") };
  if (contact.version !== expectedVersion) {
    return { ok: false, failure: conflict("Someone else changed this contact after you opened it. Reload it, check their decision, then decide again.") };
  }
  return { ok: true, contact };
}

async function activeUsers(tx: Tx, where: { roles?: string[]; ids?: (string | null)[]; partnerAgencyKinds?: string[] }): Promise<Recipient[]> {
  const roles = where.roles ?? [];
  const ids = (where.ids ?? []).filter((id): id is string => Boolean(id));
  const kinds = where.partnerAgencyKinds ?? [];
  return tx.$queryRaw<Recipient[]>`
    SELECT u."id", u."email" FROM "User" u LEFT JOIN "Agency" a ON a."id" = u."agencyId"
    WHERE u."active" AND (
      u."role"::text = ANY(${roles}::text[])
      OR u."id" = ANY(${ids}::uuid[])
      OR (u."role" = 'PARTNER_AGENCY' AND a."kind"::text = ANY(${kinds}::text[]))
    )`;
}

export type RatedContact = { contactId: string; rating: RagRating; ratedAt: Date; deadlineAt: Date; warningAt: Date; version: number };

/**
 * Applies a RAG rating, or reviews one (Green ↔ Amber ↔ Red). The clock starts again from now under the new
 * rating; the old one is kept in the history and will not ring. A Red rating tells the DAAT team on duty,
 * the allocated social worker and the MASH police and health partners at once (seed 002 App. D).
 */
export async function rateContact(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<RatedContact>> {
  if (!can(user, "contacts:manage")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const parsed = rateSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { rating, direction, rationale, expectedVersion } = parsed.data;
  const now = options.now ?? new Date();
  const deadlineAt = deadlineFor(rating, now);
  const warningAt = warningAtFor(rating, deadlineAt);
  const ratingId = randomUUID();

  const result = await db.$transaction(async (tx): Promise<ActionResult<RatedContact>> => {
    const locked = await lockContact(tx, contactId, expectedVersion);
    if (!locked.ok) return locked.failure;
    const { contact } = locked;
    await tx.contactRating.create({
      data: { id: ratingId, contactId, rating, previousRating: contact.rating, direction, rationale, ratedById: user.id, ratedAt: now, deadlineAt, warningAt },
    });
    const { version } = await tx.contact.update({
      where: { id: contactId },
      // A Green contact also starts the CFSS coordinators' 3-working-day triage clock; Red or Amber takes it from them.
      data: { rating, ratedAt: now, deadlineAt, warningAt, breachedAt: null, clockId: ratingId, status: "RATED", triageDueAt: rating === "GREEN" ? deadlineFor("CFSS_TRIAGE", now) : null, version: { increment: 1 } },
      select: { version: true },
    });
    // Information requests are due within the contact's deadline: a step up to Red brings open ones forward.
    const { count: requestsBroughtForward } = await tx.informationRequest.updateMany({ where: { contactId, answeredAt: null, dueAt: { gt: deadlineAt } }, data: { dueAt: deadlineAt } });
    await recordAudit(tx, {
      actorId: user.id,
      action: contact.rating ? "contact.re-rated" : "contact.rated",
      entityType: "Contact",
      entityId: contactId,
      requestId: options.requestId,
      details: { rating, previousRating: contact.rating, direction, rationale, deadlineAt: deadlineAt.toISOString(), ratingId, requestsBroughtForward },
    });
    if (rating === "RED" && contact.rating !== "RED") {
      const staff = await activeUsers(tx, { roles: ["DAAT_MANAGER"], ids: [contact.allocatedToId] });
      const partners = await activeUsers(tx, { partnerAgencyKinds: ["POLICE", "HEALTH"] });
      const title = `Red contact ${contact.reference}: child protection, screening due by ${longTime.format(deadlineAt)}`;
      const body = `A MASH manager rated contact ${contact.reference} Red at ${longTime.format(now)}. It must be screened within 1 hour, and a strategy discussion with police and health may follow.`;
      await notifyUsers(tx, staff, { kind: "contact.red", contactId, title, body, path: `/contacts/${contactId}` }, now);
      // Partners cannot open the contact (they see the information requests made to them); they are told it is coming.
      const staffIds = new Set(staff.map((recipient) => recipient.id));
      await notifyUsers(tx, partners.filter((partner) => !staffIds.has(partner.id)), { kind: "contact.red", contactId, title, body }, now);
    }
    return { ok: true, contactId, rating, ratedAt: now, deadlineAt, warningAt, version };
  });
  // After the commit: a job for a rating that rolled back would only find nothing to do, but none is sent.
  // If this fails or the process stops first, the one-minute sweep rings the clock instead.
  if (result.ok) await scheduleClock({ ratingId, contactId, warningAt, deadlineAt });
  return result;
}

export type AllocatedContact = { contactId: string; socialWorkerId: string; allocatedAt: Date; version: number };

/** Allocates a Red or Amber contact to a social worker (the decision maker), or reallocates it. */
export async function allocateContact(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<AllocatedContact>> {
  if (!can(user, "contacts:manage")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const parsed = allocateSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { socialWorkerId, reason, expectedVersion } = parsed.data;
  const now = options.now ?? new Date();

  return db.$transaction(async (tx): Promise<ActionResult<AllocatedContact>> => {
    const locked = await lockContact(tx, contactId, expectedVersion);
    if (!locked.ok) return locked.failure;
    const { contact } = locked;
    if (!needsAllocation(contact.rating)) {
      return conflict(contact.rating ? "Only Red and Amber contacts are allocated to a social worker. Green contacts go to CFSS Partnership Support." : "Rate this contact before allocating it.");
    }
    const socialWorker = await tx.user.findFirst({ where: { id: socialWorkerId, role: "SOCIAL_WORKER", active: true }, select: { id: true, email: true, name: true } });
    if (!socialWorker) return invalid({ socialWorkerId: "Choose a social worker from the list" });
    if (contact.allocatedToId === socialWorker.id) return invalid({ socialWorkerId: `This contact is already allocated to ${socialWorker.name}` });

    await tx.contactAllocation.create({ data: { contactId, socialWorkerId, allocatedById: user.id, allocatedAt: now, reason } });
    const { version } = await tx.contact.update({
      where: { id: contactId },
      data: { allocatedToId: socialWorkerId, allocatedAt: now, version: { increment: 1 } },
      select: { version: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: contact.allocatedToId ? "contact.reallocated" : "contact.allocated",
      entityType: "Contact",
      entityId: contactId,
      requestId: options.requestId,
      details: { socialWorkerId, socialWorkerName: socialWorker.name, previousSocialWorkerId: contact.allocatedToId, reason },
    });
    const rating = RATING_LABELS[contact.rating!];
    const due = contact.deadlineAt ? `, screening due by ${longTime.format(contact.deadlineAt)}` : "";
    await notifyUsers(
      tx,
      [socialWorker],
      {
        kind: "contact.allocated",
        contactId,
        title: `${rating} contact ${contact.reference} allocated to you${due}`,
        body: `A MASH manager allocated ${rating} contact ${contact.reference} to you for screening${due}.`,
        path: `/contacts/${contactId}`,
      },
      now,
    );
    return { ok: true, contactId, socialWorkerId, allocatedAt: now, version };
  });
}

const DECISION_OUTCOME = {
  RETURN_FOR_CONSENT: { status: "RETURNED_FOR_CONSENT", action: "contact.returned-for-consent" },
  CLOSE_CONSULTATION: { status: "CLOSED", action: "contact.consultation-closed" },
  PASS_TO_TEAM: { status: "PASSED_TO_TEAM", action: "contact.passed-to-team" },
} as const satisfies Record<ContactDecision, { status: string; action: string }>;

export type DecidedContact = { contactId: string; decision: ContactDecision; closedAt: Date; version: number };

/**
 * The decisions that end a contact at the front door: returned to the referrer because consent is missing
 * and it is not child protection (seed 002 §6b: the referrer is told in writing and can send it again with
 * consent); a consultation answered and closed; a child already open to a team, passed on to it.
 */
export async function decideContact(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<DecidedContact>> {
  if (!can(user, "contacts:manage")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { decision, rationale, team, expectedVersion } = parsed.data;
  const now = options.now ?? new Date();

  return db.$transaction(async (tx): Promise<ActionResult<DecidedContact>> => {
    const locked = await lockContact(tx, contactId, expectedVersion);
    if (!locked.ok) return locked.failure;
    const { contact } = locked;
    const notReturnable = decision === "RETURN_FOR_CONSENT" ? whyNotReturnForConsent(contact) : null;
    if (notReturnable) return invalid({ decision: notReturnable });
    const outcome = DECISION_OUTCOME[decision];
    const { version } = await tx.contact.update({
      where: { id: contactId },
      data: { status: outcome.status, closedAt: now, version: { increment: 1 } },
      select: { version: true },
    });
    await recordAudit(tx, { actorId: user.id, action: outcome.action, entityType: "Contact", entityId: contactId, requestId: options.requestId, details: { decision, rationale, team } });
    if (decision === "RETURN_FOR_CONSENT") await tellReferrerConsentIsNeeded(tx, { contactId, referralId: contact.referralId, reference: contact.reference, rationale }, now);
    return { ok: true, contactId, decision, closedAt: now, version };
  });
}

/** The outcome letter (kept on the record and shown in My referrals), and a notification to the referrer. */
async function tellReferrerConsentIsNeeded(tx: Tx, returned: { contactId: string; referralId: string | null; reference: string; rationale: string }, now: Date): Promise<void> {
  await writeOutcomeLetter(tx, { contactId: returned.contactId, outcome: "RETURN_FOR_CONSENT", reasons: returned.rationale, now });
  if (!returned.referralId) return;
  const { referralId, reference } = returned;
  const referral = await tx.referral.findUnique({ where: { id: referralId }, select: { referrer: { select: { id: true, email: true, active: true } } } });
  if (!referral?.referrer.active) return;
  await notifyUsers(
    tx,
    [referral.referrer],
    {
      kind: "contact.returned",
      contactId: null,
      title: `Referral ${reference}: the MASH needs the family's consent`,
      body: [
        `The MASH cannot go ahead with referral ${reference} without the family's consent, because it is not a child protection concern.`,
        "Please talk to the family, seek their consent, and send the referral again with it recorded. If you think the child is at risk of significant harm, or you want advice, phone the MASH on 0300 126 7000 (9am to 5pm, Monday to Friday).",
      ].join("\n\n"),
      path: `/referrals/${referralId}`,
    },
    now,
  );
}
