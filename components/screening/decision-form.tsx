"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Radios } from "@/components/radios";
import { Textarea } from "@/components/textarea";
import { decideScreeningAction, type ManagementDecisionValues, type ScreeningFormState } from "@/lib/screening/actions";
import { OUTCOME_LABELS, STANCE_LABELS } from "@/lib/screening/policy";
import { DECISION_STANCES, SCREENING_OUTCOMES, type ScreeningOutcome } from "@/lib/screening/schema";
import { FormProblems } from "@/components/form-problems";

const INITIAL: ScreeningFormState<ManagementDecisionValues> = { key: "initial", values: {}, fieldErrors: {}, message: null };

/** The MASH manager endorses the latest screening's recommendation, or steps it up or down. */
export function ManagementDecisionForm({ contactId, version, recommendation }: { contactId: string; version: number; recommendation: ScreeningOutcome }) {
  const [state, formAction, pending] = useActionState(decideScreeningAction, INITIAL);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <div className="mb-8">
      <h3 className="mb-4 text-xl font-bold">Management decision</h3>
      <FormProblems
        state={state}
        fieldIds={[
          ["stance", "stance"],
          ["outcome", "outcome"],
          ["rationale", "decision-rationale"],
        ]}
      />
      <p className="mb-6 max-w-prose">
        The social worker recommends: <strong>{OUTCOME_LABELS[recommendation]}</strong>.
      </p>
      <form key={state.key} action={formAction} noValidate className="max-w-2xl">
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Radios id="stance" name="stance" legend="Your decision on the recommendation" options={DECISION_STANCES.map((stance) => ({ value: stance, label: STANCE_LABELS[stance] }))} defaultValue={v.stance ?? null} error={e.stance} />
        <Radios
          id="outcome"
          name="outcome"
          legend="The outcome"
          hint="Stepping up to a strategy discussion re-rates an Amber contact Red and restarts its 1-hour clock."
          options={SCREENING_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
          defaultValue={v.outcome ?? recommendation}
          error={e.outcome}
        />
        <Textarea
          id="decision-rationale"
          name="rationale"
          label="Explain your decision"
          hint="This is the reason the referrer reads in the outcome letter: write it in plain words, and do not repeat another agency's information."
          rows={5}
          defaultValue={v.rationale ?? ""}
          error={e.rationale}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save the decision"}
        </Button>
      </form>
    </div>
  );
}
