import { describe, expect, it } from "vitest";
import { allocateContact, decideContact, rateContact } from "@/lib/contacts/mutations";
import { recordPhoneContact } from "@/lib/contacts/phone/mutations";
import { db } from "@/lib/db/client";
import { writeOutcomeLetter } from "@/lib/outcomes/mutations";
import { decideScreening, recordScreening } from "@/lib/screening/mutations";
import { createSessionUser, createTestContact, createTestContacts, WITHOUT_CONSENT } from "@/tests/factories/contact";
import { createTestAgency } from "@/tests/factories/agency";
import { childInput } from "@/tests/factories/referral";

// The outcome in writing to the referrer, against the real database: what the letter says and must never
// say, one letter a contact, the referral's "My referrals" outcome, and the e-mail that names only the reference.

const PARTNER_SECRET = "Zebra-7731 police intelligence: the stepfather is under investigation";
const ANALYSIS_SECRET = "Quokka-4419 analysis drawn from the health record";

describe("the outcome letter", () => {
  it("never contains a partner agency's answer or the screening analysis", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const socialWorker = await createSessionUser("SOCIAL_WORKER");
    const police = await createSessionUser("PARTNER_AGENCY", { agencyId: (await createTestAgency({ kind: "POLICE" })).id });
    const contact = await createTestContact();
    const rated = await rateContact(manager, contact.id, { rating: "AMBER", direction: "Screen today.", rationale: "Neglect.", expectedVersion: contact.version });
    if (!rated.ok) throw new Error(JSON.stringify(rated));
    const allocated = await allocateContact(manager, contact.id, { socialWorkerId: socialWorker.id, expectedVersion: rated.version });
    if (!allocated.ok) throw new Error(JSON.stringify(allocated));
    await db.informationRequest.create({
      data: {
        contactId: contact.id,
        agencyKind: "POLICE",
        question: "What do you hold?",
        requestedById: socialWorker.id,
        requestedAt: new Date(),
        dueAt: new Date(Date.now() + 24 * 60 * 60_000),
        holds: PARTNER_SECRET,
        history: PARTNER_SECRET,
        analysis: PARTNER_SECRET,
        knownToAgency: "OPEN",
        answeredById: police.id,
        answeredAt: new Date(),
      },
    });
    const screening = await recordScreening(socialWorker, contact.id, {
      worries: "Neglect building over weeks.",
      workingWell: "School attendance is good.",
      needsToHappen: "Support for the family.",
      scale: 6,
      analysis: ANALYSIS_SECRET,
      recommendation: "SIGNPOST",
      reasons: `${ANALYSIS_SECRET}; needs can be met by universal services.`,
      expectedVersion: allocated.version,
    });
    if (!screening.ok) throw new Error(JSON.stringify(screening));
    const decided = await decideScreening(manager, contact.id, { stance: "ENDORSED", outcome: "SIGNPOST", rationale: "The family's needs can be met by universal services.", expectedVersion: screening.version });
    expect(decided).toMatchObject({ ok: true, closed: true });

    const letter = await db.outcomeLetter.findUniqueOrThrow({ where: { contactId: contact.id } });
    const referral = await db.referral.findUniqueOrThrow({ where: { id: contact.referralId } });
    for (const text of [letter.body, referral.outcomeLetter ?? ""]) {
      expect(text).not.toContain("Zebra-7731");
      expect(text).not.toContain("Quokka-4419");
    }
    expect(letter.body).toContain("signposted to universal or community services");
    expect(letter.body).toContain("The family's needs can be met by universal services.");
    expect(letter.body).toContain("0300 126 7000");
    expect(letter.body).toContain("01604 526963");
    expect(letter.body).toContain("CFSS@nctrust.co.uk");
    expect(letter.body).toMatch(/If you disagree[\s\S]*MASH manager[\s\S]*Service Manager/);
    expect(referral).toMatchObject({ status: "OUTCOME_SENT", outcomeSentAt: expect.any(Date), outcomeLetter: letter.body });
    expect(letter.sentTo).toBe(contact.referrer.email);

    const email = await db.outboxMessage.findFirstOrThrow({ where: { to: contact.referrer.email, subject: { contains: "outcome" } } });
    expect(email.subject).toContain(contact.reference);
    expect(email.body).toContain("My referrals");
    for (const text of [email.subject, email.body]) {
      expect(text).not.toContain(contact.childName);
      expect(text).not.toContain("Zebra-7731");
      expect(text).not.toContain("universal services");
    }
    expect(await db.auditEvent.count({ where: { entityType: "Contact", entityId: contact.id, action: "outcome.sent" } })).toBe(1);
  });

  it("is written once a contact: a second call returns null", async () => {
    const contact = await createTestContact();
    const now = new Date();
    const first = await db.$transaction((tx) => writeOutcomeLetter(tx, { contactId: contact.id, outcome: "NO_FURTHER_ACTION", reasons: "No concerns found.", now }));
    const second = await db.$transaction((tx) => writeOutcomeLetter(tx, { contactId: contact.id, outcome: "SIGNPOST", reasons: "Again.", now }));
    expect(first).toEqual({ id: expect.any(String) });
    expect(second).toBeNull();
    expect(await db.outcomeLetter.count({ where: { contactId: contact.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: contact.referrer.email, subject: { contains: "outcome" } } })).toBe(1);
  });

  it("reaches My referrals only when every child of the referral has a letter", async () => {
    const [first, second] = await createTestContacts({ children: [childInput(), childInput({ firstName: "Sam" })] });
    const now = new Date();
    await db.$transaction((tx) => writeOutcomeLetter(tx, { contactId: first!.id, outcome: "NO_FURTHER_ACTION", reasons: "Advice given.", now }));
    expect(await db.referral.findUniqueOrThrow({ where: { id: first!.referralId } })).toMatchObject({ status: "RECEIVED", outcomeLetter: null });
    expect(await db.outboxMessage.count({ where: { to: first!.referrer.email, subject: { contains: "outcome" } } })).toBe(0);

    await db.$transaction((tx) => writeOutcomeLetter(tx, { contactId: second!.id, outcome: "CFSS_CLOSED", reasons: "Support finished.", now }));
    const referral = await db.referral.findUniqueOrThrow({ where: { id: first!.referralId } });
    expect(referral.status).toBe("OUTCOME_SENT");
    expect(referral.outcomeLetter).toContain("no further action");
    expect(referral.outcomeLetter).toContain("Partnership Support (CFSS) has finished");
    expect(await db.outboxMessage.count({ where: { to: first!.referrer.email, subject: { contains: "outcome" } } })).toBe(1);
  });

  it("is kept on a phone contact without an e-mail", async () => {
    const officer = await createSessionUser("MASH_OFFICER");
    const recorded = await recordPhoneContact(officer, {
      callerType: "PUBLIC",
      anonymous: true,
      children: [{ firstName: "Robin", lastName: "Example", approximateAge: "6" }],
      concerns: "A neighbour hears shouting most nights.",
      immediateRisk: "NO",
      level4: "NO",
      consentStatus: "GIVEN",
    });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    const contactId = recorded.contactIds[0]!;
    const before = await db.outboxMessage.count();
    const letter = await db.$transaction((tx) => writeOutcomeLetter(tx, { contactId, outcome: "NO_FURTHER_ACTION", reasons: "Advice given to the caller.", now: new Date() }));
    expect(letter).not.toBeNull();
    expect(await db.outcomeLetter.findUniqueOrThrow({ where: { contactId } })).toMatchObject({ sentTo: null });
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("is written when the workbench returns a contact for consent", async () => {
    const manager = await createSessionUser("MASH_MANAGER");
    const contact = await createTestContact(WITHOUT_CONSENT);
    const result = await decideContact(manager, contact.id, { decision: "RETURN_FOR_CONSENT", rationale: "Not child protection; please ask the family.", expectedVersion: 1 });
    expect(result).toMatchObject({ ok: true });
    const letter = await db.outcomeLetter.findUniqueOrThrow({ where: { contactId: contact.id } });
    expect(letter).toMatchObject({ outcome: "RETURN_FOR_CONSENT" });
    expect(letter.body).toContain("consent");
    expect(await db.referral.findUniqueOrThrow({ where: { id: contact.referralId } })).toMatchObject({ status: "OUTCOME_SENT" });
  });
});
