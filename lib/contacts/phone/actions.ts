"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { formDataToObject, formText } from "@/lib/forms/form-data";
import type { ActionFailure, FieldErrors } from "@/lib/result";
import { linkFollowUp, recordPhoneContact } from "./mutations";
import { guarded, signedInCaller } from "@/lib/auth/action";

// The phone contact form's server actions. Each is a plain HTML form's action, so the forms work without
// JavaScript: the browser posts, the action runs, and the page either moves on (redirect) or shows again
// with everything typed and what needs fixing. Every action signs the user in from the database and checks
// the permission itself; the mutations check it again, with the record-level rules.

const SESSION_ENDED_MESSAGE = "Your session has ended, so this was not saved. Sign in again in a new tab, then come back and try again. What you typed is still here.";

/** The words for a failure that is not about one field. Never the server's own error text. */
function messageFor(failure: ActionFailure): string {
  switch (failure.reason) {
    case "UNAUTHENTICATED":
      return SESSION_ENDED_MESSAGE;
    case "FORBIDDEN":
      return "Your account cannot record phone contacts. Ask an administrator if you think it should.";
    case "NOT_FOUND":
      return "We could not find this phone contact.";
    case "CONFLICT":
      return failure.message ?? "This was changed somewhere else at the same time. Check the details, then try again.";
    case "INVALID":
    case "CONSENT_REQUIRED":
      return failure.fieldErrors.form ?? "Check the answers marked below.";
    case "UNEXPECTED":
      return `Something went wrong and this was not saved. Try again. If it keeps happening, quote reference ${failure.reference}.`;
  }
}


// --- Recording a phone contact ---------------------------------------------------------------------------

export type PhoneContactFormState = {
  /** New for every answer from the server, so the form starts again from exactly these values. */
  key: string;
  values: Record<string, unknown>;
  fieldErrors: FieldErrors;
  /** A problem with the whole form: the session ended, something went wrong. */
  message: string | null;
};

/** A child block of the form left empty is not a child. */
const CHILD_FIELDS = ["firstName", "lastName", "dateOfBirth", "approximateAge", "nhsNumber", "postcode"] as const;

const isBlank = (child: unknown) =>
  typeof child !== "object" || child === null || CHILD_FIELDS.every((field) => String((child as Record<string, unknown>)[field] ?? "").trim() === "");

/**
 * The answers the schema judges: the children the officer filled in (their blocks' numbers remembered, so a
 * message lands on the block it is about), and "stay anonymous" only for a member of the public (the box
 * sits under that choice, and a hidden tick must not count against a professional).
 */
function answersFrom(values: Record<string, unknown>): { input: Record<string, unknown>; blocks: number[] } {
  const posted: unknown[] = Array.isArray(values.children) ? values.children : [];
  const blocks = posted.flatMap((child, index) => (isBlank(child) ? [] : [index]));
  return {
    input: { ...values, anonymous: values.callerType === "PUBLIC" && values.anonymous === true, children: blocks.map((index) => posted[index]) },
    blocks,
  };
}

/** "children.1.lastName" about the second child given is about the block that child was typed in. */
function toBlockErrors(fieldErrors: FieldErrors, blocks: number[]): FieldErrors {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([key, message]) => {
      const match = /^children\.(\d+)\.(.+)$/.exec(key);
      return [match ? `children.${blocks[Number(match[1])] ?? match[1]}.${match[2]}` : key, message];
    }),
  );
}

export async function recordPhoneContactAction(_previous: PhoneContactFormState, formData: FormData): Promise<PhoneContactFormState> {
  const values = formDataToObject(formData, { checkboxes: ["anonymous"] });
  const state = (changes: Partial<PhoneContactFormState>): PhoneContactFormState => ({ key: randomUUID(), values, fieldErrors: {}, message: null, ...changes });

  const caller = await signedInCaller("contacts:record-phone");
  if (!caller.ok) return state({ message: messageFor(caller.failure) });

  const { input, blocks } = answersFrom(values);
  const result = await guarded(caller.requestId, () => recordPhoneContact(caller.user, input, { requestId: caller.requestId }));
  if (result.ok) redirect(`/contacts/phone/${result.phoneContactId}?recorded=1`);
  if (result.reason === "INVALID" || result.reason === "CONSENT_REQUIRED") {
    const fieldErrors = toBlockErrors(result.fieldErrors, blocks);
    return state({ fieldErrors, message: fieldErrors.form ?? null });
  }
  return state({ message: messageFor(result) });
}

// --- Linking the written follow-up ------------------------------------------------------------------------

export type LinkFollowUpFormState = { key: string; values: { reference?: string }; fieldErrors: FieldErrors; message: string | null };

export async function linkFollowUpAction(_previous: LinkFollowUpFormState, formData: FormData): Promise<LinkFollowUpFormState> {
  const phoneContactId = formText(formData, "phoneContactId");
  const values = { reference: formText(formData, "reference") };
  const state = (changes: Partial<LinkFollowUpFormState>): LinkFollowUpFormState => ({ key: randomUUID(), values, fieldErrors: {}, message: null, ...changes });

  const caller = await signedInCaller((user) => can(user, "contacts:record-phone") || can(user, "contacts:manage"));
  if (!caller.ok) return state({ message: caller.failure.reason === "FORBIDDEN" ? "Your account cannot link follow-up referrals." : messageFor(caller.failure) });

  const result = await guarded(caller.requestId, () => linkFollowUp(caller.user, phoneContactId, values, { requestId: caller.requestId }));
  if (result.ok) redirect(`/contacts/phone/${encodeURIComponent(phoneContactId)}?linked=1`);
  if (result.reason === "INVALID") return state({ fieldErrors: result.fieldErrors, message: result.fieldErrors.form ?? null });
  return state({ message: messageFor(result) });
}
