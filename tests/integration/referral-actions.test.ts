import { beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findSessionUserById } from "@/lib/auth/data";
import { startSession } from "@/lib/auth/mutations";
import { resolveSession } from "@/lib/auth/resolve";
import { db } from "@/lib/db/client";
import { saveSectionAction, submitDraftAction, type SectionFormState, type SubmitFormState } from "@/lib/referral/actions";
import { findMyDraft } from "@/lib/referral/data";
import { createDraft, saveDraftSection } from "@/lib/referral/mutations";
import { mashReferralInput, sectionsOf } from "@/tests/factories/referral";
import { createTestUser } from "@/tests/factories/user";
import { formPost, redirectOf } from "@/tests/factories/form";

// The server actions behind the referral forms, called as a browser's plain form post calls them (FormData).
// Only the cookie reading is replaced (Vitest has no request context); the session is real.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let signedInSession: string | null = null;
beforeEach(() => {
  signedInSession = null;
  vi.mocked(getCurrentUser).mockImplementation(() => resolveSession(signedInSession));
});

async function signIn() {
  const created = await createTestUser({ role: "PRACTITIONER" });
  signedInSession = await startSession(created.id, "password");
  return (await findSessionUserById(created.id))!;
}

const noSubmitState: SubmitFormState = { key: "", fieldErrors: {}, reason: null, message: null };
const noSectionState: SectionFormState = { key: "", kind: "MASH", values: {}, fieldErrors: {}, message: null, sessionEnded: false, focusId: null };

describe("sending a referral through the form's server action", () => {
  it("refuses a referral without consent and without a reason, explains why, and writes nothing", async () => {
    const user = await signIn();
    const created = await createDraft(user, { kind: "MASH" });
    if (!created.ok) throw new Error(created.reason);
    const sections = sectionsOf(mashReferralInput());
    for (const [section, values] of Object.entries(sections)) await saveDraftSection(user, created.draftId, section as never, values);
    await saveDraftSection(user, created.draftId, "informationSharing", { consent: { status: "NOT_SOUGHT" }, familyInformed: "YES" });
    const before = { referrals: await db.referral.count(), contacts: await db.contact.count(), outbox: await db.outboxMessage.count() };

    let state: SubmitFormState | undefined;
    const redirected = await redirectOf(async () => {
      state = await submitDraftAction(noSubmitState, formPost({ draftId: created.draftId, declaration: "yes" }));
    });
    expect(redirected).toBeNull();
    expect(state).toMatchObject({
      reason: "CONSENT_REQUIRED",
      fieldErrors: {
        "informationSharing.consent.exceptionReason": expect.any(String),
        "informationSharing.consent.rationale": expect.any(String),
        "informationSharing.consent.effortsOrViews": expect.any(String),
      },
    });
    expect({ referrals: await db.referral.count(), contacts: await db.contact.count(), outbox: await db.outboxMessage.count() }).toEqual(before);
    expect(await findMyDraft(user, created.draftId)).not.toBeNull();
  });

  it("sends a complete draft once, and a second press finds the same referral", async () => {
    const user = await signIn();
    const created = await createDraft(user, { kind: "MASH" });
    if (!created.ok) throw new Error(created.reason);
    for (const [section, values] of Object.entries(sectionsOf(mashReferralInput()))) await saveDraftSection(user, created.draftId, section as never, values);

    const first = await redirectOf(() => submitDraftAction(noSubmitState, formPost({ draftId: created.draftId, declaration: "yes" })));
    const second = await redirectOf(() => submitDraftAction(noSubmitState, formPost({ draftId: created.draftId, declaration: "yes" })));
    expect(first).toMatch(/^\/referrals\/[0-9a-f-]{36}\/confirmation$/);
    expect(second).toBe(first);
    expect(await db.referral.count({ where: { referrerId: user.id } })).toBe(1);
  });

  it("asks for the declaration", async () => {
    const user = await signIn();
    const created = await createDraft(user, { kind: "MASH" });
    if (!created.ok) throw new Error(created.reason);
    const state = await submitDraftAction(noSubmitState, formPost({ draftId: created.draftId }));
    expect(state.fieldErrors).toEqual({ declaration: expect.stringContaining("declaration") });
  });
});

describe("saving a page through the form's server action", () => {
  it("keeps what was typed when the session has ended, and saves nothing", async () => {
    const user = await signIn();
    const created = await createDraft(user, { kind: "MASH" });
    if (!created.ok) throw new Error(created.reason);
    signedInSession = null;
    const state = await saveSectionAction(noSectionState, formPost({ draftId: created.draftId, section: "worries", kind: "MASH", whatHappened: "A long account typed over twenty minutes…" }));
    expect(state).toMatchObject({ sessionEnded: true, values: { whatHappened: "A long account typed over twenty minutes…" } });
    expect((await findMyDraft(user, created.draftId))?.answers.sections.worries).toBeUndefined();
  });

  it("treats someone else's draft as not found", async () => {
    const owner = await signIn();
    const created = await createDraft(owner, { kind: "MASH" });
    if (!created.ok) throw new Error(created.reason);
    await signIn();
    const state = await saveSectionAction(noSectionState, formPost({ draftId: created.draftId, section: "worries", kind: "MASH", whatHappened: "x" }));
    expect(state.message).toMatch(/could not find this draft/);
    expect((await findMyDraft(owner, created.draftId))?.answers.sections.worries).toBeUndefined();
  });
});
