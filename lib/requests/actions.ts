"use server";

import { redirect } from "next/navigation";
import { guarded, signedInCaller } from "@/lib/auth/action";
import { formText } from "@/lib/forms/form-data";
import { failedForm, type FormState } from "@/lib/forms/form-state";
import { answerRequest, makeRequests } from "./mutations";

// The information requests' forms: a plain HTML form posted to one of these actions, so it works without
// JavaScript. On success the browser goes to the page with a banner; otherwise the form shows again with
// everything typed and what needs fixing. The mutations check the permission and the record again.

export type RequestFormState<V extends Record<string, string | string[]>> = FormState<V>;

export type MakeRequestValues = { agencies: string[]; question: string };
export type AnswerValues = { holds: string; history: string; analysis: string; knownToAgency: string };

const CONFLICT = "This changed after you opened it. Reload the page.";

/** Asks the agencies ticked on the contact record. */
export async function makeRequestsAction(_previous: RequestFormState<MakeRequestValues>, formData: FormData): Promise<RequestFormState<MakeRequestValues>> {
  const contactId = formText(formData, "contactId");
  const values: MakeRequestValues = { agencies: formData.getAll("agencies").filter((value): value is string => typeof value === "string"), question: formText(formData, "question") };
  const wording = {
    forbidden: "Only the social worker the contact is allocated to, or a MASH manager, can ask partner agencies.",
    notFound: "We could not find this contact, or it is not allocated to you.",
    conflict: CONFLICT,
  };
  const caller = await signedInCaller("requests:make");
  if (!caller.ok) return failedForm(values, caller.failure, wording);
  const result = await guarded(caller.requestId, () => makeRequests(caller.user, contactId, values, { requestId: caller.requestId }));
  if (!result.ok) return failedForm(values, result, wording);
  redirect(`/contacts/${encodeURIComponent(contactId)}?done=requested#requests-heading`);
}

/** A partner's answer to a request made to their agency. */
export async function answerRequestAction(_previous: RequestFormState<AnswerValues>, formData: FormData): Promise<RequestFormState<AnswerValues>> {
  const requestId = formText(formData, "requestId");
  const values: AnswerValues = { holds: formText(formData, "holds"), history: formText(formData, "history"), analysis: formText(formData, "analysis"), knownToAgency: formText(formData, "knownToAgency") };
  const wording = {
    forbidden: "Only a partner agency's users can answer information requests.",
    notFound: "We could not find this request. Go back to your information requests.",
    conflict: CONFLICT,
  };
  const caller = await signedInCaller("requests:answer");
  if (!caller.ok) return failedForm(values, caller.failure, wording);
  const input = { ...values, knownToAgency: values.knownToAgency || undefined };
  const result = await guarded(caller.requestId, () => answerRequest(caller.user, requestId, input, { requestId: caller.requestId }));
  if (!result.ok) return failedForm(values, result, wording);
  redirect(`/requests/${encodeURIComponent(requestId)}?done=answered`);
}
