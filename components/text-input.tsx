import type { ComponentProps } from "react";
import { describedByFor, FieldError, FieldHint, FormGroup } from "./field-message";

const WIDTHS = {
  full: "w-full",
  "two-thirds": "w-full md:w-2/3",
  "20": "w-full max-w-[41ex]",
  "10": "w-full max-w-[23ex]",
  "4": "max-w-[9ex]",
  "3": "max-w-[7.2ex]",
} as const;

type TextInputProps = Omit<ComponentProps<"input">, "id" | "className"> & {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  width?: keyof typeof WIDTHS;
  /** Text shown after the box, such as "days". */
  suffix?: string;
};

export function TextInput({ id, label, hint, error, width = "full", suffix, type = "text", ...inputProps }: TextInputProps) {
  const input = (
    <input
      id={id}
      type={type}
      aria-describedby={describedByFor(id, { hint, error })}
      aria-invalid={error ? true : undefined}
      className={`block h-10 rounded-none border-2 bg-white px-1 text-base md:text-[19px] ${error ? "border-error" : "border-ink"} ${WIDTHS[width]}`}
      {...inputProps}
    />
  );
  return (
    <FormGroup error={error}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint && <FieldHint id={id}>{hint}</FieldHint>}
      {error && <FieldError id={id} message={error} />}
      {suffix ? (
        <div className="flex items-center gap-2">
          {input}
          <span aria-hidden="true">{suffix}</span>
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
