import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/mutations";
import { deadlineFor } from "@/lib/contacts/deadlines";
import { lockContact, rateContact } from "@/lib/contacts/mutations";
import { whyNotReturnForConsent } from "@/lib/contacts/policy";
import { db, type Tx } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { notifyUsers, type NotificationMessage } from "@/lib/notifications/mutations";
import { writeOutcomeLetter } from "@/lib/outcomes/mutations";
import { conflict, fieldErrorsOf, FORBIDDEN, invalid, NOT_FOUND, type ActionResult } from "@/lib/result";
import { effectOf, isScreenable, OUTCOME_LABELS, stanceError, whyNotChallenge } from "./policy";
import { challengeDecisionSchema, challengeSchema, escalationSchema, managementDecisionSchema, screeningSchema, type DecisionStance, type ScreeningOutcome } from "./schema";

// The screening of a Red or Amber contact and what follows it (seed 002 App. C, §10): the allocated social
// worker's screening with a recommendation, the MASH manager's decision on it, and a partner's professional
// challenge, escalated to the service manager whose decision is final.
//
// Each write runs in one transaction that locks the contact (lib/contacts/mutations.ts#lockContact) or the
// challenge, and audits the step against the contact, so it appears in the contact's timeline.

type Options = { requestId?: string | null; now?: Date };

export type RecordedScreening = { contactId: string; screeningId: string; recordedAt: Date; version: number };

