import { describedByFor, FieldError, FieldHint, FormGroup } from "./field-message";

type FieldsetProps = {
  /** Ties the hint and error to the group; an error summary link to this id lands on the group. */
  id?: string;
  legend: React.ReactNode;
  /** "heading" for a group that is a part of the page (Child 1, Parent or carer 2). */
  legendStyle?: "normal" | "heading";
  hint?: React.ReactNode;
  error?: string;
  children: React.ReactNode;
};

/** GOV.UK fieldset: questions that belong together, under one legend a screen reader reads with each. */
export function Fieldset({ id, legend, legendStyle = "normal", hint, error, children }: FieldsetProps) {
  const fieldset = (
    <fieldset id={id} tabIndex={id && error ? -1 : undefined} aria-describedby={id ? describedByFor(id, { hint, error }) : undefined} className="min-w-0">
      <legend className={legendStyle === "heading" ? "mb-4 text-xl font-bold md:text-2xl" : "mb-2 font-bold"}>{legend}</legend>
      {id && hint && <FieldHint id={id}>{hint}</FieldHint>}
      {id && error && <FieldError id={id} message={error} />}
      {children}
    </fieldset>
  );
  return error ? <FormGroup error={error}>{fieldset}</FormGroup> : <div className="mb-8">{fieldset}</div>;
}
