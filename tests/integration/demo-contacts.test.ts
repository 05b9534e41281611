import { beforeAll, describe, expect, it } from "vitest";
import { findSessionUserById, findUserIdByEmail, type SessionUser } from "@/lib/auth/data";
import { listCfssQueue } from "@/lib/cfss/data";
import { listContacts, queueSummary } from "@/lib/contacts/data";
import { db } from "@/lib/db/client";
import { seedDemoContacts, seedDemoData } from "@/lib/demo/mutations";
import { listRequestsForAgency } from "@/lib/requests/data";

// The contacts `npm start` seeds for the demo (lib/demo/demo-contacts.ts), against the real database: sent
// and decided through the app's own mutations, seen by each role where the README says to look, and
// seeded once only.

async function demoUser(email: string): Promise<SessionUser> {
  const found = await findUserIdByEmail(email);
  const user = found ? await findSessionUserById(found.id) : null;
  if (!user) throw new Error(`No demo user ${email}`);
  return user;
}

/** How many rows each step of the seeding writes to, to show a second run writes none. */
async function rowCounts() {
  return {
    users: await db.user.count(),
    referrals: await db.referral.count(),
    contacts: await db.contact.count(),
    ratings: await db.contactRating.count(),
    allocations: await db.contactAllocation.count(),
    requests: await db.informationRequest.count(),
    auditEvents: await db.auditEvent.count(),
    outbox: await db.outboxMessage.count(),
  };
}

let seeded: { created: number };
let manager: SessionUser;

beforeAll(async () => {
  await seedDemoData(db);
  seeded = await seedDemoContacts();
  manager = await demoUser("mash.manager@example.org");
});

describe("the demo contacts", () => {
  it("puts two contacts awaiting a rating in the MASH manager's queue, one without consent", async () => {
    expect(seeded.created).toBe(4);
    const awaiting = await listContacts(manager, { view: "awaiting" });
    const rows = awaiting!.rows.map((row) => ({ childName: row.childName, agencyName: row.agencyName, consentObtained: row.consentObtained, consentException: row.consentException, rating: row.rating }));
    expect(rows).toEqual(
      expect.arrayContaining([
        { childName: "Ruby Sample", agencyName: "Riverside Primary School", consentObtained: true, consentException: null, rating: null },
        { childName: "Noah Specimen", agencyName: "Health Visiting Service", consentObtained: false, consentException: "INCREASED_RISK", rating: null },
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(await queueSummary(manager)).toMatchObject({ awaiting: 2 });
  });

  it("rates one Amber, allocated to the demo social worker, and one Green, each on its clock", async () => {
    const open = await listContacts(manager, { view: "open" });
    const rows = open!.rows.map((row) => ({ childName: row.childName, status: row.status, rating: row.rating, allocatedToName: row.allocatedToName, breachedAt: row.breachedAt }));
    expect(rows).toEqual([
      // Soonest deadline first: Amber's 24 hours before Green's 5 working days.
      { childName: "Isla Example", status: "RATED", rating: "AMBER", allocatedToName: "Aisha Rahman", breachedAt: null },
      { childName: "Archie Placeholder", status: "RATED", rating: "GREEN", allocatedToName: null, breachedAt: null },
    ]);
    const [amber, green] = open!.rows;
    const hours = (row: typeof amber) => (row!.deadlineAt!.getTime() - row!.ratedAt!.getTime()) / 3_600_000;
    expect(hours(amber)).toBe(24);
    expect(hours(green)).toBeGreaterThanOrEqual(5 * 24);

    const socialWorker = await demoUser("social.worker@example.org");
    expect((await listContacts(socialWorker, { view: "open" }))!.rows.map((row) => row.childName)).toEqual(["Isla Example"]);
  });

  it("asks police and health about the Amber contact, and each partner sees only their own request", async () => {
    const [amber] = (await listContacts(manager, { view: "open" }))!.rows;
    for (const [email, agencyKind] of [["police@example.org", "POLICE"], ["mash.health@example.org", "HEALTH"]] as const) {
      const requests = await listRequestsForAgency(await demoUser(email));
      expect(requests).toEqual([expect.objectContaining({ contactId: amber!.id, childName: "Isla Example", agencyKind, state: "DUE", dueAt: amber!.deadlineAt, answeredAt: null })]);
    }
    expect(await listRequestsForAgency(await demoUser("education.lead@example.org"))).toEqual([]);
  });

  it("puts the Green contact in the CFSS coordinators' queue", async () => {
    const queue = await listCfssQueue(await demoUser("cfss.coordinator@example.org"));
    expect(queue).toEqual([expect.objectContaining({ childName: "Archie Placeholder", status: "RATED", rating: "GREEN", awaitingOversight: false })]);
    expect(queue![0]!.triageDueAt).not.toBeNull();
  });

  it("records every step in the audit trail, as the people who took it", async () => {
    const events = await db.auditEvent.findMany({ where: { action: { not: "demo.seeded" } }, select: { action: true, actorId: true } });
    const emails = new Map((await db.user.findMany({ select: { id: true, email: true } })).map((user) => [user.id, user.email]));
    const tally = new Map<string, number>();
    for (const event of events) {
      const key = `${event.action} by ${event.actorId ? emails.get(event.actorId) : "the system"}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(tally)).toEqual({
      "referral.submitted by teacher@example.org": 2,
      "contact.created by teacher@example.org": 2,
      "referral.submitted by health.visitor@example.org": 2,
      "contact.created by health.visitor@example.org": 2,
      "contact.rated by mash.manager@example.org": 2,
      "contact.allocated by mash.manager@example.org": 1,
      "request.made by social.worker@example.org": 2,
      "demo.contacts-seeded by the system": 1,
    });
  });

  it("adds nothing when the demo starts again", async () => {
    const before = await rowCounts();
    expect(await seedDemoData(db)).toEqual({ created: 0 });
    expect(await seedDemoContacts()).toEqual({ created: 0 });
    expect(await rowCounts()).toEqual(before);
  });
});
