import { beforeEach, describe, expect, it, vi } from "vitest";
import { apiRoute } from "@/lib/api/handler";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findSessionUserById, type SessionUser } from "@/lib/auth/data";
import { createApiToken, startSession } from "@/lib/auth/mutations";
import { resolveSession } from "@/lib/auth/resolve";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { linkFollowUpAction, recordPhoneContactAction, type LinkFollowUpFormState, type PhoneContactFormState } from "@/lib/contacts/phone/actions";
import { postContact } from "@/lib/contacts/phone/api";
import { findPhoneContact, listOverdueFollowUps } from "@/lib/contacts/phone/data";
import { alertOverdueFollowUps, linkFollowUp, recordPhoneContact, recordPoliceNotification } from "@/lib/contacts/phone/mutations";
import { followUpState } from "@/lib/contacts/phone/policy";
import type { PhoneContactInput, PoliceNotificationInput } from "@/lib/contacts/phone/schema";
import { submitReferral } from "@/lib/referral/mutations";
import { createTestAgency } from "@/tests/factories/agency";
import { mashReferralInput, earlyHelpInput, ukDate } from "@/tests/factories/referral";
import { createTestUser } from "@/tests/factories/user";
import { formPost, redirectOf } from "@/tests/factories/form";

// Phone contacts and police protection notifications against the real database: the mutations, the form's
// server actions (as a browser's plain form post calls them) and POST /api/v1/contacts. Only the cookie
// reading is replaced (Vitest has no request context); sessions and tokens are real.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let signedInSession: string | null = null;
beforeEach(() => {
  signedInSession = null;
  vi.mocked(getCurrentUser).mockImplementation(() => resolveSession(signedInSession));
});

async function userWithRole(role: Role, agencyId?: string): Promise<SessionUser> {
  const created = await createTestUser({ role, ...(agencyId ? { agencyId } : {}) });
  return (await findSessionUserById(created.id))!;
}

async function policeUser(): Promise<SessionUser> {
  return userWithRole("PARTNER_AGENCY", (await createTestAgency({ kind: "POLICE" })).id);
}

/** A health visitor phones with a Level 4 worry about Alex (8) and Sam (about 5), without the family's consent. */
function professionalCall(overrides: Partial<PhoneContactInput> = {}): PhoneContactInput {
  return {
    callerType: "PROFESSIONAL",
    callerName: "Pat Nurse",
    callerRole: "Health visitor",
    callerAgency: "Northamptonshire Healthcare NHS Foundation Trust",
    callerPhone: "01604 000001",
    callerEmail: "",
    children: [
      { firstName: "Alex", lastName: "Example", dateOfBirth: ukDate({ years: -8, days: -40 }), nhsNumber: "999 000 0018", postcode: "nn1 1ed" },
      { firstName: "Sam", lastName: "Example", approximateAge: "5" },
    ],
    concerns: "At a home visit today Alex had a burn on his hand; Alex said his mum's partner held it to the cooker.",
    immediateRisk: "NO",
    level4: "YES",
    consentStatus: "NOT_SOUGHT",
    consentException: "SIGNIFICANT_HARM",
    consentDetails: "Not sought: asking the mother could put Alex at risk from her partner.",
    ...overrides,
  };
}

function policeNotification(overrides: Partial<PoliceNotificationInput> = {}): PoliceNotificationInput {
  return {
    officerName: "PC Sam Officer",
    collarNumber: "1234",
    policeStation: "Northampton Campbell Square",
    phone: "01604 000002",
    email: "sam.officer@example.police.uk",
    children: [{ firstName: "Alex", lastName: "Example", dateOfBirth: ukDate({ years: -8 }) }],
    circumstances: "Police attended a domestic incident at 22:40; Alex was found alone with an intoxicated adult and was taken into police protection.",
    incidentAt: new Date(Date.now() - 3 * 60 * 60_000).toISOString(),
    immediateRisk: true,
    policeProtection: true,
    ...overrides,
  };
}

/** Every row recording a contact writes, so a refusal can be shown to have written none of them. */
async function rowCounts() {
  const [phoneContacts, contacts, audit] = await Promise.all([db.phoneContact.count(), db.contact.count(), db.auditEvent.count()]);
  return { phoneContacts, contacts, audit };
}

