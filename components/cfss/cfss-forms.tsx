"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Checkbox } from "@/components/checkbox";
import { FormProblems } from "@/components/form-problems";
import { FieldHint } from "@/components/field-message";
import { Radios } from "@/components/radios";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import { approveCfssClosureAction, recordCfssActionAction, type CfssFormState } from "@/lib/cfss/actions";
import { CFSS_ACTION_LABELS, OVERSIGHT_CONCERN_LABELS } from "@/lib/cfss/policy";
import { CFSS_ACTION_KINDS, OVERSIGHT_CONCERNS } from "@/lib/cfss/schema";

const INITIAL: CfssFormState = { key: "initial", values: {}, fieldErrors: {}, message: null };

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/** "Record a CFSS action": the action, Signs of Safety, notes, and any concern that needs management oversight. */
export function CfssActionForm({ contactId, version, pageTitle, concernsFound }: { contactId: string; version: number; pageTitle: string; concernsFound: string[] }) {
  const [state, formAction, pending] = useActionState(recordCfssActionAction, INITIAL, `/contacts/${encodeURIComponent(contactId)}`);
  const e = state.fieldErrors;
  const ticked = new Set(Array.isArray(state.values.oversightConcerns) ? state.values.oversightConcerns : []);
  return (
    <div className="mb-8 max-w-2xl">
      <h3 className="mb-4 text-xl font-bold">Record a CFSS action</h3>
      <FormProblems
        state={state}
        pageTitle={pageTitle}
        fieldIds={[
          ["kind", "kind"],
          ["locality", "locality"],
          ["worries", "worries"],
          ["workingWell", "workingWell"],
          ["needsToHappen", "needsToHappen"],
          ["notes", "notes"],
          ["oversightConcerns", "oversightConcerns"],
        ]}
      />
      <form key={state.key} action={formAction} noValidate>
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Radios
          id="kind"
          name="kind"
          legend="What are you doing with this contact?"
          defaultValue={text(state.values.kind) || null}
          error={e.kind}
          options={CFSS_ACTION_KINDS.map((kind) => ({
            value: kind,
            label: CFSS_ACTION_LABELS[kind],
            ...(kind === "ALLOCATED_TO_LOCALITY"
              ? { conditional: <TextInput id="locality" name="locality" label="Locality (the school or area)" defaultValue={text(state.values.locality)} error={e.locality} width="two-thirds" /> }
              : {}),
          }))}
        />
        <Textarea id="worries" name="worries" label="What are we worried about?" defaultValue={text(state.values.worries)} error={e.worries} />
        <Textarea id="workingWell" name="workingWell" label="What's working well?" defaultValue={text(state.values.workingWell)} error={e.workingWell} />
        <Textarea id="needsToHappen" name="needsToHappen" label="What needs to happen?" defaultValue={text(state.values.needsToHappen)} error={e.needsToHappen} />
        <Textarea
          id="notes"
          name="notes"
          label="Notes"
          hint="When this action closes the contact, these are the reasons in the referrer's outcome letter: write them for the referrer."
          defaultValue={text(state.values.notes)}
          error={e.notes}
        />
        <fieldset className="mb-8">
          <legend className="mb-2 font-bold">Does this contact need management oversight before it closes?</legend>
          <FieldHint id="oversightConcerns">
            {concernsFound.length > 0 ? `The referral already shows: ${concernsFound.join("; ")}. ` : ""}Tick any other concern you found. A closure with any of these waits for a manager.
          </FieldHint>
          {OVERSIGHT_CONCERNS.map((concern, index) => (
            <Checkbox
              key={concern}
              id={index === 0 ? "oversightConcerns" : `oversightConcerns-${index + 1}`}
              name="oversightConcerns"
              value={concern}
              label={OVERSIGHT_CONCERN_LABELS[concern]}
              defaultChecked={ticked.has(concern)}
            />
          ))}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Record the action"}
        </Button>
      </form>
    </div>
  );
}

/** "Give management oversight": approve the closure a coordinator's action is waiting on. */
export function ApproveClosureForm({ contactId, version, pageTitle }: { contactId: string; version: number; pageTitle: string }) {
  const [state, formAction, pending] = useActionState(approveCfssClosureAction, INITIAL, `/contacts/${encodeURIComponent(contactId)}`);
  return (
    <div className="mb-8 max-w-2xl">
      <h3 className="mb-4 text-xl font-bold">Give management oversight</h3>
      <FormProblems state={state} pageTitle={pageTitle} fieldIds={[["note", "note"]]} />
      <form key={state.key} action={formAction} noValidate>
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Textarea id="note" name="note" label="Why is it safe to close?" hint="Approving closes the contact and sends the referrer's outcome letter." defaultValue={text(state.values.note)} error={state.fieldErrors.note} />
        <Button type="submit" disabled={pending}>
          {pending ? "Approving…" : "Approve the closure"}
        </Button>
      </form>
    </div>
  );
}
