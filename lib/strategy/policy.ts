import { describeRemaining } from "@/lib/contacts/deadlines";
import type { AttendeeAgency, StrategyDecision } from "./schema";

// The rules of the Red strategy discussion (seed 002 App. D). Pure, so unit tests cover every branch.

/** MASH police and health are essential: a strategy meeting without them is not a strategy meeting. */
export const ESSENTIAL_AGENCIES = ["POLICE", "HEALTH"] as const satisfies readonly AttendeeAgency[];

/** The essential agencies nobody attended for; empty when the meeting may be recorded. */
export function missingEssentialAgencies(attendees: readonly { agency: AttendeeAgency }[]): ("POLICE" | "HEALTH")[] {
  const present = new Set(attendees.map((attendee) => attendee.agency));
  return ESSENTIAL_AGENCIES.filter((agency) => !present.has(agency));
}

/** The plain-English refusal when police or health are missing, or null when both attended. */
export function essentialAttendanceMessage(attendees: readonly { agency: AttendeeAgency }[]): string | null {
  const missing = missingEssentialAgencies(attendees);
  if (missing.length === 0) return null;
  const names = missing.map((agency) => (agency === "POLICE" ? "the police" : "health")).join(" and ");
  return `A strategy meeting needs MASH police and health: add who attended for ${names}. If they could not attend, hold the meeting when they can.`;
}

/** The outcome the referrer's letter is written for (lib/outcomes/policy.ts words it). */
export function strategyOutcome(decision: StrategyDecision): string {
  return `STRATEGY_${decision}`;
}

const MINUTE = 60_000;
const time = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", day: "numeric", month: "long" });

function span(from: Date, to: Date): string {
  const minutes = Math.max(0, Math.floor((to.getTime() - from.getTime()) / MINUTE));
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? "" : "s"}${rest ? ` ${rest} minute${rest === 1 ? "" : "s"}` : ""}`;
}

/**
 * How many minutes a priority in words allows ("Within 2 hours", "within 30 minutes", "Within 1 working
 * day" counts as 24 hours), or null when the words give no time ("Today", "As soon as possible").
 */
export function priorityMinutes(priority: string): number | null {
  const match = /within\s+(\d+(?:\.\d+)?)\s*(minute|min|hour|hr|day|working day)s?\b/i.exec(priority);
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  if (unit.startsWith("min")) return amount * 1;
  if (unit.startsWith("h")) return amount * 60;
  return amount * 24 * 60;
}

export type RedTimeliness = {
  /** The 1-hour screening: due, done in time, or missed. */
  screening: string;
  /** The strategy meeting: not yet agreed, agreed and awaited, or held (in time against its priority, or not). */
  meeting: string;
};

/**
 * Whether a Red contact's 1-hour screening and its strategy meeting happened in time, in words for the
 * contact page. The screening clock is the rating's (breachedAt is set when it ran out unscreened); the
 * meeting is judged against the priority the DAAT manager set when the words say a time ("Within 2 hours").
 */
export function redTimeliness(
  contact: { ratedAt: Date | null; deadlineAt: Date | null; breachedAt: Date | null },
  meeting: { agreedAt: Date; heldAt: Date | null; priority?: string } | null,
  now: Date = new Date(),
): RedTimeliness {
  let screening: string;
  if (!contact.ratedAt || !contact.deadlineAt) screening = "Not rated yet: the 1-hour screening starts when the contact is rated Red.";
  else if (contact.breachedAt) screening = `The 1-hour screening was not done in time: it was due by ${time.format(contact.deadlineAt)}.`;
  else if (now < contact.deadlineAt) screening = `Screening due by ${time.format(contact.deadlineAt)} (${describeRemaining(contact.deadlineAt, now).toLowerCase()}).`;
  else screening = `Screened within the hour (due by ${time.format(contact.deadlineAt)}).`;

  if (!meeting) return { screening, meeting: "No strategy meeting has been agreed yet." };
  const allowed = meeting.priority ? priorityMinutes(meeting.priority) : null;
  const due = allowed === null ? null : new Date(meeting.agreedAt.getTime() + allowed * MINUTE);
  const sinceRating = contact.ratedAt ? `, ${span(contact.ratedAt, meeting.heldAt ?? now)} after the Red rating` : "";
  if (!meeting.heldAt) {
    if (!due) return { screening, meeting: `Strategy meeting agreed at ${time.format(meeting.agreedAt)}; not yet held.` };
    return {
      screening,
      meeting: now < due ? `Strategy meeting agreed; to be held by ${time.format(due)}.` : `The strategy meeting is overdue: it was to be held by ${time.format(due)}.`,
    };
  }
  const held = `Strategy meeting held ${span(meeting.agreedAt, meeting.heldAt)} after it was agreed${sinceRating}`;
  if (!due) return { screening, meeting: `${held}.` };
  return { screening, meeting: meeting.heldAt <= due ? `${held}: in time.` : `${held}: late (it was to be held by ${time.format(due)}).` };
}

type TimelineWording = { what: string; why: { label: string; text: string }[] };
const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

/** The contact timeline's words for the strategy events (components/contacts/contact-timeline.tsx can call it before its default), or null. */
export function describeStrategyEvent(action: string, details: Record<string, unknown>): TimelineWording | null {
  switch (action) {
    case "strategy.agreed":
      return { what: "Strategy meeting agreed by the DAAT manager; MASH police and health invited", why: str(details.priority) ? [{ label: "Priority", text: str(details.priority)! }] : [] };
    case "strategy.recorded": {
      const decision = str(details.decision);
      const label = decision && decision in DECISION_WORDS ? DECISION_WORDS[decision as StrategyDecision] : "a decision";
      return { what: `Strategy meeting recorded: ${label}`, why: [] };
    }
    default:
      return null;
  }
}

const DECISION_WORDS: Record<StrategyDecision, string> = {
  SECTION_47_ENQUIRY: "section 47 enquiry",
  SINGLE_AGENCY_POLICE_INVESTIGATION: "single-agency police investigation",
  CHILD_AND_FAMILY_ASSESSMENT: "child and family assessment",
  NO_FURTHER_ACTION: "no further action",
};
