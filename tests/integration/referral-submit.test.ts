import { describe, expect, it } from "vitest";
import { findSessionUserById, type SessionUser } from "@/lib/auth/data";
import { db } from "@/lib/db/client";
import { findAttachmentForDownload, findMyDraft, findMyReferral, listMyReferrals } from "@/lib/referral/data";
import { addDraftAttachment, createDraft, deleteDraft, removeDraftAttachment, saveDraftSection, submitDraft, submitReferral } from "@/lib/referral/mutations";
import { ATTACHMENT_MESSAGES } from "@/lib/referral/policy";
import { earlyHelpInput, mashReferralInput, sectionsOf, siblingInput, childInput } from "@/tests/factories/referral";
import { createTestUser } from "@/tests/factories/user";

async function practitioner(): Promise<SessionUser> {
  const user = await createTestUser({ role: "PRACTITIONER" });
  return (await findSessionUserById(user.id))!;
}

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

async function rowCounts() {
  const [referrals, contacts, consents, indicators, outbox, audit] = await Promise.all([
    db.referral.count(),
    db.contact.count(),
    db.consentRecord.count(),
    db.referralIndicator.count(),
    db.outboxMessage.count(),
    db.auditEvent.count({ where: { action: { in: ["referral.submitted", "contact.created"] } } }),
  ]);
  return { referrals, contacts, consents, indicators, outbox, audit };
}

/** A draft with every page saved from a whole referral. */
async function completeDraft(user: SessionUser, input: ReturnType<typeof mashReferralInput> | ReturnType<typeof earlyHelpInput>): Promise<string> {
  const created = await createDraft(user, { kind: input.kind });
  if (!created.ok) throw new Error(created.reason);
  for (const [section, values] of Object.entries(sectionsOf(input))) {
    const saved = await saveDraftSection(user, created.draftId, section as never, values);
    if (!saved.ok || !saved.valid) throw new Error(`${section}: ${JSON.stringify(saved)}`);
  }
  return created.draftId;
}

