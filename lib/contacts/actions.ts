"use server";

import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/data";
import { signInPathFor } from "@/lib/auth/navigation";
import { can, type Permission } from "@/lib/auth/policy";
import { isUuid } from "@/lib/ids";
import { markNotificationsRead } from "@/lib/notifications/mutations";
import type { ActionFailure, FieldErrors } from "@/lib/result";
import { allocateContact, decideContact, rateContact } from "./mutations";
import type { ContactDecision } from "./schema";

// The contact record's forms. Each is a plain HTML form posted to one of these actions, so it works without
// JavaScript: on success the browser goes back to the record with a banner; otherwise the record shows
// again with everything the manager typed and what needs fixing. Every action signs the caller in from the
// database and checks the permission itself; the mutations check it again and lock the contact's version,
// so a decision made on a stale page is refused with a plain-English reason rather than silently applied.

export type ContactFormState<V extends Record<string, string>> = {
  /** New for every answer from the server, so the error summary takes focus again. */
  key: string;
  values: Partial<V>;
  fieldErrors: FieldErrors;
  /** A problem with the whole form: the session ended, someone else changed the contact, it went wrong. */
  message: string | null;
  /** The contact changed after the page was opened: the form offers to reload it. */
  stale: boolean;
};

export type RateValues = { rating: string; direction: string; rationale: string };
export type AllocateValues = { socialWorkerId: string; reason: string };
export type DecideValues = { decision: string; rationale: string; team: string };

type Caller = { ok: true; user: SessionUser; requestId: string } | { ok: false; failure: ActionFailure };

async function signedInCaller(permission: Permission): Promise<Caller> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, failure: { ok: false, reason: "UNAUTHENTICATED" } };
  if (!can(user, permission)) return { ok: false, failure: { ok: false, reason: "FORBIDDEN" } };
  return { ok: true, user, requestId: (await headers()).get("x-request-id") ?? randomUUID() };
}

/** The words for a failure that is not about one field. Never the server's own error text. */
function messageFor(failure: Exclude<ActionFailure, { reason: "INVALID" }>): string {
  switch (failure.reason) {
    case "UNAUTHENTICATED":
      return "Your session has ended, so this was not saved. Sign in again in a new tab, then come back and try again. What you typed is still here.";
    case "FORBIDDEN":
      return "Only a MASH manager can rate, allocate or decide on a contact.";
    case "NOT_FOUND":
      return "We could not find this contact. Go back to the contacts list.";
    case "CONFLICT":
      return failure.message ?? "Someone else changed this contact after you opened it. Reload it, check their decision, then decide again.";
    case "CONSENT_REQUIRED":
      return "This cannot be done until consent is recorded.";
    case "UNEXPECTED":
      return `Something went wrong and this was not saved. Try again. If it keeps happening, quote reference ${failure.reference}.`;
  }
}

/** Runs a mutation, turning a thrown error into a reference the person can quote (the log has the detail). */
async function guarded<T>(requestId: string, run: () => Promise<T>): Promise<T | ActionFailure> {
  try {
    return await run();
  } catch (error) {
    console.error(`[action] request ${requestId} failed`, error);
    return { ok: false, reason: "UNEXPECTED", reference: requestId };
  }
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

function failed<V extends Record<string, string>>(values: Partial<V>, failure: ActionFailure): ContactFormState<V> {
  if (failure.reason === "INVALID") {
    // A stale or missing version is not the manager's to fix in a field: it means reload.
    const { expectedVersion, ...fieldErrors } = failure.fieldErrors;
    return { key: randomUUID(), values, fieldErrors, message: expectedVersion ?? fieldErrors.form ?? null, stale: Boolean(expectedVersion) };
  }
  return { key: randomUUID(), values, fieldErrors: {}, message: messageFor(failure), stale: failure.reason === "CONFLICT" };
}

const contactPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}`;

/** Applies a RAG rating, or reviews one: the clock starts again under the new rating. */
export async function rateContactAction(_previous: ContactFormState<RateValues>, formData: FormData): Promise<ContactFormState<RateValues>> {
  const contactId = text(formData, "contactId");
  const values: RateValues = { rating: text(formData, "rating"), direction: text(formData, "direction"), rationale: text(formData, "rationale") };
  const caller = await signedInCaller("contacts:manage");
  if (!caller.ok) return failed(values, caller.failure);
  const result = await guarded(caller.requestId, () =>
    rateContact(caller.user, contactId, { ...values, expectedVersion: text(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failed(values, result);
  redirect(`${contactPath(contactId)}?done=rated`);
}

/** Allocates a Red or Amber contact to a social worker, or reallocates it. */
export async function allocateContactAction(_previous: ContactFormState<AllocateValues>, formData: FormData): Promise<ContactFormState<AllocateValues>> {
  const contactId = text(formData, "contactId");
  const values: AllocateValues = { socialWorkerId: text(formData, "socialWorkerId"), reason: text(formData, "reason") };
  const caller = await signedInCaller("contacts:manage");
  if (!caller.ok) return failed(values, caller.failure);
  const result = await guarded(caller.requestId, () =>
    allocateContact(caller.user, contactId, { ...values, expectedVersion: text(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failed(values, result);
  redirect(`${contactPath(contactId)}?done=allocated`);
}

const DONE: Record<ContactDecision, string> = { RETURN_FOR_CONSENT: "returned", CLOSE_CONSULTATION: "closed", PASS_TO_TEAM: "passed" };

/** Returns the contact for consent, closes it as a consultation, or passes it to the team working with the child. */
export async function decideContactAction(_previous: ContactFormState<DecideValues>, formData: FormData): Promise<ContactFormState<DecideValues>> {
  const contactId = text(formData, "contactId");
  const values: DecideValues = { decision: text(formData, "decision"), rationale: text(formData, "rationale"), team: text(formData, "team") };
  const caller = await signedInCaller("contacts:manage");
  if (!caller.ok) return failed(values, caller.failure);
  const result = await guarded(caller.requestId, () =>
    decideContact(caller.user, contactId, { ...values, expectedVersion: text(formData, "expectedVersion") }, { requestId: caller.requestId }),
  );
  if (!result.ok) return failed(values, result);
  redirect(`${contactPath(contactId)}?done=${DONE[result.decision]}`);
}

/** "Mark all as read" (or the notifications named by `id`): only ever the caller's own. */
export async function markNotificationsReadAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPathFor("/notifications", { expired: true }));
  const ids = formData.getAll("id").filter((id): id is string => typeof id === "string" && isUuid(id));
  const requestId = (await headers()).get("x-request-id") ?? randomUUID();
  const marked = await guarded(requestId, () => markNotificationsRead(user.id, ids.length > 0 ? ids : "all"));
  redirect(typeof marked === "number" ? "/notifications?read=1" : "/notifications?failed=1");
}
