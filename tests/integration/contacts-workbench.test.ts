import { describe, expect, it } from "vitest";
import { findContact, listContacts } from "@/lib/contacts/data";
import { allocateContact, decideContact, rateContact } from "@/lib/contacts/mutations";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { createSessionUser, createTestContact, createTestContacts, WITHOUT_CONSENT } from "@/tests/factories/contact";
import { childInput } from "@/tests/factories/referral";
import { createTestAgency } from "@/tests/factories/agency";

// The MASH manager's decisions, against the real database: who may make them, the clocks they start, the
// version check that stops two managers overwriting each other, and who is told.

const HOUR = 60 * 60_000;
const red = { rating: "RED", direction: "Screen now with police and health.", rationale: "Bruising to a baby's face; explanation does not fit." };
const amber = { rating: "AMBER", direction: "Allocate for screening today.", rationale: "Neglect concerns building over weeks." };

async function snapshot(contactId: string) {
  const contact = await db.contact.findUniqueOrThrow({ where: { id: contactId }, select: { rating: true, version: true, deadlineAt: true, status: true, allocatedToId: true, closedAt: true } });
  const [ratings, allocations] = await Promise.all([db.contactRating.count({ where: { contactId } }), db.contactAllocation.count({ where: { contactId } })]);
  return { contact, ratings, allocations };
}

