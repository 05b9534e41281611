"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { FormProblems } from "@/components/form-problems";
import { describedByFor, FieldError, FieldHint, FormGroup } from "@/components/field-message";
import { Radios } from "@/components/radios";
import { Select } from "@/components/select";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import { agreeStrategyAction, recordStrategyAction, type StrategyFormState } from "@/lib/strategy/actions";
import { ACTION_ROWS, ATTENDEE_AGENCIES, ATTENDEE_AGENCY_LABELS, ATTENDEE_ROWS, STRATEGY_DECISION_LABELS, STRATEGY_DECISIONS } from "@/lib/strategy/schema";

const INITIAL: StrategyFormState = { key: "initial", values: {}, fieldErrors: {}, message: null };

const agencyOptions = ATTENDEE_AGENCIES.map((agency) => ({ value: agency, label: ATTENDEE_AGENCY_LABELS[agency] }));

/** "Agree a strategy meeting": its priority in words. */
export function AgreeStrategyForm({ contactId, version, pageTitle }: { contactId: string; version: number; pageTitle: string }) {
  const [state, formAction, pending] = useActionState(agreeStrategyAction, INITIAL, `/contacts/${encodeURIComponent(contactId)}`);
  return (
    <div className="mb-8 max-w-2xl">
      <h3 className="mb-4 text-xl font-bold">Agree a strategy meeting</h3>
      <FormProblems state={state} pageTitle={pageTitle} fieldIds={[["priority", "priority"]]} />
      <form key={state.key} action={formAction} noValidate>
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <TextInput
          id="priority"
          name="priority"
          label="How soon must the meeting be held?"
          hint="For example, Within 2 hours. MASH police and health are invited as essential attendees as soon as you agree it."
          defaultValue={state.values.priority ?? ""}
          error={state.fieldErrors.priority}
          width="two-thirds"
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Agreeing…" : "Agree the strategy meeting"}
        </Button>
      </form>
    </div>
  );
}

/** "Record the strategy meeting": when, who for which agency, what was shared, the decision and the actions. */
export function RecordStrategyForm({ contactId, version, pageTitle }: { contactId: string; version: number; pageTitle: string }) {
  const [state, formAction, pending] = useActionState(recordStrategyAction, INITIAL, `/contacts/${encodeURIComponent(contactId)}`);
  const v = (name: string) => state.values[name] ?? "";
  const e = state.fieldErrors;
  const heldError = e.heldAt;
  return (
    <div className="mb-8 max-w-3xl">
      <h3 className="mb-4 text-xl font-bold">Record the strategy meeting</h3>
      <FormProblems
        state={state}
        pageTitle={pageTitle}
        fieldIds={[
          ["heldAt", "heldDate"],
          ["attendees", "attendees-0-name"],
          ["informationShared", "informationShared"],
          ["decision", "decision"],
          ["actions", "actions-0-action"],
        ]}
      />
      <form key={state.key} action={formAction} noValidate>
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <FormGroup error={heldError}>
          <fieldset aria-describedby={describedByFor("heldDate", { hint: true, error: heldError })}>
            <legend className="mb-2 font-bold">When was the meeting held?</legend>
            <FieldHint id="heldDate">UK time.</FieldHint>
            {heldError && <FieldError id="heldDate" message={heldError} />}
            <div className="flex flex-wrap gap-4">
              <TextInput id="heldDate" name="heldDate" type="date" label="Date" defaultValue={v("heldDate")} width="20" />
              <TextInput id="heldTime" name="heldTime" type="time" label="Time" defaultValue={v("heldTime")} width="10" />
            </div>
          </fieldset>
        </FormGroup>

        <FormGroup error={e.attendees}>
          <fieldset>
            <legend className="mb-2 font-bold">Who attended, and for which agency?</legend>
            <FieldHint id="attendees">MASH police and health must be there. Leave unused rows empty.</FieldHint>
            {e.attendees && <FieldError id="attendees" message={e.attendees} />}
            {Array.from({ length: ATTENDEE_ROWS }, (_, i) => (
              <div key={i} className="flex flex-wrap gap-4">
                <TextInput id={`attendees-${i}-name`} name={`attendees.${i}.name`} label={`Attendee ${i + 1}: name`} defaultValue={v(`attendees.${i}.name`)} error={e[`attendees.${i}.name`]} width="20" />
                <Select id={`attendees-${i}-agency`} name={`attendees.${i}.agency`} label={`Attendee ${i + 1}: agency`} options={agencyOptions} placeholder="Select an agency" defaultValue={v(`attendees.${i}.agency`)} error={e[`attendees.${i}.agency`]} />
              </div>
            ))}
          </fieldset>
        </FormGroup>

        <Textarea id="informationShared" name="informationShared" label="What information was shared?" defaultValue={v("informationShared")} error={e.informationShared} />
        <Radios
          id="decision"
          name="decision"
          legend="What did the meeting decide?"
          options={STRATEGY_DECISIONS.map((decision) => ({ value: decision, label: STRATEGY_DECISION_LABELS[decision] }))}
          defaultValue={v("decision") || null}
          error={e.decision}
        />

        <fieldset className="mb-8">
          <legend className="mb-2 font-bold">Actions and who owns them</legend>
          <FieldHint id="actions">Leave unused rows empty. The due date is optional.</FieldHint>
          {Array.from({ length: ACTION_ROWS }, (_, i) => (
            <div key={i} className="flex flex-wrap gap-4">
              <TextInput id={`actions-${i}-action`} name={`actions.${i}.action`} label={`Action ${i + 1}`} defaultValue={v(`actions.${i}.action`)} error={e[`actions.${i}.action`]} width="two-thirds" />
              <TextInput id={`actions-${i}-owner`} name={`actions.${i}.owner`} label={`Action ${i + 1}: owner`} defaultValue={v(`actions.${i}.owner`)} error={e[`actions.${i}.owner`]} width="20" />
              <TextInput id={`actions-${i}-dueBy`} name={`actions.${i}.dueBy`} type="date" label={`Action ${i + 1}: due by (optional)`} defaultValue={v(`actions.${i}.dueBy`)} error={e[`actions.${i}.dueBy`]} width="20" />
            </div>
          ))}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save the meeting record"}
        </Button>
      </form>
    </div>
  );
}
