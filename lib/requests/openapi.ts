import type { Operation } from "@/lib/api/openapi";

export const REQUEST_OPERATIONS: Operation[] = [];
