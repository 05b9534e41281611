import type { CfssActionKind, OversightConcern } from "./schema";

// The rules of CFSS coordinator triage (seed 002 §11). Pure, so unit tests cover every branch.
//
// How a closure gets management oversight: a coordinator's action that would close a contact with an
// oversight concern does NOT close it. The action is kept with `oversightBy` empty (a closure awaiting
// oversight), the contact stays open, and the managers with "cfss:oversee" are told. The contact closes,
// and the referrer's letter goes, only when one of them approves (lib/cfss/mutations.ts#approveCfssClosure),
// which writes their id into `oversightBy`. A manager who records a closing action gives the oversight
// themselves. Escalation to the MASH puts the contact back to "awaiting a rating" in the managers' queue.

export const CFSS_ACTION_LABELS: Record<CfssActionKind, string> = {
  ADVICE_AND_SIGNPOSTING: "Information, advice and guidance to the family, and signposting (closes)",
  ALLOCATED_TO_LOCALITY: "Allocate to the locality partnership coordinator for the school or area",
  OPEN_TO_TARGETED_SERVICES: "Tell the practitioner the family is already open to targeted (Tier 3) services (closes)",
  ESCALATED_TO_MASH: "Escalate to the MASH for a manager to re-rate (Amber or Red)",
  CLOSED: "Close",
};

export const OVERSIGHT_CONCERN_LABELS: Record<OversightConcern, string> = {
  HOME_EDUCATED: "Home-educated child",
  GANG: "Gang concerns",
  PREVENT: "Prevent (radicalisation) concerns",
  CSE: "Child sexual or criminal exploitation",
  OPEN_TO_TIER_3: "Family open to CFSS targeted (Tier 3) services",
};

/** The actions that end CFSS's part, and so close the contact and send the outcome letter. */
export const CLOSING_ACTIONS: readonly CfssActionKind[] = ["ADVICE_AND_SIGNPOSTING", "OPEN_TO_TARGETED_SERVICES", "CLOSED"];

export function closesContact(kind: CfssActionKind): boolean {
  return CLOSING_ACTIONS.includes(kind);
}

/** The outcome the letter is written for. */
export function cfssOutcome(kind: CfssActionKind): string {
  return `CFSS_${kind}`;
}

/**
 * The threshold indicators (Right Help, Right Time 2025) that mean an oversight concern. Exploitation covers
 * the CERAF pathways, online exploitation and trafficking; gang covers organised crime and serious youth
 * violence; Prevent the radical and extremist views; home education the indicator that names it.
 */
export const OVERSIGHT_INDICATORS: Readonly<Record<string, OversightConcern>> = {
  "rhrt-2025/education/4/04": "HOME_EDUCATED",
  "rhrt-2025/extra-familial/2/01": "CSE",
  "rhrt-2025/extra-familial/3/01": "CSE",
  "rhrt-2025/extra-familial/3/02": "CSE",
  "rhrt-2025/extra-familial/4/01": "CSE",
  "rhrt-2025/extra-familial/4/02": "CSE",
  "rhrt-2025/extra-familial/4/03": "CSE",
  "rhrt-2025/extra-familial/4/11": "CSE",
  "rhrt-2025/extra-familial/3/04": "GANG",
  "rhrt-2025/extra-familial/3/06": "GANG",
  "rhrt-2025/extra-familial/4/04": "GANG",
  "rhrt-2025/extra-familial/4/07": "GANG",
  "rhrt-2025/extra-familial/2/07": "PREVENT",
  "rhrt-2025/extra-familial/3/08": "PREVENT",
  "rhrt-2025/extra-familial/4/09": "PREVENT",
  "rhrt-2025/extra-familial/4/10": "PREVENT",
};

const HOME_EDUCATED = /home[\s-]*(educat|school)|\bEHE\b/i;

export type OversightFacts = {
  /** The threshold indicators the referrer ticked. */
  indicatorIds: readonly string[];
  /** The child's school as the referrer wrote it ("Home educated", "EHE"). */
  school?: string | null;
  /** A MASH referral's answer to "is the child open to early help now?" (YES means open to CFSS Tier 3). */
  openToEarlyHelp?: string | null;
  /** What the coordinator found and ticked on the action. */
  flagged?: readonly OversightConcern[];
};

/** Every concern that means a closure needs management oversight, each once, in a stable order. */
export function oversightConcerns(facts: OversightFacts): OversightConcern[] {
  const found = new Set<OversightConcern>(facts.flagged ?? []);
  for (const id of facts.indicatorIds) {
    const concern = OVERSIGHT_INDICATORS[id];
    if (concern) found.add(concern);
  }
  if (facts.school && HOME_EDUCATED.test(facts.school)) found.add("HOME_EDUCATED");
  if (facts.openToEarlyHelp === "YES") found.add("OPEN_TO_TIER_3");
  const order: OversightConcern[] = ["HOME_EDUCATED", "GANG", "PREVENT", "CSE", "OPEN_TO_TIER_3"];
  return order.filter((concern) => found.has(concern));
}

/** The message a coordinator sees when their closing action waits for a manager. */
export function awaitingOversightMessage(concerns: readonly OversightConcern[]): string {
  const named = concerns.map((concern) => OVERSIGHT_CONCERN_LABELS[concern].toLowerCase()).join("; ");
  return `This contact needs management oversight before it can close (${named}). Your action is recorded and a manager has been asked to approve the closure; the contact stays open until they do.`;
}

export type TriageState = "DONE_IN_TIME" | "DONE_LATE" | "DUE" | "OVERDUE" | "NONE";

/** Whether the coordinators acted within the 3-working-day triage clock. */
export function triageState(triageDueAt: Date | null, firstActionAt: Date | null, now: Date): TriageState {
  if (!triageDueAt) return "NONE";
  if (firstActionAt) return firstActionAt <= triageDueAt ? "DONE_IN_TIME" : "DONE_LATE";
  return now < triageDueAt ? "DUE" : "OVERDUE";
}

type TimelineWording = { what: string; why: { label: string; text: string }[] };
const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

/** The contact timeline's words for the CFSS events (components/contacts/contact-timeline.tsx can call it before its default), or null. */
export function describeCfssEvent(action: string, details: Record<string, unknown>): TimelineWording | null {
  const kind = str(details.kind);
  const label = kind && kind in CFSS_ACTION_LABELS ? CFSS_ACTION_LABELS[kind as CfssActionKind] : "CFSS action";
  const notes = str(details.notes) ? [{ label: "Notes", text: str(details.notes)! }] : [];
  switch (action) {
    case "cfss.closed":
      return { what: `CFSS closed the contact: ${label}`, why: notes };
    case "cfss.closure-awaiting-oversight":
      return { what: `CFSS closure waiting for management oversight: ${label}`, why: notes };
    case "cfss.closure-approved":
      return { what: "Management oversight given: CFSS closure approved", why: str(details.note) ? [{ label: "Reason", text: str(details.note)! }] : [] };
    case "cfss.escalated":
      return { what: "CFSS escalated the contact to the MASH for a manager to re-rate", why: notes };
    case "cfss.allocated-to-locality":
      return { what: `CFSS allocated the contact to the locality partnership coordinator${str(details.locality) ? ` (${str(details.locality)})` : ""}`, why: notes };
    default:
      return null;
  }
}