async function mashReferralReference(): Promise<string> {
  const practitioner = await userWithRole("PRACTITIONER");
  const sent = await submitReferral(practitioner, mashReferralInput({ phonedMash: "YES" }), { idempotencyKey: null });
  if (!sent.ok) throw new Error(sent.reason);
  return sent.reference;
}

const year = (at: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric" }).format(at);

describe("recording a phone contact", () => {
  it("records a professional's Level 4 call: a contact per child awaiting a RAG rating, the follow-up due 24 hours on, and the audit trail", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    const now = new Date(Date.now() - 60 * 60_000);
    const result = await recordPhoneContact(officer, professionalCall(), { requestId: "req-phone-1", now });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.reference).toMatch(new RegExp(`^TEL-${year(now)}-\\d{6}$`));
    expect(result.contactIds).toHaveLength(2);

    const phoneContact = await db.phoneContact.findUniqueOrThrow({ where: { id: result.phoneContactId } });
    expect(phoneContact).toMatchObject({
      reference: result.reference,
      channel: "PHONE",
      recordedById: officer.id,
      callerType: "PROFESSIONAL",
      anonymous: false,
      callerName: "Pat Nurse",
      level4: true,
      immediateRisk: false,
      consentStatus: "NOT_SOUGHT",
      consentException: "SIGNIFICANT_HARM",
      receivedAt: now,
      followUpDueAt: new Date(now.getTime() + 24 * 60 * 60_000),
      followUpReferralId: null,
    });

    const contacts = await db.contact.findMany({ where: { phoneContactId: result.phoneContactId }, orderBy: { childIndex: "asc" } });
    expect(contacts.map((c) => c.id)).toEqual(result.contactIds);
    expect(contacts.map((c) => [c.childName, c.status, c.channel, c.nhsNumber, c.postcode, c.dateOfBirth === null, c.referralId])).toEqual([
      ["Alex Example", "AWAITING_RAG", "PHONE", "9990000018", "NN1 1ED", false, null],
      ["Sam Example", "AWAITING_RAG", "PHONE", null, null, true, null],
    ]);
    for (const contact of contacts) expect(contact).toMatchObject({ level4: true, consentObtained: false, consentException: "SIGNIFICANT_HARM", immediateRisk: false, receivedAt: now });

    const recorded = await db.auditEvent.findMany({ where: { entityType: "PhoneContact", entityId: result.phoneContactId } });
    expect(recorded).toEqual([expect.objectContaining({ action: "phoneContact.recorded", actorId: officer.id, requestId: "req-phone-1" })]);
    const created = await db.auditEvent.findMany({ where: { action: "contact.created", entityId: { in: result.contactIds } }, orderBy: { id: "asc" } });
    expect(created.map((event) => [event.entityType, event.entityId, event.actorId])).toEqual(result.contactIds.map((id) => ["Contact", id, officer.id]));
    for (const event of created) expect(event.details).toMatchObject({ channel: "PHONE", reference: result.reference });

    expect(followUpState(phoneContact.followUpDueAt, phoneContact.followUpLinkedAt, new Date())).toBe("DUE");
  });

  it("records an anonymous member of the public without their name, and opens no follow-up", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    const result = await recordPhoneContact(officer, professionalCall({ callerType: "PUBLIC", anonymous: true, callerName: "Typed anyway", callerRole: "", callerAgency: "", callerPhone: "" }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const phoneContact = await db.phoneContact.findUniqueOrThrow({ where: { id: result.phoneContactId } });
    expect(phoneContact).toMatchObject({ callerType: "PUBLIC", anonymous: true, callerName: null, callerRole: null, callerAgency: null, level4: true, followUpDueAt: null });
    expect(followUpState(phoneContact.followUpDueAt, null, new Date())).toBe("NONE");
  });

  it("opens no follow-up for a professional whose concern is below Level 4", async () => {
    const officer = await userWithRole("MASH_MANAGER");
    const result = await recordPhoneContact(officer, professionalCall({ level4: "NO", consentStatus: "GIVEN", consentException: "" }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const phoneContact = await db.phoneContact.findUniqueOrThrow({ where: { id: result.phoneContactId }, include: { contacts: true } });
    expect(phoneContact.followUpDueAt).toBeNull();
    expect(phoneContact.contacts.map((c) => [c.level4, c.consentObtained, c.consentException])).toEqual([
      [false, true, null],
      [false, true, null],
    ]);
  });

  it("refuses an anonymous professional, and writes nothing", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    const before = await rowCounts();
    const result = await recordPhoneContact(officer, professionalCall({ anonymous: true, callerName: "" }));
    expect(result).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { anonymous: "A professional cannot stay anonymous. Only a member of the public can", callerName: "Enter the caller's name: a professional cannot stay anonymous" },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it.each(["PRACTITIONER", "SOCIAL_WORKER", "PARTNER_AGENCY"] as const)("refuses a %s, and writes nothing", async (role) => {
    const user = await userWithRole(role);
    const before = await rowCounts();
    expect(await recordPhoneContact(user, professionalCall())).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("police protection notifications", () => {
  it("records a notification from a police partner: Level 4, without consent (significant harm), no follow-up", async () => {
    const officer = await policeUser();
    const result = await recordPoliceNotification(officer, policeNotification());
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.reference).toMatch(/^PPN-\d{4}-\d{6}$/);
    const phoneContact = await db.phoneContact.findUniqueOrThrow({ where: { id: result.phoneContactId }, include: { contacts: true } });
    expect(phoneContact).toMatchObject({ channel: "POLICE_NOTIFICATION", callerType: "PROFESSIONAL", callerName: "PC Sam Officer", level4: true, immediateRisk: true, consentStatus: "NOT_SOUGHT", consentException: "SIGNIFICANT_HARM", followUpDueAt: null });
    expect(phoneContact.details).toMatchObject({ collarNumber: "1234", policeProtection: true });
    expect(phoneContact.contacts).toEqual([
      expect.objectContaining({ channel: "POLICE_NOTIFICATION", status: "AWAITING_RAG", agencyId: officer.agencyId, level4: true, immediateRisk: true, consentObtained: false, consentException: "SIGNIFICANT_HARM" }),
    ]);
    expect(await db.auditEvent.count({ where: { action: "contact.created", entityId: phoneContact.contacts[0]!.id } })).toBe(1);
  });

  it("refuses a partner of another agency (health), and a MASH officer, and writes nothing", async () => {
    const health = await userWithRole("PARTNER_AGENCY", (await createTestAgency({ kind: "HEALTH" })).id);
    const officer = await userWithRole("MASH_OFFICER");
    const before = await rowCounts();
    expect(await recordPoliceNotification(health, policeNotification())).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await recordPoliceNotification(officer, policeNotification())).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("the written follow-up", () => {
  it("closes when a MASH officer links the written MASH referral, once", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    const call = await recordPhoneContact(officer, professionalCall());
    if (!call.ok) throw new Error(call.reason);
    const reference = await mashReferralReference();

    const linked = await linkFollowUp(officer, call.phoneContactId, { reference: ` ${reference.toLowerCase()} ` }, { requestId: "req-link" });
    expect(linked).toMatchObject({ ok: true, reference });
    const phoneContact = await db.phoneContact.findUniqueOrThrow({ where: { id: call.phoneContactId }, include: { followUpReferral: true } });
    expect(phoneContact.followUpReferral?.reference).toBe(reference);
    expect(followUpState(phoneContact.followUpDueAt, phoneContact.followUpLinkedAt, new Date(Date.now() + 48 * 60 * 60_000))).toBe("RECEIVED");
    expect(await db.auditEvent.findMany({ where: { action: "phoneContact.followUpLinked", entityId: call.phoneContactId } })).toEqual([
      expect.objectContaining({ actorId: officer.id, requestId: "req-link", details: expect.objectContaining({ referralReference: reference, late: false }) }),
    ]);

    const again = await linkFollowUp(officer, call.phoneContactId, { reference: await mashReferralReference() });
    expect(again).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect((await db.phoneContact.findUniqueOrThrow({ where: { id: call.phoneContactId } })).followUpReferralId).toBe(phoneContact.followUpReferralId);
  });

  it("refuses an unknown reference, an early-help request, a referral already linked, and writes nothing", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    const call = await recordPhoneContact(officer, professionalCall());
    const other = await recordPhoneContact(officer, professionalCall());
    if (!call.ok || !other.ok) throw new Error("not recorded");

    expect(await linkFollowUp(officer, call.phoneContactId, { reference: "MASH-2026-999999" })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { reference: "No MASH referral has the reference MASH-2026-999999. Check it against the referral's acknowledgement" },
    });
    const practitioner = await userWithRole("PRACTITIONER");
    const earlyHelp = await submitReferral(practitioner, earlyHelpInput(), { idempotencyKey: null });
    if (!earlyHelp.ok) throw new Error(earlyHelp.reason);
    expect(await linkFollowUp(officer, call.phoneContactId, { reference: earlyHelp.reference })).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { reference: expect.stringMatching(/^Enter the reference of the written MASH referral/) } });

    const reference = await mashReferralReference();
    expect(await linkFollowUp(officer, other.phoneContactId, { reference })).toMatchObject({ ok: true });
    const before = await rowCounts();
    expect(await linkFollowUp(officer, call.phoneContactId, { reference })).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { reference: expect.stringContaining("already follows up another call") } });
    expect(await rowCounts()).toEqual(before);
    expect((await db.phoneContact.findUniqueOrThrow({ where: { id: call.phoneContactId } })).followUpReferralId).toBeNull();
  });

  it("lets the officer who recorded the call, or a manager, link it; nobody else", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    const call = await recordPhoneContact(officer, professionalCall());
    if (!call.ok) throw new Error(call.reason);
    const reference = await mashReferralReference();
    expect(await linkFollowUp(await userWithRole("MASH_OFFICER"), call.phoneContactId, { reference })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await linkFollowUp(await userWithRole("SOCIAL_WORKER"), call.phoneContactId, { reference })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await linkFollowUp(await userWithRole("PRACTITIONER"), call.phoneContactId, { reference })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await linkFollowUp(await userWithRole("MASH_MANAGER"), call.phoneContactId, { reference })).toMatchObject({ ok: true });
  });

  it("lists a follow-up as overdue once its time has passed, until it is linked", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    const calledAt = new Date(Date.now() - 25 * 60 * 60_000);
    const call = await recordPhoneContact(officer, professionalCall(), { now: calledAt });
    if (!call.ok) throw new Error(call.reason);
    const overdueIds = async () => (await listOverdueFollowUps(new Date())).map((item) => item.id);
    expect(await overdueIds()).toContain(call.phoneContactId);
    expect((await listOverdueFollowUps(new Date(calledAt.getTime() + 23 * 60 * 60_000))).map((item) => item.id)).not.toContain(call.phoneContactId);

    const linked = await linkFollowUp(officer, call.phoneContactId, { reference: await mashReferralReference() });
    expect(linked).toMatchObject({ ok: true });
    expect(await overdueIds()).not.toContain(call.phoneContactId);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "phoneContact.followUpLinked", entityId: call.phoneContactId } });
    expect(audit.details).toMatchObject({ late: true });
  });
});

