import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import type { ContactFormState } from "@/lib/contacts/actions";

/**
 * A contact form's error summary: a whole-form problem first (with a link to reload the contact when it
 * changed after the page was opened), then each field's message linked to its field.
 */
export function FormProblems<V extends Record<string, string>>({
  state,
  fieldIds,
  reloadHref,
  pageTitle,
}: {
  state: ContactFormState<V>;
  /** Each field the form can be told about, in page order, and the id of its control. */
  fieldIds: [field: string, id: string][];
  reloadHref: string;
  /** The page's own title, to put "Error: " before it (also without JavaScript, when the page is drawn again). */
  pageTitle: string;
}) {
  const items: ErrorSummaryItem[] = [];
  if (state.message) items.push({ message: state.message });
  if (state.stale) items.push({ message: "Reload this contact to see what changed (copy what you typed first if you need it)", href: reloadHref });
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
