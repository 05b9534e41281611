import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/mutations";
import { lockContact } from "@/lib/contacts/mutations";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { isUuid } from "@/lib/ids";
import { notifyUsers, type Recipient } from "@/lib/notifications/mutations";
import { writeOutcomeLetter } from "@/lib/outcomes/mutations";
import { conflict, fieldErrorsOf, FORBIDDEN, invalid, NOT_FOUND, type ActionResult } from "@/lib/result";
import { essentialAttendanceMessage, strategyOutcome } from "./policy";
import { agreeStrategySchema, recordStrategySchema, STRATEGY_DECISION_LABELS, type StrategyDecision } from "./schema";

// The Red strategy discussion (seed 002 App. D): the DAAT manager agrees a meeting and its priority, which
// invites the MASH police and health partners (there is no business-support role: the invitation is the
// notification), then records the meeting, whose decision closes the contact and sends the referrer's letter. Each step locks the contact, checks its version, and is audited
// against the contact so it shows in the timeline.

type Options = { requestId?: string | null; now?: Date };

const longDate = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long" });
const longTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

/** The MASH police and health partner users: the essential invitees. */
async function essentialInvitees(tx: Tx): Promise<Recipient[]> {
  return tx.$queryRaw<Recipient[]>`
    SELECT u."id", u."email" FROM "User" u JOIN "Agency" a ON a."id" = u."agencyId"
    WHERE u."active" AND u."role" = 'PARTNER_AGENCY' AND a."kind" IN ('POLICE', 'HEALTH')`;
}

export type AgreedStrategyMeeting = { meetingId: string; contactId: string; priority: string; agreedAt: Date; invited: number; version: number };

/** The DAAT manager agrees that a Red contact needs a strategy meeting, and how soon; police and health are invited. */
export async function agreeStrategyMeeting(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<AgreedStrategyMeeting>> {
  if (!can(user, "strategy:record")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const parsed = agreeStrategySchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { priority, expectedVersion } = parsed.data;
  const now = options.now ?? new Date();

  return db.$transaction(async (tx): Promise<ActionResult<AgreedStrategyMeeting>> => {
    const locked = await lockContact(tx, contactId, expectedVersion);
    if (!locked.ok) return locked.failure;
    const { contact } = locked;
    // The DAAT manager sees Red contacts only: anything else is not theirs to find.
    if (contact.rating !== "RED") return NOT_FOUND;
    const existing = await tx.strategyMeeting.findFirst({ where: { contactId }, select: { id: true } });
    if (existing) return conflict("A strategy meeting has already been agreed for this contact. Record the meeting instead.");

    const meeting = await tx.strategyMeeting.create({ data: { contactId, priority, agreedAt: now, recordedById: user.id, recordedAt: now }, select: { id: true } });
    const { version } = await tx.contact.update({ where: { id: contactId }, data: { version: { increment: 1 } }, select: { version: true } });
    const invitees = await essentialInvitees(tx);
    await recordAudit(tx, {
      actorId: user.id,
      action: "strategy.agreed",
      entityType: "Contact",
      entityId: contactId,
      requestId: options.requestId,
      details: { meetingId: meeting.id, priority, agreedBy: user.name, invited: invitees.length },
    });
    // Partners cannot open the contact: the message names the reference and the priority, never the child.
    await notifyUsers(
      tx,
      invitees,
      {
        kind: "strategy.agreed",
        contactId,
        title: `Strategy meeting for Red contact ${contact.reference}: ${priority}`,
        body: `${user.name}, DAAT manager, agreed at ${longTime.format(now)} that Red contact ${contact.reference} needs a strategy meeting (${priority}). MASH police and health are essential: please make sure your agency attends.`,
      },
      now,
    );
    return { ok: true, meetingId: meeting.id, contactId, priority, agreedAt: now, invited: invitees.length, version };
  });
}

export type RecordedStrategyMeeting = { meetingId: string; contactId: string; heldAt: Date; decision: StrategyDecision; version: number };

/** The DAAT manager records the meeting: when, who came for which agency, what was shared, the decision and the actions. */
export async function recordStrategyMeeting(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<RecordedStrategyMeeting>> {
  if (!can(user, "strategy:record")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const parsed = recordStrategySchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { heldAt, attendees, informationShared, decision, actions, expectedVersion } = parsed.data;
  const missing = essentialAttendanceMessage(attendees);
  if (missing) return invalid({ attendees: missing });
  const now = options.now ?? new Date();
  if (heldAt.getTime() > now.getTime() + 5 * 60_000) return invalid({ heldAt: "The meeting's time cannot be in the future" });

  return db.$transaction(async (tx): Promise<ActionResult<RecordedStrategyMeeting>> => {
    const locked = await lockContact(tx, contactId, expectedVersion);
    if (!locked.ok) return locked.failure;
    if (locked.contact.rating !== "RED") return NOT_FOUND;
    const meeting = await tx.strategyMeeting.findFirst({ where: { contactId }, orderBy: { agreedAt: "desc" }, select: { id: true, agreedAt: true, heldAt: true } });
    if (!meeting) return conflict("Agree the strategy meeting and its priority first, so police and health are invited.");
    if (meeting.heldAt) return conflict("This strategy meeting has already been recorded.");
    // Times are typed to the minute: a meeting held in the minute it was agreed is not "before" it.
    if (heldAt.getTime() < Math.floor(meeting.agreedAt.getTime() / 60_000) * 60_000) return invalid({ heldAt: `The meeting cannot have been held before it was agreed (${longTime.format(meeting.agreedAt)})` });

    await tx.strategyMeeting.update({
      where: { id: meeting.id },
      data: {
        heldAt,
        attendees: attendees as Prisma.InputJsonValue,
        informationShared,
        decision,
        actions: actions as Prisma.InputJsonValue,
        recordedById: user.id,
        recordedAt: now,
      },
    });
    // The meeting's decision ends the MASH's part (lib/screening/policy.ts#effectOf leaves a strategy
    // discussion open for it): the contact closes and the referrer's letter goes.
    const { version } = await tx.contact.update({ where: { id: contactId }, data: { status: "CLOSED", closedAt: now, version: { increment: 1 } }, select: { version: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "strategy.recorded",
      entityType: "Contact",
      entityId: contactId,
      requestId: options.requestId,
      details: { meetingId: meeting.id, heldAt: heldAt.toISOString(), decision, attendees, actions },
    });
    // The letter says only what was decided: never the information the agencies shared, nor the actions.
    const reasons = `A strategy meeting with police and health was held on ${longDate.format(heldAt)}. It decided: ${STRATEGY_DECISION_LABELS[decision].toLowerCase()}.`;
    await writeOutcomeLetter(tx, { contactId, outcome: strategyOutcome(decision), reasons, now });
    return { ok: true, meetingId: meeting.id, contactId, heldAt, decision, version };
  });
}
