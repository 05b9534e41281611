import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/mutations";
import { lockContact } from "@/lib/contacts/mutations";
import { db, type Tx } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { notifyUsers, type Recipient } from "@/lib/notifications/mutations";
import { writeOutcomeLetter } from "@/lib/outcomes/mutations";
import { conflict, fieldErrorsOf, FORBIDDEN, invalid, NOT_FOUND, type ActionResult } from "@/lib/result";
import { awaitingOversightMessage, CLOSING_ACTIONS, cfssOutcome, closesContact, oversightConcerns } from "./policy";
import { approveClosureSchema, cfssActionSchema, type CfssActionKind, type OversightConcern } from "./schema";

// A CFSS partnership coordinator's actions on a Green contact or an early-help request (seed 002 §11), and
// the management oversight some closures need (see the note at the top of ./policy.ts). Each locks the
// contact, checks its version, and is audited against the contact so it shows in the timeline.

type Options = { requestId?: string | null; now?: Date };

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The oversight concerns the referral itself shows: its indicators, the child's school, whether it is open to early help. */
async function referralConcerns(tx: Tx, contactId: string, flagged: readonly OversightConcern[]): Promise<OversightConcern[]> {
  const contact = await tx.contact.findUniqueOrThrow({
    where: { id: contactId },
    select: { childIndex: true, referral: { select: { answers: true, indicators: { select: { indicatorId: true } } } } },
  });
  const answers = record(contact.referral?.answers);
  const children = Array.isArray(answers.children) ? answers.children : [];
  const child = record(children[contact.childIndex]);
  const professionals = record(answers.professionals);
  return oversightConcerns({
    indicatorIds: contact.referral?.indicators.map((indicator) => indicator.indicatorId) ?? [],
    school: typeof child.school === "string" ? child.school : null,
    openToEarlyHelp: typeof professionals.openToEarlyHelp === "string" ? professionals.openToEarlyHelp : null,
    flagged,
  });
}

async function usersWithRoles(tx: Tx, roles: string[]): Promise<Recipient[]> {
  return tx.$queryRaw<Recipient[]>`SELECT u."id", u."email" FROM "User" u WHERE u."active" AND u."role"::text = ANY(${roles}::text[])`;
}

export type RecordedCfssAction = {
  actionId: string;
  contactId: string;
  kind: CfssActionKind;
  /** The contact is closed and the referrer's letter written. */
  closed: boolean;
  /** A closing action kept until a manager gives management oversight; `message` says so in plain words. */
  awaitingOversight: boolean;
  concerns: OversightConcern[];
  message: string | null;
  version: number;
};

