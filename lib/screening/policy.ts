import type { PartnerChallenge, PartnerDecisionView } from "./data";
import type { DecisionStance, ScreeningOutcome } from "./schema";

// The rules of a screening's outcome, pure so unit tests cover each branch: plain labels, the order that
// "stepping up" and "stepping down" refer to, and what each outcome does to the contact.

export const OUTCOME_LABELS: Record<ScreeningOutcome, string> = {
  NO_FURTHER_ACTION: "No further action, with advice and guidance",
  SIGNPOST: "Signpost to universal or community services",
  PARTNERSHIP_SUPPORT: "Partnership Support / CFSS (early help)",
  CHILD_AND_FAMILY_ASSESSMENT: "Child and Family Assessment (section 17, child in need)",
  STRATEGY_DISCUSSION: "Strategy discussion (section 47, child protection)",
  ALREADY_OPEN: "Already open: pass to the allocated team",
  RETURN_FOR_CONSENT: "Return to the referrer for consent",
};

export const STANCE_LABELS: Record<DecisionStance, string> = {
  ENDORSED: "Endorsed the recommendation",
  STEPPED_UP: "Stepped up",
  STEPPED_DOWN: "Stepped down",
};

/** The level of response, lowest first. ALREADY_OPEN and RETURN_FOR_CONSENT stand to one side of it. */
const LADDER: readonly ScreeningOutcome[] = ["NO_FURTHER_ACTION", "SIGNPOST", "PARTNERSHIP_SUPPORT", "CHILD_AND_FAMILY_ASSESSMENT", "STRATEGY_DISCUSSION"];

/**
 * Whether the manager's stance agrees with the outcome chosen against the recommendation: the same outcome
 * is endorsed; a higher one on the ladder is a step up and a lower one a step down. A side outcome
 * (already open, return for consent) that differs from the recommendation is a change either way, so any
 * stance but ENDORSED is accepted with the rationale.
 */
export function stanceError(recommendation: ScreeningOutcome, outcome: ScreeningOutcome, stance: DecisionStance): string | null {
  if (outcome === recommendation) return stance === "ENDORSED" ? null : "You chose the recommended outcome: that is endorsing it";
  if (stance === "ENDORSED") return "Endorsing keeps the recommended outcome. Choose it, or say you are stepping up or down";
  const from = LADDER.indexOf(recommendation);
  const to = LADDER.indexOf(outcome);
  if (from < 0 || to < 0) return null;
  if (to > from && stance !== "STEPPED_UP") return "This outcome is a higher level of response than recommended: that is stepping up";
  if (to < from && stance !== "STEPPED_DOWN") return "This outcome is a lower level of response than recommended: that is stepping down";
  return null;
}

export type ContactEffect =
  | { kind: "CLOSE"; status: "CLOSED" | "PASSED_TO_TEAM" | "RETURNED_FOR_CONSENT" }
  | { kind: "TO_CFSS" }
  | { kind: "STRATEGY_DISCUSSION" };

/**
 * What a decided outcome does to the MASH contact.
 *
 * - No further action, signposting, and a child and family assessment end the MASH's part: the contact
 *   closes and the referrer gets the outcome letter. An assessment is carried out by the assessment team
 *   under section 17, outside the MASH, so the MASH contact closes with the letter saying so.
 * - Already open: passed to the allocated team (PASSED_TO_TEAM). Return for consent: RETURNED_FOR_CONSENT.
 * - Partnership Support goes to the CFSS coordinators' triage (WITH_CFSS, a 3-working-day clock); they send
 *   the letter when they finish (lib/outcomes/mutations.ts#writeOutcomeLetter).
 * - A strategy discussion stays open on this contact, rated Red: the DAAT manager agrees and records the
 *   strategy meeting on it (seed 002 App. D), and the contact shows whether the 1-hour screening and the
 *   meeting happened in time. Closing it here would end the very record the meeting is kept on; the
 *   strategy meeting's decision closes it and sends the letter.
 */
