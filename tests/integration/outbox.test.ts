import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { listMailbox } from "@/lib/notify/data";
import { enqueueEmail, type OutgoingEmail } from "@/lib/notify/mutations";
import { MAX_ATTEMPTS } from "@/lib/notify/policy";
import { deliverOutbox, startBackgroundWork } from "@/lib/notify/worker";
import { acknowledgementEmail } from "@/lib/referral/messages";
import { createTestUser } from "@/tests/factories/user";
import { startSmtpServer } from "@/tests/support/smtp";

async function enqueue(message: OutgoingEmail) {
  return db.$transaction((tx) => enqueueEmail(tx, message));
}

afterEach(async () => {
  // Every test starts from an empty outbox: deliverOutbox takes whatever is due.
  await db.outboxMessage.deleteMany();
});

describe("the outbox through SMTP", () => {
  it("delivers the acknowledgement e-mail to a real SMTP server once, and records it as sent", async () => {
    const smtp = await startSmtpServer();
    try {
      const user = await createTestUser({ name: "Priya Shah" });
      const email = acknowledgementEmail({ to: user.email, name: user.name, reference: "MASH-2026-000123", kind: "MASH", submittedAt: new Date("2026-07-01T09:30:00Z") });
      const { id } = await enqueue(email);

      const now = new Date();
      expect(await deliverOutbox({ smtpUrl: smtp.url, from: "MASH test <no-reply@mash.test>", now })).toEqual({ mode: "smtp", sent: 1, failed: 0 });

      expect(smtp.received).toHaveLength(1);
      const [message] = smtp.received;
      expect(message!.envelopeTo).toEqual([user.email]);
      expect(message!.headers.to).toBe(user.email);
      expect(message!.headers.from).toBe("MASH test <no-reply@mash.test>");
      expect(message!.headers.subject).toBe("Referral MASH-2026-000123 received");
      expect(message!.body).toBe(email.body);
      expect(message!.body).toContain("1 July 2026 at 10:30"); // London summer time, whatever the server's zone

      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ sentAt: now, deliveredVia: "smtp", attempts: 0, lastError: null });

      // Nothing is sent twice.
      expect(await deliverOutbox({ smtpUrl: smtp.url })).toEqual({ mode: "smtp", sent: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it("sends each message once when two workers run at the same moment", async () => {
    const smtp = await startSmtpServer();
    try {
      const to = "duty.desk@example.org";
      for (let i = 0; i < 12; i++) await enqueue({ to, subject: `Message ${i}`, body: `Body ${i}` });

      const reports = await Promise.all([deliverOutbox({ smtpUrl: smtp.url }), deliverOutbox({ smtpUrl: smtp.url })]);

      expect(reports[0]!.sent + reports[1]!.sent).toBe(12);
      expect(smtp.received.map((m) => m.headers.subject).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `Message ${i}`).sort());
      expect(await db.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it("keeps a message the server refuses, counts the attempt and tries again later", async () => {
    const refusing = await startSmtpServer({ rejectRecipients: true });
    const { id } = await enqueue({ to: "nobody@example.org", subject: "Refused", body: "Refused body" });
    const now = new Date();
    try {
      expect(await deliverOutbox({ smtpUrl: refusing.url, now })).toEqual({ mode: "smtp", sent: 0, failed: 1 });
    } finally {
      await refusing.close();
    }
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(failed.sentAt).toBeNull();
    expect(failed.deliveredVia).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/550/);
    expect(failed.availableAt).toEqual(new Date(now.getTime() + 60_000));

    const accepting = await startSmtpServer();
    try {
      // Not before its time…
      expect(await deliverOutbox({ smtpUrl: accepting.url, now: new Date(now.getTime() + 30_000) })).toMatchObject({ sent: 0 });
      // …and then it goes.
      expect(await deliverOutbox({ smtpUrl: accepting.url, now: new Date(now.getTime() + 61_000) })).toMatchObject({ sent: 1 });
      expect(accepting.received.map((m) => m.headers.subject)).toEqual(["Refused"]);
      expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ deliveredVia: "smtp", attempts: 1, lastError: null });
    } finally {
      await accepting.close();
    }
  });

  it("gives up after the last attempt and keeps the error", async () => {
    const refusing = await startSmtpServer({ rejectRecipients: true });
    try {
      const { id } = await enqueue({ to: "nobody@example.org", subject: "Hopeless", body: "…" });
      await db.outboxMessage.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
      const now = new Date();
      expect(await deliverOutbox({ smtpUrl: refusing.url, now })).toMatchObject({ failed: 1 });
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null });
      expect(row.lastError).toMatch(/550/);

      // Never taken again, however long one waits.
      expect(await deliverOutbox({ smtpUrl: refusing.url, now: new Date(now.getTime() + 365 * 24 * 60 * 60_000) })).toMatchObject({ sent: 0, failed: 0 });
      expect(refusing.received).toHaveLength(0);
    } finally {
      await refusing.close();
    }
  });

  it("counts an unreachable mail server as a failed attempt", async () => {
    const gone = await startSmtpServer();
    await gone.close();
    const { id } = await enqueue({ to: "someone@example.org", subject: "Nowhere", body: "…" });
    expect(await deliverOutbox({ smtpUrl: gone.url })).toMatchObject({ sent: 0, failed: 1 });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ attempts: 1, sentAt: null, lastError: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("sends nothing for a transaction that rolled back", async () => {
    const smtp = await startSmtpServer();
    try {
      await expect(
        db.$transaction(async (tx) => {
          await enqueueEmail(tx, { to: "someone@example.org", subject: "Never", body: "…" });
          throw new Error("the change failed");
        }),
      ).rejects.toThrow("the change failed");
      expect(await deliverOutbox({ smtpUrl: smtp.url })).toMatchObject({ sent: 0 });
      expect(smtp.received).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });
});

describe("the demo mailbox (no SMTP_URL)", () => {
  it("delivers into the mailbox, where only the addressee sees it", async () => {
    const [owner, other] = await Promise.all([createTestUser(), createTestUser()]);
    // Addresses are matched without regard to case, as mail servers do in practice.
    const { id } = await enqueue({ to: owner.email.toUpperCase(), subject: "Referral MASH-2026-000001 received", body: "Dear Test,\n\nWe received it." });
    await enqueue({ to: other.email, subject: "For the other user", body: "…" });

    const now = new Date();
    expect(await deliverOutbox({ smtpUrl: null, production: false, now })).toEqual({ mode: "mailbox", sent: 2, failed: 0 });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ deliveredVia: "mailbox", sentAt: now });

    expect(await listMailbox(owner)).toEqual([{ id: String(id), subject: "Referral MASH-2026-000001 received", body: "Dear Test,\n\nWe received it.", sentAt: now }]);
    expect((await listMailbox(other)).map((m) => m.subject)).toEqual(["For the other user"]);
    expect(await listMailbox({ email: "nobody@example.org" })).toEqual([]);
  });

  it("lists the newest first, and not what went by SMTP or is still waiting", async () => {
    const user = await createTestUser();
    const smtp = await startSmtpServer();
    try {
      await enqueue({ to: user.email, subject: "By SMTP", body: "…" });
      await deliverOutbox({ smtpUrl: smtp.url });
    } finally {
      await smtp.close();
    }
    const start = Date.now();
    await enqueue({ to: user.email, subject: "First", body: "…" });
    await deliverOutbox({ smtpUrl: null, production: false, now: new Date(start) });
    await enqueue({ to: user.email, subject: "Second", body: "…" });
    await deliverOutbox({ smtpUrl: null, production: false, now: new Date(start + 1000) });
    await enqueue({ to: user.email, subject: "Later", body: "…", availableAt: new Date(start + 3_600_000) });
    await deliverOutbox({ smtpUrl: null, production: false, now: new Date(start + 2000) });

    expect((await listMailbox(user)).map((m) => m.subject)).toEqual(["Second", "First"]);
  });

  it("in production without SMTP_URL, leaves messages unsent and warns once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const user = await createTestUser();
    const { id } = await enqueue({ to: user.email, subject: "Waiting", body: "…" });

    expect(await deliverOutbox({ smtpUrl: null, production: true })).toEqual({ mode: "none", sent: 0, failed: 0 });
    expect(await deliverOutbox({ smtpUrl: "", production: true })).toEqual({ mode: "none", sent: 0, failed: 0 });

    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ sentAt: null, deliveredVia: null, attempts: 0 });
    expect(await listMailbox(user)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain("SMTP_URL is not set");
  });
});

describe("the background work", () => {
  it("delivers what is queued without being asked, once per process, and stops cleanly", async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    const user = await createTestUser();
    const { id } = await enqueue({ to: user.email, subject: "Sent in the background", body: "…" });
    const listenersBefore = process.listenerCount("SIGTERM");

    const stop = startBackgroundWork();
    try {
      expect(startBackgroundWork()).toBe(stop);
      expect(process.listenerCount("SIGTERM")).toBe(listenersBefore + 1);
      await vi.waitFor(async () => expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).deliveredVia).toBe("mailbox"), { timeout: 5_000 });
    } finally {
      await stop();
    }
    expect(process.listenerCount("SIGTERM")).toBe(listenersBefore);

    // Stopped: nothing more is delivered.
    const { id: later } = await enqueue({ to: user.email, subject: "After the stop", body: "…" });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: later } })).sentAt).toBeNull();
  });
});
