"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { formDataToObject, formText } from "@/lib/forms/form-data";
import type { ActionFailure, FieldErrors } from "@/lib/result";
import { assessIndicators, resolveLevelCheck } from "@/lib/thresholds/data";
import { PATHWAYS } from "@/lib/thresholds/pathways";
import { addDraftAttachment, createDraft, deleteDraft, removeDraftAttachment, saveDraftSection, submitDraft } from "./mutations";
import { ATTACHMENT_MESSAGES, ATTACHMENT_RULES } from "./policy";
import { beforeYouStartSchema, MAX_CARERS, MAX_CHILDREN, REFERRAL_KINDS, SECTION_SCHEMAS, type ReferralKind, type SectionKey } from "./schema";
import { guarded, signedInCaller } from "@/lib/auth/action";

// The referral forms' server actions. Each is a plain HTML form's action, so the forms work without
// JavaScript: the browser posts, the action runs, and the page either moves on (redirect) or shows again
// with the returned state: everything typed, and what needs fixing. With JavaScript, React posts the same
// form in the background. Every action signs the user in from the database and checks the permission
// itself; the mutations check that the draft is the user's own, so an id from the browser proves nothing.

const PERMISSION = "referrals:create";

const SESSION_ENDED_MESSAGE =
  "Your session has ended, so this page was not saved. Sign in again in a new tab, then come back and select Save and continue. What you typed is still here.";

/** The words for a failure that is not about one field. Never the server's own error text. */
function messageFor(failure: ActionFailure): string {
  switch (failure.reason) {
    case "UNAUTHENTICATED":
      return SESSION_ENDED_MESSAGE;
    case "FORBIDDEN":
      return "Your account cannot send referrals. Ask an administrator if you think it should.";
    case "NOT_FOUND":
      return "We could not find this draft. It may have been sent, deleted, or kept for longer than 30 days.";
    case "CONFLICT":
      return "This was changed somewhere else at the same time. Check the answers, then try again.";
    case "INVALID":
    case "CONSENT_REQUIRED":
      return failure.fieldErrors.form ?? "Check the answers marked below.";
    case "UNEXPECTED":
      return `Something went wrong and this was not saved. Try again. If it keeps happening, quote reference ${failure.reference}.`;
  }
}


function kindOf(value: string): ReferralKind | null {
  return (REFERRAL_KINDS as readonly string[]).includes(value) ? (value as ReferralKind) : null;
}

// --- Before you start --------------------------------------------------------------------------------------

export type StartFormState = {
  values: { immediateRisk?: string; aboutAdultWorker?: string };
  fieldErrors: FieldErrors;
  message: string | null;
};

/**
 * "Before you start": a child at immediate risk → phone first (the page says how); a worry about an adult
 * who works with children → the LADO; otherwise a new draft, carrying the level check if there was one.
 * "I have phoned the MASH" (intent "phoned") starts the written follow-up straight away.
 */
