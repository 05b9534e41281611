import type { Operation } from "@/lib/api/openapi";
import { CFSS_OPERATIONS } from "@/lib/cfss/openapi";
import { REQUEST_OPERATIONS } from "@/lib/requests/openapi";
import { DECISION_OPERATIONS } from "./openapi-decisions";

// Screening to outcome, described where each part is built: information requests (lib/requests), the
// screening record, decisions, challenges and outcome letters (lib/screening), the strategy discussion and
// CFSS triage (lib/cfss).
export const SCREENING_OPERATIONS: Operation[] = [...REQUEST_OPERATIONS, ...DECISION_OPERATIONS, ...CFSS_OPERATIONS];
