import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/mutations";
import type { RagRating } from "@/lib/contacts/schema";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { isUuid } from "@/lib/ids";
import { notifyUsers, type Recipient } from "@/lib/notifications/mutations";
import { conflict, fieldErrorsOf, FORBIDDEN, invalid, NOT_FOUND, type ActionResult } from "@/lib/result";
import { AGENCY_LABELS, mayAskAbout, whyNoRequests } from "./policy";
import { answerRequestSchema, makeRequestSchema, REQUEST_AGENCIES, type RequestAgency } from "./schema";

// Asking partner agencies what they hold, and their answers. Each write runs in one transaction with its
// audit event (on the contact, so it is in the contact's timeline) and the in-app notifications and e-mails
// it causes. E-mails name the contact's reference, never the child.

type Options = { requestId?: string | null; now?: Date };

const longTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

type LockedContact = { id: string; rating: RagRating | null; closedAt: Date | null; deadlineAt: Date | null; allocatedToId: string | null; reference: string };

function isOpenRequestViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  return error instanceof Error && error.message.includes("InformationRequest_open_key");
}

const duplicateMessage = (agencyKind: RequestAgency | null) =>
  agencyKind ? `${AGENCY_LABELS[agencyKind]} already has an open request for this contact` : "One of these agencies already has an open request for this contact";

export type MadeRequests = { contactId: string; requests: { id: string; agencyKind: RequestAgency; dueAt: Date }[] };

/**
 * Asks one or more partner agencies what they hold on the child and household. Only the decision maker (the
 * social worker the contact is allocated to) or a MASH manager, only for an open Red or Amber contact; each
 * request is due at the contact's RAG deadline. Every active user of each agency kind is told.
 */
export async function makeRequests(user: SessionUser, contactId: string, input: unknown, options: Options = {}): Promise<ActionResult<MadeRequests>> {
  if (!can(user, "requests:make")) return FORBIDDEN;
  if (!isUuid(contactId)) return NOT_FOUND;
  const parsed = makeRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { agencies, question } = parsed.data;
  const now = options.now ?? new Date();

  try {
    return await db.$transaction(async (tx): Promise<ActionResult<MadeRequests>> => {
      // The row lock makes two people asking at once take turns, so the check for open requests below holds.
      const rows = await tx.$queryRaw<LockedContact[]>`
        SELECT c."id", c."rating"::text AS "rating", c."closedAt", c."deadlineAt", c."allocatedToId", COALESCE(r."reference", p."reference") AS "reference"
        FROM "Contact" c
        LEFT JOIN "Referral" r ON r."id" = c."referralId"
        LEFT JOIN "PhoneContact" p ON p."id" = c."phoneContactId"
        WHERE c."id" = ${contactId}::uuid
        FOR UPDATE OF c`;
      const contact = rows[0];
      if (!contact || !mayAskAbout(user, contact)) return NOT_FOUND;
      const refusal = whyNoRequests(contact);
      if (refusal) return conflict(refusal);
      const dueAt = contact.deadlineAt!;

      const open = await tx.informationRequest.findMany({ where: { contactId, agencyKind: { in: agencies }, answeredAt: null }, select: { agencyKind: true } });
      const waiting = agencies.find((agency) => open.some((request) => request.agencyKind === agency));
      if (waiting) return invalid({ agencies: duplicateMessage(waiting) });

      const requests: MadeRequests["requests"] = [];
      for (const agencyKind of agencies) {
        const made = await tx.informationRequest.create({
          data: { contactId, agencyKind, question, requestedById: user.id, requestedAt: now, dueAt },
          select: { id: true },
        });
        requests.push({ id: made.id, agencyKind, dueAt });
        await recordAudit(tx, {
          actorId: user.id,
          action: "request.made",
          entityType: "Contact",
          entityId: contactId,
          requestId: options.requestId,
          details: { agencyKind, requestId: made.id, dueAt: dueAt.toISOString(), question },
        });
        const partners = await partnerUsers(tx, agencyKind);
        const rating = contact.rating === "RED" ? "Red" : "Amber";
        await notifyUsers(
          tx,
          partners,
          {
            kind: "request.made",
            contactId,
            title: `Information request for ${rating} contact ${contact.reference}: answer by ${longTime.format(dueAt)}`,
            body: `The MASH has asked ${AGENCY_LABELS[agencyKind]} what you hold on the child and household for contact ${contact.reference}. Please answer by ${longTime.format(dueAt)}.`,
            path: `/requests/${made.id}`,
          },
          now,
        );
      }
      return { ok: true, contactId, requests };
    });
  } catch (error) {
    // Someone else's request for the same agency slipped in (the partial unique index InformationRequest_open_key).
    if (isOpenRequestViolation(error)) return invalid({ agencies: duplicateMessage(null) });
    throw error;
  }
}

