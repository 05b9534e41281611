"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { startReferralAction, type StartFormState } from "@/lib/referral/actions";
import { LevelCheckFields, type CarriedLevelCheck } from "./before-you-start-form";

const INITIAL: StartFormState = { values: {}, fieldErrors: {}, message: null };

/** After phoning the MASH: start the written follow-up (a MASH referral marked as following a call). */
export function PhonedForm({ kind, check, permalink }: { kind: "MASH" | "EARLY_HELP"; check: CarriedLevelCheck | null; permalink: string }) {
  const [state, formAction, pending] = useActionState(startReferralAction, INITIAL, permalink);
  return (
    <>
      {state.message && <ErrorSummary errors={[{ message: state.message }]} />}
      <form action={formAction}>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="intent" value="phoned" />
        <LevelCheckFields check={check} />
        <Button type="submit" disabled={pending}>
          I have phoned the MASH: write the follow-up referral
        </Button>
      </form>
    </>
  );
}
