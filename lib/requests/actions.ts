"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { guarded, signedInCaller } from "@/lib/auth/action";
import { formText } from "@/lib/forms/form-data";
import type { ActionFailure, FieldErrors } from "@/lib/result";
import { answerRequest, makeRequests } from "./mutations";

// The information requests' forms: a plain HTML form posted to one of these actions, so it works without
// JavaScript. On success the browser goes to the page with a banner; otherwise the form shows again with
// everything typed and what needs fixing. The mutations check the permission and the record again.

export type RequestFormState<V extends Record<string, string | string[]>> = {
  /** New for every answer from the server, so the error summary takes focus again. */
  key: string;
  values: Partial<V>;
  fieldErrors: FieldErrors;
  /** A problem with the whole form, in plain words. Never the server's own error text. */
  message: string | null;
};

export type MakeRequestValues = { agencies: string[]; question: string };
export type AnswerValues = { holds: string; history: string; analysis: string; knownToAgency: string };

function messageFor(failure: Exclude<ActionFailure, { reason: "INVALID" }>, forbidden: string, notFound: string): string {
  switch (failure.reason) {
    case "UNAUTHENTICATED":
      return "Your session has ended, so this was not saved. Sign in again in a new tab, then come back and try again. What you typed is still here.";
    case "FORBIDDEN":
      return forbidden;
    case "NOT_FOUND":
      return notFound;
    case "CONFLICT":
      return failure.message ?? "This changed after you opened it. Reload the page.";
    case "CONSENT_REQUIRED":
      return "This cannot be done until consent is recorded.";
    case "UNEXPECTED":
      return `Something went wrong and this was not saved. Try again. If it keeps happening, quote reference ${failure.reference}.`;
  }
}

function failed<V extends Record<string, string | string[]>>(values: Partial<V>, failure: ActionFailure, forbidden: string, notFound: string): RequestFormState<V> {
  if (failure.reason === "INVALID") return { key: randomUUID(), values, fieldErrors: failure.fieldErrors, message: failure.fieldErrors.form ?? null };
  return { key: randomUUID(), values, fieldErrors: {}, message: messageFor(failure, forbidden, notFound) };
}

/** Asks the agencies ticked on the contact record. */
export async function makeRequestsAction(_previous: RequestFormState<MakeRequestValues>, formData: FormData): Promise<RequestFormState<MakeRequestValues>> {
  const contactId = formText(formData, "contactId");
  const values: MakeRequestValues = { agencies: formData.getAll("agencies").filter((value): value is string => typeof value === "string"), question: formText(formData, "question") };
  const forbidden = "Only the social worker the contact is allocated to, or a MASH manager, can ask partner agencies.";
  const notFound = "We could not find this contact, or it is not allocated to you.";
  const caller = await signedInCaller("requests:make");
  if (!caller.ok) return failed(values, caller.failure, forbidden, notFound);
  const result = await guarded(caller.requestId, () => makeRequests(caller.user, contactId, values, { requestId: caller.requestId }));
  if (!result.ok) return failed(values, result, forbidden, notFound);
  redirect(`/contacts/${encodeURIComponent(contactId)}?done=requested#requests-heading`);
}

/** A partner's answer to a request made to their agency. */
export async function answerRequestAction(_previous: RequestFormState<AnswerValues>, formData: FormData): Promise<RequestFormState<AnswerValues>> {
  const requestId = formText(formData, "requestId");
  const values: AnswerValues = { holds: formText(formData, "holds"), history: formText(formData, "history"), analysis: formText(formData, "analysis"), knownToAgency: formText(formData, "knownToAgency") };
  const forbidden = "Only a partner agency's users can answer information requests.";
  const notFound = "We could not find this request. Go back to your information requests.";
  const caller = await signedInCaller("requests:answer");
  if (!caller.ok) return failed(values, caller.failure, forbidden, notFound);
  const input = { ...values, knownToAgency: values.knownToAgency || undefined };
  const result = await guarded(caller.requestId, () => answerRequest(caller.user, requestId, input, { requestId: caller.requestId }));
  if (!result.ok) return failed(values, result, forbidden, notFound);
  redirect(`/requests/${encodeURIComponent(requestId)}?done=answered`);
}