export async function startReferralAction(_previous: StartFormState, formData: FormData): Promise<StartFormState> {
  const kind = kindOf(formText(formData, "kind"));
  const values = { immediateRisk: formText(formData, "immediateRisk"), aboutAdultWorker: formText(formData, "aboutAdultWorker") };
  if (!kind) return { values, fieldErrors: {}, message: "Choose the MASH referral or the early-help request from My referrals." };

  const levelCheckParams = { version: formText(formData, "version") || undefined, i: formData.getAll("i").filter((v) => typeof v === "string"), suggested: formText(formData, "suggested") || undefined, chosen: formText(formData, "chosen") || undefined, reason: formText(formData, "reason") || undefined };
  const carried = levelCheckParams.version ? resolveLevelCheck(levelCheckParams) : null;
  const query = new URLSearchParams({ kind });
  if (levelCheckParams.version) {
    query.set("version", levelCheckParams.version);
    for (const id of levelCheckParams.i) query.append("i", id);
    if (levelCheckParams.suggested) query.set("suggested", levelCheckParams.suggested);
    if (levelCheckParams.chosen) query.set("chosen", levelCheckParams.chosen);
    if (levelCheckParams.reason) query.set("reason", levelCheckParams.reason);
  }

  const phoned = formText(formData, "intent") === "phoned";
  if (!phoned) {
    const parsed = beforeYouStartSchema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
      return { values, fieldErrors, message: null };
    }
    if (parsed.data.immediateRisk === "YES") {
      query.set("stop", "immediate-risk");
      redirect(`/referrals/new?${query}`);
    }
    if (parsed.data.aboutAdultWorker === "YES") {
      query.set("stop", "lado");
      redirect(`/referrals/new?${query}`);
    }
  }

  const caller = await signedInCaller(PERMISSION);
  if (!caller.ok) return { values, fieldErrors: {}, message: messageFor(caller.failure) };

  // A phoned concern is a MASH one, whichever form the practitioner started from.
  const draftKind: ReferralKind = phoned ? "MASH" : kind;
  const needs =
    carried?.ok && PATHWAYS[carried.chosenLevel].next === (draftKind === "MASH" ? "mash-referral" : "early-help-request")
      ? {
          thresholdVersion: carried.document.id,
          indicatorIds: carried.ticked.map((indicator) => indicator.id),
          suggestedLevel: carried.suggestion.level,
          chosenLevel: carried.chosenLevel,
          levelReason: carried.reason ?? "",
        }
      : null;
  const result = await guarded(caller.requestId, () => createDraft(caller.user, { kind: draftKind, needs, ...(phoned ? { phonedMash: "YES" as const } : {}) }, caller.requestId));
  if (!result.ok) return { values, fieldErrors: {}, message: messageFor(result) };
  redirect(`/referrals/drafts/${result.draftId}`);
}

// --- One page of a draft -------------------------------------------------------------------------------------

export type SectionFormState = {
  /** New for every answer from the server, so the form starts again from exactly these values. */
  key: string;
  kind: ReferralKind | null;
  values: Record<string, unknown>;
  fieldErrors: FieldErrors;
  /** A problem with the whole page: the session ended, the draft has gone, something went wrong. */
  message: string | null;
  sessionEnded: boolean;
  /** The field to move to after the page changed shape (the first box of a child just added). */
  focusId: string | null;
};

/** The groups a page can repeat ("Add another child"), with a blank entry and the most allowed. */
const REPEATING: Partial<Record<SectionKey, { list: string; max: number; blank: () => Record<string, string> }>> = {
  children: {
    list: "children",
    max: MAX_CHILDREN,
    blank: () => ({ firstName: "", lastName: "", otherNames: "", dateOfBirth: "", expectedDueDate: "", ethnicity: "", firstLanguage: "", disabilityDetails: "", nhsNumber: "", school: "", address: "", postcode: "", currentLocation: "" }),
  },
  family: { list: "carers", max: MAX_CARERS, blank: () => ({ name: "", relationship: "", phone: "", address: "" }) },
};

/** Fields that are a group of checkboxes, so always a list. */
const ARRAY_FIELDS: Partial<Record<SectionKey, string[]>> = { needs: ["indicatorIds"] };

const NOT_ANSWERS = ["draftId", "section", "kind", "intent"];

/**
 * "Add another child" and "Remove child 2" are submit buttons (name="intent"), so they work without
 * JavaScript: the page is saved as it stands, then shown again with a blank child added or one taken away.
 */
function applyIntent(section: SectionKey, values: Record<string, unknown>, intent: string): { values: Record<string, unknown>; focusId: string | null } {
  const group = REPEATING[section];
  if (!group) return { values, focusId: null };
  const current = Array.isArray(values[group.list]) ? (values[group.list] as unknown[]) : [];
  if (intent === "add" && current.length < group.max) {
    const list = [...current, group.blank()];
    return { values: { ...values, [group.list]: list }, focusId: `${group.list}.${list.length - 1}.${section === "children" ? "firstName" : "name"}` };
  }
  const remove = /^remove-(\d+)$/.exec(intent);
  if (remove && current.length > 1) {
    const index = Number(remove[1]);
    return { values: { ...values, [group.list]: current.filter((_, i) => i !== index) }, focusId: `${group.list}-heading` };
  }
  return { values, focusId: null };
}

