"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { guarded, signedInCaller } from "@/lib/auth/action";
import { londonWallClockToInstant } from "@/lib/contacts/deadlines";
import { formText } from "@/lib/forms/form-data";
import { failedForm, type FormState } from "@/lib/forms/form-state";
import { agreeStrategyMeeting, recordStrategyMeeting } from "./mutations";
import { ACTION_ROWS, ATTENDEE_ROWS } from "./schema";

// The strategy meeting's forms on the contact record: plain HTML forms posted here, so they work without
// JavaScript. On success the browser goes back to the record with a banner; otherwise the form shows again
// with everything typed and what needs fixing. The mutations check the permission and the contact again.

/** Its values are every field as typed, by its form name ("attendees.0.name"). */
export type StrategyFormState = FormState<Record<string, string>>;

const WORDING = {
  forbidden: "Only a DAAT manager can agree or record a strategy meeting.",
  notFound: "We could not find this Red contact. Go back to the contacts list.",
  conflict: "This contact changed after you opened it. Reload it.",
};

const contactPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}`;

/** The DAAT manager agrees a strategy meeting and its priority. */
export async function agreeStrategyAction(_previous: StrategyFormState, formData: FormData): Promise<StrategyFormState> {
  const contactId = formText(formData, "contactId");
  const values = { priority: formText(formData, "priority") };
  const caller = await signedInCaller("strategy:record");
  if (!caller.ok) return failedForm(values, caller.failure, WORDING);
  const result = await guarded(caller.requestId, () =>
    agreeStrategyMeeting(caller.user, contactId, { ...values, expectedVersion: formText(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failedForm(values, result, WORDING);
  redirect(`${contactPath(contactId)}?done=strategy-agreed#strategy-heading`);
}

/** The date and time typed on the form, as London wall-clock time; null when either is missing or not a date. */
function heldAtFrom(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!match) return null;
  const [hh, mm] = [Number(match[1]), Number(match[2])];
  if (hh > 23 || mm > 59) return null;
  try {
    return londonWallClockToInstant(date, hh, mm);
  } catch {
    return null;
  }
}

/** The DAAT manager records the meeting: time, attendees by agency, information shared, decision and actions. */
export async function recordStrategyAction(_previous: StrategyFormState, formData: FormData): Promise<StrategyFormState> {
  const contactId = formText(formData, "contactId");
  const names = ["heldDate", "heldTime", "informationShared", "decision"];
  for (let i = 0; i < ATTENDEE_ROWS; i++) names.push(`attendees.${i}.name`, `attendees.${i}.agency`);
  for (let i = 0; i < ACTION_ROWS; i++) names.push(`actions.${i}.action`, `actions.${i}.owner`, `actions.${i}.dueBy`);
  const values = Object.fromEntries(names.map((name) => [name, formText(formData, name)]));

  const heldAt = heldAtFrom(values.heldDate!, values.heldTime!);
  if (!heldAt) return { key: randomUUID(), values, fieldErrors: { heldAt: "Enter the date and time the meeting was held, such as 2026-11-25 and 14:30" }, message: null };
  // Blank rows are left out; a half-filled row is sent, so its missing half is reported.
  const attendees = [];
  for (let i = 0; i < ATTENDEE_ROWS; i++) {
    const [name, agency] = [values[`attendees.${i}.name`]!, values[`attendees.${i}.agency`]!];
    if (name.trim() || agency) attendees.push({ name, agency });
  }
  const actions = [];
  for (let i = 0; i < ACTION_ROWS; i++) {
    const [action, owner, dueBy] = [values[`actions.${i}.action`]!, values[`actions.${i}.owner`]!, values[`actions.${i}.dueBy`]!];
    if (action.trim() || owner.trim() || dueBy) actions.push({ action, owner, ...(dueBy ? { dueBy } : {}) });
  }

  const caller = await signedInCaller("strategy:record");
  if (!caller.ok) return failedForm(values, caller.failure, WORDING);
  const input = { heldAt, attendees, actions, informationShared: values.informationShared, decision: values.decision, expectedVersion: formText(formData, "expectedVersion") };
  const result = await guarded(caller.requestId, () => recordStrategyMeeting(caller.user, contactId, input, { requestId: caller.requestId }));
  if (!result.ok) return failedForm(values, result, WORDING);
  redirect(`${contactPath(contactId)}?done=strategy-recorded#strategy-heading`);
}
