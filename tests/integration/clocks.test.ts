import { PgBoss } from "pg-boss";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { findSessionUserById, type SessionUser } from "@/lib/auth/data";
import { ringClock, ringDueClocks, scheduleClock, startClocks } from "@/lib/contacts/clocks";
import type { Rating } from "@/lib/contacts/timeframes";
import { db } from "@/lib/db/client";
import { submitReferral } from "@/lib/referral/mutations";
import { childInput, mashReferralInput } from "@/tests/factories/referral";
import { createTestUser, type TestUser } from "@/tests/factories/user";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = new Date("2026-07-06T10:00:00Z");
const minutesFrom = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);
const CHILD = { firstName: "Zebedee", lastName: "Quartermaine" };

let managers: TestUser[];
let inactiveManager: TestUser;
let socialWorker: TestUser;
let referrer: SessionUser;

beforeAll(async () => {
  // The only managers in this file's database: "every active manager" is these two.
  managers = await Promise.all([createTestUser({ role: "MASH_MANAGER" }), createTestUser({ role: "MASH_MANAGER" })]);
  inactiveManager = await createTestUser({ role: "MASH_MANAGER", active: false });
  socialWorker = await createTestUser({ role: "SOCIAL_WORKER" });
  referrer = (await findSessionUserById((await createTestUser({ role: "PRACTITIONER" })).id))!;
});

afterEach(async () => {
  // Each test starts with no clock left to ring: the sweep acts on every open contact in the database.
  await db.contact.updateMany({ where: { closedAt: null }, data: { closedAt: new Date() } });
});

type TestContact = { id: string; reference: string };

/** A contact as an online MASH referral makes it, allocated to the social worker if asked. */
async function createContact(options: { allocated?: boolean } = {}): Promise<TestContact> {
  const result = await submitReferral(referrer, mashReferralInput({ children: [childInput(CHILD)] }), { idempotencyKey: null });
  if (!result.ok) throw new Error(`The referral was refused: ${JSON.stringify(result)}`);
  const contact = await db.contact.findFirstOrThrow({ where: { referralId: result.referralId }, select: { id: true } });
  if (options.allocated) await db.contact.update({ where: { id: contact.id }, data: { allocatedToId: socialWorker.id, allocatedAt: NOW } });
  return { id: contact.id, reference: result.reference };
}

const TIMEFRAMES: Record<Rating, { hours: number; warnBeforeMinutes: number }> = {
  RED: { hours: 1, warnBeforeMinutes: 15 },
  AMBER: { hours: 24, warnBeforeMinutes: 180 },
  // Elapsed hours stand in for working days here: the deadline arithmetic has its own tests.
  GREEN: { hours: 5 * 24, warnBeforeMinutes: 1440 },
};

/** Rates a contact as the rating mutation does: a new ContactRating, which becomes the contact's clock. */
async function rate(contactId: string, rating: Rating, ratedAt: Date, extra: { warnedAt?: Date } = {}): Promise<string> {
  const timeframe = TIMEFRAMES[rating];
  const deadlineAt = new Date(ratedAt.getTime() + timeframe.hours * HOUR);
  const warningAt = minutesFrom(deadlineAt, -timeframe.warnBeforeMinutes);
  const { id } = await db.contactRating.create({
    data: { contactId, rating, direction: "INITIAL", rationale: "Test rating", ratedById: managers[0]!.id, ratedAt, deadlineAt, warningAt, warnedAt: extra.warnedAt ?? null },
    select: { id: true },
  });
  await db.contact.update({
    where: { id: contactId },
    data: { rating, ratedAt, deadlineAt, warningAt, breachedAt: null, clockId: id, status: "RATED", version: { increment: 1 } },
  });
  return id;
}

async function notificationsFor(contactId: string, kind: "clock.warning" | "clock.breached") {
  return db.notification.findMany({ where: { contactId, kind }, orderBy: { userId: "asc" } });
}

const ids = (users: readonly { id: string }[]) => users.map((user) => user.id).sort();

