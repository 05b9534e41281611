import type { Operation } from "@/lib/api/openapi";

export const CFSS_OPERATIONS: Operation[] = [];
