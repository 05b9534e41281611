import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { isVisible } from "@/lib/contacts/data";
import type { RagRating } from "@/lib/contacts/schema";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { referralSubmissionSchema } from "@/lib/referral/schema";
import { requestState, type RequestableContact, type RequestState } from "./policy";
import type { KnownToAgency, RequestAgency } from "./schema";

// Reads of information requests. A partner user's reads are limited in the `where` to their own agency's
// kind, so another agency's request, or a contact with no request to them, is simply not found. The MASH side
// reads a contact's requests only when the caller may open the contact (lib/contacts/data.ts#isVisible).

export type RequestAnswer = { holds: string; history: string | null; analysis: string; knownToAgency: KnownToAgency; answeredAt: Date; answeredBy: string; answeredByAgency: string | null };

export type RequestListRow = {
  id: string;
  contactId: string;
  reference: string;
  childName: string;
  agencyKind: RequestAgency;
  question: string;
  requestedAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
  state: RequestState;
};

export type ContactRequest = {
  id: string;
  agencyKind: RequestAgency;
  question: string;
  requestedAt: Date;
  requestedBy: string;
  dueAt: Date;
  state: RequestState;
  answer: RequestAnswer | null;
};

/** What the referrer was worried about, in Signs of Safety terms, as they wrote it. */
export type ReferrerWorries = { whatHappened: string; howYouKnow: string; workingWell: string; needsToHappen: string; scale: string; childsVoice: string };

export type PartnerRequest = RequestListRow & {
  rating: RagRating | null;
  requestedBy: string;
  child: { name: string; dateOfBirth: Date | null; expectedDueDate: Date | null; nhsNumber: string | null; postcode: string | null };
  worries: ReferrerWorries | null;
  answer: RequestAnswer | null;
};

/** The kind of agency a partner user answers for; null for anyone who answers for none. */
async function answeringKindOf(user: SessionUser): Promise<RequestAgency | null> {
  if (!can(user, "requests:answer") || !user.agencyId) return null;
  const agency = await db.agency.findUnique({ where: { id: user.agencyId }, select: { kind: true } });
  const kind = agency?.kind;
  return kind && kind !== "CHILDRENS_SOCIAL_CARE" && kind !== "VOLUNTARY" ? kind : null;
}

const answerSelect = {
  holds: true,
  history: true,
  analysis: true,
  knownToAgency: true,
  answeredAt: true,
  answeredBy: { select: { name: true, agency: { select: { name: true } } } },
} as const;

type AnswerRow = {
  holds: string | null;
  history: string | null;
  analysis: string | null;
  knownToAgency: KnownToAgency | null;
  answeredAt: Date | null;
  answeredBy: { name: string; agency: { name: string } | null } | null;
};

function answerOf(row: AnswerRow): RequestAnswer | null {
  if (!row.answeredAt || !row.answeredBy || row.holds === null || row.analysis === null || !row.knownToAgency) return null;
  return { holds: row.holds, history: row.history, analysis: row.analysis, knownToAgency: row.knownToAgency, answeredAt: row.answeredAt, answeredBy: row.answeredBy.name, answeredByAgency: row.answeredBy.agency?.name ?? null };
}

const contactSelect = {
  id: true,
  childName: true,
  rating: true,
  dateOfBirth: true,
  expectedDueDate: true,
  nhsNumber: true,
  postcode: true,
  referral: { select: { reference: true, answers: true } },
  phoneContact: { select: { reference: true } },
} as const;

/**
 * The requests made to the caller's own agency: open ones first, soonest due first, then the answered ones,
 * latest first. Null for anyone who does not answer for a partner agency (the MASH reads them on the contact).
 */