describe("ringing a clock", () => {
  it("rings a breach once when two callers race, to every active manager and the allocated social worker, naming no child", async () => {
    const contact = await createContact({ allocated: true });
    const ratingId = await rate(contact.id, "RED", minutesFrom(NOW, -61));

    const results = await Promise.all([ringClock(ratingId, "breach", NOW), ringClock(ratingId, "breach", NOW)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await ringClock(ratingId, "breach", minutesFrom(NOW, 5))).toBe(false);

    const notifications = await notificationsFor(contact.id, "clock.breached");
    expect(notifications.map((n) => n.userId)).toEqual(ids([...managers, socialWorker]));
    expect(notifications.map((n) => n.userId)).not.toContain(inactiveManager.id);
    for (const notification of notifications) {
      expect(notification.title).toBe(`Red contact ${contact.reference}: the 1-hour screening deadline has passed`);
      expect(notification.createdAt).toEqual(NOW);
    }

    const emails = await db.outboxMessage.findMany({ where: { to: { in: [...managers, socialWorker, inactiveManager].map((u) => u.email) } } });
    expect(emails.map((e) => e.to).sort()).toEqual([...managers, socialWorker].map((u) => u.email).sort());
    for (const email of emails) {
      expect(email.subject).toBe(`Red contact ${contact.reference}: the 1-hour screening deadline has passed`);
      expect(email.body).toContain(contact.reference);
      expect(email.body).toContain(`/contacts/${contact.id}`);
      // E-mail is not a secure channel: the child is never named in it.
      for (const name of [CHILD.firstName, CHILD.lastName]) {
        expect(email.subject).not.toContain(name);
        expect(email.body).not.toContain(name);
      }
    }

    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id }, select: { breachedAt: true } })).toEqual({ breachedAt: NOW });
    expect(await db.contactRating.findUniqueOrThrow({ where: { id: ratingId }, select: { breachedAt: true, warnedAt: true } })).toEqual({ breachedAt: NOW, warnedAt: null });

    const audit = await db.auditEvent.findMany({ where: { entityType: "Contact", entityId: contact.id, action: { startsWith: "contact.clock-" } } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: null,
      action: "contact.clock-breached",
      details: { ratingId, rating: "RED", deadlineAt: minutesFrom(NOW, -1).toISOString(), notified: 3 },
    });
  });

  it("never rings a stale clock: the contact was re-rated since", async () => {
    const contact = await createContact({ allocated: true });
    const stale = await rate(contact.id, "RED", minutesFrom(NOW, -120));
    const current = await rate(contact.id, "AMBER", minutesFrom(NOW, -61));

    expect(await ringClock(stale, "warning", NOW)).toBe(false);
    expect(await ringClock(stale, "breach", NOW)).toBe(false);
    expect(await ringDueClocks(NOW)).toEqual({ warnings: 0, breaches: 0 });

    expect(await db.contactRating.findUniqueOrThrow({ where: { id: stale }, select: { warnedAt: true, breachedAt: true } })).toEqual({ warnedAt: null, breachedAt: null });
    expect(await db.notification.count({ where: { contactId: contact.id } })).toBe(0);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).breachedAt).toBeNull();

    // The current clock still rings, at its own time.
    expect(await ringClock(current, "breach", minutesFrom(NOW, 23 * 60))).toBe(true);
  });

  it("does not ring a clock that is re-rated at the moment it rings", async () => {
    const contact = await createContact();
    const old = await rate(contact.id, "RED", minutesFrom(NOW, -61));
    let ringing: Promise<boolean> | undefined;
    await db.$transaction(async (tx) => {
      // The re-rating has changed the contact's clock but not yet committed when the alert goes to ring.
      const { id } = await tx.contactRating.create({
        data: { contactId: contact.id, rating: "AMBER", direction: "DOWN", rationale: "Test re-rating", ratedById: managers[0]!.id, ratedAt: NOW, deadlineAt: minutesFrom(NOW, 24 * 60), warningAt: minutesFrom(NOW, 21 * 60) },
        select: { id: true },
      });
      await tx.contact.update({ where: { id: contact.id }, data: { rating: "AMBER", clockId: id, version: { increment: 1 } } });
      ringing = ringClock(old, "breach", NOW);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await ringing).toBe(false);
    expect(await db.notification.count({ where: { contactId: contact.id } })).toBe(0);
    expect((await db.contactRating.findUniqueOrThrow({ where: { id: old } })).breachedAt).toBeNull();
  });

  it("never rings the clock of a closed contact", async () => {
    const contact = await createContact();
    const ratingId = await rate(contact.id, "RED", minutesFrom(NOW, -61));
    await db.contact.update({ where: { id: contact.id }, data: { closedAt: minutesFrom(NOW, -30), status: "CLOSED" } });

    expect(await ringClock(ratingId, "warning", NOW)).toBe(false);
    expect(await ringClock(ratingId, "breach", NOW)).toBe(false);
    expect(await ringDueClocks(NOW)).toEqual({ warnings: 0, breaches: 0 });
    expect(await db.notification.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("does not ring a clock before its time", async () => {
    const contact = await createContact();
    const ratingId = await rate(contact.id, "RED", minutesFrom(NOW, -30));

    expect(await ringClock(ratingId, "warning", NOW)).toBe(false);
    expect(await ringClock(ratingId, "breach", NOW)).toBe(false);
    expect(await ringDueClocks(NOW)).toEqual({ warnings: 0, breaches: 0 });
    expect(await db.contactRating.findUniqueOrThrow({ where: { id: ratingId }, select: { warnedAt: true, breachedAt: true } })).toEqual({ warnedAt: null, breachedAt: null });
    expect(await db.notification.count({ where: { contactId: contact.id } })).toBe(0);

    // Fifteen minutes before the deadline, the warning is due.
    expect(await ringClock(ratingId, "warning", minutesFrom(NOW, 15))).toBe(true);
  });

  it("warns before the deadline, then reports the breach at it", async () => {
    const contact = await createContact({ allocated: true });
    const ratingId = await rate(contact.id, "RED", minutesFrom(NOW, -45)); // warning at NOW, deadline in 15 minutes

    expect(await ringClock(ratingId, "warning", NOW)).toBe(true);
    expect(await ringClock(ratingId, "warning", NOW)).toBe(false);
    const warnings = await notificationsFor(contact.id, "clock.warning");
    expect(warnings.map((n) => n.userId)).toEqual(ids([...managers, socialWorker]));
    expect(new Set(warnings.map((n) => n.title))).toEqual(new Set([`Red contact ${contact.reference}: screening due in 15 minutes`]));
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).breachedAt).toBeNull();

    expect(await ringClock(ratingId, "breach", minutesFrom(NOW, 14))).toBe(false);
    expect(await ringClock(ratingId, "breach", minutesFrom(NOW, 15))).toBe(true);
    expect(await notificationsFor(contact.id, "clock.breached")).toHaveLength(3);
    expect(await notificationsFor(contact.id, "clock.warning")).toHaveLength(3);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).breachedAt).toEqual(minutesFrom(NOW, 15));

    const audit = await db.auditEvent.findMany({ where: { entityType: "Contact", entityId: contact.id, action: { startsWith: "contact.clock-" } }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["contact.clock-warning", "contact.clock-breached"]);
  });

  it("sends nothing for a warning that comes after the deadline: the breach says it", async () => {
    const contact = await createContact({ allocated: true });
    const ratingId = await rate(contact.id, "RED", minutesFrom(NOW, -61));

    expect(await ringClock(ratingId, "warning", NOW)).toBe(false);
    expect((await db.contactRating.findUniqueOrThrow({ where: { id: ratingId } })).warnedAt).toEqual(NOW);
    expect(await db.notification.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { subject: { contains: `${contact.reference}: screening due` } } })).toBe(0);

    expect(await ringClock(ratingId, "breach", NOW)).toBe(true);
    expect(await notificationsFor(contact.id, "clock.breached")).toHaveLength(3);
    expect(await notificationsFor(contact.id, "clock.warning")).toHaveLength(0);
  });
});

