"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Radios, type RadioOption } from "@/components/radios";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import { decideContactAction, type ContactFormState, type DecideValues } from "@/lib/contacts/actions";
import { FormProblems } from "@/components/form-problems";

const INITIAL: ContactFormState<DecideValues> = { key: "initial", values: {}, fieldErrors: {}, message: null, stale: false };

/**
 * The decisions that end a contact at the front door. Returning it for consent is offered only when the
 * referrer did not obtain it and the contact is not Red (child protection goes ahead without consent).
 */
export function DecideForm({ contactId, version, canReturnForConsent, permalink, pageTitle }: { contactId: string; version: number; canReturnForConsent: boolean; permalink: string; pageTitle: string }) {
  const [state, formAction, pending] = useActionState(decideContactAction, INITIAL, permalink);
  const options: RadioOption[] = [
    ...(canReturnForConsent
      ? [
          {
            value: "RETURN_FOR_CONSENT",
            label: "Return it to the referrer to seek the family's consent",
            hint: "It is not a child protection concern, and consent was not obtained. The referrer is told in writing and can send it again.",
          },
        ]
      : []),
    { value: "CLOSE_CONSULTATION", label: "Close it as a consultation", hint: "Advice was given to the professional; the MASH takes no further action." },
    {
      value: "PASS_TO_TEAM",
      label: "Pass it to the team already working with the child",
      conditional: (
        <TextInput id="team" name="team" label="The team's name" width="two-thirds" defaultValue={state.values.team ?? ""} error={state.fieldErrors.team} />
      ),
    },
  ];
  return (
    <section aria-labelledby="decide-heading" className="mb-12">
      <h2 id="decide-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        Other decisions
      </h2>
      <FormProblems
        state={state}
        reloadHref={permalink}
        pageTitle={pageTitle}
        fieldIds={[
          ["decision", "decision"],
          ["team", "team"],
          ["rationale", "decision-rationale"],
        ]}
      />
      <p className="mb-6 max-w-prose">Each of these closes the contact at the MASH and stops its clock.</p>
      <form key={state.key} action={formAction} noValidate className="max-w-2xl">
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Radios id="decision" name="decision" legend="What happens to this contact?" options={options} defaultValue={state.values.decision ?? null} error={state.fieldErrors.decision} />
        <Textarea
          id="decision-rationale"
          name="rationale"
          label="Explain the decision"
          hint="It is kept in the contact's history."
          rows={4}
          defaultValue={state.values.rationale ?? ""}
          error={state.fieldErrors.rationale}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save the decision"}
        </Button>
      </form>
    </section>
  );
}
