import { z } from "zod";
import { expectedVersion, requiredText } from "@/lib/contacts/schema";

// What a social worker sends to record a screening, what a MASH manager sends to decide on it, and a
// partner's professional challenge. One schema each, shared by the server actions and /api/v1.

export const SCREENING_OUTCOMES = [
  "NO_FURTHER_ACTION",
  "SIGNPOST",
  "PARTNERSHIP_SUPPORT",
  "CHILD_AND_FAMILY_ASSESSMENT",
  "STRATEGY_DISCUSSION",
  "ALREADY_OPEN",
  "RETURN_FOR_CONSENT",
] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const DECISION_STANCES = ["ENDORSED", "STEPPED_UP", "STEPPED_DOWN"] as const;
export type DecisionStance = (typeof DECISION_STANCES)[number];

const outcome = (message: string) => z.enum(SCREENING_OUTCOMES, { error: message });

export const screeningSchema = z.object({
  worries: requiredText("Enter what you are worried about", 10_000).meta({ description: "Signs of Safety: what are we worried about (harm, danger, complicating factors)", example: "Two police call-outs for domestic abuse in a month; the baby was present at both." }),
  workingWell: requiredText("Enter what is working well", 10_000).meta({ description: "Signs of Safety: existing safety and strengths", example: "Mother has taken the baby to every health visitor appointment." }),
  needsToHappen: requiredText("Enter what needs to happen", 10_000).meta({ description: "Signs of Safety: what needs to happen next for the child to be safe", example: "An assessment of the baby's needs and the mother's capacity to protect." }),
  scale: z.coerce
    .number({ error: "Choose a number from 0 to 10" })
    .int("Choose a whole number from 0 to 10")
    .min(0, "Choose a number from 0 to 10")
    .max(10, "Choose a number from 0 to 10")
    .meta({ description: "0: the child will be harmed; 10: safe enough to close", example: 3 }),
  analysis: requiredText("Enter your analysis, drawing on each agency's information", 10_000).meta({ description: "The decision maker's analysis, drawing on every agency's answer", example: "Police and health information shows an escalating pattern; the mother's protective steps have not held." }),
  recommendation: outcome("Choose the outcome you recommend").meta({ example: "CHILD_AND_FAMILY_ASSESSMENT" }),
  reasons: requiredText("Explain why you recommend this outcome", 10_000).meta({ example: "The baby is likely to be a child in need; an assessment under section 17 is needed." }),
  expectedVersion,
});
export type ScreeningInput = z.input<typeof screeningSchema>;

export const managementDecisionSchema = z.object({
  stance: z.enum(DECISION_STANCES, { error: "Choose whether you endorse the recommendation or step it up or down" }).meta({ example: "STEPPED_UP" }),
  outcome: outcome("Choose the outcome").meta({ example: "STRATEGY_DISCUSSION" }),
  rationale: requiredText("Explain your decision", 10_000).meta({
    description: "Why, in plain words: it is the reason given to the referrer in the outcome letter, so it must not repeat another agency's information",
    example: "The injuries and the pattern of incidents mean the baby may be suffering significant harm.",
  }),
  expectedVersion,
});
export type ManagementDecisionInput = z.input<typeof managementDecisionSchema>;

export const challengeSchema = z.object({
  reason: requiredText("Explain why you disagree with the decision", 10_000).meta({ example: "Police hold three call-outs in six weeks; we think the risk is higher than a signpost." }),
});
export type ChallengeInput = z.input<typeof challengeSchema>;

export const escalationSchema = z.object({
  reason: requiredText("Explain why the team manager's decision should go to the service manager", 10_000).meta({ example: "We still think the assessment is unsafe after talking to the MASH manager." }),
});
export type EscalationInput = z.input<typeof escalationSchema>;

export const challengeDecisionSchema = z.object({
  decision: requiredText("Enter your decision and its reasons", 10_000).meta({ example: "The decision is stepped up: a child and family assessment will be carried out." }),
});
export type ChallengeDecisionInput = z.input<typeof challengeDecisionSchema>;
