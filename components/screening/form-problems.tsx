import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import type { ScreeningFormState } from "@/lib/screening/actions";

/** A screening form's error summary: a whole-form problem first, then each field's message linked to its field. */
export function ScreeningFormProblems<V extends Record<string, string>>({ state, fieldIds }: { state: ScreeningFormState<V>; fieldIds: [field: string, id: string][] }) {
  const items: ErrorSummaryItem[] = [];
  if (state.message) items.push({ message: state.message });
  for (const [field, id] of fieldIds) {
    const message = state.fieldErrors[field];
    if (message) items.push({ message, fieldId: id });
  }
  return <ErrorSummary errors={items} focusKey={state.key} />;
}
