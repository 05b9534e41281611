"use server";

import { redirect } from "next/navigation";
import { guarded, signedInCaller } from "@/lib/auth/action";
import { formText } from "@/lib/forms/form-data";
import { failedForm, type FormState } from "@/lib/forms/form-state";
import { approveCfssClosure, recordCfssAction } from "./mutations";

// The CFSS triage forms on the contact record: plain HTML forms posted here, so they work without
// JavaScript. On success the browser goes back to the record with a banner; otherwise the form shows again
// with everything typed and what needs fixing. The mutations check the permission and the contact again.

export type CfssFormState = FormState<Record<string, string | string[]>>;

const wordingFor = (forbidden: string) => ({
  forbidden,
  notFound: "We could not find this contact with CFSS. Go back to the queue.",
  conflict: "This contact changed after you opened it. Reload it.",
});

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
  const wording = wordingFor("Only a CFSS partnership coordinator can record a CFSS action.");
  const caller = await signedInCaller("cfss:triage");
  if (!caller.ok) return failedForm(values, caller.failure, wording);
  const result = await guarded(caller.requestId, () =>
    recordCfssAction(caller.user, contactId, { ...values, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failedForm(values, result, wording);
  const done = result.closed ? "cfss-closed" : result.awaitingOversight ? "cfss-awaiting-oversight" : result.kind === "ESCALATED_TO_MASH" ? "cfss-escalated" : "cfss-recorded";
  redirect(`${contactPath(contactId)}?done=${done}#cfss-heading`);
}

/** A manager's management oversight: approves the closure waiting on it, and the contact closes. */
export async function approveCfssClosureAction(_previous: CfssFormState, formData: FormData): Promise<CfssFormState> {
  const contactId = formText(formData, "contactId");
  const values = { note: formText(formData, "note") };
  const wording = wordingFor("Only a MASH manager or service manager can give management oversight.");
  const caller = await signedInCaller("cfss:oversee");
  if (!caller.ok) return failedForm(values, caller.failure, wording);
  const result = await guarded(caller.requestId, () =>
    approveCfssClosure(caller.user, contactId, { ...values, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failedForm(values, result, wording);
  redirect(`${contactPath(contactId)}?done=cfss-closure-approved#cfss-heading`);
}
