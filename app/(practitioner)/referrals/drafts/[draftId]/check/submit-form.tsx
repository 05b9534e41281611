"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Checkbox } from "@/components/checkbox";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { submitDraftAction, type SubmitFormState } from "@/lib/referral/actions";
import { SECTION_TITLES, SECTIONS, type ReferralKind, type SectionKey } from "@/lib/referral/schema";
import { fieldPath } from "../../../sections";

const INITIAL: SubmitFormState = { key: "initial", fieldErrors: {}, reason: null, message: null };

/**
 * Where a message from sending belongs: "informationSharing.consent.rationale" is the consent page's
 * "consent.rationale"; the children's answers are keyed "children.0.postcode" on their page too.
 */
function locate(kind: ReferralKind, key: string): { section: SectionKey; field: string } | null {
  const [first] = key.split(".");
  const section = (SECTIONS[kind] as readonly string[]).find((candidate) => candidate === first) as SectionKey | undefined;
  if (!section) return null;
  return { section, field: section === "children" ? key : key.slice(section.length + 1) };
}

/** The declaration and "Send". The server decides; a second press sends nothing new (one referral per draft). */
export function SubmitForm({ draftId, kind, permalink, children }: { draftId: string; kind: ReferralKind; permalink: string; children?: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(submitDraftAction, INITIAL, permalink);
  const summary: ErrorSummaryItem[] = [];
  if (state.message) summary.push({ message: state.message });
  if (state.reason === "CONSENT_REQUIRED") summary.push({ message: "This cannot be sent until consent is recorded, or the reason to go ahead without it. See the consent answers below." });
  for (const [key, message] of Object.entries(state.fieldErrors)) {
    if (key === "declaration") continue;
    const place = locate(kind, key);
    summary.push(place ? { message: `${SECTION_TITLES[place.section]}: ${message}`, href: fieldPath(draftId, place.section, place.field || undefined) } : { message });
  }
  if (state.fieldErrors.declaration) summary.push({ message: state.fieldErrors.declaration, fieldId: "declaration" });
  const what = kind === "MASH" ? "referral" : "request";

  return (
    <>
      <ErrorSummary errors={summary} focusKey={state.key} />
      {summary.length > 0 && <title>{`Error: Check your answers – Northamptonshire MASH`}</title>}
      {children}
      <h2 className="mb-4 text-2xl font-bold">Now send your {what}</h2>
      <form action={formAction} noValidate className="max-w-3xl">
        <input type="hidden" name="draftId" value={draftId} />
        <Checkbox
          id="declaration"
          name="declaration"
          label={`I confirm that the information in this ${what} is accurate to the best of my knowledge, that I have kept fact apart from opinion, and that I have recorded the family's consent or why the ${what} must go without it.`}
          error={state.fieldErrors.declaration}
        />
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Sending…" : kind === "MASH" ? "Send referral" : "Send request"}
        </Button>
      </form>
    </>
  );
}