/** Every active partner user whose agency is of this kind. */
async function partnerUsers(tx: Tx, agencyKind: RequestAgency): Promise<Recipient[]> {
  return tx.user.findMany({ where: { active: true, role: "PARTNER_AGENCY", agency: { kind: agencyKind } }, select: { id: true, email: true } });
}

export type AnsweredRequest = { requestId: string; contactId: string; answeredAt: Date };

/**
 * A partner's answer to a request made to their own agency: what they hold, the history (cumulative harm),
 * their analysis and whether the family is known or open to them. Final: a second answer is refused. A
 * request to another agency is "not found". The person who asked is told.
 */
export async function answerRequest(user: SessionUser, requestId: string, input: unknown, options: Options = {}): Promise<ActionResult<AnsweredRequest>> {
  if (!can(user, "requests:answer")) return FORBIDDEN;
  if (!isUuid(requestId) || !user.agencyId) return NOT_FOUND;
  const parsed = answerRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { holds, history, analysis, knownToAgency } = parsed.data;
  const now = options.now ?? new Date();

  return db.$transaction(async (tx): Promise<ActionResult<AnsweredRequest>> => {
    const agency = await tx.agency.findUnique({ where: { id: user.agencyId! }, select: { kind: true } });
    const kind = agency?.kind;
    if (!kind || !(REQUEST_AGENCIES as readonly string[]).includes(kind)) return NOT_FOUND;
    // Locks the request so two colleagues answering at once cannot both win.
    const rows = await tx.$queryRaw<{ id: string; contactId: string; answeredAt: Date | null; requestedById: string; agencyKind: RequestAgency; reference: string }[]>`
      SELECT i."id", i."contactId", i."answeredAt", i."requestedById", i."agencyKind"::text AS "agencyKind", COALESCE(r."reference", p."reference") AS "reference"
      FROM "InformationRequest" i
      JOIN "Contact" c ON c."id" = i."contactId"
      LEFT JOIN "Referral" r ON r."id" = c."referralId"
      LEFT JOIN "PhoneContact" p ON p."id" = c."phoneContactId"
      WHERE i."id" = ${requestId}::uuid AND i."agencyKind" = ${kind}::"AgencyKind"
      FOR UPDATE OF i`;
    const request = rows[0];
    if (!request) return NOT_FOUND;
    if (request.answeredAt) return conflict("This request has already been answered. An answer is final: phone the MASH if something needs adding.");

    await tx.informationRequest.update({ where: { id: requestId }, data: { holds, history, analysis, knownToAgency, answeredById: user.id, answeredAt: now } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "request.answered",
      entityType: "Contact",
      entityId: request.contactId,
      requestId: options.requestId,
      details: { agencyKind: request.agencyKind, requestId, knownToAgency, answeredAt: now.toISOString() },
    });
    const requester = await tx.user.findFirst({ where: { id: request.requestedById, active: true }, select: { id: true, email: true } });
    if (requester) {
      await notifyUsers(
        tx,
        [requester],
        {
          kind: "request.answered",
          contactId: request.contactId,
          title: `${AGENCY_LABELS[request.agencyKind]} answered your information request for contact ${request.reference}`,
          body: `${AGENCY_LABELS[request.agencyKind]} answered your information request for contact ${request.reference} at ${longTime.format(now)}. Read it on the contact record.`,
          path: `/contacts/${request.contactId}`,
        },
        now,
      );
    }
    return { ok: true, requestId, contactId: request.contactId, answeredAt: now };
  });
}
