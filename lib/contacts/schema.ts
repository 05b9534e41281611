import { z } from "zod";

// What a MASH manager sends to decide on a contact. One schema each, shared by the forms' server actions and
// /api/v1/contacts. Every decision carries its reasons and the version of the contact it was made on.

export const RAG_RATINGS = ["RED", "AMBER", "GREEN"] as const;
export type RagRating = (typeof RAG_RATINGS)[number];

/** A required answer in words: trimmed, with the message shown when it is missing. Shared by every contact form. */
export const requiredText = (message: string, max = 5000) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Keep this under ${max.toLocaleString("en-GB")} characters`);

/** The version of the contact the decision was made on: a decision on a stale view is refused. */
export const expectedVersion = z.coerce
  .number({ error: "Reload the contact and decide again" })
  .int("Reload the contact and decide again")
  .min(1, "Reload the contact and decide again")
  .meta({ description: "The contact's `version` when you read it", example: 1 });

export const rateSchema = z.object({
  rating: z.enum(RAG_RATINGS, { error: "Choose Red, Amber or Green" }).meta({ example: "RED" }),
  direction: requiredText("Enter the management direction").meta({ example: "Screen within the hour with MASH police and health; DAAT informed." }),
  rationale: requiredText("Explain why you chose this rating").meta({ example: "Unexplained bruising to a non-mobile baby; the explanation given does not fit the injury." }),
  expectedVersion,
});
export type RateInput = z.input<typeof rateSchema>;

export const allocateSchema = z.object({
  socialWorkerId: z.uuid({ error: "Choose a social worker" }).meta({ example: "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f" }),
  reason: z.string().trim().max(2000, "Keep this under 2,000 characters").optional().transform((value) => value || null).meta({ example: "Reallocated: Aisha is on leave." }),
  expectedVersion,
});
export type AllocateInput = z.input<typeof allocateSchema>;

export const CONTACT_DECISIONS = ["RETURN_FOR_CONSENT", "CLOSE_CONSULTATION", "PASS_TO_TEAM"] as const;
export type ContactDecision = (typeof CONTACT_DECISIONS)[number];

export const decisionSchema = z
  .object({
    decision: z.enum(CONTACT_DECISIONS, { error: "Choose what happens to this contact" }).meta({ example: "PASS_TO_TEAM" }),
    rationale: requiredText("Explain the decision").meta({ example: "The child is open to the Kettering child in need team, who hold the plan." }),
    team: z.string().trim().max(200, "Keep the team's name under 200 characters").optional().transform((value) => value || null).meta({ example: "Kettering child in need team" }),
    expectedVersion,
  })
  .refine((input) => input.decision !== "PASS_TO_TEAM" || input.team, { path: ["team"], message: "Enter the team the child is already open to" });
export type DecisionInput = z.input<typeof decisionSchema>;

export const QUEUE_VIEWS = ["awaiting", "open"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const QUEUE_FLAGS = ["LEVEL_4", "SECTION_47", "NO_CONSENT", "IMMEDIATE_RISK", "PRIOR_CONTACTS"] as const;
export type QueueFlag = (typeof QUEUE_FLAGS)[number];

export const CONTACT_CHANNELS = ["ONLINE", "PHONE", "EMAIL", "POLICE_NOTIFICATION"] as const;

/** A queue's query string: the view, filters and the keyset cursor (lib/contacts/data.ts#listContacts). */
export const queueQuerySchema = z.object({
  view: z.enum(QUEUE_VIEWS, { error: `view is ${QUEUE_VIEWS.join(" or ")}` }).default("awaiting"),
  channel: z.enum(CONTACT_CHANNELS, { error: `channel is one of ${CONTACT_CHANNELS.join(", ")}` }).optional(),
  agencyId: z.uuid({ error: "agencyId is an agency's id" }).optional(),
  flag: z.enum(QUEUE_FLAGS, { error: `flag is one of ${QUEUE_FLAGS.join(", ")}` }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