const HOUR = 60 * 60_000;
const londonDateTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" });

/** A professional's Level 4 call made `hoursAgo` hours ago: its written follow-up was due 24 hours after it. */
async function callMade(officer: SessionUser, hoursAgo: number, overrides: Partial<PhoneContactInput> = {}) {
  const call = await recordPhoneContact(officer, professionalCall(overrides), { now: new Date(Date.now() - hoursAgo * HOUR) });
  if (!call.ok) throw new Error(JSON.stringify(call));
  return call;
}

const overdueTitle = (reference: string) => `Phone contact ${reference}: the written referral is overdue`;

/** What the alert about one call wrote: its notifications, e-mails and audit events. */
async function alertOf(call: { phoneContactId: string; reference: string }) {
  const [notifications, emails, audit, phoneContact] = await Promise.all([
    db.notification.findMany({ where: { title: overdueTitle(call.reference) }, orderBy: { userId: "asc" } }),
    db.outboxMessage.findMany({ where: { subject: overdueTitle(call.reference) }, orderBy: { to: "asc" } }),
    db.auditEvent.findMany({ where: { action: "phoneContact.followUpOverdue", entityId: call.phoneContactId } }),
    db.phoneContact.findUniqueOrThrow({ where: { id: call.phoneContactId }, select: { followUpDueAt: true, followUpAlertedAt: true } }),
  ]);
  return { notifications, emails, audit, phoneContact };
}

