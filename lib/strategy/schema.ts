import { z } from "zod";
import { expectedVersion, requiredText } from "@/lib/contacts/schema";

// What the DAAT manager sends for the Red strategy discussion (seed 002 App. D): first the agreement that a
// meeting is needed and how soon, then the meeting's record. Shared by the forms and /api/v1.

export const STRATEGY_DECISIONS = ["SECTION_47_ENQUIRY", "SINGLE_AGENCY_POLICE_INVESTIGATION", "CHILD_AND_FAMILY_ASSESSMENT", "NO_FURTHER_ACTION"] as const;
export type StrategyDecision = (typeof STRATEGY_DECISIONS)[number];

export const STRATEGY_DECISION_LABELS: Record<StrategyDecision, string> = {
  SECTION_47_ENQUIRY: "Section 47 enquiry",
  SINGLE_AGENCY_POLICE_INVESTIGATION: "Single-agency police investigation",
  CHILD_AND_FAMILY_ASSESSMENT: "Child and family assessment",
  NO_FURTHER_ACTION: "No further action",
};

/** The agencies a strategy meeting's attendee can come from; police and health must be there. */
export const ATTENDEE_AGENCIES = ["CHILDRENS_SOCIAL_CARE", "POLICE", "HEALTH", "EDUCATION", "PROBATION", "YOUTH_JUSTICE", "CFSS", "DRUG_AND_ALCOHOL", "VOLUNTARY"] as const;
export type AttendeeAgency = (typeof ATTENDEE_AGENCIES)[number];

export const ATTENDEE_AGENCY_LABELS: Record<AttendeeAgency, string> = {
  CHILDRENS_SOCIAL_CARE: "Children's Social Care",
  POLICE: "Police",
  HEALTH: "Health",
  EDUCATION: "Education",
  PROBATION: "Probation",
  YOUTH_JUSTICE: "Youth Justice Service",
  CFSS: "CFSS / Partnership Support",
  DRUG_AND_ALCOHOL: "S2S (adult drug and alcohol)",
  VOLUNTARY: "Voluntary sector",
};

/** How many attendee and action rows the record form offers (the API takes up to 50 of each). */
export const ATTENDEE_ROWS = 6;
export const ACTION_ROWS = 4;

export const agreeStrategySchema = z.object({
  priority: requiredText("Enter how soon the meeting must be held", 200).meta({ example: "Within 2 hours" }),
  expectedVersion,
});
export type AgreeStrategyInput = z.input<typeof agreeStrategySchema>;

const attendeeSchema = z.object({
  name: requiredText("Enter the attendee's name", 200),
  agency: z.enum(ATTENDEE_AGENCIES, { error: "Choose the attendee's agency" }),
});

const actionSchema = z.object({
  action: requiredText("Enter the action", 1000),
  owner: requiredText("Enter who owns the action", 200),
  dueBy: z.iso.date({ error: "Enter the date the action is due as YYYY-MM-DD" }).optional(),
});

export const recordStrategySchema = z.object({
  heldAt: z.coerce.date({ error: "Enter when the meeting was held" }).meta({ example: "2026-11-25T11:30:00Z", description: "When the meeting was held (ISO 8601)" }),
  attendees: z
    .array(attendeeSchema, { error: "List who attended" })
    .min(1, "List who attended")
    .max(50, "List at most 50 attendees")
    .meta({
      example: [
        { name: "DS Kim Patel", agency: "POLICE" },
        { name: "Nurse Sam Okafor", agency: "HEALTH" },
        { name: "Jo Reid, DAAT manager", agency: "CHILDRENS_SOCIAL_CARE" },
      ],
    }),
  informationShared: requiredText("Enter the information shared").meta({ example: "Police hold two domestic abuse call-outs this year; health have no concerns about the baby's growth." }),
  decision: z.enum(STRATEGY_DECISIONS, { error: "Choose the meeting's decision" }).meta({ example: "SECTION_47_ENQUIRY" }),
  actions: z
    .array(actionSchema, { error: "List the actions and who owns each" })
    .max(50, "List at most 50 actions")
    .default([])
    .meta({ example: [{ action: "Joint visit to the child at home", owner: "DS Kim Patel and the allocated social worker", dueBy: "2026-11-26" }] }),
  expectedVersion,
});
export type RecordStrategyInput = z.input<typeof recordStrategySchema>;
export type StrategyAttendee = z.output<typeof attendeeSchema>;
export type StrategyAction = z.output<typeof actionSchema>;
