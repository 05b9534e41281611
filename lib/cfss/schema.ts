import { z } from "zod";
import { expectedVersion, requiredText } from "@/lib/contacts/schema";

// What a CFSS partnership coordinator sends to act on a Green contact or early-help request (seed 002 §11),
// and what a manager sends to give the management oversight some closures need. Shared by forms and API.

export const CFSS_ACTION_KINDS = ["ADVICE_AND_SIGNPOSTING", "ALLOCATED_TO_LOCALITY", "OPEN_TO_TARGETED_SERVICES", "ESCALATED_TO_MASH", "CLOSED"] as const;
export type CfssActionKind = (typeof CFSS_ACTION_KINDS)[number];

/** The concerns that need management oversight before a contact closes (seed 002 §11). */
export const OVERSIGHT_CONCERNS = ["HOME_EDUCATED", "GANG", "PREVENT", "CSE", "OPEN_TO_TIER_3"] as const;
export type OversightConcern = (typeof OVERSIGHT_CONCERNS)[number];

export const cfssActionSchema = z
  .object({
    kind: z.enum(CFSS_ACTION_KINDS, { error: "Choose an action" }).meta({ example: "ADVICE_AND_SIGNPOSTING" }),
    worries: requiredText("Enter what we are worried about").meta({ example: "Mum is struggling with Alex's behaviour since the move; some conflict at home." }),
    workingWell: requiredText("Enter what is working well").meta({ example: "Alex attends school every day and mum asked for help herself." }),
    needsToHappen: requiredText("Enter what needs to happen").meta({ example: "Mum to join the Solihull parenting course; school to keep mentoring." }),
    notes: requiredText("Enter your notes; when the action closes the contact, they are the reasons in the referrer's letter").meta({
      example: "Spoke to mum on 25 November: she will book the parenting course. No role for CFSS beyond signposting.",
    }),
    locality: z.string().trim().max(200, "Keep the locality under 200 characters").optional().transform((value) => value || null).meta({ example: "Northampton South (Riverside Primary School)" }),
    oversightConcerns: z
      .array(z.enum(OVERSIGHT_CONCERNS, { error: "Choose from the listed concerns" }))
      .max(OVERSIGHT_CONCERNS.length)
      .default([])
      .meta({ description: "Concerns the coordinator found that need management oversight before closing", example: [] }),
    expectedVersion,
  })
  .refine((input) => input.kind !== "ALLOCATED_TO_LOCALITY" || input.locality, { path: ["locality"], message: "Enter the locality (the school or area) to allocate to" });
export type CfssActionInput = z.input<typeof cfssActionSchema>;

export const approveClosureSchema = z.object({
  note: requiredText("Explain why it is safe to close").meta({ example: "Read the CSE screening: low risk, CERAF low pathway in place with school. Agree to close with signposting." }),
  expectedVersion,
});
export type ApproveClosureInput = z.input<typeof approveClosureSchema>;
