import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";

/** What every workbench form's server action returns that the summary needs. */
export type ProblemState = { key: string; message: string | null; fieldErrors: Record<string, string>; stale?: boolean };

/**
 * A form's error summary: a whole-form problem first (with a link to reload the record when it changed after
 * the page was opened), then each field's message linked to its field, in page order. A message for a field
 * not listed (a row of a repeated group, "attendees.2.name") links to the id made from its path, so no
 * message is ever left out. With `pageTitle`, "Error: " goes before the page's title, also without
 * JavaScript when the page is drawn again.
 */
export function FormProblems({
  state,
  fieldIds,
  pageTitle,
  reloadHref,
}: {
  state: ProblemState;
  /** Each field the form can be told about, in page order, and the id of its control. */
  fieldIds: [field: string, id: string][];
  pageTitle?: string;
  reloadHref?: string;
}) {
  const items: ErrorSummaryItem[] = [];
  if (state.message) items.push({ message: state.message });
  if (state.stale && reloadHref) items.push({ message: "Reload this contact to see what changed (copy what you typed first if you need it)", href: reloadHref });
  const listed = new Set<string>();
  for (const [field, id] of fieldIds) {
    listed.add(field);
    const message = state.fieldErrors[field];
    if (message) items.push({ message, fieldId: id });
  }
  for (const [field, message] of Object.entries(state.fieldErrors)) {
    if (!listed.has(field) && field !== "form") items.push({ message, fieldId: field.replaceAll(".", "-") });
  }
  return (
    <>
      <ErrorSummary errors={items} focusKey={state.key} />
      {pageTitle && items.length > 0 && <title>{`Error: ${pageTitle} – Northamptonshire MASH`}</title>}
    </>
  );
}