describe("the sweep", () => {
  it("rings every due clock once, however many sweeps run at the same time", async () => {
    const redWarning = await createContact(); // warning due, deadline in 10 minutes
    const redBreach = await createContact(); // both due: the warning is skipped, the breach rings
    const amberWarning = await createContact(); // warning due now, deadline in 3 hours
    const greenNotDue = await createContact();
    const redWarningRating = await rate(redWarning.id, "RED", minutesFrom(NOW, -50));
    const redBreachRating = await rate(redBreach.id, "RED", minutesFrom(NOW, -70));
    await rate(amberWarning.id, "AMBER", minutesFrom(NOW, -21 * 60));
    await rate(greenNotDue.id, "GREEN", minutesFrom(NOW, -60));

    const sweeps = await Promise.all([ringDueClocks(NOW), ringDueClocks(NOW), ringDueClocks(NOW)]);
    const total = sweeps.reduce((sum, sweep) => ({ warnings: sum.warnings + sweep.warnings, breaches: sum.breaches + sweep.breaches }));
    expect(total).toEqual({ warnings: 2, breaches: 1 });
    expect(await ringDueClocks(NOW)).toEqual({ warnings: 0, breaches: 0 });

    const warned = await notificationsFor(redWarning.id, "clock.warning");
    expect(warned.map((n) => n.userId)).toEqual(ids(managers));
    expect(warned[0]!.title).toBe(`Red contact ${redWarning.reference}: screening due in 10 minutes`);
    expect((await notificationsFor(amberWarning.id, "clock.warning")).map((n) => n.title)).toEqual(
      managers.map(() => `Amber contact ${amberWarning.reference}: screening due in 3 hours`),
    );
    expect(await notificationsFor(redBreach.id, "clock.warning")).toHaveLength(0);
    expect((await notificationsFor(redBreach.id, "clock.breached")).map((n) => n.userId)).toEqual(ids(managers));
    expect(await db.notification.count({ where: { contactId: greenNotDue.id } })).toBe(0);

    expect(await db.contactRating.findUniqueOrThrow({ where: { id: redBreachRating }, select: { warnedAt: true, breachedAt: true } })).toEqual({ warnedAt: NOW, breachedAt: NOW });
    expect(await db.contactRating.findUniqueOrThrow({ where: { id: redWarningRating }, select: { warnedAt: true, breachedAt: true } })).toEqual({ warnedAt: NOW, breachedAt: null });

    // Ten minutes on, the first Red contact's deadline has passed too.
    expect(await ringDueClocks(minutesFrom(NOW, 10))).toEqual({ warnings: 0, breaches: 1 });
  });
});

