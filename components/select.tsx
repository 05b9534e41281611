import type { ComponentProps } from "react";
import { describedByFor, FieldError, FieldHint, FormGroup } from "./field-message";

type SelectProps = Omit<ComponentProps<"select">, "id" | "className" | "children"> & {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  /** The first, empty choice, such as "Select an agency". */
  placeholder?: string;
};

export function Select({ id, label, hint, error, options, placeholder, ...selectProps }: SelectProps) {
  return (
    <FormGroup error={error}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint && <FieldHint id={id}>{hint}</FieldHint>}
      {error && <FieldError id={id} message={error} />}
      <select
        id={id}
        aria-describedby={describedByFor(id, { hint, error })}
        aria-invalid={error ? true : undefined}
        className={`block h-10 w-full max-w-md min-w-0 rounded-none border-2 bg-white px-1 text-base md:text-[19px] ${error ? "border-error" : "border-ink"}`}
        {...selectProps}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
