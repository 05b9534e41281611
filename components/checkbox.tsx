import type { ComponentProps } from "react";
import { describedByFor, FieldError, FormGroup } from "./field-message";

type CheckboxProps = Omit<ComponentProps<"input">, "id" | "type" | "className"> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

/** One yes-or-no choice, such as "Account is active". */
export function Checkbox({ id, label, hint, error, ...inputProps }: CheckboxProps) {
  return (
    <FormGroup error={error}>
      {error && <FieldError id={id} message={error} />}
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          aria-describedby={describedByFor(id, { hint, error })}
          aria-invalid={error ? true : undefined}
          className="mt-0.5 size-7 shrink-0 cursor-pointer accent-ink"
          {...inputProps}
        />
        <div className="pt-1">
          <label htmlFor={id} className="cursor-pointer">
            {label}
          </label>
          {hint && (
            <p id={`${id}-hint`} className="text-muted">
              {hint}
            </p>
          )}
        </div>
      </div>
    </FormGroup>
  );
}
