import { describe, expect, it } from "vitest";
import { cfssOutcome, closesContact } from "@/lib/cfss/policy";
import { outcomeWording } from "@/lib/outcomes/policy";
import { SCREENING_OUTCOMES } from "@/lib/screening/schema";
import { strategyOutcome } from "@/lib/strategy/policy";

// Every outcome that can send a letter has its own words: the generic fallback would tell a referrer nothing.

const FALLBACK = outcomeWording("SOMETHING_ELSE");
const STRATEGY_DECISIONS = ["SECTION_47_ENQUIRY", "SINGLE_AGENCY_POLICE_INVESTIGATION", "CHILD_AND_FAMILY_ASSESSMENT", "NO_FURTHER_ACTION"] as const;
const CFSS_KINDS = ["ADVICE_AND_SIGNPOSTING", "ALLOCATED_TO_LOCALITY", "OPEN_TO_TARGETED_SERVICES", "ESCALATED_TO_MASH", "CLOSED"] as const;

describe("outcome letter wording", () => {
  const outcomes = [
    ...SCREENING_OUTCOMES,
    ...STRATEGY_DECISIONS.map(strategyOutcome),
    ...CFSS_KINDS.filter((kind) => closesContact(kind)).map(cfssOutcome),
  ];
  it.each(outcomes)("%s has its own words", (outcome) => {
    expect(outcomeWording(outcome)).not.toEqual(FALLBACK);
  });
});
