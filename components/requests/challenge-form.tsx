"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { FormProblems } from "@/components/form-problems";
import { Textarea } from "@/components/textarea";
import { raisePartnerChallengeAction, type PartnerChallengeFormState } from "@/lib/screening/partner-actions";

const INITIAL: PartnerChallengeFormState = { key: "initial", values: {}, fieldErrors: {}, message: null };

/** A partner's professional challenge to the MASH decision on the contact of their request. */
export function ChallengeForm({ requestId, permalink, pageTitle }: { requestId: string; permalink: string; pageTitle: string }) {
  const [state, formAction, pending] = useActionState(raisePartnerChallengeAction, INITIAL, permalink);
  return (
    <section aria-labelledby="challenge-form-heading" className="mt-8 max-w-2xl">
      <h3 id="challenge-form-heading" className="mb-2 text-xl font-bold">
        Challenge this decision
      </h3>
      <FormProblems state={state} pageTitle={pageTitle} fieldIds={[["reason", "challenge-reason"]]} />
      <p className="mb-4 max-w-prose">
        If you think the decision leaves the child unsafe, tell the MASH team manager why. Their decision stands unless you then escalate it to the service manager, whose decision is
        final.
      </p>
      {/* A new answer from the server starts the form again from exactly the values sent. */}
      <form key={state.key} action={formAction} noValidate>
        <input type="hidden" name="requestId" value={requestId} />
        <Textarea id="challenge-reason" name="reason" label="Why do you think this decision is unsafe?" rows={5} defaultValue={state.values.reason ?? ""} error={state.fieldErrors.reason} />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Record the challenge"}
        </Button>
      </form>
    </section>
  );
}
