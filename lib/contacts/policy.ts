import type { Actor } from "@/lib/auth/policy";
import type { ContactChannel, ContactStatus } from "@/lib/db/generated/enums";
import { ageInYears } from "@/lib/referral/policy";
import type { RagRating } from "./schema";

// Who sees which contacts, and the words the workbench uses. Pure, so unit tests cover every role.

/**
 * Which contacts a role may open. A MASH or service manager sees every contact; a social worker those
 * allocated to them; the DAAT manager Red contacts (the strategy discussion is theirs); a CFSS coordinator
 * Green ones and early-help requests (status WITH_CFSS: Partnership Support oversees them); a MASH officer
 * the phone contacts they recorded. Everyone else sees none: partner agencies see the requests made to them
 * (a later issue), practitioners their own referrals. Anything outside the scope is "not found".
 */
export type ContactScope =
  | { kind: "ALL" }
  | { kind: "ALLOCATED_TO"; userId: string }
  | { kind: "RATED"; rating: RagRating }
  | { kind: "RECORDED_BY"; userId: string }
  /** Green contacts and early-help requests waiting with CFSS Partnership Support. */
  | { kind: "CFSS" }
  | { kind: "NONE" };

export function contactScopeOf(actor: Pick<Actor, "id" | "role">): ContactScope {
  switch (actor.role) {
    case "MASH_MANAGER":
    case "SERVICE_MANAGER":
      return { kind: "ALL" };
    case "SOCIAL_WORKER":
      return { kind: "ALLOCATED_TO", userId: actor.id };
    case "DAAT_MANAGER":
      return { kind: "RATED", rating: "RED" };
    case "CFSS_COORDINATOR":
      return { kind: "CFSS" };
    case "MASH_OFFICER":
      return { kind: "RECORDED_BY", userId: actor.id };
    default:
      return { kind: "NONE" };
  }
}

export const RATING_LABELS: Record<RagRating, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };

/** What each rating means, shown beside the choice and in the record. */
export const RATING_MEANINGS: Record<RagRating, string> = {
  RED: "Child protection: screened within 1 hour, a strategy discussion with police and health",
  AMBER: "Social care response: screened within 24 hours by an allocated social worker",
  GREEN: "Partnership Support (CFSS) response within 5 working days",
};

export const CONTACT_STATUS_LABELS: Record<ContactStatus, string> = {
  AWAITING_RAG: "Awaiting a rating",
  RATED: "Rated",
  RETURNED_FOR_CONSENT: "Returned to the referrer for consent",
  CLOSED: "Closed",
  PASSED_TO_TEAM: "Passed to the team the child is open to",
  WITH_CFSS: "With CFSS Partnership Support",
};

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  ONLINE: "Online referral",
  PHONE: "Phone",
  EMAIL: "E-mail",
  POLICE_NOTIFICATION: "Police protection notification",
};

/**
 * Why a contact cannot be returned to the referrer for consent (seed 002 §6b), or null when it can: only a
 * contact sent without consent, and only when it is not child protection (a Red contact goes ahead without).
 */
export function whyNotReturnForConsent(contact: { consentObtained: boolean; rating: RagRating | null }): string | null {
  if (contact.consentObtained) return "The referrer recorded the family's consent, so there is nothing to return for";
  if (contact.rating === "RED") return "A Red contact is child protection: it goes ahead without consent";
  return null;
}

/** Red and Amber contacts are screened by an allocated social worker; Green ones go to CFSS. */
export function needsAllocation(rating: RagRating | null): boolean {
  return rating === "RED" || rating === "AMBER";
}

const monthYear = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** A child's age for a list: "7 years", "5 months", "Unborn (due 3 February 2027)", or "Age not known". */
export function ageLabel(child: { dateOfBirth: Date | null; expectedDueDate: Date | null }, today: string): string {
  if (child.expectedDueDate && !child.dateOfBirth) return `Unborn (due ${monthYear.format(child.expectedDueDate)})`;
  if (!child.dateOfBirth) return "Age not known";
  const born = child.dateOfBirth.toISOString().slice(0, 10);
  const years = ageInYears(born, today);
  if (years >= 1) return years === 1 ? "1 year" : `${years} years`;
  const [by, bm, bd] = born.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const months = Math.max(0, (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0));
  return months === 1 ? "1 month" : `${months} months`;
}

/** The reference a contact is known by: its referral's or its phone contact's, with the child's place when there are several. */
export function contactReference(source: string, childIndex: number, children: number): string {
  return children > 1 ? `${source} (child ${childIndex + 1} of ${children})` : source;
}
