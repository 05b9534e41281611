"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { TextInput } from "@/components/text-input";
import { linkFollowUpAction, type LinkFollowUpFormState } from "@/lib/contacts/phone/actions";

const INITIAL: LinkFollowUpFormState = { key: "initial", values: {}, fieldErrors: {}, message: null };

/**
 * Closes the follow-up: the MASH officer types the written referral's reference. A plain form posted to a
 * server action, so it works without JavaScript. It draws the top of the page (`children`: the heading and
 * the follow-up's state) under its error summary, and writes the page's <title>, with "Error: " first
 * when the reference was refused.
 */
export function LinkFollowUpForm({ phoneContactId, permalink, title, children }: { phoneContactId: string; permalink: string; title: string; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(linkFollowUpAction, INITIAL, permalink);
  const summary = [
    ...(state.message ? [{ message: state.message }] : []),
    ...Object.entries(state.fieldErrors)
      .filter(([field]) => field !== "form")
      .map(([field, message]) => ({ message, fieldId: field })),
  ];
  return (
    <>
      <title>{`${summary.length > 0 ? "Error: " : ""}${title} – Northamptonshire MASH`}</title>
      <ErrorSummary errors={summary} focusKey={state.key} />
      {children}
      <form key={state.key} action={formAction} noValidate className="max-w-2xl">
        <input type="hidden" name="phoneContactId" value={phoneContactId} />
        <TextInput
          id="reference"
          name="reference"
          label="Reference of the written MASH referral"
          hint="Like MASH-2026-000123. It is on the acknowledgement the professional received when they sent the referral."
          autoComplete="off"
          spellCheck={false}
          width="20"
          defaultValue={state.values.reference ?? ""}
          error={state.fieldErrors.reference}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Linking…" : "Link the written referral"}
        </Button>
      </form>
    </>
  );
}