export async function listRequestsForAgency(user: SessionUser, now = new Date()): Promise<RequestListRow[] | null> {
  const kind = await answeringKindOf(user);
  if (!kind) return null;
  const rows = await db.informationRequest.findMany({
    where: { agencyKind: kind },
    orderBy: [{ answeredAt: { sort: "desc", nulls: "first" } }, { dueAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, agencyKind: true, question: true, requestedAt: true, dueAt: true, answeredAt: true, contact: { select: contactSelect } },
  });
  return rows.map((row) => ({
    id: row.id,
    contactId: row.contact.id,
    reference: row.contact.referral?.reference ?? row.contact.phoneContact?.reference ?? "",
    childName: row.contact.childName,
    agencyKind: row.agencyKind as RequestAgency,
    question: row.question,
    requestedAt: row.requestedAt,
    dueAt: row.dueAt,
    answeredAt: row.answeredAt,
    state: requestState(row.dueAt, row.answeredAt, now),
  }));
}

/** One request made to the caller's own agency, with what they need to answer it; null ("not found") otherwise. */
export async function findRequestForAgency(user: SessionUser, requestId: string, now = new Date()): Promise<PartnerRequest | null> {
  if (!isUuid(requestId)) return null;
  const kind = await answeringKindOf(user);
  if (!kind) return null;
  const row = await db.informationRequest.findFirst({
    where: { id: requestId, agencyKind: kind },
    select: {
      id: true,
      agencyKind: true,
      question: true,
      requestedAt: true,
      dueAt: true,
      requestedBy: { select: { name: true } },
      ...answerSelect,
      contact: { select: contactSelect },
    },
  });
  if (!row) return null;
  const { contact } = row;
  const answers = contact.referral ? referralSubmissionSchema.safeParse(contact.referral.answers) : null;
  const worries = answers?.success && answers.data.kind === "MASH" ? answers.data.worries : null;
  return {
    id: row.id,
    contactId: contact.id,
    reference: contact.referral?.reference ?? contact.phoneContact?.reference ?? "",
    childName: contact.childName,
    agencyKind: row.agencyKind as RequestAgency,
    question: row.question,
    requestedAt: row.requestedAt,
    requestedBy: row.requestedBy.name,
    dueAt: row.dueAt,
    answeredAt: row.answeredAt,
    state: requestState(row.dueAt, row.answeredAt, now),
    rating: contact.rating,
    child: { name: contact.childName, dateOfBirth: contact.dateOfBirth, expectedDueDate: contact.expectedDueDate, nhsNumber: contact.nhsNumber, postcode: contact.postcode },
    worries: worries
      ? { whatHappened: worries.whatHappened, howYouKnow: worries.howYouKnow, workingWell: worries.workingWell, needsToHappen: worries.needsToHappen, scale: worries.scale, childsVoice: worries.childsVoice }
      : null,
    answer: answerOf(row),
  };
}

/**
 * The requests made about a contact, oldest first, each with its answer: part of the contact record, for
 * whoever may open the contact. Null ("not found") for anyone else.
 */
export async function listRequestsForContact(user: SessionUser, contactId: string, now = new Date()): Promise<ContactRequest[] | null> {
  if (!(await isVisible(user, contactId))) return null;
  const rows = await db.informationRequest.findMany({
    where: { contactId },
    orderBy: [{ requestedAt: "asc" }, { agencyKind: "asc" }],
    select: { id: true, agencyKind: true, question: true, requestedAt: true, dueAt: true, requestedBy: { select: { name: true } }, ...answerSelect },
  });
  return rows.map((row) => ({
    id: row.id,
    agencyKind: row.agencyKind as RequestAgency,
    question: row.question,
    requestedAt: row.requestedAt,
    requestedBy: row.requestedBy.name,
    dueAt: row.dueAt,
    state: requestState(row.dueAt, row.answeredAt, now),
    answer: answerOf(row),
  }));
}

/** What the contact record's requests section needs to offer the form, with the reference; null ("not found") as above. */
export async function findRequestableContact(user: SessionUser, contactId: string): Promise<(RequestableContact & { reference: string }) | null> {
  if (!(await isVisible(user, contactId))) return null;
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    select: { rating: true, closedAt: true, deadlineAt: true, allocatedToId: true, referral: { select: { reference: true } }, phoneContact: { select: { reference: true } } },
  });
  if (!contact) return null;
  const { referral, phoneContact, ...requestable } = contact;
  return { ...requestable, reference: referral?.reference ?? phoneContact?.reference ?? "" };
}
