"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { Radios } from "@/components/radios";
import { startReferralAction, type StartFormState } from "@/lib/referral/actions";
import { YES_NO } from "../questions";

const INITIAL: StartFormState = { values: {}, fieldErrors: {}, message: null };

/** The level check travels in hidden fields, so the new draft starts with it. */
export type CarriedLevelCheck = { version: string; indicatorIds: string[]; suggested: string | null; chosen: string; reason: string | null };

export function LevelCheckFields({ check }: { check: CarriedLevelCheck | null }) {
  if (!check) return null;
  return (
    <>
      <input type="hidden" name="version" value={check.version} />
      {check.indicatorIds.map((id) => (
        <input key={id} type="hidden" name="i" value={id} />
      ))}
      {check.suggested && <input type="hidden" name="suggested" value={check.suggested} />}
      <input type="hidden" name="chosen" value={check.chosen} />
      {check.reason && <input type="hidden" name="reason" value={check.reason} />}
    </>
  );
}

/**
 * "Before you start": two questions that send some people elsewhere first. A plain form posted to a server
 * action, so it works without JavaScript; the server checks the answers and says what is missing.
 */
export function BeforeYouStartForm({ kind, check, permalink, children }: { kind: "MASH" | "EARLY_HELP"; check: CarriedLevelCheck | null; permalink: string; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(startReferralAction, INITIAL, permalink);
  const order = ["immediateRisk", "aboutAdultWorker"];
  const summary = [
    ...(state.message ? [{ message: state.message }] : []),
    ...order.filter((field) => state.fieldErrors[field]).map((field) => ({ message: state.fieldErrors[field]!, fieldId: field })),
  ];
  return (
    <>
      <ErrorSummary errors={summary} />
      {summary.length > 0 && <title>{`Error: Before you start – Northamptonshire MASH`}</title>}
      {children}
      <form action={formAction} noValidate className="max-w-2xl">
        <input type="hidden" name="kind" value={kind} />
        <LevelCheckFields check={check} />
        <Radios
          id="immediateRisk"
          name="immediateRisk"
          legend="Is a child at immediate risk of harm?"
          hint="For example, hurt now, or not safe to go home tonight."
          options={YES_NO}
          defaultValue={state.values.immediateRisk ?? null}
          error={state.fieldErrors.immediateRisk}
        />
        <Radios
          id="aboutAdultWorker"
          name="aboutAdultWorker"
          legend="Is your worry about an adult who works with children?"
          hint="For example, a teacher, youth worker, carer or volunteer, whether the harm was at work or elsewhere."
          options={YES_NO}
          defaultValue={state.values.aboutAdultWorker ?? null}
          error={state.fieldErrors.aboutAdultWorker}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : "Continue"}
        </Button>
      </form>
    </>
  );
}
