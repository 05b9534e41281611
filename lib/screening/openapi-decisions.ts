import type { Operation } from "@/lib/api/openapi";
import { challengeDecisionSchema, challengeSchema, escalationSchema, managementDecisionSchema, screeningSchema } from "./schema";

// The screening record, the management decision and professional challenges (issue 7 parts 2, 3 and 6).

export const DECISION_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/screening",
    summary: "Record the screening of a Red or Amber contact, with a recommended outcome",
    description:
      "Only the social worker the contact is allocated to; another worker's contact is 404. Signs of Safety (worries, what is working well, what needs to happen, the 0–10 scale), the analysis drawing on every agency's answer, and a recommendation with reasons: NO_FURTHER_ACTION, SIGNPOST, PARTNERSHIP_SUPPORT, CHILD_AND_FAMILY_ASSESSMENT (section 17), STRATEGY_DISCUSSION (section 47), ALREADY_OPEN, RETURN_FOR_CONSENT. The MASH manager decides on the latest screening. Audited.",
    permission: "screening:record",
    body: screeningSchema,
    success: { status: 201, description: "Recorded: `screeningId`, `recordedAt` and the contact's new `version`" },
    responses: { 409: { description: "The contact changed since `expectedVersion`, is closed, or is not an open Red or Amber contact", error: true } },
  },
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/management-decision",
    summary: "Endorse the latest screening's recommendation, or step it up or down",
    description:
      "`stance` must agree with the outcome: the recommended one is ENDORSED; on the ladder NO_FURTHER_ACTION < SIGNPOST < PARTNERSHIP_SUPPORT < CHILD_AND_FAMILY_ASSESSMENT < STRATEGY_DISCUSSION a higher one is STEPPED_UP and a lower one STEPPED_DOWN; ALREADY_OPEN and RETURN_FOR_CONSENT stand to one side. The `rationale` is the reason given to the referrer in the outcome letter. No further action, signposting, a child and family assessment, already open and return for consent close the contact and send the outcome letter; Partnership Support passes it to CFSS triage (3 working days); a strategy discussion keeps it open for the DAAT strategy meeting and, if it was not Red, re-rates it Red (the 1-hour clock restarts; `reRatedRed`). Audited.",
    permission: "screening:decide",
    body: managementDecisionSchema,
    success: { status: 201, description: "Decided: `decisionId`, `outcome`, `stance`, `decidedAt`, `closed`, `reRatedRed` and the contact's new `version`" },
    responses: { 409: { description: "The contact changed since `expectedVersion`, is closed, has no screening, or its latest screening is already decided", error: true } },
  },
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/challenges",
    summary: "Challenge the MASH's decision on a contact your agency was asked about",
    description:
      "A partner agency user whose agency has an information request on the contact (any other contact is 404). The MASH team manager's decision stands unless the challenge is escalated to the service manager (seed 002 §10). Audited.",
    permission: "challenges:raise",
    body: challengeSchema,
    success: { status: 201, description: "Recorded: `challengeId`, `raisedAt`" },
  },
  {
    method: "post",
    path: "/api/v1/challenges/{challengeId}/escalation",
    summary: "Escalate a challenge to the service manager",
    description:
      "The partner who raised the challenge, or a MASH manager (anyone else is 403, and another partner's challenge 404), says why the team manager's decision is thought unsafe. A challenge is escalated once, and not after it is decided. Audited with who and why.",
    permission: "signed-in",
    body: escalationSchema,
    success: { status: 200, description: "Escalated: `challengeId`, `escalatedAt`" },
    responses: {
      403: { description: "Only the partner who raised it or a MASH manager may escalate a challenge", error: true },
      409: { description: "Already escalated, or already decided", error: true },
    },
  },
  {
    method: "post",
    path: "/api/v1/challenges/{challengeId}/decision",
    summary: "The service manager's final decision on an escalated challenge",
    description: "Only an escalated challenge, and only once: the decision is final and cannot be changed. Audited.",
    permission: "challenges:decide",
    body: challengeDecisionSchema,
    success: { status: 200, description: "Decided: `challengeId`, `decidedAt`" },
    responses: { 409: { description: "Not escalated, or already decided", error: true } },
  },
];
