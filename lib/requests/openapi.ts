import type { Operation } from "@/lib/api/openapi";
import { answerRequestSchema, makeRequestSchema } from "./schema";

// Information requests to partner agencies and their answers (issue 7, part 1), so agency systems can answer
// directly. Partners see only their own agency's requests: anything else is 404.
export const REQUEST_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/information-requests",
    summary: "Ask partner agencies what they hold on the child and household",
    description:
      "For the social worker the contact is allocated to, or a MASH manager; only for an open Red or Amber contact (anyone else's contact is 404). Each request is due at the contact's RAG deadline (a Red one within the hour). One open request per agency per contact. Every user of each agency is told in the service and by e-mail (the e-mail names the contact's reference, never the child). Agencies: POLICE, HEALTH (MASH Health), EDUCATION, CFSS (Partnership Support), PROBATION, YOUTH_JUSTICE, DRUG_AND_ALCOHOL (S2S). Audited on the contact.",
    permission: "requests:make",
    body: makeRequestSchema,
    success: { status: 201, description: "`requests`: one `{ id, agencyKind, dueAt }` for each agency asked" },
    responses: {
      400: { description: "The body is not JSON", error: true },
      409: { description: "The contact is closed, Green or not rated: partners are asked only about open Red and Amber contacts", error: true },
      422: { description: "`INVALID`: `fields` gives a message per field; `agencies` when an agency already has an open request for this contact", error: true },
    },
  },
  {
    method: "get",
    path: "/api/v1/information-requests",
    summary: "The information requests made to your agency: open ones first, soonest due first",
    description: "For partner agencies' users. Each row has its `state`: DUE, OVERDUE, ANSWERED or ANSWERED_LATE. The MASH reads requests on the contact. Each read is audited.",
    permission: "requests:answer",
    success: { status: 200, description: "`requests` (reference, child's name, question, requested, due, answered, state)" },
  },
  {
    method: "get",
    path: "/api/v1/information-requests/{requestId}",
    summary: "One request made to your agency: the child, the referrer's worries, the question and when it is due",
    description: "Another agency's request is 404, like one that does not exist. Each read is audited.",
    permission: "requests:answer",
    success: { status: 200, description: "The request, with `answer` once it has one" },
  },
  {
    method: "post",
    path: "/api/v1/information-requests/{requestId}/answer",
    summary: "Answer a request made to your agency",
    description:
      "What you hold (facts, with dates and sources), the history relevant to cumulative harm (optional), your analysis of the impact and risk to the child, and whether the family is OPEN, KNOWN_NOT_OPEN or NOT_KNOWN to you. An answer is final. The person who asked is told; the answer becomes part of the contact record.",
    permission: "requests:answer",
    body: answerRequestSchema,
    success: { status: 200, description: "`id`, `contactId` and `answeredAt`" },
    responses: {
      400: { description: "The body is not JSON", error: true },
      409: { description: "The request has already been answered", error: true },
    },
  },
];
