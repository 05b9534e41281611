import { Button } from "@/components/button";
import { Fieldset } from "@/components/fieldset";
import { Radios } from "@/components/radios";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import { MAX_CHILDREN } from "@/lib/referral/schema";
import { QUESTIONS, SEX_OPTIONS, YES_NO, YES_NO_NOT_KNOWN } from "../../../../questions";
import type { FieldKit } from "../field-kit";

const Q = QUESTIONS.children;

/** Each child of the household the worry is about, one after another; "Add another child" saves and adds one. */
export function ChildrenFields({ kit, values, pending }: { kit: FieldKit; values: Record<string, unknown>; pending: boolean }) {
  const children = Array.isArray(values.children) && values.children.length > 0 ? values.children : [{}];
  return (
    <>
      <p className="mb-6">Add every child in the household you are worried about, including an unborn baby. For brothers and sisters in the same household, send one referral.</p>
      <h2 id="children-heading" tabIndex={-1} className="sr-only">
        {children.length === 1 ? "1 child" : `${children.length} children`}
      </h2>
      {kit.error("children") && (
        <p id="children" className="mb-6 font-bold text-error">
          <span className="sr-only">Error: </span>
          {kit.error("children")}
        </p>
      )}
      {children.map((_, i) => (
        <ChildFields key={i} index={i} kit={kit} removable={children.length > 1} pending={pending} />
      ))}
      {children.length < MAX_CHILDREN ? (
        <div className="mb-8">
          <Button type="submit" name="intent" value="add" variant="secondary" disabled={pending}>
            Add another child
          </Button>
        </div>
      ) : (
        <p className="mb-8">You have added {MAX_CHILDREN} children, the most one referral can name. Send another referral for any others.</p>
      )}
    </>
  );
}

function ChildFields({ index, kit, removable, pending }: { index: number; kit: FieldKit; removable: boolean; pending: boolean }) {
  const name = (field: string) => `children.${index}.${field}`;
  const number = index + 1;
  return (
    <div className="mb-8 border-b border-rule pb-2">
      <Fieldset legend={`Child ${number}`} legendStyle="heading">
        <TextInput label={Q.firstName} hint="Leave blank for an unborn baby who has no name yet" autoComplete="off" spellCheck={false} width="two-thirds" {...kit.text(name("firstName"))} />
        <TextInput label={Q.lastName} autoComplete="off" spellCheck={false} width="two-thirds" {...kit.text(name("lastName"))} />
        <TextInput label={Q.otherNames} autoComplete="off" spellCheck={false} width="two-thirds" {...kit.text(name("otherNames"))} />
        <Radios
          legend={Q.unborn}
          options={[
            { value: "NO", label: "No, the child has been born", conditional: <TextInput label={Q.dateOfBirth} hint="For example, 2019-03-27" type="date" width="10" {...kit.text(name("dateOfBirth"))} /> },
            { value: "YES", label: "Yes, an unborn baby", conditional: <TextInput label={Q.expectedDueDate} hint="For example, 2026-07-14" type="date" width="10" {...kit.text(name("expectedDueDate"))} /> },
          ]}
          {...kit.choice(name("unborn"))}
        />
        <Radios legend={Q.sex} options={SEX_OPTIONS} small {...kit.choice(name("sex"))} />
        <TextInput label={Q.ethnicity} autoComplete="off" width="two-thirds" {...kit.text(name("ethnicity"))} />
        <TextInput label={Q.firstLanguage} autoComplete="off" width="20" {...kit.text(name("firstLanguage"))} />
        <Radios legend={Q.interpreterNeeded} options={YES_NO} small {...kit.choice(name("interpreterNeeded"))} />
        <Radios
          legend={Q.learningDifficultyOrDisability}
          hint="Young people up to 25 with a learning difficulty or disability can be referred."
          options={YES_NO_NOT_KNOWN.map((option) =>
            option.value === "YES" ? { ...option, conditional: <Textarea label={Q.disabilityDetails} rows={3} {...kit.text(name("disabilityDetails"))} /> } : option,
          )}
          {...kit.choice(name("learningDifficultyOrDisability"))}
        />
        <TextInput label={Q.nhsNumber} hint="10 digits, like 943 476 5919" inputMode="numeric" autoComplete="off" spellCheck={false} width="10" {...kit.text(name("nhsNumber"))} />
        <TextInput label={Q.school} autoComplete="off" {...kit.text(name("school"))} />
        <Textarea label={Q.address} rows={3} autoComplete="off" {...kit.text(name("address"))} />
        <TextInput label={Q.postcode} autoComplete="off" spellCheck={false} width="10" {...kit.text(name("postcode"))} />
        <Textarea label={Q.currentLocation} hint="For example, staying with a grandparent, or in hospital" rows={2} {...kit.text(name("currentLocation"))} />
      </Fieldset>
      {removable && (
        <div className="mb-6">
          <Button type="submit" name="intent" value={`remove-${index}`} variant="secondary" disabled={pending}>
            Remove child {number}
          </Button>
        </div>
      )}
    </div>
  );
}