describe("rating a contact", () => {
  it("starts a 1-hour clock for Red, records who and why, and tells DAAT, the social worker and the MASH police and health partners", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const daat = await createSessionUser("DAAT_MANAGER");
    const police = await createSessionUser("PARTNER_AGENCY", { agencyId: (await createTestAgency({ kind: "POLICE" })).id });
    const education = await createSessionUser("PARTNER_AGENCY", { agencyId: (await createTestAgency({ kind: "EDUCATION" })).id });
    const contact = await createTestContact();
    const now = new Date("2026-11-25T10:04:00Z");

    const result = await rateContact(manager, contact.id, { ...red, expectedVersion: contact.version }, { now });

    expect(result).toMatchObject({ ok: true, rating: "RED", version: contact.version + 1 });
    if (!result.ok) return;
    expect(result.deadlineAt.getTime() - now.getTime()).toBe(HOUR);
    const saved = await db.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(saved).toMatchObject({ rating: "RED", status: "RATED", ratedAt: now, deadlineAt: result.deadlineAt, breachedAt: null });
    const rating = await db.contactRating.findFirstOrThrow({ where: { contactId: contact.id } });
    expect(rating).toMatchObject({ id: saved.clockId, rating: "RED", previousRating: null, direction: red.direction, rationale: red.rationale, ratedById: manager.id });
    expect(await db.auditEvent.count({ where: { entityId: contact.id, action: "contact.rated", actorId: manager.id } })).toBe(1);

    const told = await db.notification.findMany({ where: { contactId: contact.id, kind: "contact.red" }, select: { userId: true } });
    const toldIds = told.map((n) => n.userId);
    expect(toldIds).toEqual(expect.arrayContaining([daat.id, police.id]));
    expect(toldIds).not.toContain(education.id);
    const email = await db.outboxMessage.findFirstOrThrow({ where: { to: police.email } });
    expect(email.subject).toContain(contact.reference);
    expect(`${email.subject} ${email.body}`).not.toContain(contact.childName);
  });

  it("gives Amber 24 hours and Green 5 working days", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const [first, second] = await Promise.all([createTestContact(), createTestContact()]);
    const friday = new Date("2026-11-20T16:00:00Z");
    const amberRated = await rateContact(manager, first!.id, { ...amber, expectedVersion: 1 }, { now: friday });
    const greenRated = await rateContact(manager, second!.id, { rating: "GREEN", direction: "CFSS to contact the family.", rationale: "Needs met by early help.", expectedVersion: 1 }, { now: friday });
    expect(amberRated.ok && amberRated.deadlineAt.toISOString()).toBe("2026-11-21T16:00:00.000Z");
    expect(greenRated.ok && greenRated.deadlineAt.toISOString()).toBe("2026-11-27T16:00:00.000Z");
  });

  it.each<Role>(["PRACTITIONER", "PARTNER_AGENCY", "CFSS_COORDINATOR", "SOCIAL_WORKER", "DAAT_MANAGER", "MASH_OFFICER"])("refuses a %s and changes nothing", async (role) => {
    const someone = await createSessionUser(role);
    const contact = await createTestContact();
    const before = await snapshot(contact.id);
    expect(await rateContact(someone, contact.id, { ...red, expectedVersion: 1 })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await allocateContact(someone, contact.id, { socialWorkerId: someone.id, expectedVersion: 1 })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await snapshot(contact.id)).toEqual(before);
  });

  it("lets exactly one of two managers rating at once win; the other is told the contact changed", async () => {
    const [helen, david] = await Promise.all([createSessionUser("MASH_MANAGER"), createSessionUser("MASH_MANAGER")]);
    const contact = await createTestContact();
    const results = await Promise.all([
      rateContact(helen, contact.id, { ...red, expectedVersion: contact.version }),
      rateContact(david, contact.id, { ...amber, expectedVersion: contact.version }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, reason: "CONFLICT", message: expect.stringContaining("Someone else changed this contact") });
    expect(await db.contactRating.count({ where: { contactId: contact.id } })).toBe(1);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).version).toBe(contact.version + 1);
  });

  it("refuses a rating without direction or rationale, and a re-rating without a rationale, changing nothing", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const contact = await createTestContact();
    expect(await rateContact(manager, contact.id, { rating: "RED", direction: " ", rationale: "", expectedVersion: 1 })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { direction: "Enter the management direction", rationale: "Explain why you chose this rating" },
    });
    const first = await rateContact(manager, contact.id, { ...amber, expectedVersion: 1 });
    expect(first.ok).toBe(true);
    const before = await snapshot(contact.id);
    expect(await rateContact(manager, contact.id, { rating: "RED", direction: "Screen now.", rationale: "   ", expectedVersion: 2 })).toMatchObject({ reason: "INVALID", fieldErrors: { rationale: "Explain why you chose this rating" } });
    expect(await snapshot(contact.id)).toEqual(before);
  });

  it("restarts the clock from the re-rating under the new rating and keeps every rating in the history", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const contact = await createTestContact();
    const ratedAt = new Date("2026-11-25T09:00:00Z");
    const steppedUpAt = new Date("2026-11-25T13:30:00Z");
    await rateContact(manager, contact.id, { ...amber, expectedVersion: 1 }, { now: ratedAt });
    const steppedUp = await rateContact(manager, contact.id, { rating: "RED", direction: "Strategy discussion.", rationale: "Police disclosed a new allegation.", expectedVersion: 2 }, { now: steppedUpAt });
    expect(steppedUp.ok && steppedUp.deadlineAt.toISOString()).toBe("2026-11-25T14:30:00.000Z");
    const history = await db.contactRating.findMany({ where: { contactId: contact.id }, orderBy: { ratedAt: "asc" } });
    expect(history.map((r) => [r.rating, r.previousRating, r.rationale])).toEqual([
      ["AMBER", null, amber.rationale],
      ["RED", "AMBER", "Police disclosed a new allegation."],
    ]);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).clockId).toBe(history[1]!.id);
    expect(await db.auditEvent.count({ where: { entityId: contact.id, action: "contact.re-rated" } })).toBe(1);
  });

  it("says not found for a contact that does not exist or an id that is not one", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    expect(await rateContact(manager, "00000000-0000-4000-8000-000000000000", { ...red, expectedVersion: 1 })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await rateContact(manager, "not-an-id", { ...red, expectedVersion: 1 })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("allocating a contact", () => {
  it("allocates Red and Amber contacts to a social worker, records reallocation, and refuses Green", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const [aisha, ben] = await Promise.all([createSessionUser("SOCIAL_WORKER"), createSessionUser("SOCIAL_WORKER")]);
    const contact = await createTestContact();
    expect(await allocateContact(manager, contact.id, { socialWorkerId: aisha.id, expectedVersion: 1 })).toMatchObject({ ok: false, reason: "CONFLICT", message: "Rate this contact before allocating it." });
    await rateContact(manager, contact.id, { ...amber, expectedVersion: 1 });
    expect(await allocateContact(manager, contact.id, { socialWorkerId: aisha.id, expectedVersion: 2 })).toMatchObject({ ok: true, version: 3 });
    expect(await allocateContact(manager, contact.id, { socialWorkerId: ben.id, reason: "Aisha is on leave.", expectedVersion: 3 })).toMatchObject({ ok: true, version: 4 });
    const history = await db.contactAllocation.findMany({ where: { contactId: contact.id }, orderBy: { allocatedAt: "asc" } });
    expect(history.map((a) => [a.socialWorkerId, a.reason])).toEqual([
      [aisha.id, null],
      [ben.id, "Aisha is on leave."],
    ]);
    expect(await db.auditEvent.count({ where: { entityId: contact.id, action: "contact.reallocated" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: ben.id, kind: "contact.allocated" } })).toBe(1);

    const green = await createTestContact();
    await rateContact(manager, green.id, { rating: "GREEN", direction: "CFSS.", rationale: "Early help.", expectedVersion: 1 });
    expect(await allocateContact(manager, green.id, { socialWorkerId: aisha.id, expectedVersion: 2 })).toMatchObject({ reason: "CONFLICT", message: expect.stringContaining("Green contacts go to CFSS") });
  });

  it("refuses someone who is not an active social worker, and a stale version", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const daat = await createSessionUser("DAAT_MANAGER");
    const worker = await createSessionUser("SOCIAL_WORKER");
    const contact = await createTestContact();
    await rateContact(manager, contact.id, { ...red, expectedVersion: 1 });
    expect(await allocateContact(manager, contact.id, { socialWorkerId: daat.id, expectedVersion: 2 })).toEqual({ ok: false, reason: "INVALID", fieldErrors: { socialWorkerId: "Choose a social worker from the list" } });
    expect(await allocateContact(manager, contact.id, { socialWorkerId: worker.id, expectedVersion: 1 })).toMatchObject({ reason: "CONFLICT" });
    expect(await db.contactAllocation.count({ where: { contactId: contact.id } })).toBe(0);
  });
});