describe("submitting a MASH referral", () => {
  it("writes the referral, a contact per child awaiting RAG, the consent, the indicators, the audit trail and the acknowledgement together", async () => {
    const user = await practitioner();
    const result = await submitReferral(user, mashReferralInput({ children: [childInput(), siblingInput()] }), { idempotencyKey: null });
    expect(result).toMatchObject({ ok: true, created: true, reference: expect.stringMatching(/^MASH-\d{4}-\d{6}$/) });
    if (!result.ok) return;

    const referral = await db.referral.findUniqueOrThrow({ where: { id: result.referralId }, include: { contacts: { orderBy: { childIndex: "asc" } }, consent: true, indicators: true } });
    expect(referral).toMatchObject({ kind: "MASH", level: 4, status: "RECEIVED", referrerId: user.id, thresholdVersion: "rhrt-2025", suggestedLevel: 4 });
    expect(referral.contacts.map((c) => [c.childName, c.status, c.channel, c.postcode, c.nhsNumber])).toEqual([
      ["Alex Example", "AWAITING_RAG", "ONLINE", "NN1 1ED", "9990000018"],
      ["Sam Example", "AWAITING_RAG", "ONLINE", "NN1 1ED", "9990000026"],
    ]);
    expect(referral.consent).toMatchObject({ status: "GIVEN", givenBy: "Jordan Example", method: "VERBAL", familyInformed: true });
    expect(referral.indicators).toEqual([{ referralId: referral.id, indicatorId: "rhrt-2025/family/4/03", thresholdVersion: "rhrt-2025" }]);
    expect(await db.auditEvent.count({ where: { action: "referral.submitted", entityId: referral.id, actorId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "contact.created", entityId: { in: referral.contacts.map((c) => c.id) } } })).toBe(2);

    const [email] = await db.outboxMessage.findMany({ where: { to: user.email } });
    expect(email).toMatchObject({ subject: `Referral ${result.reference} received`, sentAt: null });
    expect(email!.body).toContain(result.reference);
    expect(email!.body).not.toContain("Alex"); // e-mail is not a secure channel: no child's name
  });

  it("numbers references in order", async () => {
    const user = await practitioner();
    const first = await submitReferral(user, mashReferralInput(), { idempotencyKey: null });
    const second = await submitReferral(user, earlyHelpInput(), { idempotencyKey: null });
    if (!first.ok || !second.ok) throw new Error("not submitted");
    const number = (reference: string) => Number(reference.split("-")[2]);
    expect(second.reference).toMatch(/^CFSS-\d{4}-\d{6}$/);
    expect(number(second.reference)).toBe(number(first.reference) + 1);
    // An early-help request goes to the CFSS coordinators (WITH_CFSS), never the MASH's "awaiting a rating" queue.
    expect(await db.contact.count({ where: { referralId: second.referralId, status: "WITH_CFSS" } })).toBe(1);
    expect(await db.contact.count({ where: { referralId: second.referralId, status: "AWAITING_RAG" } })).toBe(0);
  });

  it("refuses a referral without consent and without a reason, and writes nothing", async () => {
    const user = await practitioner();
    const before = await rowCounts();
    const result = await submitReferral(
      user,
      mashReferralInput({ informationSharing: { consent: { status: "NOT_SOUGHT", givenBy: "", relationship: "", givenAt: "", method: "" } } }),
      { idempotencyKey: "no-consent-0001" },
    );
    expect(result).toEqual({
      ok: false,
      reason: "CONSENT_REQUIRED",
      fieldErrors: {
        "informationSharing.consent.exceptionReason": expect.any(String),
        "informationSharing.consent.rationale": expect.any(String),
        "informationSharing.consent.effortsOrViews": expect.any(String),
      },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("sends without consent when there is a reason, a rationale and the efforts made", async () => {
    const user = await practitioner();
    const result = await submitReferral(
      user,
      mashReferralInput({
        informationSharing: {
          consent: { status: "NOT_SOUGHT", givenBy: "", relationship: "", givenAt: "", method: "", exceptionReason: "INCREASED_RISK", rationale: "Alex named mum's partner; asking would alert him.", effortsOrViews: "Not sought, for the reason given." },
          familyInformed: "NO",
          reasonNotInformed: "Telling them could place Alex at greater risk tonight.",
        },
      }),
      { idempotencyKey: null },
    );
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(await db.consentRecord.findUnique({ where: { referralId: result.referralId } })).toMatchObject({ status: "NOT_SOUGHT", exceptionReason: "INCREASED_RISK", familyInformed: false });
  });

  it("refuses a Level 2 early-help request without the parents' consent", async () => {
    const user = await practitioner();
    const result = await submitReferral(
      user,
      earlyHelpInput({
        needs: { indicatorIds: ["rhrt-2025/family/2/01"], suggestedLevel: 2, chosenLevel: 2 },
        informationSharing: { consent: { status: "REFUSED", givenBy: "", relationship: "", givenAt: "", method: "", rationale: "They said no", effortsOrViews: "Mum does not want help" } },
      }),
      { idempotencyKey: null },
    );
    expect(result).toMatchObject({ ok: false, reason: "CONSENT_REQUIRED", fieldErrors: { "informationSharing.consent.status": expect.stringContaining("parents' consent") } });
  });

  it("refuses indicators that are not in the threshold guidance, and a level the form is not for", async () => {
    const user = await practitioner();
    expect(await submitReferral(user, mashReferralInput({ needs: { indicatorIds: ["rhrt-2025/family/4/99"] } }), { idempotencyKey: null })).toMatchObject({
      ok: false,
      reason: "INVALID",
      fieldErrors: { "needs.indicatorIds": expect.stringContaining("rhrt-2025/family/4/99") },
    });
    expect(await submitReferral(user, mashReferralInput({ needs: { chosenLevel: 3, levelReason: "Lower" } }), { idempotencyKey: null })).toMatchObject({
      ok: false,
      fieldErrors: { "needs.chosenLevel": expect.stringContaining("Level 4") },
    });
  });

  it("works out the suggested level from the indicators itself, whatever the client says", async () => {
    const user = await practitioner();
    const result = await submitReferral(user, mashReferralInput({ needs: { suggestedLevel: 1, levelReason: "(a client that says Level 1 was suggested)" } }), { idempotencyKey: null });
    if (!result.ok) throw new Error(result.reason);
    expect(await db.referral.findUnique({ where: { id: result.referralId }, select: { suggestedLevel: true } })).toEqual({ suggestedLevel: 4 });
    // Level 3 indicators suggest Level 3: a MASH referral at Level 4 then needs the practitioner's reason.
    const needs = { indicatorIds: ["rhrt-2025/family/3/02"], suggestedLevel: 4, chosenLevel: 4 };
    expect(await submitReferral(user, mashReferralInput({ needs }), { idempotencyKey: null })).toMatchObject({ ok: false, fieldErrors: { "needs.levelReason": expect.any(String) } });
    expect(await submitReferral(user, mashReferralInput({ needs: { ...needs, levelReason: "Disclosure today; the matrix understates it" } }), { idempotencyKey: null })).toMatchObject({ ok: true });
  });

  it("asks for a young person's own views when a child is 13 or over", async () => {
    const user = await practitioner();
    const teenager = childInput({ firstName: "Robin", dateOfBirth: new Date(Date.now() - 14.5 * 365.25 * 86400_000).toISOString().slice(0, 10) });
    expect(await submitReferral(user, mashReferralInput({ children: [teenager] }), { idempotencyKey: null })).toMatchObject({
      ok: false,
      fieldErrors: { "informationSharing.youngPersonViews": expect.any(String) },
    });
    expect(await submitReferral(user, mashReferralInput({ children: [teenager], informationSharing: { youngPersonViews: "Robin wants help but is frightened." } }), { idempotencyKey: null })).toMatchObject({ ok: true });
  });

  it("makes one referral from 20 concurrent submissions with the same idempotency key", async () => {
    const user = await practitioner();
    const input = mashReferralInput({ children: [childInput(), siblingInput()] });
    const results = await Promise.all(Array.from({ length: 20 }, () => submitReferral(user, input, { idempotencyKey: "retry-key-20-at-once" })));
    const ids = new Set(results.map((r) => (r.ok ? r.referralId : r.reason)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await db.referral.count({ where: { referrerId: user.id } })).toBe(1);
    expect(await db.contact.count({ where: { referral: { referrerId: user.id } } })).toBe(2);
    expect(await db.outboxMessage.count({ where: { to: user.email } })).toBe(1);
  });

  it("refuses the same key with different answers", async () => {
    const user = await practitioner();
    expect(await submitReferral(user, mashReferralInput(), { idempotencyKey: "same-key-twice" })).toMatchObject({ ok: true, created: true });
    expect(await submitReferral(user, mashReferralInput({ worries: { scale: "5" } }), { idempotencyKey: "same-key-twice" })).toEqual({ ok: false, reason: "CONFLICT" });
  });

  it("is not open to roles that do not refer", async () => {
    const manager = (await findSessionUserById((await createTestUser({ role: "MASH_MANAGER" })).id))!;
    expect(await submitReferral(manager, mashReferralInput(), { idempotencyKey: null })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await createDraft(manager, { kind: "MASH" })).toEqual({ ok: false, reason: "FORBIDDEN" });
  });
});

describe("drafts", () => {
  it("start from the account and the level check, and keep whatever is typed, valid or not", async () => {
    const user = await practitioner();
    const created = await createDraft(user, { kind: "MASH", needs: { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/health/4/01"], suggestedLevel: 4, chosenLevel: 4 }, phonedMash: "YES" });
    if (!created.ok) throw new Error(created.reason);
    const saved = await saveDraftSection(user, created.draftId, "children", { children: [{ firstName: "Alex", lastName: "", postcode: "NN1" }] });
    expect(saved).toMatchObject({ ok: true, valid: false, fieldErrors: { "children.0.lastName": "Enter the child's last name", "children.0.postcode": expect.stringContaining("postcode") } });

    const draft = await findMyDraft(user, created.draftId);
    expect(draft?.answers.sections.children).toEqual({ children: [{ firstName: "Alex", lastName: "", postcode: "NN1" }] });
    expect(draft?.answers.sections.referrer).toMatchObject({ name: user.name, email: user.email });
    expect(draft?.answers.phonedMash).toBe("YES");
    expect(draft?.status).toMatchObject({ referrer: "IN_PROGRESS", children: "IN_PROGRESS", needs: "COMPLETED", worries: "NOT_STARTED" });
    expect(draft!.expiresAt.getTime() - draft!.updatedAt.getTime()).toBe(30 * 86400_000);
  });

  it("keep both pages when two tabs save different pages at once", async () => {
    const user = await practitioner();
    const created = await createDraft(user, { kind: "MASH" });
    if (!created.ok) throw new Error(created.reason);
    const input = mashReferralInput();
    await Promise.all([saveDraftSection(user, created.draftId, "worries", input.worries), saveDraftSection(user, created.draftId, "family", input.family)]);
    const draft = await findMyDraft(user, created.draftId);
    expect(draft?.status).toMatchObject({ worries: "COMPLETED", family: "COMPLETED" });
  });

  it("submit once, however many times Send is pressed, and then are gone", async () => {
    const user = await practitioner();
    const draftId = await completeDraft(user, mashReferralInput({ children: [childInput(), siblingInput()] }));
    const attached = await addDraftAttachment(user, draftId, { name: "eha.pdf", bytes: PDF });
    expect(attached).toMatchObject({ ok: true });

    const results = await Promise.all([submitDraft(user, draftId), submitDraft(user, draftId), submitDraft(user, draftId)]);
    const referralIds = new Set(results.map((r) => (r.ok ? r.referralId : r.reason)));
    expect(referralIds.size).toBe(1);
    expect(await db.referral.count({ where: { referrerId: user.id } })).toBe(1);
    expect(await findMyDraft(user, draftId)).toBeNull();
    const again = await submitDraft(user, draftId);
    expect(again).toMatchObject({ ok: true, created: false });

    const referralId = [...referralIds][0] as string;
    const view = await findMyReferral(user, referralId);
    expect(view).toMatchObject({ statusLabel: "Received", childNames: "Alex Example and Sam Example", attachments: [{ fileName: "eha.pdf", mediaType: "application/pdf" }] });
    const file = await findAttachmentForDownload(user, view!.attachments[0]!.id);
    expect(Buffer.from(file!.content).equals(Buffer.from(PDF))).toBe(true);
    expect((await listMyReferrals(user)).referrals.map((r) => r.id)).toEqual([referralId]);
  });

  it("send the consent gate's messages back to the consent page", async () => {
    const user = await practitioner();
    const draftId = await completeDraft(user, mashReferralInput());
    await saveDraftSection(user, draftId, "informationSharing", { consent: { status: "NOT_SOUGHT" }, familyInformed: "YES" });
    expect(await submitDraft(user, draftId)).toMatchObject({ ok: false, reason: "CONSENT_REQUIRED", fieldErrors: { "informationSharing.consent.rationale": expect.any(String) } });
    expect(await findMyDraft(user, draftId)).not.toBeNull();
    expect(await db.referral.count({ where: { referrerId: user.id } })).toBe(0);
  });
});

describe("another practitioner", () => {
  it("cannot find, change, attach to or send someone else's draft, referral or files", async () => {
    const owner = await practitioner();
    const other = await practitioner();
    const draftId = await completeDraft(owner, mashReferralInput());
    const attached = await addDraftAttachment(owner, draftId, { name: "plan.pdf", bytes: PDF });
    if (!attached.ok) throw new Error(attached.reason);

    expect(await findMyDraft(other, draftId)).toBeNull();
    expect(await saveDraftSection(other, draftId, "worries", {})).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await addDraftAttachment(other, draftId, { name: "x.pdf", bytes: PDF })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await removeDraftAttachment(other, draftId, attached.attachmentId)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await findAttachmentForDownload(other, attached.attachmentId)).toBeNull();
    expect(await submitDraft(other, draftId)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await deleteDraft(other, draftId)).toEqual({ ok: false, reason: "NOT_FOUND" });

    const sent = await submitDraft(owner, draftId);
    if (!sent.ok) throw new Error(sent.reason);
    expect(await findMyReferral(other, sent.referralId)).toBeNull();
    expect(await findAttachmentForDownload(other, attached.attachmentId)).toBeNull();
    expect(await findAttachmentForDownload(owner, attached.attachmentId)).not.toBeNull();
    expect(await listMyReferrals(other)).toEqual({ drafts: [], referrals: [] });
  });
});

describe("attachments", () => {
  it("refuse a 12 MB file and a renamed executable with a clear message, and store nothing", async () => {
    const user = await practitioner();
    const created = await createDraft(user, { kind: "MASH" });
    if (!created.ok) throw new Error(created.reason);
    const twelveMb = new Uint8Array(12 * 1024 * 1024);
    twelveMb.set(PDF);
    expect(await addDraftAttachment(user, created.draftId, { name: "scan.pdf", bytes: twelveMb })).toEqual({ ok: false, reason: "INVALID", fieldErrors: { file: ATTACHMENT_MESSAGES.tooBig } });
    const executable = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04]);
    expect(await addDraftAttachment(user, created.draftId, { name: "eha-plan.pdf", bytes: executable })).toEqual({ ok: false, reason: "INVALID", fieldErrors: { file: ATTACHMENT_MESSAGES.wrongType } });
    expect(await db.attachment.count({ where: { draftId: created.draftId } })).toBe(0);
  });

  it("allow five to a referral, even when uploads race", async () => {
    const user = await practitioner();
    const created = await createDraft(user, { kind: "MASH" });
    if (!created.ok) throw new Error(created.reason);
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => addDraftAttachment(user, created.draftId, { name: `file-${i}.pdf`, bytes: PDF })));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: "INVALID", fieldErrors: { file: ATTACHMENT_MESSAGES.tooMany } },
      { ok: false, reason: "INVALID", fieldErrors: { file: ATTACHMENT_MESSAGES.tooMany } },
    ]);
    expect(await db.attachment.count({ where: { draftId: created.draftId } })).toBe(5);
  });
});
