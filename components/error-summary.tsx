"use client";

import { useEffect, useRef } from "react";

export type ErrorSummaryItem = {
  message: string;
  /** The id of the field to move to; none for a form-wide problem. */
  fieldId?: string;
  /** A field on another page (check your answers links to the page to fix). */
  href?: string;
};

const ERROR_PREFIX = "Error: ";

/**
 * GOV.UK error summary: takes focus when new errors arrive so screen readers announce it, links each message
 * to its field, and puts "Error: " before the page title while there are errors.
 */
export function ErrorSummary({ errors, focusKey }: { errors: ErrorSummaryItem[]; /** Changes on every submission. */ focusKey?: string | number }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((error) => `${error.href ?? error.fieldId ?? ""}:${error.message}`).join("|");
  const hasErrors = errors.length > 0;

  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, signature, focusKey]);

  useEffect(() => {
    if (!hasErrors) return;
    if (!document.title.startsWith(ERROR_PREFIX)) document.title = `${ERROR_PREFIX}${document.title}`;
    return () => {
      if (document.title.startsWith(ERROR_PREFIX)) document.title = document.title.slice(ERROR_PREFIX.length);
    };
  }, [hasErrors]);

  if (!hasErrors) return null;
  return (
    <div ref={ref} tabIndex={-1} data-focus-ring className="mb-8 border-[5px] border-error bg-white p-4 md:p-5">
      <div role="alert">
        <h2 className="mb-4 text-xl font-bold md:text-2xl">There is a problem</h2>
        <ul className="space-y-2">
          {errors.map((error) => (
            <li key={`${error.href ?? error.fieldId ?? "form"}-${error.message}`} className="font-bold text-error">
              {error.href ? (
                <a href={error.href} className="text-error underline underline-offset-[0.1578em] hover:decoration-[3px]">
                  {error.message}
                </a>
              ) : error.fieldId ? (
                <a
                  href={`#${error.fieldId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(error.fieldId!);
                  }}
                  className="text-error underline underline-offset-[0.1578em] hover:decoration-[3px]"
                >
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

// Moving to the field's label or legend, not just the box, keeps the question in view (as GOV.UK Frontend does).
function focusField(fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  const legend = field.closest("fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  (legend ?? label ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}
