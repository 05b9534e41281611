"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { FormProblems } from "@/components/form-problems";
import { Textarea } from "@/components/textarea";
import { escalatePartnerChallengeAction, type PartnerChallengeFormState } from "@/lib/screening/partner-actions";

const INITIAL: PartnerChallengeFormState = { key: "initial", values: {}, fieldErrors: {}, message: null };

/** Escalates the partner's own challenge to the service manager, whose decision is final. */
export function ChallengeEscalationForm({ requestId, challengeId, permalink, pageTitle }: { requestId: string; challengeId: string; permalink: string; pageTitle: string }) {
  const [state, formAction, pending] = useActionState(escalatePartnerChallengeAction, INITIAL, permalink);
  const id = `escalation-reason-${challengeId}`;
  return (
    <div className="mt-4 max-w-2xl">
      <FormProblems state={state} pageTitle={pageTitle} fieldIds={[["reason", id]]} />
      <form key={state.key} action={formAction} noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="challengeId" value={challengeId} />
        <Textarea id={id} name="reason" label="Why is the decision still unsafe?" hint="The service manager will decide, and their decision is final." rows={4} defaultValue={state.values.reason ?? ""} error={state.fieldErrors.reason} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Escalate to the service manager"}
        </Button>
      </form>
    </div>
  );
}
