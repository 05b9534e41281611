import type { ComponentProps } from "react";
import { describedByFor, FieldError, FieldHint, FormGroup } from "./field-message";

type FileUploadProps = Omit<ComponentProps<"input">, "id" | "type" | "className"> & {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
};

/** GOV.UK file upload: the browser's own file picker, labelled, with the rules in the hint. */
export function FileUpload({ id, label, hint, error, ...inputProps }: FileUploadProps) {
  return (
    <FormGroup error={error}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint && <FieldHint id={id}>{hint}</FieldHint>}
      {error && <FieldError id={id} message={error} />}
      <input
        id={id}
        type="file"
        aria-describedby={describedByFor(id, { hint, error })}
        aria-invalid={error ? true : undefined}
        className={`block w-full max-w-xl cursor-pointer p-1 text-base md:text-[19px] ${error ? "border-2 border-error" : ""}`}
        {...inputProps}
      />
    </FormGroup>
  );
}