/** The allocated social worker records the screening. Anyone else: forbidden, or (another worker) not found. */
export async function recordScreening(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<RecordedScreening>> {
  if (!can(user, "screening:record")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  // Before the lock, so a contact allocated to someone else is "not found" whatever state it is in.
  if ((await db.contact.count({ where: { id: contactId, allocatedToId: user.id } })) === 0) return NOT_FOUND;
  const parsed = screeningSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { expectedVersion, ...screening } = parsed.data;
  const now = options.now ?? new Date();

  return db.$transaction(async (tx): Promise<ActionResult<RecordedScreening>> => {
    const locked = await lockContact(tx, contactId, expectedVersion);
    if (!locked.ok) return locked.failure;
    const { contact } = locked;
    if (contact.allocatedToId !== user.id) return NOT_FOUND;
    if (!isScreenable(contact, user.id)) return conflict("Only an open Red or Amber contact is screened by a social worker.");
    if (contact.status === "WITH_CFSS") return conflict("This contact is with CFSS Partnership Support.");
    const { id } = await tx.screening.create({ data: { ...screening, contactId, recordedById: user.id, recordedAt: now }, select: { id: true } });
    const { version } = await tx.contact.update({ where: { id: contactId }, data: { version: { increment: 1 } }, select: { version: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "screening.recorded",
      entityType: "Contact",
      entityId: contactId,
      requestId: options.requestId,
      details: { screeningId: id, scale: screening.scale, recommendation: screening.recommendation, reasons: screening.reasons },
    });
    await notifyRole(tx, "MASH_MANAGER", {
      kind: "screening.recorded",
      contactId,
      title: `Contact ${contact.reference}: screening ready for your decision`,
      body: `A social worker recorded the screening of contact ${contact.reference}, recommending: ${OUTCOME_LABELS[screening.recommendation]}.`,
      path: `/contacts/${contactId}`,
    }, now);
    return { ok: true, contactId, screeningId: id, recordedAt: now, version };
  });
}

export type DecidedScreening = {
  contactId: string;
  decisionId: string;
  outcome: ScreeningOutcome;
  stance: DecisionStance;
  decidedAt: Date;
  closed: boolean;
  /** Whether a step up to a strategy discussion re-rated the contact Red (its 1-hour clock restarted). */
  reRatedRed: boolean;
  version: number;
};

/**
 * The MASH manager's decision on the latest screening: endorsed, or stepped up or down, with the rationale
 * (which is also the "why" of the referrer's outcome letter). What it does to the contact: policy.ts#effectOf.
 */
export async function decideScreening(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<DecidedScreening>> {
  if (!can(user, "screening:decide")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const parsed = managementDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { stance, outcome, rationale, expectedVersion } = parsed.data;
  const now = options.now ?? new Date();

  const result = await db.$transaction(async (tx): Promise<ActionResult<DecidedScreening & { needsRed: boolean }>> => {
    const locked = await lockContact(tx, contactId, expectedVersion);
    if (!locked.ok) return locked.failure;
    const { contact } = locked;
    const screening = await tx.screening.findFirst({
      where: { contactId },
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      select: { id: true, recommendation: true, _count: { select: { decisions: true } } },
    });
    if (!screening) return conflict("There is no screening to decide on yet: the allocated social worker records it first.");
    if (screening._count.decisions > 0) return conflict("The latest screening has already been decided. A new screening is needed before another decision.");
    const wrongStance = stanceError(screening.recommendation, outcome, stance);
    if (wrongStance) return invalid({ stance: wrongStance });
    const notReturnable = outcome === "RETURN_FOR_CONSENT" ? whyNotReturnForConsent(contact) : null;
    if (notReturnable) return invalid({ outcome: notReturnable });

    const { id } = await tx.managementDecision.create({
      data: { contactId, screeningId: screening.id, outcome, stance, rationale, decidedById: user.id, decidedAt: now },
      select: { id: true },
    });
    const effect = effectOf(outcome);
    const data =
      effect.kind === "CLOSE"
        ? { status: effect.status, closedAt: now }
        : effect.kind === "TO_CFSS"
          ? // Screened and decided in time: the RAG clock stops (clockId no longer names a rating, so it never
            // rings) and the CFSS coordinators' 3-working-day clock takes over.
            { status: "WITH_CFSS" as const, triageDueAt: deadlineFor("CFSS_TRIAGE", now), clockId: null }
          : {};
    const { version } = await tx.contact.update({ where: { id: contactId }, data: { ...data, version: { increment: 1 } }, select: { version: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "screening.decided",
      entityType: "Contact",
      entityId: contactId,
      requestId: options.requestId,
      details: { decisionId: id, screeningId: screening.id, recommendation: screening.recommendation, outcome, stance, rationale },
    });
    if (effect.kind === "CLOSE") await writeOutcomeLetter(tx, { contactId, outcome, reasons: rationale, now });
    const needsRed = effect.kind === "STRATEGY_DISCUSSION" && contact.rating !== "RED";
    return { ok: true, contactId, decisionId: id, outcome, stance, decidedAt: now, closed: effect.kind === "CLOSE", reRatedRed: false, version, needsRed };
  });
  if (!result.ok) return result;
  const { needsRed, ...decided } = result;
  if (!needsRed) return decided;
  // After the commit, through the workbench's own rating, so the Red clock, its history and who is told are
  // exactly as when a manager rates a contact Red. If someone changed the contact in between, the decision
  // stands and the manager is shown it was not re-rated (reRatedRed false), to re-rate it by hand.
  const rated = await rateContact(user, contactId, { rating: "RED", direction: "Strategy discussion (section 47)", rationale, expectedVersion: decided.version }, options);
  return rated.ok ? { ...decided, reRatedRed: true, version: rated.version } : decided;
}

export type RaisedChallenge = { challengeId: string; contactId: string; raisedAt: Date };

/** The agency kind a partner user belongs to, or null. */
async function agencyKindOf(tx: Tx, user: SessionUser): Promise<string | null> {
  if (!user.agencyId) return null;
  const agency = await tx.agency.findUnique({ where: { id: user.agencyId }, select: { kind: true } });
  return agency?.kind ?? null;
}

/**
 * A partner records a professional challenge to the MASH's decision on a contact their agency was asked
 * about (seed 002 §10). A contact with no information request to their agency is "not found".
 */
export async function raiseChallenge(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<RaisedChallenge>> {
  if (!can(user, "challenges:raise")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx): Promise<ActionResult<RaisedChallenge>> => {
    const kind = await agencyKindOf(tx, user);
    if (!kind) return NOT_FOUND;
    const asked = await tx.$queryRaw<{ reference: string }[]>`
      SELECT COALESCE(r."reference", p."reference") AS "reference"
      FROM "Contact" c
      LEFT JOIN "Referral" r ON r."id" = c."referralId"
      LEFT JOIN "PhoneContact" p ON p."id" = c."phoneContactId"
      WHERE c."id" = ${contactId}::uuid
        AND EXISTS (SELECT 1 FROM "InformationRequest" i WHERE i."contactId" = c."id" AND i."agencyKind"::text = ${kind})
      FOR UPDATE OF c`;
    if (asked.length === 0) return NOT_FOUND;
    const parsed = challengeSchema.safeParse(input);
    if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
    // Under the contact's lock, so two posts at once cannot both open a challenge.
    const decisions = await tx.managementDecision.count({ where: { contactId } });
    const openChallenges = await tx.challenge.count({ where: { contactId, raisedById: user.id, decidedAt: null } });
    const refusal = whyNotChallenge({ decided: decisions > 0, openChallengeOfTheirs: openChallenges > 0 });
    if (refusal) return conflict(refusal);
    const { reason } = parsed.data;
    const { id } = await tx.challenge.create({ data: { contactId, raisedById: user.id, raisedAt: now, reason }, select: { id: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "challenge.raised",
      entityType: "Contact",
      entityId: contactId,
      requestId: options.requestId,
      details: { challengeId: id, agencyKind: kind, reason },
    });
    await notifyRole(tx, "MASH_MANAGER", {
      kind: "challenge.raised",
      contactId,
      title: `Contact ${asked[0]!.reference}: a partner has challenged the decision`,
      body: `A partner agency has recorded a professional challenge to the decision on contact ${asked[0]!.reference}. The decision stands unless it is escalated to the service manager.`,
      path: `/contacts/${contactId}`,
    }, now);
    return { ok: true, challengeId: id, contactId, raisedAt: now };
  });
}

/** Tells every active user with `role`, in the app and by e-mail. */
async function notifyRole(tx: Tx, role: "MASH_MANAGER" | "SERVICE_MANAGER", message: NotificationMessage, now: Date): Promise<void> {
  const users = await tx.user.findMany({ where: { role, active: true }, select: { id: true, email: true } });
  await notifyUsers(tx, users, message, now);
}

type LockedChallenge = { id: string; contactId: string; raisedById: string; escalatedAt: Date | null; decidedAt: Date | null; reference: string };

/** Locks a challenge the caller may act on: its raiser, or a MASH or service manager. Others: not found. */
async function lockChallenge(tx: Tx, user: SessionUser, challengeId: string): Promise<LockedChallenge | null> {
  const rows = await tx.$queryRaw<LockedChallenge[]>`
    SELECT ch."id", ch."contactId", ch."raisedById", ch."escalatedAt", ch."decidedAt", COALESCE(r."reference", p."reference") AS "reference"
    FROM "Challenge" ch
    JOIN "Contact" c ON c."id" = ch."contactId"
    LEFT JOIN "Referral" r ON r."id" = c."referralId"
    LEFT JOIN "PhoneContact" p ON p."id" = c."phoneContactId"
    WHERE ch."id" = ${challengeId}::uuid
    FOR UPDATE OF ch`;
  const challenge = rows[0];
  if (!challenge) return null;
  const mayAct = user.role === "MASH_MANAGER" || user.role === "SERVICE_MANAGER" || challenge.raisedById === user.id;
  return mayAct ? challenge : null;
}

export type EscalatedChallenge = { challengeId: string; escalatedAt: Date };

/**
 * The partner who raised the challenge, or the MASH manager, escalates it to the service manager because the
 * team manager's decision is thought unsafe (seed 002 §10). Who and why are in the audit event.
 */
export async function escalateChallenge(user: SessionUser, challengeId: string, input: unknown, options: Options = {}): Promise<ActionResult<EscalatedChallenge>> {
  if (!can(user, "challenges:escalate")) return FORBIDDEN;
  if (!isUuid(challengeId)) return NOT_FOUND;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx): Promise<ActionResult<EscalatedChallenge>> => {
    const challenge = await lockChallenge(tx, user, challengeId);
    if (!challenge) return NOT_FOUND;
    const parsed = escalationSchema.safeParse(input);
    if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
    if (challenge.decidedAt) return conflict("The service manager has decided this challenge: their decision is final.");
    if (challenge.escalatedAt) return conflict("This challenge has already been escalated to the service manager.");
    await tx.challenge.update({ where: { id: challengeId }, data: { escalatedAt: now } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "challenge.escalated",
      entityType: "Contact",
      entityId: challenge.contactId,
      requestId: options.requestId,
      details: { challengeId, escalatedBy: user.id, escalatedByRole: user.role, reason: parsed.data.reason },
    });
    await notifyRole(tx, "SERVICE_MANAGER", {
      kind: "challenge.escalated",
      contactId: challenge.contactId,
      title: `Contact ${challenge.reference}: a challenge has been escalated to you`,
      body: `A professional challenge to the MASH decision on contact ${challenge.reference} has been escalated to the service manager for a final decision.`,
      path: `/contacts/${challenge.contactId}`,
    }, now);
    return { ok: true, challengeId, escalatedAt: now };
  });
}

export type DecidedChallenge = { challengeId: string; decidedAt: Date };

/** The service manager's decision on an escalated challenge. It is final: a decided challenge cannot change. */
export async function decideChallenge(user: SessionUser, challengeId: string, input: unknown, options: Options = {}): Promise<ActionResult<DecidedChallenge>> {
  if (!can(user, "challenges:decide")) return FORBIDDEN;
  if (!isUuid(challengeId)) return NOT_FOUND;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx): Promise<ActionResult<DecidedChallenge>> => {
    const challenge = await lockChallenge(tx, user, challengeId);
    if (!challenge) return NOT_FOUND;
    const parsed = challengeDecisionSchema.safeParse(input);
    if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
    if (challenge.decidedAt) return conflict("This challenge has been decided already: the service manager's decision is final.");
    if (!challenge.escalatedAt) return conflict("This challenge has not been escalated: the MASH team manager's decision stands unless it is.");
    const { decision } = parsed.data;
    await tx.challenge.update({ where: { id: challengeId }, data: { decidedAt: now, decidedById: user.id, decision } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "challenge.decided",
      entityType: "Contact",
      entityId: challenge.contactId,
      requestId: options.requestId,
      details: { challengeId, decision },
    });
    // The partner cannot open the contact: they are told the decision is made, and read it through the API.
    const raiser = await tx.user.findMany({ where: { id: challenge.raisedById, active: true }, select: { id: true, email: true } });
    await notifyUsers(tx, raiser, {
      kind: "challenge.decided",
      contactId: challenge.contactId,
      title: `Contact ${challenge.reference}: the service manager has decided your challenge`,
      body: `The service manager has made the final decision on your challenge about contact ${challenge.reference}.`,
    }, now);
    return { ok: true, challengeId, decidedAt: now };
  });
}
