"use server";

import { redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { formDataToObject, formText } from "@/lib/forms/form-data";
import { failedForm, type FormState } from "@/lib/forms/form-state";
import { invalid, type FieldErrors } from "@/lib/result";
import { linkFollowUp, recordPhoneContact } from "./mutations";
import { guarded, signedInCaller } from "@/lib/auth/action";

// The phone contact form's server actions. Each is a plain HTML form's action, so the forms work without
// JavaScript: the browser posts, the action runs, and the page either moves on (redirect) or shows again
// with everything typed and what needs fixing. Every action signs the user in from the database and checks
// the permission itself; the mutations check it again, with the record-level rules.

const WORDING = {
  forbidden: "Your account cannot record phone contacts. Ask an administrator if you think it should.",
  notFound: "We could not find this phone contact.",
  conflict: "This was changed somewhere else at the same time. Check the details, then try again.",
};

// --- Recording a phone contact ---------------------------------------------------------------------------

export type PhoneContactFormState = FormState<Record<string, unknown>>;

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
  const caller = await signedInCaller("contacts:record-phone");
  if (!caller.ok) return failedForm(values, caller.failure, WORDING);

  const { input, blocks } = answersFrom(values);
  const result = await guarded(caller.requestId, () => recordPhoneContact(caller.user, input, { requestId: caller.requestId }));
  if (result.ok) redirect(`/contacts/phone/${result.phoneContactId}?recorded=1`);
  // On this form the consent gate's messages are answers to fix, each on the field (or child block) it is about.
  if (result.reason === "INVALID" || result.reason === "CONSENT_REQUIRED") return failedForm(values, invalid(toBlockErrors(result.fieldErrors, blocks)), WORDING);
  return failedForm(values, result, WORDING);
}

// --- Linking the written follow-up ------------------------------------------------------------------------

export type LinkFollowUpFormState = FormState<{ reference: string }>;

const LINK_WORDING = { ...WORDING, forbidden: "Your account cannot link follow-up referrals." };

export async function linkFollowUpAction(_previous: LinkFollowUpFormState, formData: FormData): Promise<LinkFollowUpFormState> {
  const phoneContactId = formText(formData, "phoneContactId");
  const values = { reference: formText(formData, "reference") };
  const caller = await signedInCaller((user) => can(user, "contacts:record-phone") || can(user, "contacts:manage"));
  if (!caller.ok) return failedForm(values, caller.failure, LINK_WORDING);

  const result = await guarded(caller.requestId, () => linkFollowUp(caller.user, phoneContactId, values, { requestId: caller.requestId }));
  if (result.ok) redirect(`/contacts/phone/${encodeURIComponent(phoneContactId)}?linked=1`);
  return failedForm(values, result, LINK_WORDING);
}
