"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Radios } from "@/components/radios";
import { Textarea } from "@/components/textarea";
import { rateContactAction, type ContactFormState, type RateValues } from "@/lib/contacts/actions";
import { RATING_LABELS, RATING_MEANINGS } from "@/lib/contacts/policy";
import { RAG_RATINGS, type RagRating } from "@/lib/contacts/schema";
import { FormProblems } from "@/components/form-problems";

const INITIAL: ContactFormState<RateValues> = { key: "initial", values: {}, fieldErrors: {}, message: null, stale: false };
const OPTIONS = RAG_RATINGS.map((rating) => ({ value: rating, label: RATING_LABELS[rating], hint: RATING_MEANINGS[rating] }));

/** "Rate this contact", or "Review the rating" once it has one: a new rating starts its clock again. */
export function RateForm({ contactId, version, current, permalink, pageTitle }: { contactId: string; version: number; current: RagRating | null; permalink: string; pageTitle: string }) {
  const [state, formAction, pending] = useActionState(rateContactAction, INITIAL, permalink);
  const heading = current ? "Review the rating" : "Rate this contact";
  return (
    <section aria-labelledby="rate-heading" className="mb-12">
      <h2 id="rate-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        {heading}
      </h2>
      <FormProblems
        state={state}
        reloadHref={permalink}
        pageTitle={pageTitle}
        fieldIds={[
          ["rating", "rating"],
          ["direction", "direction"],
          ["rationale", "rationale"],
        ]}
      />
      {current && (
        <p className="mb-6 max-w-prose">
          It is rated {RATING_LABELS[current]} now. Step it up or down as screening shows more; a new rating starts the clock again from now, and
          the old one stays in the history.
        </p>
      )}
      {/* A new answer from the server starts the form again from exactly the values sent. */}
      <form key={state.key} action={formAction} noValidate className="max-w-2xl">
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <Radios
          id="rating"
          name="rating"
          legend={current ? "What should the rating be now?" : "What is the RAG rating?"}
          options={OPTIONS}
          defaultValue={state.values.rating ?? null}
          error={state.fieldErrors.rating}
        />
        <Textarea
          id="direction"
          name="direction"
          label="Management direction"
          hint="What should happen next, by whom. For example: screen with police and health today; strategy discussion if the injuries are confirmed."
          defaultValue={state.values.direction ?? ""}
          error={state.fieldErrors.direction}
        />
        <Textarea
          id="rationale"
          name="rationale"
          label={current ? "Why you are changing the rating" : "Why this rating"}
          hint="Keep fact apart from opinion. It is kept in the contact's history."
          defaultValue={state.values.rationale ?? ""}
          error={state.fieldErrors.rationale}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : current ? "Save the new rating" : "Save the rating"}
        </Button>
      </form>
    </section>
  );
}