/** Records a coordinator's action with its Signs of Safety; closes, escalates or holds the contact as the action says. */
export async function recordCfssAction(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<RecordedCfssAction>> {
  if (!can(user, "cfss:triage")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const parsed = cfssActionSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { kind, worries, workingWell, needsToHappen, notes, locality, oversightConcerns: flagged, expectedVersion } = parsed.data;
  const now = options.now ?? new Date();

  return db.$transaction(async (tx): Promise<ActionResult<RecordedCfssAction>> => {
    const locked = await lockContact(tx, contactId, expectedVersion);
    if (!locked.ok) return locked.failure;
    const { contact } = locked;
    // The coordinators' scope: Green contacts and early-help requests. Anything else is not theirs to find.
    if (contact.rating !== "GREEN" && contact.status !== "WITH_CFSS") return NOT_FOUND;
    if (contact.status === "AWAITING_RAG") return conflict("This contact has been escalated to the MASH and is waiting for a manager to re-rate it.");
    const pending = await tx.cfssAction.findFirst({ where: { contactId, oversightBy: null, kind: { in: [...CLOSING_ACTIONS] } }, select: { id: true } });
    if (pending && closesContact(kind)) return conflict("A closure of this contact is already waiting for management oversight.");

    const concerns = await referralConcerns(tx, contactId, flagged);
    const needsOversight = closesContact(kind) && concerns.length > 0;
    const oversees = can(user, "cfss:oversee");
    const closing = closesContact(kind) && (!needsOversight || oversees);
    const action = await tx.cfssAction.create({
      data: { contactId, kind, worries, workingWell, needsToHappen, notes, locality: kind === "ALLOCATED_TO_LOCALITY" ? locality : null, oversightBy: needsOversight && oversees ? user.id : null, recordedById: user.id, recordedAt: now },
      select: { id: true },
    });
    const escalating = kind === "ESCALATED_TO_MASH";
    const { version } = await tx.contact.update({
      where: { id: contactId },
      data: {
        ...(closing ? { status: "CLOSED", closedAt: now } : {}),
        // Back to the managers' "awaiting a rating" queue; the manager's Amber or Red rating takes it from CFSS.
        ...(escalating ? { status: "AWAITING_RAG" } : {}),
        version: { increment: 1 },
      },
      select: { version: true },
    });
    const awaitingOversight = needsOversight && !closing;
    const auditAction = closing ? "cfss.closed" : awaitingOversight ? "cfss.closure-awaiting-oversight" : escalating ? "cfss.escalated" : "cfss.allocated-to-locality";
    await recordAudit(tx, {
      actorId: user.id,
      action: auditAction,
      entityType: "Contact",
      entityId: contactId,
      requestId: options.requestId,
      details: { actionId: action.id, kind, worries, workingWell, needsToHappen, notes, locality, concerns, oversightBy: needsOversight && oversees ? user.id : null },
    });

    if (closing) await writeOutcomeLetter(tx, { contactId, outcome: cfssOutcome(kind), reasons: notes, now });
    if (awaitingOversight) {
      await notifyUsers(
        tx,
        await usersWithRoles(tx, ["MASH_MANAGER", "SERVICE_MANAGER"]),
        {
          kind: "cfss.oversight",
          contactId,
          title: `Contact ${contact.reference}: a CFSS closure needs your management oversight`,
          body: `A partnership coordinator wants to close contact ${contact.reference}. It needs management oversight first. Open it to read the coordinator's reasons and approve the closure.`,
          path: `/contacts/${contactId}`,
        },
        now,
      );
    }
    if (escalating) {
      await notifyUsers(
        tx,
        await usersWithRoles(tx, ["MASH_MANAGER"]),
        {
          kind: "cfss.escalated",
          contactId,
          title: `Contact ${contact.reference} escalated to the MASH by CFSS: please re-rate it`,
          body: `A partnership coordinator escalated contact ${contact.reference} to the MASH at ${now.toISOString().slice(0, 16).replace("T", " ")} UTC. It is back in the queue awaiting a rating (Amber or Red).`,
          path: `/contacts/${contactId}`,
        },
        now,
      );
    }
    return { ok: true, actionId: action.id, contactId, kind, closed: closing, awaitingOversight, concerns, message: awaitingOversight ? awaitingOversightMessage(concerns) : null, version };
  });
}

export type ApprovedClosure = { actionId: string; contactId: string; kind: CfssActionKind; closedAt: Date; version: number };

/** A manager gives the management oversight a held closure needs: the contact closes and the referrer's letter goes. */
export async function approveCfssClosure(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<ApprovedClosure>> {
  if (!can(user, "cfss:oversee")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const parsed = approveClosureSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { note, expectedVersion } = parsed.data;
  const now = options.now ?? new Date();

  return db.$transaction(async (tx): Promise<ActionResult<ApprovedClosure>> => {
    const locked = await lockContact(tx, contactId, expectedVersion);
    if (!locked.ok) return locked.failure;
    const { contact } = locked;
    if (contact.status === "AWAITING_RAG" || (contact.rating !== "GREEN" && contact.status !== "WITH_CFSS")) {
      return conflict("This contact is no longer with CFSS (it was escalated to the MASH or re-rated), so its closure cannot be approved.");
    }
    const pending = await tx.cfssAction.findFirst({
      where: { contactId, oversightBy: null, kind: { in: [...CLOSING_ACTIONS] } },
      orderBy: { recordedAt: "desc" },
      select: { id: true, kind: true, notes: true },
    });
    if (!pending) return conflict("No closure of this contact is waiting for management oversight.");
    await tx.cfssAction.update({ where: { id: pending.id }, data: { oversightBy: user.id } });
    const { version } = await tx.contact.update({ where: { id: contactId }, data: { status: "CLOSED", closedAt: now, version: { increment: 1 } }, select: { version: true } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "cfss.closure-approved",
      entityType: "Contact",
      entityId: contactId,
      requestId: options.requestId,
      details: { actionId: pending.id, kind: pending.kind, note },
    });
    await writeOutcomeLetter(tx, { contactId, outcome: cfssOutcome(pending.kind), reasons: pending.notes, now });
    return { ok: true, actionId: pending.id, contactId, kind: pending.kind, closedAt: now, version };
  });
}
