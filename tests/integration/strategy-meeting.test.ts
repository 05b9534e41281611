import { describe, expect, it, vi } from "vitest";
import { POST as postRecord } from "@/app/api/v1/contacts/[contactId]/strategy-meeting/record/route";
import { GET as getStrategy, POST as postStrategy } from "@/app/api/v1/contacts/[contactId]/strategy-meeting/route";
import type { SessionUser } from "@/lib/auth/data";
import { createApiToken } from "@/lib/auth/mutations";
import { agreeStrategyAction, recordStrategyAction, type StrategyFormState } from "@/lib/strategy/actions";
import { rateContact } from "@/lib/contacts/mutations";
import { db } from "@/lib/db/client";
import { findStrategyMeeting } from "@/lib/strategy/data";
import { agreeStrategyMeeting, recordStrategyMeeting } from "@/lib/strategy/mutations";
import { describeStrategyEvent, missingEssentialAgencies, priorityMinutes, redTimeliness } from "@/lib/strategy/policy";
import { createTestAgency } from "@/tests/factories/agency";
import { actionSession } from "@/tests/factories/action-session";
import { createSessionUser, createTestContact } from "@/tests/factories/contact";
import { formPost, redirectOf } from "@/tests/factories/form";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const session = actionSession();

// The Red strategy discussion (seed 002 App. D) against the real database: the DAAT manager agrees it and
// its priority (police and health are invited), then records it; police and health must have attended.

const MINUTE = 60_000;
const red = { rating: "RED", direction: "Screen now with police and health.", rationale: "Bruising to a baby's face; explanation does not fit." };
const attendees = [
  { name: "DS Kim Patel", agency: "POLICE" },
  { name: "Nurse Sam Okafor", agency: "HEALTH" },
  { name: "Jo Reid", agency: "CHILDRENS_SOCIAL_CARE" },
];
const meetingRecord = {
  attendees,
  informationShared: "Police hold two domestic abuse call-outs this year.",
  decision: "SECTION_47_ENQUIRY",
  actions: [{ action: "Joint visit today", owner: "DS Kim Patel", dueBy: "2026-11-25" }],
};

async function redContact(ratedAt: Date) {
  const manager = await createSessionUser("MASH_MANAGER");
  const contact = await createTestContact();
  const rated = await rateContact(manager, contact.id, { ...red, expectedVersion: contact.version }, { now: ratedAt });
  if (!rated.ok) throw new Error("not rated");
  return { contact, version: rated.version, manager };
}