describe("the pg-boss jobs", () => {
  it("two job workers on one database send a breach alert once", { timeout: 60_000 }, async () => {
    const connectionString = process.env.DATABASE_URL!;
    const contact = await createContact({ allocated: true });
    const now = new Date();
    // A Red contact rated 59 minutes 57 seconds ago and already warned: its deadline is 3 seconds away.
    const ratingId = await rate(contact.id, "RED", new Date(now.getTime() - HOUR + 3_000), { warnedAt: now });
    const clock = await db.contactRating.findUniqueOrThrow({ where: { id: ratingId }, select: { id: true, contactId: true, warningAt: true, deadlineAt: true } });

    // Two app instances, started together on a database pg-boss has never seen: this one (which
    // scheduleClock sends through) and another.
    const stops = await Promise.all([
      startClocks({ connectionString, pollingIntervalSeconds: 0.5 }),
      startClocks({ connectionString, shared: false, pollingIntervalSeconds: 0.5 }),
    ]);
    // Stands in for the rest of the world: it only sends and looks at jobs.
    const other = new PgBoss({ connectionString, schema: "pgboss", supervise: false, schedule: false, migrate: false });
    other.on("error", (error) => console.error(error));
    try {
      await other.start();
      const schedule = { ratingId, contactId: clock.contactId, warningAt: clock.warningAt, deadlineAt: clock.deadlineAt };
      await scheduleClock(schedule);
      await scheduleClock(schedule);
      // Scheduling the same clock twice queues its breach once...
      expect(await other.findJobs("clock-breach", { key: `${ratingId}:breach` })).toHaveLength(1);
      // ...but pg-boss delivers at least once, so make it deliver three times: one job for each worker
      // to take, and the scheduled one.
      // (Keys of their own: the queue holds one waiting job a key.)
      for (const copy of [1, 2]) {
        expect(await other.send("clock-breach", { ratingId }, { startAfter: clock.deadlineAt, singletonKey: `${ratingId}:breach:copy-${copy}` })).not.toBeNull();
      }

      await vi.waitFor(
        async () => {
          const jobs = await other.findJobs("clock-breach", { data: { ratingId } });
          expect(jobs.map((job) => job.state)).toEqual(["completed", "completed", "completed"]);
        },
        { timeout: 15_000, interval: 250 },
      );
    } finally {
      await Promise.all([...stops.map((stop) => stop()), other.stop()]);
    }

    const breaches = await notificationsFor(contact.id, "clock.breached");
    expect(breaches.map((n) => n.userId)).toEqual(ids([...managers, socialWorker]));
    expect(await db.auditEvent.count({ where: { entityType: "Contact", entityId: contact.id, action: "contact.clock-breached" } })).toBe(1);
    const rung = await db.contactRating.findUniqueOrThrow({ where: { id: ratingId }, select: { breachedAt: true } });
    expect(rung.breachedAt!.getTime()).toBeGreaterThanOrEqual(clock.deadlineAt.getTime());
  });
});
