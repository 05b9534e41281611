import type { FieldErrors, FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import type { ActionFailure } from "@/lib/result";
import { describeActionFailure } from "./action-failure-message";
import type { ErrorSummaryItem } from "./error-summary";

// Glue between react-hook-form and the GOV.UK error pattern. Each field's input has the field's name as
// its id, so a summary line can link straight to it.

/** The summary's lines: a form-wide problem ("root.server") first, then each field in page order. */
export function errorSummaryItemsFrom<T extends FieldValues>(errors: FieldErrors<T>, fieldOrder: readonly FieldPath<T>[]): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  const formMessage = errors.root?.server?.message;
  if (formMessage) items.push({ message: formMessage });
  const byField = errors as Record<string, { message?: unknown } | undefined>;
  for (const field of fieldOrder) {
    const message = byField[field]?.message;
    if (typeof message === "string" && message) items.push({ message, fieldId: field });
  }
  return items;
}

/** Shows a server action's failure on the form: field messages by their fields, anything else above the form. */
export function showActionFailure<T extends FieldValues>(
  setError: UseFormSetError<T>,
  failure: ActionFailure,
  fields: readonly FieldPath<T>[],
  notFoundMessage?: string,
): void {
  if (failure.reason !== "INVALID") {
    setError("root.server", { type: "server", message: describeActionFailure(failure, notFoundMessage) });
    return;
  }
  for (const [name, message] of Object.entries(failure.fieldErrors)) {
    const field = fields.find((candidate) => candidate === name);
    setError(field ?? "root.server", { type: "server", message });
  }
}
