"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Radios } from "@/components/radios";
import { Textarea } from "@/components/textarea";
import { answerRequestAction, type AnswerValues, type RequestFormState } from "@/lib/requests/actions";
import { KNOWN_TO_AGENCY_LABELS } from "@/lib/requests/policy";
import { KNOWN_TO_AGENCY } from "@/lib/requests/schema";
import { FormProblems } from "@/components/form-problems";

const INITIAL: RequestFormState<AnswerValues> = { key: "initial", values: {}, fieldErrors: {}, message: null };
const OPTIONS = KNOWN_TO_AGENCY.map((value) => ({ value, label: KNOWN_TO_AGENCY_LABELS[value] }));

/** A partner's answer to an information request: final once sent. */
export function AnswerForm({ requestId, permalink, pageTitle }: { requestId: string; permalink: string; pageTitle: string }) {
  const [state, formAction, pending] = useActionState(answerRequestAction, INITIAL, permalink);
  return (
    <section aria-labelledby="answer-heading" className="mb-12 max-w-2xl">
      <h2 id="answer-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        Your answer
      </h2>
      <FormProblems
        state={state}
        pageTitle={pageTitle}
        fieldIds={[
          ["knownToAgency", "knownToAgency"],
          ["holds", "holds"],
          ["history", "history"],
          ["analysis", "analysis"],
        ]}
      />
      <p className="mb-6 max-w-prose">Keep fact apart from opinion. Once sent, the answer is final and becomes part of the MASH contact record.</p>
      {/* A new answer from the server starts the form again from exactly the values sent. */}
      <form key={state.key} action={formAction} noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <Radios
          id="knownToAgency"
          name="knownToAgency"
          legend="Is the family known or open to your agency?"
          options={OPTIONS}
          defaultValue={state.values.knownToAgency ?? null}
          error={state.fieldErrors.knownToAgency}
        />
        <Textarea
          id="holds"
          name="holds"
          label="What your agency holds"
          hint="Facts, each with its date and where it comes from (a log number, a record, who told you)."
          rows={8}
          defaultValue={state.values.holds ?? ""}
          error={state.fieldErrors.holds}
        />
        <Textarea
          id="history"
          name="history"
          label="History relevant to cumulative harm (optional)"
          hint="Earlier incidents, patterns over time, other children in the household."
          rows={6}
          defaultValue={state.values.history ?? ""}
          error={state.fieldErrors.history}
        />
        <Textarea
          id="analysis"
          name="analysis"
          label="Your analysis of the impact and risk to the child"
          rows={6}
          defaultValue={state.values.analysis ?? ""}
          error={state.fieldErrors.analysis}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send the answer"}
        </Button>
      </form>
    </section>
  );
}