/** Who an alert about a call recorded by `recorderId` goes to: the recorder, and every MASH manager who can sign in. */
async function expectedRecipients(recorderId: string) {
  return db.user.findMany({ where: { active: true, OR: [{ role: "MASH_MANAGER" }, { id: recorderId }] }, select: { id: true, email: true }, orderBy: { id: "asc" } });
}

describe("the overdue follow-up alert", () => {
  // The file's other tests leave calls behind; each test here starts by alerting any already overdue, so
  // the counts it checks are its own calls'.
  beforeEach(async () => {
    await alertOverdueFollowUps();
  });

  it("tells the officer who recorded the call and every active MASH manager, by the reference only, and audits it, once", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    await userWithRole("MASH_MANAGER");
    const inactiveManager = await createTestUser({ role: "MASH_MANAGER", active: false });
    const call = await callMade(officer, 25);

    expect(await alertOverdueFollowUps()).toBe(1);
    const recipients = await expectedRecipients(officer.id);
    expect(recipients.map((user) => user.id)).toContain(officer.id);
    expect(recipients.length).toBeGreaterThanOrEqual(2);

    const { notifications, emails, audit, phoneContact } = await alertOf(call);
    expect(notifications.map((n) => n.userId)).toEqual(recipients.map((user) => user.id));
    expect(notifications.map((n) => n.userId)).not.toContain(inactiveManager.id);
    expect(emails.map((email) => email.to).sort()).toEqual(recipients.map((user) => user.email).sort());
    expect(phoneContact.followUpAlertedAt).not.toBeNull();

    const due = londonDateTime.format(phoneContact.followUpDueAt!);
    for (const notification of notifications) {
      // No contact to open yet: the notification opens the phone contact itself.
      expect(notification).toMatchObject({ kind: "followUp.overdue", contactId: null, path: `/contacts/phone/${call.phoneContactId}`, readAt: null });
      expect(notification.body).toBe(
        `The professional who phoned in ${call.reference} was to send the written MASH referral by ${due}. None has been linked to the call. Chase the caller for it, and link it to the call when it arrives.`,
      );
    }
    for (const email of emails) {
      expect(email.body).toContain(`by ${due}`);
      expect(email.body).toContain(`/contacts/phone/${call.phoneContactId}`);
    }
    // E-mail is not secure: neither the children's names, nor the caller's, nor the worry.
    for (const text of [...notifications.flatMap((n) => [n.title, n.body]), ...emails.flatMap((email) => [email.subject, email.body])]) {
      expect(text).toContain(call.reference);
      for (const secret of ["Alex", "Sam", "Example", "Pat Nurse", "burn", "cooker"]) expect(text).not.toContain(secret);
    }

    expect(audit).toEqual([
      expect.objectContaining({
        actorId: null,
        entityType: "PhoneContact",
        details: { reference: call.reference, followUpDueAt: phoneContact.followUpDueAt!.toISOString(), notified: recipients.length },
      }),
    ]);

    expect(await alertOverdueFollowUps()).toBe(0);
    expect(await Promise.all([alertOverdueFollowUps(), alertOverdueFollowUps()])).toEqual([0, 0]);
    const after = await alertOf(call);
    expect([after.notifications.length, after.emails.length, after.audit.length]).toEqual([recipients.length, recipients.length, 1]);
    expect(after.phoneContact.followUpAlertedAt).toEqual(phoneContact.followUpAlertedAt);
  });

  it("alerts each follow-up once when sweeps in several app instances run at the same moment", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    await userWithRole("MASH_MANAGER");
    const calls = [await callMade(officer, 30), await callMade(officer, 26), await callMade(await userWithRole("MASH_OFFICER"), 25)];

    const alerted = await Promise.all([alertOverdueFollowUps(), alertOverdueFollowUps(), alertOverdueFollowUps()]);
    expect(alerted.reduce((sum, n) => sum + n, 0)).toBe(calls.length);
    for (const call of calls) {
      const recorder = (await db.phoneContact.findUniqueOrThrow({ where: { id: call.phoneContactId } })).recordedById;
      const recipients = await expectedRecipients(recorder);
      const { notifications, emails, audit } = await alertOf(call);
      expect(notifications.map((n) => n.userId), call.reference).toEqual(recipients.map((user) => user.id));
      expect(emails, call.reference).toHaveLength(recipients.length);
      expect(audit, call.reference).toHaveLength(1);
    }
  });

  it("never alerts a follow-up linked in time, or linked late before the sweep; alerts one not yet due only once it is", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    await userWithRole("MASH_MANAGER");
    const linkedInTime = await callMade(officer, 30);
    expect(await linkFollowUp(officer, linkedInTime.phoneContactId, { reference: await mashReferralReference() }, { now: new Date(Date.now() - 20 * HOUR) })).toMatchObject({ ok: true });
    const linkedLate = await callMade(officer, 30);
    expect(await linkFollowUp(officer, linkedLate.phoneContactId, { reference: await mashReferralReference() })).toMatchObject({ ok: true });
    const notYetDue = await callMade(officer, 23);
    const noneOwed = await callMade(officer, 30, { level4: "NO", consentStatus: "GIVEN", consentException: "" });

    expect(await alertOverdueFollowUps()).toBe(0);
    for (const call of [linkedInTime, linkedLate, notYetDue, noneOwed]) {
      const { notifications, emails, audit, phoneContact } = await alertOf(call);
      expect([notifications.length, emails.length, audit.length, phoneContact.followUpAlertedAt], call.reference).toEqual([0, 0, 0, null]);
    }

    // An hour on, the call made 23 hours ago is overdue; the linked ones still are not.
    const dueAt = (await db.phoneContact.findUniqueOrThrow({ where: { id: notYetDue.phoneContactId } })).followUpDueAt!;
    await alertOverdueFollowUps(new Date(dueAt.getTime() + 60_000));
    expect((await alertOf(notYetDue)).audit).toHaveLength(1);
    for (const call of [linkedInTime, linkedLate, noneOwed]) expect((await alertOf(call)).audit, call.reference).toHaveLength(0);
  });

  it("does not tell a recorder whose account has been deactivated; the managers are still told", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    await userWithRole("MASH_MANAGER");
    const call = await callMade(officer, 25);
    await db.user.update({ where: { id: officer.id }, data: { active: false } });

    expect(await alertOverdueFollowUps()).toBe(1);
    const managers = await db.user.findMany({ where: { role: "MASH_MANAGER", active: true }, select: { id: true }, orderBy: { id: "asc" } });
    const { notifications, emails, audit } = await alertOf(call);
    expect(notifications.map((n) => n.userId)).toEqual(managers.map((user) => user.id));
    expect(emails.map((email) => email.to)).not.toContain(officer.email);
    expect(audit).toEqual([expect.objectContaining({ details: expect.objectContaining({ notified: managers.length }) })]);
  });
});