/**
 * The suggested level is worked out here from the ticked indicators, never taken from the browser: a
 * practitioner who judges the level differently must say why, and that depends on the suggestion.
 */
function withServerSuggestion(values: Record<string, unknown>): Record<string, unknown> {
  const { suggestedLevel: _fromBrowser, ...rest } = values;
  const ids = Array.isArray(values.indicatorIds) ? values.indicatorIds.filter((id): id is string => typeof id === "string") : [];
  const level = typeof values.thresholdVersion === "string" ? assessIndicators(values.thresholdVersion, ids)?.suggestedLevel : null;
  return level ? { ...rest, suggestedLevel: String(level) } : rest;
}

function isSectionKey(value: string): value is SectionKey {
  return Object.hasOwn(SECTION_SCHEMAS, value);
}

/**
 * Saves one page of a draft. Whatever was typed is saved, valid or not, so nothing is lost. "Save and
 * continue" with valid answers goes back to the task list; otherwise the page shows again with its
 * answers and the messages. If the session has ended, nothing is saved but every answer comes back.
 */
export async function saveSectionAction(previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const draftId = formText(formData, "draftId");
  const sectionName = formText(formData, "section");
  const intent = formText(formData, "intent") || "continue";
  const kind = kindOf(formText(formData, "kind")) ?? previous.kind;
  const state = (values: Record<string, unknown>, changes: Partial<SectionFormState> = {}): SectionFormState => ({
    key: randomUUID(),
    kind,
    values,
    fieldErrors: {},
    message: null,
    sessionEnded: false,
    focusId: null,
    ...changes,
  });
  if (!isSectionKey(sectionName)) return state({}, { message: messageFor({ ok: false, reason: "NOT_FOUND" }) });
  const section = sectionName;

  const posted = formDataToObject(formData, { arrays: ARRAY_FIELDS[section], omit: NOT_ANSWERS });
  const { values: shaped, focusId } = applyIntent(section, posted, intent);
  const values = section === "needs" ? withServerSuggestion(shaped) : shaped;

  const caller = await signedInCaller(PERMISSION);
  if (!caller.ok) return state(values, { message: messageFor(caller.failure), sessionEnded: caller.failure.reason === "UNAUTHENTICATED" });

  const saved = await guarded(caller.requestId, () => saveDraftSection(caller.user, draftId, section, values, caller.requestId));
  if (!saved.ok) {
    const fieldErrors = saved.reason === "INVALID" ? saved.fieldErrors : {};
    return state(values, { fieldErrors, message: messageFor(saved) });
  }
  if (intent === "save") redirect(`/referrals?saved=${encodeURIComponent(draftId)}`);
  if (intent !== "continue") return state(values, { focusId });
  if (saved.valid) redirect(`/referrals/drafts/${encodeURIComponent(draftId)}`);
  return state(values, { fieldErrors: saved.fieldErrors, message: saved.fieldErrors.form ?? null });
}

// --- Deleting a draft ------------------------------------------------------------------------------------------

export async function deleteDraftAction(formData: FormData): Promise<void> {
  const caller = await signedInCaller(PERMISSION);
  if (!caller.ok) redirect(caller.failure.reason === "UNAUTHENTICATED" ? "/sign-in?expired=1&callbackUrl=%2Freferrals" : "/referrals");
  const result = await guarded(caller.requestId, () => deleteDraft(caller.user, formText(formData, "draftId"), caller.requestId));
  redirect(result.ok ? "/referrals?deleted=1" : "/referrals");
}

// --- Attachments ------------------------------------------------------------------------------------------------

export type AttachmentFormState = { key: string; fieldErrors: FieldErrors; message: string | null };

