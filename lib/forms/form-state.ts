import { randomUUID } from "node:crypto";
import type { ActionFailure, FieldErrors } from "@/lib/result";

// What a plain HTML form's server action answers when it does not move on: the form shows again with
// everything typed and what needs fixing. Not a "use server" file, which may only export async functions.

export type FormState<V> = {
  /** New for every answer from the server, so the error summary takes focus again. */
  key: string;
  values: Partial<V>;
  fieldErrors: FieldErrors;
  /** A problem with the whole form, in plain words. Never the server's own error text. */
  message: string | null;
};

/** The words that differ from form to form: who may do this, what could not be found, and a change by someone else. */
export type FailureWording = { forbidden: string; notFound: string; conflict: string };

/** The words for a failure that is not about one field. */
function messageFor(failure: Exclude<ActionFailure, { reason: "INVALID" }>, wording: FailureWording): string {
  switch (failure.reason) {
    case "UNAUTHENTICATED":
      return "Your session has ended, so this was not saved. Sign in again in a new tab, then come back and try again. What you typed is still here.";
    case "FORBIDDEN":
      return wording.forbidden;
    case "NOT_FOUND":
      return wording.notFound;
    case "CONFLICT":
      return failure.message ?? wording.conflict;
    case "CONSENT_REQUIRED":
      return "This cannot be done until consent is recorded.";
    case "UNEXPECTED":
      return `Something went wrong and this was not saved. Try again. If it keeps happening, quote reference ${failure.reference}.`;
  }
}

/** The form again, with what was typed and why it was not saved. */
export function failedForm<V>(values: Partial<V>, failure: ActionFailure, wording: FailureWording): FormState<V> {
  if (failure.reason === "INVALID") {
    // A stale or missing version is not a field to fix: it means reload, so it is said for the whole form.
    const { expectedVersion, ...fieldErrors } = failure.fieldErrors;
    return { key: randomUUID(), values, fieldErrors, message: expectedVersion ?? fieldErrors.form ?? null };
  }
  return { key: randomUUID(), values, fieldErrors: {}, message: messageFor(failure, wording) };
}