describe("reading a phone contact", () => {
  it("shows the officer the calls they recorded, a manager every call, and nobody else any", async () => {
    const officer = await userWithRole("MASH_OFFICER");
    const call = await recordPhoneContact(officer, professionalCall());
    if (!call.ok) throw new Error(call.reason);
    const view = await findPhoneContact(officer, call.phoneContactId);
    expect(view).toMatchObject({ reference: call.reference, channel: "PHONE", recordedBy: { id: officer.id }, followUpReferral: null });
    expect(view?.children.map((child) => [child.contactId, child.childName, child.details?.approximateAge ?? null])).toEqual([
      [call.contactIds[0], "Alex Example", null],
      [call.contactIds[1], "Sam Example", 5],
    ]);
    expect(await findPhoneContact(await userWithRole("MASH_MANAGER"), call.phoneContactId)).not.toBeNull();
    for (const role of ["MASH_OFFICER", "SOCIAL_WORKER", "PRACTITIONER", "SERVICE_MANAGER"] as const) {
      expect(await findPhoneContact(await userWithRole(role), call.phoneContactId), role).toBeNull();
    }
    expect(await findPhoneContact(officer, "not-a-uuid")).toBeNull();
  });
});

// --- The form's server actions --------------------------------------------------------------------------------

async function signIn(role: Role): Promise<SessionUser> {
  const created = await createTestUser({ role });
  signedInSession = await startSession(created.id, "password");
  return (await findSessionUserById(created.id))!;
}