describe("ending a contact at the front door", () => {
  it("returns a contact without consent that is not child protection, and tells the referrer in writing", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const contact = await createTestContact(WITHOUT_CONSENT);
    const result = await decideContact(manager, contact.id, { decision: "RETURN_FOR_CONSENT", rationale: "Not child protection; the family should be asked.", expectedVersion: 1 });
    expect(result).toMatchObject({ ok: true, decision: "RETURN_FOR_CONSENT" });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ status: "RETURNED_FOR_CONSENT", closedAt: expect.any(Date) });
    const letter = await db.outboxMessage.findFirstOrThrow({ where: { to: contact.referrer.email, subject: { contains: "consent" } } });
    expect(letter.subject).toContain(contact.reference);
    expect(await db.notification.count({ where: { userId: contact.referrer.id, kind: "contact.returned" } })).toBe(1);
    // Closed: nothing more can be decided on it.
    expect(await rateContact(manager, contact.id, { ...amber, expectedVersion: 2 })).toMatchObject({ reason: "CONFLICT", message: expect.stringContaining("closed") });
  });

  it("refuses to return for consent a contact with consent, or a Red one", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const withConsent = await createTestContact();
    expect(await decideContact(manager, withConsent.id, { decision: "RETURN_FOR_CONSENT", rationale: "x", expectedVersion: 1 })).toMatchObject({ reason: "INVALID" });
    const redWithout = await createTestContact(WITHOUT_CONSENT);
    await rateContact(manager, redWithout.id, { ...red, expectedVersion: 1 });
    expect(await decideContact(manager, redWithout.id, { decision: "RETURN_FOR_CONSENT", rationale: "x", expectedVersion: 2 })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { decision: "A Red contact is child protection: it goes ahead without consent" },
    });
    expect((await db.contact.findUniqueOrThrow({ where: { id: redWithout.id } })).closedAt).toBeNull();
  });

  it("passes a contact to the team already working with the child only with the team's name", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const contact = await createTestContact();
    expect(await decideContact(manager, contact.id, { decision: "PASS_TO_TEAM", rationale: "Open to Kettering CIN team.", expectedVersion: 1 })).toMatchObject({
      reason: "INVALID",
      fieldErrors: { team: "Enter the team the child is already open to" },
    });
    expect(await decideContact(manager, contact.id, { decision: "PASS_TO_TEAM", rationale: "Open to them.", team: "Kettering CIN team", expectedVersion: 1 })).toMatchObject({ ok: true });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: contact.id, action: "contact.passed-to-team" } })).toMatchObject({ details: { team: "Kettering CIN team", rationale: "Open to them." } });
  });
});

