"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Select } from "@/components/select";
import { Textarea } from "@/components/textarea";
import { allocateContactAction, type AllocateValues, type ContactFormState } from "@/lib/contacts/actions";
import { FormProblems } from "@/components/form-problems";

const INITIAL: ContactFormState<AllocateValues> = { key: "initial", values: {}, fieldErrors: {}, message: null, stale: false };

export type SocialWorkerOption = { id: string; name: string; jobTitle: string | null };

/** Allocates a Red or Amber contact to the social worker who screens it, or moves it to another. */
export function AllocateForm({
  contactId,
  version,
  allocatedTo,
  socialWorkers,
  permalink,
  pageTitle,
}: {
  contactId: string;
  version: number;
  allocatedTo: string | null;
  socialWorkers: SocialWorkerOption[];
  permalink: string;
  pageTitle: string;
}) {
  const [state, formAction, pending] = useActionState(allocateContactAction, INITIAL, permalink);
  return (
    <section aria-labelledby="allocate-heading" className="mb-12">
      <h2 id="allocate-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        {allocatedTo ? "Reallocate to another social worker" : "Allocate to a social worker"}
      </h2>
      <FormProblems
        state={state}
        reloadHref={permalink}
        pageTitle={pageTitle}
        fieldIds={[
          ["socialWorkerId", "socialWorkerId"],
          ["reason", "allocation-reason"],
        ]}
      />
      <p className="mb-6 max-w-prose">
        {allocatedTo ? `It is allocated to ${allocatedTo} now.` : "Nobody is screening it yet."} The social worker is told at once, in the service and by
        e-mail.
      </p>
      <form key={state.key} action={formAction} noValidate className="max-w-2xl">
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Select
          id="socialWorkerId"
          name="socialWorkerId"
          label="Social worker"
          placeholder="Choose a social worker"
          options={socialWorkers.map((worker) => ({ value: worker.id, label: worker.jobTitle ? `${worker.name} (${worker.jobTitle})` : worker.name }))}
          defaultValue={state.values.socialWorkerId ?? ""}
          error={state.fieldErrors.socialWorkerId}
        />
        <Textarea
          id="allocation-reason"
          name="reason"
          label="Reason (optional)"
          hint={allocatedTo ? "Why it is moving, for the history." : "For example, experience with the family, or capacity today."}
          rows={3}
          defaultValue={state.values.reason ?? ""}
          error={state.fieldErrors.reason}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Allocating…" : allocatedTo ? "Reallocate" : "Allocate"}
        </Button>
      </form>
    </section>
  );
}