const noPhoneState: PhoneContactFormState = { key: "", values: {}, fieldErrors: {}, message: null };
const noLinkState: LinkFollowUpFormState = { key: "", values: {}, fieldErrors: {}, message: null };

/** The form as a browser posts it: four child blocks, the empty ones sent as empty boxes. */
function phoneForm(fields: Record<string, string>): FormData {
  const blocks: Record<string, string> = {};
  for (let i = 0; i < 4; i++) for (const field of ["firstName", "lastName", "dateOfBirth", "approximateAge", "nhsNumber", "postcode"]) blocks[`children.${i}.${field}`] = "";
  return formPost({
    callerType: "PROFESSIONAL",
    callerRole: "Teacher",
    callerAgency: "Riverside Primary School",
    callerName: "Priya Shah",
    callerPhone: "01604 000000",
    callerEmail: "",
    ...blocks,
    concerns: "Alex came to school with bruising to both arms.",
    immediateRisk: "NO",
    immediateActionTaken: "",
    level4: "YES",
    consentStatus: "GIVEN",
    consentDetails: "Mum agreed on the phone.",
    ...fields,
  });
}

describe("the phone contact form", () => {
  it("records the filled child blocks, ignores the empty ones, and goes to the new contact", async () => {
    await signIn("MASH_OFFICER");
    const redirected = await redirectOf(() => recordPhoneContactAction(noPhoneState, phoneForm({ "children.2.firstName": "Alex", "children.2.lastName": "Example" })));
    const id = /^\/contacts\/phone\/([0-9a-f-]{36})\?recorded=1$/.exec(redirected ?? "")?.[1];
    expect(id, String(redirected)).toBeDefined();
    const contacts = await db.contact.findMany({ where: { phoneContactId: id } });
    expect(contacts.map((c) => [c.childIndex, c.childName])).toEqual([[0, "Alex Example"]]);
  });

  it("gives every answer back with the messages on the blocks they are about, and writes nothing", async () => {
    await signIn("MASH_OFFICER");
    const before = await rowCounts();
    let state: PhoneContactFormState | undefined;
    const redirected = await redirectOf(async () => {
      state = await recordPhoneContactAction(noPhoneState, phoneForm({ callerName: "", "children.0.lastName": "Example", "children.3.firstName": "Sam", immediateRisk: "YES", anonymous: "yes" }));
    });
    expect(redirected).toBeNull();
    expect(state?.fieldErrors).toEqual({
      callerName: "Enter the caller's name: a professional cannot stay anonymous",
      "children.3.lastName": "Enter the child's last name, or Unknown if the caller does not know it",
      immediateActionTaken: "Say what has been done to keep the child safe now, for example that the police were called",
    });
    expect(state?.values).toMatchObject({ callerType: "PROFESSIONAL", concerns: "Alex came to school with bruising to both arms.", children: expect.arrayContaining([expect.objectContaining({ firstName: "Sam" })]) });
    expect(await rowCounts()).toEqual(before);
  });

  it("asks for at least one child when every block is empty", async () => {
    await signIn("MASH_OFFICER");
    const state = await recordPhoneContactAction(noPhoneState, phoneForm({}));
    expect(state.fieldErrors).toEqual({ children: "Enter the details of at least one child" });
  });

  it("keeps what was typed when the session has ended, or the account cannot record calls", async () => {
    const ended = await recordPhoneContactAction(noPhoneState, phoneForm({ callerName: "Kept" }));
    expect(ended.message).toMatch(/^Your session has ended/);
    expect(ended.values).toMatchObject({ callerName: "Kept" });
    await signIn("PRACTITIONER");
    const refused = await recordPhoneContactAction(noPhoneState, phoneForm({}));
    expect(refused.message).toMatch(/cannot record phone contacts/);
  });

  it("links the written follow-up from the contact's page, and says why a reference is refused", async () => {
    const officer = await signIn("MASH_OFFICER");
    const call = await recordPhoneContact(officer, professionalCall());
    if (!call.ok) throw new Error(call.reason);
    const refused = await linkFollowUpAction(noLinkState, formPost({ phoneContactId: call.phoneContactId, reference: "MASH-2026-000000" }));
    expect(refused).toMatchObject({ values: { reference: "MASH-2026-000000" }, fieldErrors: { reference: expect.stringMatching(/^No MASH referral has the reference/) } });

    const reference = await mashReferralReference();
    const redirected = await redirectOf(() => linkFollowUpAction(noLinkState, formPost({ phoneContactId: call.phoneContactId, reference })));
    expect(redirected).toBe(`/contacts/phone/${call.phoneContactId}?linked=1`);
    const again = await linkFollowUpAction(noLinkState, formPost({ phoneContactId: call.phoneContactId, reference }));
    expect(again.message).toBe("A written follow-up is already linked to this call");
  });
});

