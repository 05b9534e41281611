import type { Operation } from "@/lib/api/openapi";

export const DECISION_OPERATIONS: Operation[] = [];