export async function uploadAttachmentAction(_previous: AttachmentFormState, formData: FormData): Promise<AttachmentFormState> {
  const draftId = formText(formData, "draftId");
  const failed = (changes: Partial<AttachmentFormState>): AttachmentFormState => ({ key: randomUUID(), fieldErrors: {}, message: null, ...changes });
  const caller = await signedInCaller(PERMISSION);
  if (!caller.ok) {
    return failed({ message: caller.failure.reason === "UNAUTHENTICATED" ? "Your session has ended, so the file was not uploaded. Sign in again in a new tab, then come back and upload it again." : messageFor(caller.failure) });
  }
  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return failed({ fieldErrors: { file: ATTACHMENT_MESSAGES.noName } });
  // Checked before reading it into memory; the mutation checks the size, type and count again.
  if (file.size > ATTACHMENT_RULES.maxBytes) return failed({ fieldErrors: { file: ATTACHMENT_MESSAGES.tooBig } });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await guarded(caller.requestId, () => addDraftAttachment(caller.user, draftId, { name: file.name, bytes }, caller.requestId));
  if (!result.ok) return result.reason === "INVALID" ? failed({ fieldErrors: result.fieldErrors }) : failed({ message: messageFor(result) });
  redirect(`/referrals/drafts/${encodeURIComponent(draftId)}/attachments?added=${encodeURIComponent(result.attachmentId)}`);
}

export async function removeAttachmentAction(formData: FormData): Promise<void> {
  const draftId = formText(formData, "draftId");
  const back = `/referrals/drafts/${encodeURIComponent(draftId)}/attachments`;
  const caller = await signedInCaller(PERMISSION);
  if (!caller.ok) redirect(caller.failure.reason === "UNAUTHENTICATED" ? `/sign-in?expired=1&callbackUrl=${encodeURIComponent(back)}` : back);
  const result = await guarded(caller.requestId, () => removeDraftAttachment(caller.user, draftId, formText(formData, "attachmentId"), caller.requestId));
  redirect(result.ok ? `${back}?removed=1` : back);
}

// --- Sending ---------------------------------------------------------------------------------------------------

export type SubmitFormState = {
  key: string;
  /** Keyed "<section>.<field>" ("informationSharing.consent.rationale"), or "declaration". */
  fieldErrors: FieldErrors;
  reason: "INVALID" | "CONSENT_REQUIRED" | null;
  message: string | null;
};

const DECLARATION_MESSAGE = "Confirm the declaration to send the referral";

/** Sends the draft. Safe to press twice: the draft's id is the idempotency key, so there is one referral. */
export async function submitDraftAction(_previous: SubmitFormState, formData: FormData): Promise<SubmitFormState> {
  const state = (changes: Partial<SubmitFormState>): SubmitFormState => ({ key: randomUUID(), fieldErrors: {}, reason: null, message: null, ...changes });
  const caller = await signedInCaller(PERMISSION);
  if (!caller.ok) {
    return state({ message: caller.failure.reason === "UNAUTHENTICATED" ? "Your session has ended, so the referral was not sent. Sign in again in a new tab, then come back and select Send referral. Your answers are saved." : messageFor(caller.failure) });
  }
  if (formData.get("declaration") === null) return state({ fieldErrors: { declaration: DECLARATION_MESSAGE }, reason: "INVALID" });
  const result = await guarded(caller.requestId, () => submitDraft(caller.user, formText(formData, "draftId"), caller.requestId));
  if (result.ok) redirect(`/referrals/${result.referralId}/confirmation`);
  if (result.reason === "INVALID" || result.reason === "CONSENT_REQUIRED") return state({ fieldErrors: result.fieldErrors, reason: result.reason });
  return state({ message: messageFor(result) });
}

// --- Keeping a session alive --------------------------------------------------------------------------------

/** "Stay signed in": resolving the session counts as activity. False when it has already ended. */
export async function staySignedInAction(): Promise<boolean> {
  return (await getCurrentUser()) !== null;
}
