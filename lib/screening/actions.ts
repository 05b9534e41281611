"use server";

import { redirect } from "next/navigation";
import { guarded, signedInCaller } from "@/lib/auth/action";
import { formText } from "@/lib/forms/form-data";
import { failedForm, type FormState } from "@/lib/forms/form-state";
import type { ActionResult } from "@/lib/result";
import { decideChallenge, decideScreening, escalateChallenge, recordScreening } from "./mutations";

// The screening section's forms on the contact record: plain HTML forms posted to these actions, so they
// work without JavaScript. On success the browser goes back to the record; otherwise the form shows again
// with what was typed and what needs fixing. The mutations check permission, scope and version again.

export type ScreeningFormState<V extends Record<string, string>> = FormState<V>;

export type ScreeningValues = { worries: string; workingWell: string; needsToHappen: string; scale: string; analysis: string; recommendation: string; reasons: string };
export type ManagementDecisionValues = { stance: string; outcome: string; rationale: string };
export type ChallengeStepValues = { reason: string; decision: string };

const WORDING = {
  forbidden: "Your role does not allow this.",
  notFound: "We could not find this. Go back to the contacts list.",
  conflict: "Someone else changed this contact after you opened it. Reload it, then try again.",
};

const contactPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}`;

export async function recordScreeningAction(_previous: ScreeningFormState<ScreeningValues>, formData: FormData): Promise<ScreeningFormState<ScreeningValues>> {
  const contactId = formText(formData, "contactId");
  const values: ScreeningValues = {
    worries: formText(formData, "worries"),
    workingWell: formText(formData, "workingWell"),
    needsToHappen: formText(formData, "needsToHappen"),
    scale: formText(formData, "scale"),
    analysis: formText(formData, "analysis"),
    recommendation: formText(formData, "recommendation"),
    reasons: formText(formData, "reasons"),
  };
  const caller = await signedInCaller("screening:record");
  if (!caller.ok) return failedForm(values, caller.failure, WORDING);
  const result = await guarded(caller.requestId, () =>
    recordScreening(caller.user, contactId, { ...values, scale: values.scale === "" ? undefined : values.scale, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failedForm(values, result, WORDING);
  redirect(`${contactPath(contactId)}?done=screened`);
}

export async function decideScreeningAction(_previous: ScreeningFormState<ManagementDecisionValues>, formData: FormData): Promise<ScreeningFormState<ManagementDecisionValues>> {
  const contactId = formText(formData, "contactId");
  const values: ManagementDecisionValues = { stance: formText(formData, "stance"), outcome: formText(formData, "outcome"), rationale: formText(formData, "rationale") };
  const caller = await signedInCaller("screening:decide");
  if (!caller.ok) return failedForm(values, caller.failure, WORDING);
  const result = await guarded(caller.requestId, () =>
    decideScreening(caller.user, contactId, { ...values, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failedForm(values, result, WORDING);
  redirect(`${contactPath(contactId)}?done=decided`);
}

/** Escalates a challenge (MASH manager) or decides an escalated one (service manager): `step` says which. */
export async function challengeStepAction(_previous: ScreeningFormState<ChallengeStepValues>, formData: FormData): Promise<ScreeningFormState<ChallengeStepValues>> {
  const contactId = formText(formData, "contactId");
  const challengeId = formText(formData, "challengeId");
  const step = formText(formData, "step");
  const values: ChallengeStepValues = { reason: formText(formData, "reason"), decision: formText(formData, "decision") };
  const caller = await signedInCaller(step === "decide" ? "challenges:decide" : "challenges:escalate");
  if (!caller.ok) return failedForm(values, caller.failure, WORDING);
  const options = { requestId: caller.requestId };
  const result = await guarded(caller.requestId, (): Promise<ActionResult> =>
    step === "decide" ? decideChallenge(caller.user, challengeId, { decision: values.decision }, options) : escalateChallenge(caller.user, challengeId, { reason: values.reason }, options),
  );
  if (!result.ok) return failedForm(values, result, WORDING);
  redirect(`${contactPath(contactId)}?done=${step === "decide" ? "challenge-decided" : "challenge-escalated"}`);
}
