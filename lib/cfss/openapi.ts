import type { Operation } from "@/lib/api/openapi";
import { agreeStrategySchema, recordStrategySchema } from "@/lib/strategy/schema";
import { approveClosureSchema, cfssActionSchema } from "./schema";

// The Red strategy discussion (lib/strategy) and CFSS coordinator triage (lib/cfss) in /api/v1.

const stale = { 409: { description: "The contact changed since `expectedVersion`, is closed, or is not in a state that allows this (`message` says which)", error: true } };

export const CFSS_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/contacts/{contactId}/strategy-meeting",
    summary: "A Red contact's strategy meeting, and whether the 1-hour screening and the meeting happened in time",
    description: "For anyone who may open the contact (the DAAT manager sees Red contacts). `meeting` is null until one is agreed.",
    permission: "contacts:read",
    success: { status: 200, description: "`meeting` (priority, agreedAt, heldAt, attendees, informationShared, decision, actions, recordedBy), `timeliness` (`screening`, `meeting`, in words) and the contact's `version`" },
  },
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/strategy-meeting",
    summary: "Agree that a Red contact needs a strategy meeting, and its priority; invites the MASH police and health partners",
    description: "Seed 002 App. D. One meeting a contact. The police and health partner users get a notification and an e-mail naming the reference and the priority, never the child. A contact that is not Red is 404.",
    permission: "strategy:record",
    body: agreeStrategySchema,
    success: { status: 201, description: "`meetingId`, `priority`, `agreedAt`, how many were `invited`, and the new `version`" },
    responses: stale,
  },
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/strategy-meeting/record",
    summary: "Record the strategy meeting: when, who attended for which agency, the information shared, the decision and actions with owners",
    description:
      "Police and health must be among the attendees, or the answer is 422 with a message on `attendees` and nothing is written. The meeting must have been agreed first (409). The decision ends the MASH's part: the contact closes and the referrer's outcome letter says what was decided (never the information shared or the actions).",
    permission: "strategy:record",
    body: recordStrategySchema,
    success: { status: 200, description: "`meetingId`, `heldAt`, `decision` and the new `version`" },
    responses: stale,
  },
  {
    method: "get",
    path: "/api/v1/contacts/{contactId}/cfss-actions",
    summary: "A contact's CFSS triage: its 3-working-day clock and every coordinator action, with who gave management oversight",
    permission: "contacts:read",
    success: { status: 200, description: "`status`, `rating`, `version`, `closedAt`, `triageDueAt` and `actions` (oldest first; `awaitingOversight` marks a closure waiting for a manager)" },
  },
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/cfss-actions",
    summary: "Record a partnership coordinator's action on a Green contact or early-help request, with Signs of Safety",
    description:
      "ADVICE_AND_SIGNPOSTING, OPEN_TO_TARGETED_SERVICES and CLOSED close the contact and send the referrer's outcome letter (`notes` are its reasons). ALLOCATED_TO_LOCALITY needs `locality`. ESCALATED_TO_MASH puts the contact back in the MASH managers' queue awaiting a rating and tells them. A closure with an oversight concern (home-educated child, gang, Prevent, exploitation, or a family open to CFSS Tier 3: from the referral's indicators and answers, or ticked in `oversightConcerns`) does not close: `awaitingOversight` is true and the contact waits for a manager's approval.",
    permission: "cfss:triage",
    body: cfssActionSchema,
    success: { status: 201, description: "`actionId`, `kind`, `closed`, `awaitingOversight`, the `concerns` found, a `message` when held, and the new `version`" },
    responses: stale,
  },
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/cfss-actions/oversight",
    summary: "Give management oversight: approve the closure a coordinator's action is waiting on; the contact closes and the letter goes",
    permission: "cfss:oversee",
    body: approveClosureSchema,
    success: { status: 200, description: "`actionId`, `kind`, `closedAt` and the new `version`" },
    responses: { 409: { description: "No closure is waiting for oversight, or the contact changed since `expectedVersion`", error: true } },
  },
];
