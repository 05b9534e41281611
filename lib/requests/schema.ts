import { z } from "zod";

// What a decision maker sends to ask partner agencies, and what a partner sends back. One schema each,
// shared by the forms' server actions and /api/v1 (lib/api/openapi.ts builds the examples from `.meta`).

/** The MASH partners an information request can go to (seed 002: co-located and virtual members). */
export const REQUEST_AGENCIES = ["POLICE", "HEALTH", "EDUCATION", "CFSS", "PROBATION", "YOUTH_JUSTICE", "DRUG_AND_ALCOHOL"] as const;
export type RequestAgency = (typeof REQUEST_AGENCIES)[number];

export const KNOWN_TO_AGENCY = ["OPEN", "KNOWN_NOT_OPEN", "NOT_KNOWN"] as const;
export type KnownToAgency = (typeof KNOWN_TO_AGENCY)[number];

const required = (message: string, max = 10_000) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Keep this under ${max.toLocaleString("en-GB")} characters`);

export const makeRequestSchema = z.object({
  agencies: z
    .array(z.enum(REQUEST_AGENCIES, { error: "Choose agencies from the list" }), { error: "Choose at least one agency to ask" })
    .min(1, "Choose at least one agency to ask")
    .transform((agencies) => [...new Set(agencies)])
    .meta({ example: ["POLICE", "HEALTH"] }),
  question: required("Enter what you want to know", 5000).meta({
    example: "What do you hold on Alex (born 3 March 2017) and the adults at 12 Acacia Road, NN1 1AA, in the last 2 years?",
  }),
});
export type MakeRequestInput = z.input<typeof makeRequestSchema>;

export const answerRequestSchema = z.object({
  holds: required("Enter what your agency holds, with dates and sources").meta({
    example: "3 Nov 2026: domestic incident at the address, the father arrested (police log 2611-0342). No other calls this year.",
  }),
  history: z
    .string()
    .trim()
    .max(10_000, "Keep this under 10,000 characters")
    .optional()
    .transform((value) => value || null)
    .meta({ example: "Four domestic incidents at the address since 2023, the children present at two." }),
  analysis: required("Enter your analysis of the impact and risk to the child").meta({
    example: "A pattern of escalating violence in the home; the children are likely to be exposed to it again.",
  }),
  knownToAgency: z.enum(KNOWN_TO_AGENCY, { error: "Say whether the family is known or open to your agency" }).meta({ example: "KNOWN_NOT_OPEN" }),
});
export type AnswerRequestInput = z.input<typeof answerRequestSchema>;
