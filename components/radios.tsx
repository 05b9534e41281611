import type { ComponentProps } from "react";
import { describedByFor, FieldError, FieldHint, FormGroup } from "./field-message";

export type RadioOption = {
  value: string;
  label: string;
  hint?: string;
  /** Follow-up questions for this choice, shown under it (GOV.UK conditional reveal). */
  conditional?: React.ReactNode;
};

type RadiosProps = Omit<ComponentProps<"input">, "id" | "type" | "className" | "value" | "defaultValue"> & {
  /** The first radio takes this id, so an error summary link lands on the group. */
  id: string;
  legend: string;
  hint?: React.ReactNode;
  error?: string;
  options: RadioOption[];
  small?: boolean;
  /** The choice that starts selected (an uncontrolled group, such as a form re-shown with its answers). */
  defaultValue?: string | null;
  /**
   * Which choice's follow-up questions show. Left undefined, all of them show: that is the page before
   * (or without) JavaScript, where nothing can reveal them. Hidden ones stay in the form, so their answers
   * are still sent and kept.
   */
  revealed?: string | null;
};

export function Radios({ id, legend, hint, error, options, small = false, defaultValue, revealed, ...inputProps }: RadiosProps) {
  return (
    <FormGroup error={error}>
      <fieldset aria-describedby={describedByFor(id, { hint, error })}>
        <legend className="mb-2 font-bold">{legend}</legend>
        {hint && <FieldHint id={id}>{hint}</FieldHint>}
        {error && <FieldError id={id} message={error} />}
        <div className={small ? "space-y-1" : "space-y-3"}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            const conditionalHidden = revealed !== undefined && revealed !== option.value;
            return (
              <div key={option.value}>
                <div className="flex items-start gap-3">
                  <input
                    id={optionId}
                    type="radio"
                    value={option.value}
                    aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                    aria-controls={option.conditional && revealed !== undefined ? `${optionId}-conditional` : undefined}
                    className={`shrink-0 cursor-pointer accent-ink ${small ? "mt-[3px] size-5" : "mt-0.5 size-7"}`}
                    {...(defaultValue !== undefined ? { defaultChecked: defaultValue === option.value } : {})}
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
                {option.conditional && (
                  <div id={`${optionId}-conditional`} hidden={conditionalHidden} className="mt-3 mb-4 ml-3.5 border-l-4 border-rule pl-6">
                    {option.conditional}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
