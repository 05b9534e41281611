import type { Actor } from "@/lib/auth/policy";
import type { RagRating } from "@/lib/contacts/schema";
import type { KnownToAgency, RequestAgency } from "./schema";

// Information requests to partner agencies: who may ask, about which contacts, and the words for a
// request's state. Pure, so the unit tests cover every branch.

export const AGENCY_LABELS: Record<RequestAgency, string> = {
  POLICE: "Police",
  HEALTH: "MASH Health",
  EDUCATION: "Education",
  CFSS: "CFSS / Partnership Support",
  PROBATION: "Probation",
  YOUTH_JUSTICE: "Youth Justice Service",
  DRUG_AND_ALCOHOL: "S2S adult drug and alcohol service",
};

export const KNOWN_TO_AGENCY_LABELS: Record<KnownToAgency, string> = {
  OPEN: "Open to us now",
  KNOWN_NOT_OPEN: "Known to us, not open",
  NOT_KNOWN: "Not known to us",
};

export type RequestState = "DUE" | "OVERDUE" | "ANSWERED" | "ANSWERED_LATE";

/** Where a request stands at `now`: an answer after the due time is late, an unanswered one past it overdue. */
export function requestState(dueAt: Date, answeredAt: Date | null, now: Date): RequestState {
  if (answeredAt) return answeredAt.getTime() > dueAt.getTime() ? "ANSWERED_LATE" : "ANSWERED";
  return now.getTime() > dueAt.getTime() ? "OVERDUE" : "DUE";
}

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  DUE: "Due",
  OVERDUE: "Overdue",
  ANSWERED: "Answered",
  ANSWERED_LATE: "Answered late",
};

/** "2 hours 5 minutes", "45 minutes", "3 days 1 hour": how long something has been overdue, in words. */
export function durationInWords(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (days > 0) return [plural(days, "day"), hours > 0 ? plural(hours, "hour") : null].filter(Boolean).join(" ");
  if (hours > 0) return [plural(hours, "hour"), mins > 0 ? plural(mins, "minute") : null].filter(Boolean).join(" ");
  return plural(mins, "minute");
}

/** "Overdue by 2 hours 5 minutes" for an unanswered request past its time; null otherwise. */
export function overdueWords(dueAt: Date, answeredAt: Date | null, now: Date): string | null {
  return requestState(dueAt, answeredAt, now) === "OVERDUE" ? `Overdue by ${durationInWords(now.getTime() - dueAt.getTime())}` : null;
}

export type RequestableContact = { rating: RagRating | null; closedAt: Date | null; deadlineAt: Date | null; allocatedToId: string | null };

/**
 * Whether `actor` may ask partners about this contact: a MASH manager, or the social worker it is allocated
 * to (the decision maker). Anyone else is told it is not found, so nothing confirms the contact exists.
 */
export function mayAskAbout(actor: Pick<Actor, "id" | "role">, contact: Pick<RequestableContact, "allocatedToId">): boolean {
  if (actor.role === "MASH_MANAGER") return true;
  return actor.role === "SOCIAL_WORKER" && contact.allocatedToId === actor.id;
}

/**
 * Why requests cannot be made on this contact now, in plain words; null when they can. Only an open Red or
 * Amber contact is screened by the MASH, and its requests are due at its RAG deadline.
 */
export function whyNoRequests(contact: RequestableContact): string | null {
  if (contact.closedAt) return "This contact is closed, so partners cannot be asked about it.";
  if (contact.rating !== "RED" && contact.rating !== "AMBER") {
    return contact.rating === "GREEN" ? "A Green contact goes to CFSS Partnership Support: partners are asked only about Red and Amber contacts." : "Rate this contact Red or Amber before asking partners.";
  }
  if (!contact.deadlineAt) return "Rate this contact Red or Amber before asking partners.";
  return null;
}
