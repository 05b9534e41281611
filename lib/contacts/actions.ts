"use server";

import { redirect } from "next/navigation";
import { signInPathFor } from "@/lib/auth/navigation";
import { isUuid } from "@/lib/ids";
import { markNotificationsRead } from "@/lib/notifications/mutations";
import type { ActionFailure } from "@/lib/result";
import { allocateContact, decideContact, rateContact } from "./mutations";
import type { ContactDecision } from "./schema";
import { guarded, signedInCaller } from "@/lib/auth/action";
import { formText } from "@/lib/forms/form-data";
import { failedForm, type FormState } from "@/lib/forms/form-state";

// The contact record's forms. Each is a plain HTML form posted to one of these actions, so it works without
// JavaScript: on success the browser goes back to the record with a banner; otherwise the record shows
// again with everything the manager typed and what needs fixing. Every action signs the caller in from the
// database and checks the permission itself; the mutations check it again and lock the contact's version,
// so a decision made on a stale page is refused with a plain-English reason rather than silently applied.

export type ContactFormState<V extends Record<string, string>> = FormState<V> & {
  /** The contact changed after the page was opened: the form offers to reload it. */
  stale: boolean;
};

export type RateValues = { rating: string; direction: string; rationale: string };
export type AllocateValues = { socialWorkerId: string; reason: string };
export type DecideValues = { decision: string; rationale: string; team: string };

const WORDING = {
  forbidden: "Only a MASH manager can rate, allocate or decide on a contact.",
  notFound: "We could not find this contact. Go back to the contacts list.",
  conflict: "Someone else changed this contact after you opened it. Reload it, check their decision, then decide again.",
};

function failed<V extends Record<string, string>>(values: Partial<V>, failure: ActionFailure): ContactFormState<V> {
  // A stale version, or someone else's change under the lock, both mean reload the contact.
  const stale = failure.reason === "INVALID" ? Boolean(failure.fieldErrors.expectedVersion) : failure.reason === "CONFLICT";
  return { ...failedForm(values, failure, WORDING), stale };
}

const contactPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}`;

/** Applies a RAG rating, or reviews one: the clock starts again under the new rating. */
export async function rateContactAction(_previous: ContactFormState<RateValues>, formData: FormData): Promise<ContactFormState<RateValues>> {
  const contactId = formText(formData, "contactId");
  const values: RateValues = { rating: formText(formData, "rating"), direction: formText(formData, "direction"), rationale: formText(formData, "rationale") };
  const caller = await signedInCaller("contacts:manage");
  if (!caller.ok) return failed(values, caller.failure);
  const result = await guarded(caller.requestId, () =>
    rateContact(caller.user, contactId, { ...values, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failed(values, result);
  redirect(`${contactPath(contactId)}?done=rated`);
}

/** Allocates a Red or Amber contact to a social worker, or reallocates it. */
export async function allocateContactAction(_previous: ContactFormState<AllocateValues>, formData: FormData): Promise<ContactFormState<AllocateValues>> {
  const contactId = formText(formData, "contactId");
  const values: AllocateValues = { socialWorkerId: formText(formData, "socialWorkerId"), reason: formText(formData, "reason") };
  const caller = await signedInCaller("contacts:manage");
  if (!caller.ok) return failed(values, caller.failure);
  const result = await guarded(caller.requestId, () =>
    allocateContact(caller.user, contactId, { ...values, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failed(values, result);
  redirect(`${contactPath(contactId)}?done=allocated`);
}

const DONE: Record<ContactDecision, string> = { RETURN_FOR_CONSENT: "returned", CLOSE_CONSULTATION: "closed", PASS_TO_TEAM: "passed" };

/** Returns the contact for consent, closes it as a consultation, or passes it to the team working with the child. */
export async function decideContactAction(_previous: ContactFormState<DecideValues>, formData: FormData): Promise<ContactFormState<DecideValues>> {
  const contactId = formText(formData, "contactId");
  const values: DecideValues = { decision: formText(formData, "decision"), rationale: formText(formData, "rationale"), team: formText(formData, "team") };
  const caller = await signedInCaller("contacts:manage");
  if (!caller.ok) return failed(values, caller.failure);
  const result = await guarded(caller.requestId, () =>
    decideContact(caller.user, contactId, { ...values, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failed(values, result);
  redirect(`${contactPath(contactId)}?done=${DONE[result.decision]}`);
}

/** "Mark all as read" (or the notifications named by `id`): only ever the caller's own. */
export async function markNotificationsReadAction(formData: FormData): Promise<void> {
  const caller = await signedInCaller(() => true);
  if (!caller.ok) redirect(signInPathFor("/notifications", { expired: true }));
  const ids = formData.getAll("id").filter((id): id is string => typeof id === "string" && isUuid(id));
  const marked = await guarded(caller.requestId, () => markNotificationsRead(caller.user.id, ids.length > 0 ? ids : "all"));
  redirect(typeof marked === "number" ? "/notifications?read=1" : "/notifications?failed=1");
}
