import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listMyNotifications } from "@/lib/notifications/data";
import { notifyUsers } from "@/lib/notifications/mutations";
import { createTestUser } from "@/tests/factories/user";

// In-app notifications keep the page they are about, for the Notifications page to link to; only a page of
// this app, never an address elsewhere.

describe("a notification's page", () => {
  it("is kept and listed for the recipient alone", async () => {
    const [recipient, other] = await Promise.all([createTestUser({ role: "MASH_MANAGER" }), createTestUser({ role: "MASH_MANAGER" })]);
    await db.$transaction((tx) =>
      notifyUsers(tx, [recipient], { kind: "followUp.overdue", contactId: null, title: "Phone contact TEL-2026-000001: the written referral is overdue", body: "Chase the caller.", path: "/contacts/phone/x" }),
    );
    expect(await listMyNotifications(recipient.id)).toEqual([expect.objectContaining({ path: "/contacts/phone/x", contactId: null })]);
    expect(await listMyNotifications(other.id)).toEqual([]);
  });

  it("must be within the app: anything else is refused and nothing is written", async () => {
    const recipient = await createTestUser({ role: "MASH_MANAGER" });
    for (const path of ["//elsewhere.example/x", "https://elsewhere.example/x", "contacts/x"]) {
      await expect(db.$transaction((tx) => notifyUsers(tx, [recipient], { kind: "contact.red", contactId: null, title: "t", body: "b", path }))).rejects.toThrow(/within the app/);
    }
    expect(await db.notification.count({ where: { userId: recipient.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: recipient.email } })).toBe(0);
  });
});
