import type { ComponentProps } from "react";
import { describedByFor, FieldError, FieldHint, FormGroup } from "./field-message";

type RadiosProps = Omit<ComponentProps<"input">, "id" | "type" | "className" | "value"> & {
  /** The first radio takes this id, so an error summary link lands on the group. */
  id: string;
  legend: string;
  hint?: React.ReactNode;
  error?: string;
  options: { value: string; label: string; hint?: string }[];
  small?: boolean;
};

export function Radios({ id, legend, hint, error, options, small = false, ...inputProps }: RadiosProps) {
  return (
    <FormGroup error={error}>
      <fieldset aria-describedby={describedByFor(id, { hint, error })}>
        <legend className="mb-2 font-bold">{legend}</legend>
        {hint && <FieldHint id={id}>{hint}</FieldHint>}
        {error && <FieldError id={id} message={error} />}
        <div className={small ? "space-y-1" : "space-y-3"}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div key={option.value} className="flex items-start gap-3">
                <input
                  id={optionId}
                  type="radio"
                  value={option.value}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                  className={`shrink-0 cursor-pointer accent-ink ${small ? "mt-[3px] size-5" : "mt-0.5 size-7"}`}
                  {...inputProps}
                />
                <div className={small ? "" : "pt-1"}>
                  <label htmlFor={optionId} className="cursor-pointer">
                    {option.label}
                  </label>
                  {option.hint && (
                    <p id={`${optionId}-item-hint`} className="text-muted">
                      {option.hint}
                    </p>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
