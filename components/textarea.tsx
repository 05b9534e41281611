import type { ComponentProps } from "react";
import { describedByFor, FieldError, FieldHint, FormGroup } from "./field-message";

type TextareaProps = Omit<ComponentProps<"textarea">, "id" | "className"> & {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  /** A label styled as the page's question, for a page that asks one long question. */
  labelSize?: "normal" | "large";
};

/** GOV.UK textarea: for answers longer than a line, such as what happened and how you know. */
export function Textarea({ id, label, hint, error, labelSize = "normal", rows = 5, ...textareaProps }: TextareaProps) {
  return (
    <FormGroup error={error}>
      <label htmlFor={id} className={`mb-1 block font-bold ${labelSize === "large" ? "text-xl md:text-2xl" : ""}`}>
        {label}
      </label>
      {hint && <FieldHint id={id}>{hint}</FieldHint>}
      {error && <FieldError id={id} message={error} />}
      <textarea
        id={id}
        rows={rows}
        aria-describedby={describedByFor(id, { hint, error })}
        aria-invalid={error ? true : undefined}
        className={`block w-full rounded-none border-2 bg-white p-1 text-base md:text-[19px] ${error ? "border-error" : "border-ink"}`}
        {...textareaProps}
      />
    </FormGroup>
  );
}
