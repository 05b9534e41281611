import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import type { RequestFormState } from "@/lib/requests/actions";

/** A request form's error summary: a whole-form problem first, then each field's message linked to its field. */
export function RequestFormProblems<V extends Record<string, string | string[]>>({
  state,
  fieldIds,
  pageTitle,
}: {
  state: RequestFormState<V>;
  /** Each field the form can be told about, in page order, and the id of its control. */
  fieldIds: [field: string, id: string][];
  /** The page's own title, to put "Error: " before it (also without JavaScript, when the page is drawn again). */
  pageTitle: string;
}) {
  const items: ErrorSummaryItem[] = [];
  if (state.message) items.push({ message: state.message });
  for (const [field, id] of fieldIds) {
    const message = state.fieldErrors[field];
    if (message) items.push({ message, fieldId: id });
  }
  return (
    <>
      <ErrorSummary errors={items} focusKey={state.key} />
      {items.length > 0 && <title>{`Error: ${pageTitle} – Northamptonshire MASH`}</title>}
    </>
  );
}
