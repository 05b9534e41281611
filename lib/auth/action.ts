import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { z } from "zod";
import { fieldErrorsOf, type ActionResult } from "@/lib/result";
import { getCurrentUser } from "./current-user";
import type { SessionUser } from "./data";
import { can, type Permission } from "./policy";

// Builders for server actions. Each one signs the caller in from the database, checks the permission,
// re-parses the input with the form's own schema and only then runs the handler, so no action can forget
// a check. Expected failures are values; unexpected errors are logged with a reference and reach the
// browser only as that reference.

export type ActionContext = { user: SessionUser; requestId: string };

async function requestId(): Promise<string> {
  try {
    return (await headers()).get("x-request-id") ?? randomUUID();
  } catch {
    return randomUUID();
  }
}

export function userAction<S extends z.ZodType, T>(
  options: { schema: S; permission?: Permission },
  handler: (input: z.output<S>, context: ActionContext) => Promise<ActionResult<T>>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, reason: "UNAUTHENTICATED" };
    if (options.permission && !can(user, options.permission)) return { ok: false, reason: "FORBIDDEN" };
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) return { ok: false, reason: "INVALID", fieldErrors: fieldErrorsOf(parsed.error) };
    const id = await requestId();
    try {
      return await handler(parsed.data, { user, requestId: id });
    } catch (error) {
      console.error(`[action] request ${id} failed`, error);
      return { ok: false, reason: "UNEXPECTED", reference: id };
    }
  };
}