describe("the Red strategy discussion", () => {
  it("is agreed by the DAAT manager with its priority, invites police and health, and is recorded with attendees, decision and actions, closing the contact with the letter", async () => {
    const ratedAt = new Date("2026-11-25T10:00:00Z");
    const { contact, version } = await redContact(ratedAt);
    const daat = await createSessionUser("DAAT_MANAGER");
    const police = await createSessionUser("PARTNER_AGENCY", { agencyId: (await createTestAgency({ kind: "POLICE" })).id });
    const health = await createSessionUser("PARTNER_AGENCY", { agencyId: (await createTestAgency({ kind: "HEALTH" })).id });
    const education = await createSessionUser("PARTNER_AGENCY", { agencyId: (await createTestAgency({ kind: "EDUCATION" })).id });

    const agreedAt = new Date(ratedAt.getTime() + 20 * MINUTE);
    const agreed = await agreeStrategyMeeting(daat, contact.id, { priority: "Within 2 hours", expectedVersion: version }, { now: agreedAt });
    expect(agreed).toMatchObject({ ok: true, priority: "Within 2 hours", version: version + 1 });
    if (!agreed.ok) return;
    const invited = (await db.notification.findMany({ where: { contactId: contact.id, kind: "strategy.agreed" }, select: { userId: true } })).map((n) => n.userId);
    expect(invited).toEqual(expect.arrayContaining([police.id, health.id]));
    expect(invited).not.toContain(education.id);
    const email = await db.outboxMessage.findFirstOrThrow({ where: { to: health.email, subject: { contains: "Strategy meeting" } } });
    expect(`${email.subject} ${email.body}`).not.toContain(contact.childName);
    expect(await agreeStrategyMeeting(daat, contact.id, { priority: "Now", expectedVersion: agreed.version })).toMatchObject({ ok: false, reason: "CONFLICT" });

    const heldAt = new Date(agreedAt.getTime() + 90 * MINUTE);
    const recorded = await recordStrategyMeeting(daat, contact.id, { ...meetingRecord, heldAt: heldAt.toISOString(), expectedVersion: agreed.version }, { now: new Date(heldAt.getTime() + 30 * MINUTE) });
    expect(recorded).toMatchObject({ ok: true, decision: "SECTION_47_ENQUIRY", version: agreed.version + 1 });

    // The decision ends the MASH's part: the contact closes and the referrer's letter says what was decided,
    // never what the agencies shared.
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id }, select: { status: true, closedAt: true } })).toEqual({ status: "CLOSED", closedAt: expect.any(Date) });
    const letter = await db.outcomeLetter.findUniqueOrThrow({ where: { contactId: contact.id } });
    expect(letter.outcome).toBe("STRATEGY_SECTION_47_ENQUIRY");
    expect(letter.body).toContain("section 47 enquiry");
    expect(letter.body).not.toContain(meetingRecord.informationShared);
    expect(letter.body).not.toContain("Joint visit");

    const meeting = await findStrategyMeeting(daat, contact.id);
    expect(meeting).toMatchObject({ priority: "Within 2 hours", agreedAt, heldAt, decision: "SECTION_47_ENQUIRY", attendees, recordedBy: daat.name });
    expect(meeting!.actions).toEqual(meetingRecord.actions);
    const actions = await db.auditEvent.findMany({ where: { entityType: "Contact", entityId: contact.id, action: { startsWith: "strategy." } }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(actions).toEqual([{ action: "strategy.agreed", actorId: daat.id }, { action: "strategy.recorded", actorId: daat.id }]);

    const timeliness = redTimeliness({ ratedAt, deadlineAt: new Date(ratedAt.getTime() + 60 * MINUTE), breachedAt: null }, meeting, heldAt);
    expect(timeliness.screening).toMatch(/^Screened within the hour/);
    expect(timeliness.meeting).toMatch(/held 1 hour 30 minutes after it was agreed, 1 hour 50 minutes after the Red rating: in time/);
  });

  it("refuses a meeting record without police or health, saying which is missing, and changes nothing", async () => {
    const { contact, version } = await redContact(new Date());
    const daat = await createSessionUser("DAAT_MANAGER");
    const agreed = await agreeStrategyMeeting(daat, contact.id, { priority: "Within 1 hour", expectedVersion: version });
    if (!agreed.ok) throw new Error("not agreed");
    const withoutHealth = await recordStrategyMeeting(daat, contact.id, { ...meetingRecord, attendees: attendees.filter((a) => a.agency !== "HEALTH"), heldAt: new Date().toISOString(), expectedVersion: agreed.version });
    expect(withoutHealth).toEqual({ ok: false, reason: "INVALID", fieldErrors: { attendees: expect.stringContaining("add who attended for health") } });
    expect((await db.strategyMeeting.findFirstOrThrow({ where: { contactId: contact.id } })).heldAt).toBeNull();
  });

  it("needs the meeting agreed first, and a Red contact: others are not found by the DAAT manager", async () => {
    const { contact, version } = await redContact(new Date());
    const daat = await createSessionUser("DAAT_MANAGER");
    expect(await recordStrategyMeeting(daat, contact.id, { ...meetingRecord, heldAt: new Date().toISOString(), expectedVersion: version })).toMatchObject({ ok: false, reason: "CONFLICT", message: expect.stringContaining("Agree the strategy meeting") });
    const awaiting = await createTestContact();
    expect(await agreeStrategyMeeting(daat, awaiting.id, { priority: "Within 2 hours", expectedVersion: awaiting.version })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("is agreed and recorded only by the DAAT manager, and read only by those who may open the contact", async () => {
    const { contact, version, manager } = await redContact(new Date());
    for (const role of ["MASH_MANAGER", "SOCIAL_WORKER", "CFSS_COORDINATOR", "PARTNER_AGENCY"] as const) {
      const someone = await createSessionUser(role);
      expect(await agreeStrategyMeeting(someone, contact.id, { priority: "Within 2 hours", expectedVersion: version })).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    const daat = await createSessionUser("DAAT_MANAGER");
    await agreeStrategyMeeting(daat, contact.id, { priority: "Within 2 hours", expectedVersion: version });
    expect(await findStrategyMeeting(manager, contact.id)).toMatchObject({ priority: "Within 2 hours", heldAt: null });
    expect(await findStrategyMeeting(await createSessionUser("CFSS_COORDINATOR"), contact.id)).toBeNull();
    expect(await findStrategyMeeting(await createSessionUser("SOCIAL_WORKER"), contact.id)).toBeNull();
  });
});

describe("strategy policy", () => {
  const ratedAt = new Date("2026-11-25T10:00:00Z");
  const deadlineAt = new Date("2026-11-25T11:00:00Z");

  it("reads a priority's time from its words", () => {
    expect(priorityMinutes("Within 2 hours")).toBe(120);
    expect(priorityMinutes("within 30 minutes")).toBe(30);
    expect(priorityMinutes("Within 1 working day")).toBe(24 * 60);
    expect(priorityMinutes("As soon as possible")).toBeNull();
  });

  it("words the timeline's strategy events", () => {
    expect(describeStrategyEvent("strategy.agreed", { priority: "Within 2 hours" })).toEqual({
      what: "Strategy meeting agreed by the DAAT manager; MASH police and health invited",
      why: [{ label: "Priority", text: "Within 2 hours" }],
    });
    expect(describeStrategyEvent("strategy.recorded", { decision: "SECTION_47_ENQUIRY" })?.what).toBe("Strategy meeting recorded: section 47 enquiry");
    expect(describeStrategyEvent("contact.rated", {})).toBeNull();
  });

  it("names the missing essential agencies", () => {
    expect(missingEssentialAgencies([{ agency: "CHILDRENS_SOCIAL_CARE" }])).toEqual(["POLICE", "HEALTH"]);
    expect(missingEssentialAgencies([{ agency: "POLICE" }, { agency: "HEALTH" }])).toEqual([]);
  });

  it("says whether the screening and the meeting were in time", () => {
    const agreedAt = new Date("2026-11-25T10:30:00Z");
    expect(redTimeliness({ ratedAt, deadlineAt, breachedAt: deadlineAt }, null, ratedAt)).toEqual({
      screening: expect.stringContaining("was not done in time"),
      meeting: "No strategy meeting has been agreed yet.",
    });
    expect(redTimeliness({ ratedAt, deadlineAt, breachedAt: null }, null, new Date("2026-11-25T10:45:00Z")).screening).toContain("15 minutes left");
    expect(redTimeliness({ ratedAt: null, deadlineAt: null, breachedAt: null }, null, ratedAt).screening).toContain("Not rated yet");
    const late = redTimeliness({ ratedAt, deadlineAt, breachedAt: null }, { agreedAt, heldAt: new Date("2026-11-25T13:00:00Z"), priority: "Within 2 hours" }, ratedAt);
    expect(late.meeting).toContain("late");
    const overdue = redTimeliness({ ratedAt, deadlineAt, breachedAt: null }, { agreedAt, heldAt: null, priority: "Within 1 hour" }, new Date("2026-11-25T12:00:00Z"));
    expect(overdue.meeting).toContain("overdue");
    const awaited = redTimeliness({ ratedAt, deadlineAt, breachedAt: null }, { agreedAt, heldAt: null, priority: "Today" }, agreedAt);
    expect(awaited.meeting).toContain("not yet held");
    const unpriced = redTimeliness({ ratedAt, deadlineAt, breachedAt: null }, { agreedAt, heldAt: new Date("2026-11-25T11:00:00Z"), priority: "Today" }, agreedAt);
    expect(unpriced.meeting).toBe("Strategy meeting held 30 minutes after it was agreed, 1 hour after the Red rating.");
  });
});

describe("/api/v1/contacts/{id}/strategy-meeting", () => {
  const json = (token: string, body?: unknown) => ({ method: body === undefined ? "GET" : "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const params = (contactId: string) => ({ params: Promise.resolve({ contactId }) });

  it("agrees (201), records (422 without health, then 200) and reads the meeting with its timeliness", async () => {
    const { contact, version } = await redContact(new Date());
    const daat = await createSessionUser("DAAT_MANAGER");
    const { token } = await createApiToken({ name: "CareFirst", expiresInDays: 1 }, { actor: daat });
    const url = `http://localhost/api/v1/contacts/${contact.id}/strategy-meeting`;

    const agreed = await postStrategy(new Request(url, json(token, { priority: "Within 2 hours", expectedVersion: version })), params(contact.id));
    expect(agreed.status).toBe(201);
    const { version: afterAgree } = (await agreed.json()) as { version: number };
    const heldAt = new Date().toISOString();
    const refused = await postRecord(new Request(`${url}/record`, json(token, { ...meetingRecord, attendees: attendees.slice(0, 1), heldAt, expectedVersion: afterAgree })), params(contact.id));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields.attendees).toContain("health");
    const recorded = await postRecord(new Request(`${url}/record`, json(token, { ...meetingRecord, heldAt, expectedVersion: afterAgree })), params(contact.id));
    expect(recorded.status).toBe(200);

    const read = await getStrategy(new Request(url, json(token)), params(contact.id));
    expect(read.status).toBe(200);
    const body = (await read.json()) as { meeting: { decision: string }; timeliness: { screening: string; meeting: string } };
    expect(body.meeting.decision).toBe("SECTION_47_ENQUIRY");
    expect(body.timeliness.meeting).toContain("in time");

    const { token: socialWorkerToken } = await createApiToken({ name: "x", expiresInDays: 1 }, { actor: await createSessionUser("SOCIAL_WORKER") });
    expect((await getStrategy(new Request(url, json(socialWorkerToken)), params(contact.id))).status).toBe(404);
    expect((await postStrategy(new Request(url, json(socialWorkerToken, { priority: "Now", expectedVersion: 1 })), params(contact.id))).status).toBe(403);
  });
});

describe("the strategy forms", () => {
  const none: StrategyFormState = { key: "", values: {}, fieldErrors: {}, message: null };

  it("agree, refuse a record without health (keeping what was typed), record, and show it all on the contact", async () => {
    const { contact, version } = await redContact(new Date(Date.now() - 30 * MINUTE));
    session.user = await createSessionUser("DAAT_MANAGER");
    expect(await redirectOf(() => agreeStrategyAction(none, formPost({ contactId: contact.id, expectedVersion: String(version), priority: "Within 2 hours" })))).toBe(
      `/contacts/${contact.id}?done=strategy-agreed#strategy-heading`,
    );

    const { renderToStaticMarkup } = await import("react-dom/server");
    const { StrategySection } = await import("@/components/strategy/strategy-section");
    const render = async (user: SessionUser) => {
      const element = await StrategySection({ contactId: contact.id, user });
      return element ? renderToStaticMarkup(element) : null;
    };
    const agreedHtml = (await render(session.user))!;
    expect(agreedHtml).toContain("Record the strategy meeting");
    expect(agreedHtml).toContain("Within 2 hours");

    const now = new Date();
    const london = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
    const part = (type: string) => london.find((p) => p.type === type)!.value;
    const fields = {
      contactId: contact.id,
      expectedVersion: String(version + 1),
      heldDate: `${part("year")}-${part("month")}-${part("day")}`,
      heldTime: `${part("hour")}:${part("minute")}`,
      informationShared: "Police hold two call-outs.",
      decision: "CHILD_AND_FAMILY_ASSESSMENT",
      "attendees.0.name": "DS Kim Patel",
      "attendees.0.agency": "POLICE",
      "actions.0.action": "Assessment to start",
      "actions.0.owner": "Assessment team",
    };
    const refused = await recordStrategyAction(none, formPost(fields));
    expect(refused.fieldErrors.attendees).toContain("health");
    expect(refused.values["attendees.0.name"]).toBe("DS Kim Patel");

    expect(await redirectOf(() => recordStrategyAction(none, formPost({ ...fields, "attendees.1.name": "Nurse Sam Okafor", "attendees.1.agency": "HEALTH" })))).toBe(
      `/contacts/${contact.id}?done=strategy-recorded#strategy-heading`,
    );
    const recordedHtml = (await render(session.user))!;
    expect(recordedHtml).toContain("Child and family assessment");
    expect(recordedHtml).toContain("Nurse Sam Okafor (Health)");
    expect(recordedHtml).not.toContain("Record the strategy meeting");
    expect(await render(await createSessionUser("CFSS_COORDINATOR"))).toBeNull();

    session.user = await createSessionUser("SOCIAL_WORKER");
    expect((await agreeStrategyAction(none, formPost({ contactId: contact.id, expectedVersion: "1", priority: "Now" }))).message).toContain("Only a DAAT manager");
  });
});
