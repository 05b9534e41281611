"use server";

import { redirect } from "next/navigation";
import { guarded, signedInCaller } from "@/lib/auth/action";
import { formText } from "@/lib/forms/form-data";
import { failedForm, type FormState } from "@/lib/forms/form-state";
import { findRequestForAgency } from "@/lib/requests/data";
import { NOT_FOUND, type ActionResult } from "@/lib/result";
import { escalateChallenge, raiseChallenge } from "./mutations";
import { findDecisionForPartner } from "./data";

// A partner's professional challenge to the MASH decision, from their information request's page (seed 002
// §10): plain HTML forms posted here, so they work without JavaScript. The contact is always the one of the
// request, read again for the caller's own agency; an id the form sends is only ever a key to look up within
// that. On success the browser goes back to the request with a banner; otherwise the form shows again with
// what was typed and what needs fixing. The mutations check permission and scope again.

export type PartnerChallengeValues = { reason: string };
export type PartnerChallengeFormState = FormState<PartnerChallengeValues>;

const WORDING = {
  forbidden: "Only a partner agency's users can challenge a MASH decision.",
  notFound: "We could not find this request or challenge. Go back to your information requests.",
  conflict: "This changed after you opened it. Reload the page.",
};

const requestPath = (requestId: string) => `/requests/${encodeURIComponent(requestId)}`;

/** Records the caller's challenge to the decision on the contact of their agency's request. */
export async function raisePartnerChallengeAction(_previous: PartnerChallengeFormState, formData: FormData): Promise<PartnerChallengeFormState> {
  const requestId = formText(formData, "requestId");
  const values: PartnerChallengeValues = { reason: formText(formData, "reason") };
  const caller = await signedInCaller("challenges:raise");
  if (!caller.ok) return failedForm(values, caller.failure, WORDING);
  const { user } = caller;
  const result = await guarded(caller.requestId, async (): Promise<ActionResult> => {
    // The contact is the request's, read for the caller's own agency; the mutation checks the rest under lock.
    const request = await findRequestForAgency(user, requestId);
    if (!request) return NOT_FOUND;
    return raiseChallenge(user, request.contactId, { reason: values.reason }, { requestId: caller.requestId });
  });
  if (!result.ok) return failedForm(values, result, WORDING);
  redirect(`${requestPath(requestId)}?done=challenged`);
}

/** Escalates the caller's own challenge, on the contact of their agency's request, to the service manager. */
export async function escalatePartnerChallengeAction(_previous: PartnerChallengeFormState, formData: FormData): Promise<PartnerChallengeFormState> {
  const requestId = formText(formData, "requestId");
  const challengeId = formText(formData, "challengeId");
  const values: PartnerChallengeValues = { reason: formText(formData, "reason") };
  const caller = await signedInCaller("challenges:escalate");
  if (!caller.ok) return failedForm(values, caller.failure, WORDING);
  const { user } = caller;
  const result = await guarded(caller.requestId, async (): Promise<ActionResult> => {
    const request = await findRequestForAgency(user, requestId);
    const view = request && (await findDecisionForPartner(user, request.contactId));
    // Only a challenge of the caller's own on this request's contact; whether it may still be escalated is
    // the mutation's to say, under its lock.
    if (!view?.challenges.some((challenge) => challenge.id === challengeId && challenge.mine)) return NOT_FOUND;
    return escalateChallenge(user, challengeId, { reason: values.reason }, { requestId: caller.requestId });
  });
  if (!result.ok) return failedForm(values, result, WORDING);
  redirect(`${requestPath(requestId)}?done=escalated`);
}