describe("who sees which contacts", () => {
  it("scopes by role: managers all, a social worker their allocations, DAAT Red, CFSS Green, others none", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const [worker, otherWorker, daat, cfss, practitioner] = await Promise.all([
      createSessionUser("SOCIAL_WORKER"),
      createSessionUser("SOCIAL_WORKER"),
      createSessionUser("DAAT_MANAGER"),
      createSessionUser("CFSS_COORDINATOR"),
      createSessionUser("PRACTITIONER"),
    ]);
    const [redContact, greenContact] = await Promise.all([createTestContact(), createTestContact()]);
    await rateContact(manager, redContact.id, { ...red, expectedVersion: 1 });
    await allocateContact(manager, redContact.id, { socialWorkerId: worker.id, expectedVersion: 2 });
    await rateContact(manager, greenContact.id, { rating: "GREEN", direction: "CFSS.", rationale: "Early help.", expectedVersion: 1 });

    const sees = async (user: typeof manager, id: string) => Boolean(await findContact(user, id));
    expect([await sees(manager, redContact.id), await sees(manager, greenContact.id)]).toEqual([true, true]);
    expect([await sees(worker, redContact.id), await sees(worker, greenContact.id)]).toEqual([true, false]);
    expect(await sees(otherWorker, redContact.id)).toBe(false);
    expect([await sees(daat, redContact.id), await sees(daat, greenContact.id)]).toEqual([true, false]);
    expect([await sees(cfss, redContact.id), await sees(cfss, greenContact.id)]).toEqual([false, true]);
    expect(await sees(practitioner, redContact.id)).toBe(false);
    expect(await sees(redContact.referrer, redContact.id)).toBe(false);
    expect(await listContacts(practitioner, { view: "open" })).toBeNull();

    const mine = await listContacts(worker, { view: "open" });
    expect(mine?.rows.map((row) => row.id)).toEqual([redContact.id]);
  });
});

describe("the queue", () => {
  it("lists new contacts oldest first, a page at a time, with their flags and earlier contacts", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const referrer = await createSessionUser("PRACTITIONER");
    const first = await createTestContact({ children: [childInput({ firstName: "Jayden", lastName: "Smith", nhsNumber: "" })] }, referrer);
    const contacts = await createTestContacts({ children: [childInput({ firstName: "Jaden", lastName: "Smith", nhsNumber: "" }), childInput({ firstName: "Mia", lastName: "Jones", nhsNumber: "" })] }, referrer);

    const all: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listContacts(manager, { view: "awaiting", cursor, limit: 2 });
      all.push(...page!.rows.map((row) => row.id));
      cursor = page!.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    const ours = all.filter((id) => [first.id, ...contacts.map((c) => c.id)].includes(id));
    // Siblings arrive together; the older referral's child comes first.
    expect(ours[0]).toBe(first.id);
    expect(ours.slice(1).sort()).toEqual(contacts.map((c) => c.id).sort());
    expect(new Set(all).size).toBe(all.length);

    const withPrior = await listContacts(manager, { view: "awaiting", filters: { flag: "PRIOR_CONTACTS", agencyId: referrer.agencyId } });
    // "Jaden Smith" with the same date of birth matches the earlier "Jayden Smith"; Mia has no earlier contact.
    expect(withPrior?.rows.map((row) => [row.childName, row.priorContacts])).toEqual([["Jaden Smith", 1]]);
    const record = await findContact(manager, contacts[0]!.id);
    expect(record?.earlierContacts).toMatchObject([{ id: first.id, childName: "Jayden Smith", matchedBy: "NAME_AND_DATE_OF_BIRTH" }]);
    const flagged = await listContacts(manager, { view: "awaiting", filters: { flag: "LEVEL_4", agencyId: referrer.agencyId } });
    expect(flagged?.rows).toHaveLength(3);
    expect(flagged?.rows[0]).toMatchObject({ level4: true, consentObtained: true, channel: "ONLINE", reference: first.reference });
  });

  it("orders the rated view by deadline and leaves closed contacts out", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const agency = await createTestAgency();
    const referrer = await createSessionUser("PRACTITIONER", { agencyId: agency.id });
    const [a, b, c] = await Promise.all([createTestContact({}, referrer), createTestContact({}, referrer), createTestContact({}, referrer)]);
    const now = new Date();
    await rateContact(manager, a!.id, { ...amber, expectedVersion: 1 }, { now });
    await rateContact(manager, b!.id, { ...red, expectedVersion: 1 }, { now });
    await rateContact(manager, c!.id, { ...red, expectedVersion: 1 }, { now });
    await decideContact(manager, c!.id, { decision: "CLOSE_CONSULTATION", rationale: "Advice given.", expectedVersion: 2 });
    const page = await listContacts(manager, { view: "open", filters: { agencyId: agency.id } });
    expect(page?.rows.map((row) => [row.id, row.rating])).toEqual([
      [b!.id, "RED"],
      [a!.id, "AMBER"],
    ]);
  });
});
