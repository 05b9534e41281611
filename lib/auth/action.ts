import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { z } from "zod";
import { fieldErrorsOf, type ActionFailure, type ActionResult } from "@/lib/result";
import { getCurrentUser } from "./current-user";
import type { SessionUser } from "./data";
import { can, type Permission } from "./policy";

// Builders for server actions. Each one signs the caller in from the database, checks the permission,
// re-parses the input with the form's own schema and only then runs the handler, so no action can forget
// a check. Expected failures are values; unexpected errors are logged with a reference and reach the
// browser only as that reference.

export type ActionContext = { user: SessionUser; requestId: string };

export type Caller = { ok: true; user: SessionUser; requestId: string } | { ok: false; failure: ActionFailure };

/**
 * For the form actions that build their own state (plain HTML forms posting FormData): the caller, signed
 * in from the database, if they may do this (a permission, or a rule of the caller's own), with the
 * request's id for the logs and the audit trail.
 */
export async function signedInCaller(allowed: Permission | ((user: SessionUser) => boolean)): Promise<Caller> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, failure: { ok: false, reason: "UNAUTHENTICATED" } };
  const may = typeof allowed === "function" ? allowed(user) : can(user, allowed);
  if (!may) return { ok: false, failure: { ok: false, reason: "FORBIDDEN" } };
  return { ok: true, user, requestId: await requestId() };
}

/** Runs a mutation, turning a thrown error into a reference the person can quote (the log has the detail). */
export async function guarded<T>(requestId: string, run: () => Promise<T>): Promise<T | ActionFailure> {
  try {
    return await run();
  } catch (error) {
    console.error(`[action] request ${requestId} failed`, error);
    return { ok: false, reason: "UNEXPECTED", reference: requestId };
  }
}

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

