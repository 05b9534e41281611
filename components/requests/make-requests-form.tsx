"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { describedByFor, FieldError, FieldHint, FormGroup } from "@/components/field-message";
import { Textarea } from "@/components/textarea";
import { makeRequestsAction, type MakeRequestValues, type RequestFormState } from "@/lib/requests/actions";
import { AGENCY_LABELS } from "@/lib/requests/policy";
import { REQUEST_AGENCIES, type RequestAgency } from "@/lib/requests/schema";
import { FormProblems } from "@/components/form-problems";

const INITIAL: RequestFormState<MakeRequestValues> = { key: "initial", values: {}, fieldErrors: {}, message: null };

/** "Ask partner agencies": a checkbox for each agency (those with an open request cannot be ticked) and the question. */
export function MakeRequestsForm({ contactId, openAgencies, dueWords, pageTitle }: { contactId: string; openAgencies: RequestAgency[]; dueWords: string; pageTitle: string }) {
  const [state, formAction, pending] = useActionState(makeRequestsAction, INITIAL, `/contacts/${encodeURIComponent(contactId)}`);
  const ticked = new Set(state.values.agencies ?? []);
  const open = new Set(openAgencies);
  const error = state.fieldErrors.agencies;
  return (
    <div className="mb-8 max-w-2xl">
      <h3 id="ask-heading" className="mb-4 text-xl font-bold">
        Ask partner agencies
      </h3>
      <FormProblems
        state={state}
        pageTitle={pageTitle}
        fieldIds={[
          ["agencies", "agencies"],
          ["question", "question"],
        ]}
      />
      {/* A new answer from the server starts the form again from exactly the values sent. */}
      <form key={state.key} action={formAction} noValidate>
        <input type="hidden" name="contactId" value={contactId} />
        <FormGroup error={error}>
          <fieldset aria-describedby={describedByFor("agencies", { hint: true, error })}>
            <legend className="mb-2 font-bold">Which agencies do you want to ask?</legend>
            <FieldHint id="agencies">Select all that apply. Each request is due {dueWords}. Everyone at the agency is told at once.</FieldHint>
            {error && <FieldError id="agencies" message={error} />}
            <div className="space-y-3">
              {REQUEST_AGENCIES.map((agency, index) => {
                const id = index === 0 ? "agencies" : `agencies-${index + 1}`;
                const waiting = open.has(agency);
                return (
                  <div key={agency} className="flex items-start gap-3">
                    <input
                      id={id}
                      type="checkbox"
                      name="agencies"
                      value={agency}
                      disabled={waiting}
                      defaultChecked={ticked.has(agency)}
                      aria-describedby={waiting ? `${id}-item-hint` : undefined}
                      className="mt-0.5 size-7 shrink-0 cursor-pointer accent-ink disabled:cursor-not-allowed"
                    />
                    <div className="pt-1">
                      <label htmlFor={id} className="cursor-pointer">
                        {AGENCY_LABELS[agency]}
                      </label>
                      {waiting && (
                        <p id={`${id}-item-hint`} className="text-muted">
                          Already asked: waiting for their answer
                        </p>
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </FormGroup>
        <Textarea
          id="question"
          name="question"
          label="What do you want to know?"
          hint="Name the child and the adults in the household you are asking about, and what matters for this screening. Partners see the referrer's worries with your question."
          defaultValue={state.values.question ?? ""}
          error={state.fieldErrors.question}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send the requests"}
        </Button>
      </form>
    </div>
  );
}