// --- POST /api/v1/contacts --------------------------------------------------------------------------------------

// The route (app/api/v1/contacts/route.ts) mounts postContact behind apiRoute: the same wrapper here.
const POST = apiRoute({}, postContact);

async function tokenFor(user: SessionUser): Promise<string> {
  return (await createApiToken({ name: "Case system", expiresInDays: 1 }, { actor: user })).token;
}

function post(token: string, body: unknown) {
  return POST(
    new Request("http://localhost/api/v1/contacts", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }),
    { params: Promise.resolve({}) },
  );
}

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

describe("POST /api/v1/contacts", () => {
  it("records a phone contact from a MASH officer's token", async () => {
    const token = await tokenFor(await userWithRole("MASH_OFFICER"));
    const response = await post(token, { type: "PHONE", ...professionalCall({ immediateRisk: false, level4: true }) });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { phoneContactId: string; reference: string; contacts: { id: string }[] };
    expect(body.reference).toMatch(/^TEL-\d{4}-\d{6}$/);
    const contacts = await db.contact.findMany({ where: { phoneContactId: body.phoneContactId }, orderBy: { childIndex: "asc" }, select: { id: true } });
    expect(body.contacts).toEqual(contacts);
  });

  it("records a police protection notification from a police partner's token, and refuses a health partner's", async () => {
    const police = await post(await tokenFor(await policeUser()), { type: "POLICE_NOTIFICATION", ...policeNotification() });
    expect(police.status).toBe(201);
    expect(((await police.json()) as { reference: string }).reference).toMatch(/^PPN-/);

    const healthToken = await tokenFor(await userWithRole("PARTNER_AGENCY", (await createTestAgency({ kind: "HEALTH" })).id));
    const before = await rowCounts();
    const health = await post(healthToken, { type: "POLICE_NOTIFICATION", ...policeNotification() });
    expect(health.status).toBe(403);
    expect(((await health.json()) as ErrorBody).error.code).toBe("FORBIDDEN");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a phone contact from a police partner, and anything from a practitioner", async () => {
    const fromPolice = await post(await tokenFor(await policeUser()), { type: "PHONE", ...professionalCall() });
    expect(fromPolice.status).toBe(403);
    const fromPractitioner = await post(await tokenFor(await userWithRole("PRACTITIONER")), { type: "PHONE", ...professionalCall() });
    expect(fromPractitioner.status).toBe(403);
  });

  it("answers 422 with a message per field, 422 for an unknown type and 400 for a body that is not JSON", async () => {
    const token = await tokenFor(await userWithRole("MASH_MANAGER"));
    const invalid = await post(token, { type: "PHONE", ...professionalCall({ anonymous: true, children: [] }) });
    expect(invalid.status).toBe(422);
    const { error } = (await invalid.json()) as ErrorBody;
    expect(error.code).toBe("INVALID");
    expect(error.fields).toEqual({ children: "Enter the details of at least one child", anonymous: "A professional cannot stay anonymous. Only a member of the public can" });

    const unknownType = await post(token, { type: "EMAIL" });
    expect(unknownType.status).toBe(422);
    expect(((await unknownType.json()) as ErrorBody).error.fields).toHaveProperty("type");
    expect((await post(token, "{not json")).status).toBe(400);
  });
});
