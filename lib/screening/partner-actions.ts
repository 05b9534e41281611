"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { guarded, signedInCaller } from "@/lib/auth/action";
import { formText } from "@/lib/forms/form-data";
import { findRequestForAgency } from "@/lib/requests/data";
import { NOT_FOUND, type ActionFailure, type ActionResult } from "@/lib/result";
import type { ScreeningFormState } from "./actions";
import { escalateChallenge, raiseChallenge } from "./mutations";
import { findDecisionForPartner } from "./data";

// A partner's professional challenge to the MASH decision, from their information request's page (seed 002
// §10): plain HTML forms posted here, so they work without JavaScript. The contact is always the one of the
// request, read again for the caller's own agency; an id the form sends is only ever a key to look up within
// that. On success the browser goes back to the request with a banner; otherwise the form shows again with
// what was typed and what needs fixing. The mutations check permission and scope again.

export type PartnerChallengeValues = { reason: string };
export type PartnerChallengeFormState = ScreeningFormState<PartnerChallengeValues>;

function messageFor(failure: Exclude<ActionFailure, { reason: "INVALID" }>): string {
  switch (failure.reason) {
    case "UNAUTHENTICATED":
      return "Your session has ended, so this was not saved. Sign in again in a new tab, then come back and try again. What you typed is still here.";
    case "FORBIDDEN":
      return "Only a partner agency's users can challenge a MASH decision.";
    case "NOT_FOUND":
      return "We could not find this request or challenge. Go back to your information requests.";
    case "CONFLICT":
      return failure.message ?? "This changed after you opened it. Reload the page.";
    case "CONSENT_REQUIRED":
      return "This cannot be done until consent is recorded.";
    case "UNEXPECTED":
      return `Something went wrong and this was not saved. Try again. If it keeps happening, quote reference ${failure.reference}.`;
  }
}

function failed(values: PartnerChallengeValues, failure: ActionFailure): PartnerChallengeFormState {
  if (failure.reason === "INVALID") return { key: randomUUID(), values, fieldErrors: failure.fieldErrors, message: failure.fieldErrors.form ?? null };
  return { key: randomUUID(), values, fieldErrors: {}, message: messageFor(failure) };
}

const requestPath = (requestId: string) => `/requests/${encodeURIComponent(requestId)}`;

/** Records the caller's challenge to the decision on the contact of their agency's request. */
export async function raisePartnerChallengeAction(_previous: PartnerChallengeFormState, formData: FormData): Promise<PartnerChallengeFormState> {
  const requestId = formText(formData, "requestId");
  const values: PartnerChallengeValues = { reason: formText(formData, "reason") };
  const caller = await signedInCaller("challenges:raise");
  if (!caller.ok) return failed(values, caller.failure);
  const { user } = caller;
  const result = await guarded(caller.requestId, async (): Promise<ActionResult> => {
    // The contact is the request's, read for the caller's own agency; the mutation checks the rest under lock.
    const request = await findRequestForAgency(user, requestId);
    if (!request) return NOT_FOUND;
    return raiseChallenge(user, request.contactId, { reason: values.reason }, { requestId: caller.requestId });
  });
  if (!result.ok) return failed(values, result);
  redirect(`${requestPath(requestId)}?done=challenged`);
}

/** Escalates the caller's own challenge, on the contact of their agency's request, to the service manager. */
export async function escalatePartnerChallengeAction(_previous: PartnerChallengeFormState, formData: FormData): Promise<PartnerChallengeFormState> {
  const requestId = formText(formData, "requestId");
  const challengeId = formText(formData, "challengeId");
  const values: PartnerChallengeValues = { reason: formText(formData, "reason") };
  const caller = await signedInCaller("challenges:escalate");
  if (!caller.ok) return failed(values, caller.failure);
  const { user } = caller;
  const result = await guarded(caller.requestId, async (): Promise<ActionResult> => {
    const request = await findRequestForAgency(user, requestId);
    const view = request && (await findDecisionForPartner(user, request.contactId));
    // Only a challenge of the caller's own on this request's contact; whether it may still be escalated is
    // the mutation's to say, under its lock.
    if (!view?.challenges.some((challenge) => challenge.id === challengeId && challenge.mine)) return NOT_FOUND;
    return escalateChallenge(user, challengeId, { reason: values.reason }, { requestId: caller.requestId });
  });
  if (!result.ok) return failed(values, result);
  redirect(`${requestPath(requestId)}?done=escalated`);
}
