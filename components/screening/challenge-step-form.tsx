"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Textarea } from "@/components/textarea";
import { challengeStepAction, type ChallengeStepValues, type ScreeningFormState } from "@/lib/screening/actions";
import { FormProblems } from "@/components/form-problems";

const INITIAL: ScreeningFormState<ChallengeStepValues> = { key: "initial", values: {}, fieldErrors: {}, message: null };

/** Escalating a challenge to the service manager (MASH manager), or the service manager's final decision. */
export function ChallengeStepForm({ contactId, challengeId, step }: { contactId: string; challengeId: string; step: "escalate" | "decide" }) {
  const [state, formAction, pending] = useActionState(challengeStepAction, INITIAL);
  const field = step === "decide" ? "decision" : "reason";
  const id = `${field}-${challengeId}`;
  return (
    <div className="mt-4">
      <FormProblems state={state} fieldIds={[[field, id]]} />
      <form key={state.key} action={formAction} noValidate className="max-w-2xl">
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="challengeId" value={challengeId} />
        <input type="hidden" name="step" value={step} />
        <Textarea
          id={id}
          name={field}
          label={step === "decide" ? "Your decision and its reasons (final)" : "Why should the service manager decide?"}
          rows={3}
          defaultValue={state.values[field] ?? ""}
          error={state.fieldErrors[field]}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : step === "decide" ? "Save the final decision" : "Escalate to the service manager"}
        </Button>
      </form>
    </div>
  );
}