export function effectOf(outcome: ScreeningOutcome): ContactEffect {
  switch (outcome) {
    case "NO_FURTHER_ACTION":
    case "SIGNPOST":
    case "CHILD_AND_FAMILY_ASSESSMENT":
      return { kind: "CLOSE", status: "CLOSED" };
    case "ALREADY_OPEN":
      return { kind: "CLOSE", status: "PASSED_TO_TEAM" };
    case "RETURN_FOR_CONSENT":
      return { kind: "CLOSE", status: "RETURNED_FOR_CONSENT" };
    case "PARTNERSHIP_SUPPORT":
      return { kind: "TO_CFSS" };
    case "STRATEGY_DISCUSSION":
      return { kind: "STRATEGY_DISCUSSION" };
  }
}

/** Only Red and Amber contacts are screened by a social worker; Green ones go to CFSS. */
export function isScreenable(contact: { rating: string | null; closedAt: Date | null; allocatedToId: string | null }, userId: string): boolean {
  return (contact.rating === "RED" || contact.rating === "AMBER") && !contact.closedAt && contact.allocatedToId === userId;
}

type TimelineWording = { what: string; why: { label: string; text: string }[] };

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
const outcomeLabel = (value: unknown): string => {
  const outcome = text(value);
  return outcome && outcome in OUTCOME_LABELS ? OUTCOME_LABELS[outcome as ScreeningOutcome] : "an outcome";
};

/**
 * The contact timeline's words for this slice's audit events (components/contacts/contact-timeline.tsx can
 * call it before its default), or null for an event that is not one of them.
 */
export function describeScreeningEvent(action: string, details: Record<string, unknown>): TimelineWording | null {
  const because = (label: string, value: unknown) => (text(value) ? [{ label, text: text(value)! }] : []);
  switch (action) {
    case "screening.recorded":
      return { what: `Screened: recommended ${outcomeLabel(details.recommendation)}`, why: because("Reasons", details.reasons) };
    case "screening.decided": {
      const stance = text(details.stance);
      const how = stance && stance in STANCE_LABELS ? STANCE_LABELS[stance as DecisionStance] : "Decided";
      return { what: `Management decision: ${how.toLowerCase()}, ${outcomeLabel(details.outcome)}`, why: because("Rationale", details.rationale) };
    }
    case "outcome.sent":
      return { what: "Outcome letter written for the referrer", why: [] };
    case "challenge.raised":
      return { what: "A partner agency challenged the decision", why: because("Reason", details.reason) };
    case "challenge.escalated":
      return { what: "Challenge escalated to the service manager", why: because("Reason", details.reason) };
    case "challenge.decided":
      return { what: "The service manager decided the challenge (final)", why: because("Decision", details.decision) };
    default:
      return null;
  }
}

/**
 * Why someone may not raise a challenge now, in plain words, or null if they may: there must be a decision
 * to challenge, and one open challenge of theirs at a time (the team manager or service manager answers it).
 */
export function whyNotChallenge(state: { decided: boolean; openChallengeOfTheirs: boolean }): string | null {
  if (!state.decided) return "The MASH has not made its decision on this contact yet, so there is nothing to challenge.";
  if (state.openChallengeOfTheirs) return "You already have a challenge on this contact that has not been decided yet.";
  return null;
}

/** Where a partner stands on challenging the decision, for whyNotChallenge. */
export function challengeStateOf(view: Pick<PartnerDecisionView, "decision" | "challenges">): { decided: boolean; openChallengeOfTheirs: boolean } {
  return { decided: view.decision !== null, openChallengeOfTheirs: view.challenges.some((challenge) => challenge.mine && !challenge.decidedAt) };
}

/** The reader's own challenge that they may still escalate: raised, neither escalated nor decided. */
export function isEscalatable(challenge: PartnerChallenge): boolean {
  return challenge.mine && !challenge.escalatedAt && !challenge.decidedAt;
}
