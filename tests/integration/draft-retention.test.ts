import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ReferralKind } from "@/lib/db/generated/enums";
import { listMailbox } from "@/lib/notify/data";
import { deliverOutbox } from "@/lib/notify/worker";
import { draftExpiryFrom } from "@/lib/referral/policy";
import { deleteExpiredDrafts, remindAboutDrafts } from "@/lib/referral/mutations";
import { createTestUser } from "@/tests/factories/user";

const DAY = 24 * 60 * 60_000;
const NOW = new Date("2026-07-05T12:00:00Z");
const daysBefore = (days: number, from = NOW) => new Date(from.getTime() - days * DAY);

async function createDraft(ownerId: string, lastSavedAt: Date, options: { kind?: ReferralKind; attachments?: number } = {}) {
  const answers = { sections: { children: { children: [{ firstName: "Amy", lastName: "Example" }] } } };
  const draft = await db.referralDraft.create({
    data: { ownerId, kind: options.kind ?? "MASH", answers, createdAt: lastSavedAt, updatedAt: lastSavedAt, expiresAt: draftExpiryFrom(lastSavedAt) },
    select: { id: true, expiresAt: true },
  });
  for (let i = 0; i < (options.attachments ?? 0); i++) {
    const content = Buffer.from(`%PDF-1.7 attachment ${i}`);
    await db.attachment.create({
      data: { ownerId, draftId: draft.id, fileName: `plan-${i}.pdf`, mediaType: "application/pdf", size: content.length, sha256: createHash("sha256").update(content).digest("hex"), content },
    });
  }
  return draft;
}

afterEach(async () => {
  // The retention jobs act on every draft in the database: each test starts with none, and an empty outbox.
  await db.referralDraft.deleteMany();
  await db.outboxMessage.deleteMany();
});

describe("draft reminders", () => {
  it("reminds the owner once, 23 days after the last save, and the reminder reaches the demo mailbox", async () => {
    const owner = await createTestUser({ name: "Priya Shah" });
    const draft = await createDraft(owner.id, daysBefore(24));

    expect(await remindAboutDrafts(NOW)).toBe(1);
    expect(await remindAboutDrafts(NOW)).toBe(0);
    expect(await remindAboutDrafts(new Date(NOW.getTime() + DAY))).toBe(0);

    const messages = await db.outboxMessage.findMany({ where: { to: owner.email } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe("Your draft MASH referral will be deleted on 11 July 2026");
    expect(messages[0]!.body).toContain("Dear Priya Shah,");
    expect(messages[0]!.body).toContain("last saved on 11 June 2026, will be deleted on 11 July 2026");
    expect(messages[0]!.body).toMatch(/open it from My referrals and save or send it: https?:\/\/\S+\/referrals$/m);
    // E-mail is not a secure channel: the child is never named in it.
    expect(messages[0]!.body).not.toContain("Amy");
    expect(messages[0]!.subject).not.toContain("Amy");

    expect((await db.referralDraft.findUniqueOrThrow({ where: { id: draft.id } })).reminderSentAt).toEqual(NOW);

    await deliverOutbox({ smtpUrl: null, production: false });
    expect((await listMailbox(owner)).map((m) => m.subject)).toEqual([messages[0]!.subject]);
  });

  it("sends one reminder when two workers run at once", async () => {
    const owner = await createTestUser();
    await createDraft(owner.id, daysBefore(25));
    const counts = await Promise.all([remindAboutDrafts(NOW), remindAboutDrafts(NOW)]);
    expect(counts[0] + counts[1]).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: owner.email } })).toBe(1);
  });

  it("leaves a draft saved less than 23 days ago alone", async () => {
    const owner = await createTestUser();
    const draft = await createDraft(owner.id, daysBefore(22.9));
    expect(await remindAboutDrafts(NOW)).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
    expect((await db.referralDraft.findUniqueOrThrow({ where: { id: draft.id } })).reminderSentAt).toBeNull();
  });

  it("does not remind someone whose account is deactivated, nor about a draft already past its time", async () => {
    const [inactive, active] = await Promise.all([createTestUser({ active: false }), createTestUser()]);
    await createDraft(inactive.id, daysBefore(24));
    await createDraft(active.id, daysBefore(31));
    expect(await remindAboutDrafts(NOW)).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("gives the deletion date in London, whatever the server's time zone", async () => {
    const owner = await createTestUser();
    // Expires 19:00 UTC on 10 July: 20:00 in London, but already 11 July in Kathmandu, where the tests run.
    await createDraft(owner.id, daysBefore(30, new Date("2026-07-10T19:00:00Z")), { kind: "EARLY_HELP" });
    expect(await remindAboutDrafts(new Date("2026-07-05T00:00:00Z"))).toBe(1);
    const [message] = await db.outboxMessage.findMany({ where: { to: owner.email } });
    expect(message!.subject).toBe("Your draft early-help request will be deleted on 10 July 2026");
  });
});

describe("draft expiry", () => {
  it("deletes a draft past its time with its attachments, and records it in the audit trail", async () => {
    const owner = await createTestUser();
    const expired = await createDraft(owner.id, daysBefore(30.01), { attachments: 2 });
    const fresh = await createDraft(owner.id, daysBefore(1), { attachments: 1 });
    const reminded = await createDraft(owner.id, daysBefore(24));
    await remindAboutDrafts(NOW);

    expect(await deleteExpiredDrafts(NOW)).toBe(1);

    expect(await db.referralDraft.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.attachment.count({ where: { draftId: expired.id } })).toBe(0);
    expect(await db.attachment.count({ where: { ownerId: owner.id } })).toBe(1);

    const events = await db.auditEvent.findMany({ where: { action: "draft.expired", entityId: expired.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, entityType: "ReferralDraft" });
    expect(events[0]!.details).toEqual({ ownerId: owner.id, kind: "MASH", lastSavedAt: daysBefore(30.01).toISOString(), expiresAt: expired.expiresAt.toISOString(), attachments: 2 });

    // The fresh draft and the one only reminded are untouched.
    expect(await db.referralDraft.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ reminderSentAt: null });
    expect(await db.attachment.count({ where: { draftId: fresh.id } })).toBe(1);
    expect(await db.referralDraft.findUnique({ where: { id: reminded.id } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "draft.expired", entityId: { in: [fresh.id, reminded.id] } } })).toBe(0);

    // Running again deletes nothing more.
    expect(await deleteExpiredDrafts(NOW)).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "draft.expired", entityId: expired.id } })).toBe(1);
  });

  it("keeps a draft until the moment it expires", async () => {
    const owner = await createTestUser();
    const draft = await createDraft(owner.id, daysBefore(30));
    expect(await deleteExpiredDrafts(new Date(draft.expiresAt.getTime() - 1))).toBe(0);
    expect(await deleteExpiredDrafts(draft.expiresAt)).toBe(1);
  });

  it("deletes more drafts than fit in one batch, each with its own audit event", async () => {
    const owner = await createTestUser();
    const lastSavedAt = daysBefore(40);
    await db.referralDraft.createMany({
      data: Array.from({ length: 130 }, () => ({ ownerId: owner.id, kind: "MASH" as const, createdAt: lastSavedAt, updatedAt: lastSavedAt, expiresAt: draftExpiryFrom(lastSavedAt) })),
    });
    expect(await deleteExpiredDrafts(NOW)).toBe(130);
    expect(await db.referralDraft.count({ where: { ownerId: owner.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "draft.expired", details: { path: ["ownerId"], equals: owner.id } } })).toBe(130);
  });
});
