"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Radios } from "@/components/radios";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import { recordScreeningAction, type ScreeningFormState, type ScreeningValues } from "@/lib/screening/actions";
import { OUTCOME_LABELS } from "@/lib/screening/policy";
import { SCREENING_OUTCOMES } from "@/lib/screening/schema";
import { FormProblems } from "@/components/form-problems";

const INITIAL: ScreeningFormState<ScreeningValues> = { key: "initial", values: {}, fieldErrors: {}, message: null };

/** The allocated social worker's screening, in Signs of Safety terms, with a recommended outcome. */
export function ScreeningForm({ contactId, version }: { contactId: string; version: number }) {
  const [state, formAction, pending] = useActionState(recordScreeningAction, INITIAL);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <div className="mb-8">
      <h3 className="mb-4 text-xl font-bold">Record the screening</h3>
      <FormProblems
        state={state}
        fieldIds={[
          ["worries", "worries"],
          ["workingWell", "workingWell"],
          ["needsToHappen", "needsToHappen"],
          ["scale", "scale"],
          ["analysis", "analysis"],
          ["recommendation", "recommendation"],
          ["reasons", "reasons"],
        ]}
      />
      <form key={state.key} action={formAction} noValidate className="max-w-2xl">
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Textarea id="worries" name="worries" label="What are we worried about?" rows={4} defaultValue={v.worries ?? ""} error={e.worries} />
        <Textarea id="workingWell" name="workingWell" label="What is working well?" rows={4} defaultValue={v.workingWell ?? ""} error={e.workingWell} />
        <Textarea id="needsToHappen" name="needsToHappen" label="What needs to happen?" rows={4} defaultValue={v.needsToHappen ?? ""} error={e.needsToHappen} />
        <TextInput
          id="scale"
          name="scale"
          label="On a scale of 0 to 10, how safe is the child?"
          hint="0 means the child will be harmed; 10 means safe enough to close."
          width="two-thirds"
          inputMode="numeric"
          defaultValue={v.scale ?? ""}
          error={e.scale}
        />
        <Textarea id="analysis" name="analysis" label="Your analysis" hint="Draw on every agency's answer." rows={6} defaultValue={v.analysis ?? ""} error={e.analysis} />
        <Radios
          id="recommendation"
          name="recommendation"
          legend="What outcome do you recommend?"
          options={SCREENING_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
          defaultValue={v.recommendation ?? null}
          error={e.recommendation}
        />
        <Textarea id="reasons" name="reasons" label="Why do you recommend it?" rows={4} defaultValue={v.reasons ?? ""} error={e.reasons} />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save the screening"}
        </Button>
      </form>
    </div>
  );
}
