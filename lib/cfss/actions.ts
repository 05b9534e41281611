"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { guarded, signedInCaller } from "@/lib/auth/action";
import { formText } from "@/lib/forms/form-data";
import type { ActionFailure, FieldErrors } from "@/lib/result";
import { approveCfssClosure, recordCfssAction } from "./mutations";

// The CFSS triage forms on the contact record: plain HTML forms posted here, so they work without
// JavaScript. On success the browser goes back to the record with a banner; otherwise the form shows again
// with everything typed and what needs fixing. The mutations check the permission and the contact again.

export type CfssFormState = {
  /** New for every answer from the server, so the error summary takes focus again. */
  key: string;
  values: Record<string, string | string[]>;
  fieldErrors: FieldErrors;
  message: string | null;
};

function failed(values: CfssFormState["values"], failure: ActionFailure, forbidden: string): CfssFormState {
  if (failure.reason === "INVALID") {
    const { expectedVersion, ...fieldErrors } = failure.fieldErrors;
    return { key: randomUUID(), values, fieldErrors, message: expectedVersion ?? fieldErrors.form ?? null };
  }
  let message: string;
  switch (failure.reason) {
    case "UNAUTHENTICATED":
      message = "Your session has ended, so this was not saved. Sign in again in a new tab, then come back and try again. What you typed is still here.";
      break;
    case "FORBIDDEN":
      message = forbidden;
      break;
    case "NOT_FOUND":
      message = "We could not find this contact with CFSS. Go back to the queue.";
      break;
    case "CONFLICT":
      message = failure.message ?? "This contact changed after you opened it. Reload it.";
      break;
    case "CONSENT_REQUIRED":
      message = "This cannot be done until consent is recorded.";
      break;
    case "UNEXPECTED":
      message = `Something went wrong and this was not saved. Try again. If it keeps happening, quote reference ${failure.reference}.`;
      break;
  }
  return { key: randomUUID(), values, fieldErrors: {}, message };
}

const contactPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}`;

/** A partnership coordinator's action, with Signs of Safety. A closure with an oversight concern waits for a manager. */
export async function recordCfssActionAction(_previous: CfssFormState, formData: FormData): Promise<CfssFormState> {
  const contactId = formText(formData, "contactId");
  const values = {
    kind: formText(formData, "kind"),
    worries: formText(formData, "worries"),
    workingWell: formText(formData, "workingWell"),
    needsToHappen: formText(formData, "needsToHappen"),
    notes: formText(formData, "notes"),
    locality: formText(formData, "locality"),
    oversightConcerns: formData.getAll("oversightConcerns").filter((value): value is string => typeof value === "string"),
  };
  const forbidden = "Only a CFSS partnership coordinator can record a CFSS action.";
  const caller = await signedInCaller("cfss:triage");
  if (!caller.ok) return failed(values, caller.failure, forbidden);
  const result = await guarded(caller.requestId, () =>
    recordCfssAction(caller.user, contactId, { ...values, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failed(values, result, forbidden);
  const done = result.closed ? "cfss-closed" : result.awaitingOversight ? "cfss-awaiting-oversight" : result.kind === "ESCALATED_TO_MASH" ? "cfss-escalated" : "cfss-recorded";
  redirect(`${contactPath(contactId)}?done=${done}#cfss-heading`);
}

/** A manager's management oversight: approves the closure waiting on it, and the contact closes. */
export async function approveCfssClosureAction(_previous: CfssFormState, formData: FormData): Promise<CfssFormState> {
  const contactId = formText(formData, "contactId");
  const values = { note: formText(formData, "note") };
  const forbidden = "Only a MASH manager or service manager can give management oversight.";
  const caller = await signedInCaller("cfss:oversee");
  if (!caller.ok) return failed(values, caller.failure, forbidden);
  const result = await guarded(caller.requestId, () =>
    approveCfssClosure(caller.user, contactId, { ...values, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failed(values, result, forbidden);
  redirect(`${contactPath(contactId)}?done=cfss-closure-approved#cfss-heading`);
}
