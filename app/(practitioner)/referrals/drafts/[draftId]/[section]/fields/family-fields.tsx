import { Button } from "@/components/button";
import { Fieldset } from "@/components/fieldset";
import { Radios } from "@/components/radios";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import { MAX_CARERS } from "@/lib/referral/schema";
import { QUESTIONS, YES_NO_NOT_KNOWN } from "../../../../questions";
import type { FieldKit } from "../field-kit";

const Q = QUESTIONS.family;

export function FamilyFields({ kit, values, pending }: { kit: FieldKit; values: Record<string, unknown>; pending: boolean }) {
  const carers = Array.isArray(values.carers) && values.carers.length > 0 ? values.carers : [{}];
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">Parents and carers</h2>
      <h3 id="carers-heading" tabIndex={-1} className="sr-only">
        {carers.length === 1 ? "1 parent or carer" : `${carers.length} parents or carers`}
      </h3>
      {kit.error("carers") && (
        <p id="carers" className="mb-6 font-bold text-error">
          <span className="sr-only">Error: </span>
          {kit.error("carers")}
        </p>
      )}
      {carers.map((_, i) => {
        const name = (field: string) => `carers.${i}.${field}`;
        return (
          <div key={i} className="mb-8 border-b border-rule pb-2">
            <Fieldset legend={`Parent or carer ${i + 1}`} legendStyle="heading">
              <TextInput label={Q.name} autoComplete="off" spellCheck={false} width="two-thirds" {...kit.text(name("name"))} />
              <TextInput label={Q.relationship} hint="For example, mother, stepfather, foster carer" autoComplete="off" width="20" {...kit.text(name("relationship"))} />
              <Radios legend={Q.parentalResponsibility} options={YES_NO_NOT_KNOWN} small {...kit.choice(name("parentalResponsibility"))} />
              <TextInput label={Q.phone} type="tel" autoComplete="off" width="20" {...kit.text(name("phone"))} />
              <Textarea label={Q.address} rows={3} {...kit.text(name("address"))} />
            </Fieldset>
            {carers.length > 1 && (
              <div className="mb-6">
                <Button type="submit" name="intent" value={`remove-${i}`} variant="secondary" disabled={pending}>
                  Remove parent or carer {i + 1}
                </Button>
              </div>
            )}
          </div>
        );
      })}
      {carers.length < MAX_CARERS && (
        <div className="mb-8">
          <Button type="submit" name="intent" value="add" variant="secondary" disabled={pending}>
            Add another parent or carer
          </Button>
        </div>
      )}
      <h2 className="mb-4 text-2xl font-bold">The household</h2>
      <Textarea label={Q.householdMembers} hint="Name, age and relationship to the children, for everyone else who lives there" rows={4} {...kit.text("householdMembers")} />
      <Textarea label={Q.significantAdults} hint="For example, a parent who lives elsewhere, a partner who visits, grandparents" rows={4} {...kit.text("significantAdults")} />
      <Radios
        legend={Q.riskToVisitors}
        hint="For example, violence, aggressive dogs, weapons or drug use at the address"
        options={YES_NO_NOT_KNOWN.map((option) => (option.value === "YES" ? { ...option, conditional: <Textarea label={Q.riskDetails} rows={3} {...kit.text("riskDetails")} /> } : option))}
        {...kit.choice("riskToVisitors")}
      />
    </>
  );
}
