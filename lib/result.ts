import type { z } from "zod";

// The one shape every server action, mutation and API handler uses for outcomes. Expected failures are
// values; only unexpected errors throw (and are then logged and reported with a reference).

export type FieldErrors = Record<string, string>;

export type ActionFailure =
  | { ok: false; reason: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" }
  /** The record changed, or is in a state that does not allow this; `message` says which, in plain words. */
  | { ok: false; reason: "CONFLICT"; message?: string }
  | { ok: false; reason: "INVALID"; fieldErrors: FieldErrors }
  /** The consent gate (lib/consent/policy.ts) is not met: the messages say what is missing. */
  | { ok: false; reason: "CONSENT_REQUIRED"; fieldErrors: FieldErrors }
  | { ok: false; reason: "UNEXPECTED"; reference: string };

export type ActionResult<T = unknown> = ({ ok: true } & T) | ActionFailure;

export function invalid(fieldErrors: FieldErrors): ActionFailure {
  return { ok: false, reason: "INVALID", fieldErrors };
}

export const NOT_FOUND: ActionFailure = { ok: false, reason: "NOT_FOUND" };

export const FORBIDDEN: ActionFailure = { ok: false, reason: "FORBIDDEN" };

export function conflict(message: string): ActionFailure {
  return { ok: false, reason: "CONFLICT", message };
}

/** The first message per field, keyed by its dotted path ("children.0.dateOfBirth"); "form" for the whole. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
