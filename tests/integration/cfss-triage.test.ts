import { describe, expect, it, vi } from "vitest";
import { POST as postOversight } from "@/app/api/v1/contacts/[contactId]/cfss-actions/oversight/route";
import { GET as getActions, POST as postAction } from "@/app/api/v1/contacts/[contactId]/cfss-actions/route";
import type { SessionUser } from "@/lib/auth/data";
import { createApiToken } from "@/lib/auth/mutations";
import { approveCfssClosureAction, recordCfssActionAction, type CfssFormState } from "@/lib/cfss/actions";
import { listCfssQueue, findCfssTriage } from "@/lib/cfss/data";
import { approveCfssClosure, recordCfssAction } from "@/lib/cfss/mutations";
import { describeCfssEvent, oversightConcerns, triageState } from "@/lib/cfss/policy";
import { findContact, listContacts } from "@/lib/contacts/data";
import { deadlineFor } from "@/lib/contacts/deadlines";
import { allocateContact, rateContact } from "@/lib/contacts/mutations";
import { db } from "@/lib/db/client";
import { submitReferral } from "@/lib/referral/mutations";
import { actionSession } from "@/tests/factories/action-session";
import { createSessionUser, createTestContact } from "@/tests/factories/contact";
import { childInput, earlyHelpInput } from "@/tests/factories/referral";
import { formPost, redirectOf } from "@/tests/factories/form";

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const session = actionSession();

// CFSS partnership coordinator triage (seed 002 §11) against the real database: Green contacts and
// early-help requests in the coordinators' queue on a 3-working-day clock, the actions and their Signs of
// Safety, escalation back to the MASH, and the management oversight some closures need.

const green = { rating: "GREEN", direction: "CFSS to contact the family.", rationale: "Needs met by early help." };
const signsOfSafety = {
  worries: "Mum is struggling with Alex's behaviour since the move.",
  workingWell: "Alex attends school every day; mum asked for help.",
  needsToHappen: "Mum to join the parenting course.",
  notes: "Signposted to the Solihull parenting course; mum will book it.",
};

async function greenContact(overrides: Parameters<typeof createTestContact>[0] = {}) {
  const manager = await createSessionUser("MASH_MANAGER");
  const contact = await createTestContact(overrides);
  const rated = await rateContact(manager, contact.id, { ...green, expectedVersion: contact.version });
  if (!rated.ok) throw new Error("not rated");
  return { contact, version: rated.version, manager, ratedAt: rated.ratedAt };
}

describe("the coordinators' queue", () => {
  it("holds early-help requests (WITH_CFSS, a 3-working-day clock) and Green contacts, never the MASH's awaiting queue", async () => {
    const practitioner = await createSessionUser("PRACTITIONER");
    const coordinator = await createSessionUser("CFSS_COORDINATOR");
    const sent = await submitReferral(practitioner, earlyHelpInput(), { idempotencyKey: null });
    if (!sent.ok) throw new Error("not sent");
    const request = await db.contact.findFirstOrThrow({ where: { referralId: sent.referralId } });
    expect(request).toMatchObject({ status: "WITH_CFSS", rating: null, triageDueAt: deadlineFor("CFSS_TRIAGE", sent.submittedAt) });

    const { contact, ratedAt } = await greenContact();
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).triageDueAt).toEqual(deadlineFor("CFSS_TRIAGE", ratedAt));

    const queue = (await listCfssQueue(coordinator, { limit: 200 }))!.map((row) => row.id);
    expect(queue).toEqual(expect.arrayContaining([request.id, contact.id]));
    expect(await findContact(coordinator, request.id)).not.toBeNull();
    const manager = await createSessionUser("MASH_MANAGER");
    const awaiting = await listContacts(manager, { view: "awaiting", limit: 200 });
    expect(awaiting!.rows.map((row) => row.id)).not.toContain(request.id);
  });

  it("never lets a Green contact reach a social worker's queue unless it is escalated and re-rated", async () => {
    const { contact, version, manager } = await greenContact();
    const socialWorker = await createSessionUser("SOCIAL_WORKER");
    const coordinator = await createSessionUser("CFSS_COORDINATOR");
    expect(await allocateContact(manager, contact.id, { socialWorkerId: socialWorker.id, expectedVersion: version })).toMatchObject({ ok: false, reason: "CONFLICT" });
    for (const view of ["awaiting", "open"] as const) expect((await listContacts(socialWorker, { view }))!.rows).toEqual([]);
    expect(await findContact(socialWorker, contact.id)).toBeNull();

    const escalated = await recordCfssAction(coordinator, contact.id, { ...signsOfSafety, kind: "ESCALATED_TO_MASH", notes: "Disclosure during the call: dad hits Alex.", expectedVersion: version });
    expect(escalated).toMatchObject({ ok: true, closed: false, awaitingOversight: false });
    if (!escalated.ok) return;
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id }, select: { status: true } })).toEqual({ status: "AWAITING_RAG" });
    expect(await db.notification.count({ where: { contactId: contact.id, kind: "cfss.escalated", userId: manager.id } })).toBe(1);
    const awaiting = await listContacts(manager, { view: "awaiting", limit: 200 });
    expect(awaiting!.rows.map((row) => row.id)).toContain(contact.id);
    expect(await recordCfssAction(coordinator, contact.id, { ...signsOfSafety, kind: "CLOSED", expectedVersion: escalated.version })).toMatchObject({ ok: false, reason: "CONFLICT" });

    const amber = await rateContact(manager, contact.id, { rating: "AMBER", direction: "Allocate for screening.", rationale: "Disclosure of physical harm.", expectedVersion: escalated.version });
    if (!amber.ok) throw new Error("not re-rated");
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).triageDueAt).toBeNull();
    expect(await findContact(coordinator, contact.id)).toBeNull();
    expect(await allocateContact(manager, contact.id, { socialWorkerId: socialWorker.id, expectedVersion: amber.version })).toMatchObject({ ok: true });
    expect((await listContacts(socialWorker, { view: "open" }))!.rows.map((row) => row.id)).toEqual([contact.id]);
  });
});

describe("escalating an early-help request", () => {
  it("puts it in the MASH managers' awaiting queue, and a held closure can no longer be approved", async () => {
    const practitioner = await createSessionUser("PRACTITIONER");
    const coordinator = await createSessionUser("CFSS_COORDINATOR");
    const manager = await createSessionUser("MASH_MANAGER");
    const sent = await submitReferral(practitioner, earlyHelpInput({ children: [childInput({ school: "Home educated" })] }), { idempotencyKey: null });
    if (!sent.ok) throw new Error("not sent");
    const request = await db.contact.findFirstOrThrow({ where: { referralId: sent.referralId } });
    const held = await recordCfssAction(coordinator, request.id, { ...signsOfSafety, kind: "CLOSED", expectedVersion: request.version });
    expect(held).toMatchObject({ ok: true, awaitingOversight: true, concerns: ["HOME_EDUCATED"] });
    if (!held.ok) return;
    const escalated = await recordCfssAction(coordinator, request.id, { ...signsOfSafety, kind: "ESCALATED_TO_MASH", expectedVersion: held.version });
    expect(escalated).toMatchObject({ ok: true, closed: false });
    if (!escalated.ok) return;
    expect((await listContacts(manager, { view: "awaiting", limit: 200 }))!.rows.map((row) => row.id)).toContain(request.id);
    expect(await findContact(coordinator, request.id)).toBeNull();
    expect(await approveCfssClosure(manager, request.id, { note: "Close.", expectedVersion: escalated.version })).toMatchObject({ ok: false, reason: "CONFLICT", message: expect.stringContaining("no longer with CFSS") });
  });
});

describe("CFSS actions", () => {
  it("closes a contact with advice and signposting, recorded with Signs of Safety, and writes the referrer's letter", async () => {
    const { contact, version } = await greenContact();
    const coordinator = await createSessionUser("CFSS_COORDINATOR");
    const result = await recordCfssAction(coordinator, contact.id, { ...signsOfSafety, kind: "ADVICE_AND_SIGNPOSTING", expectedVersion: version });
    expect(result).toMatchObject({ ok: true, closed: true, awaitingOversight: false, concerns: [] });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id }, select: { status: true, closedAt: true } })).toEqual({ status: "CLOSED", closedAt: expect.any(Date) });
    expect(await db.cfssAction.findFirstOrThrow({ where: { contactId: contact.id } })).toMatchObject({ ...signsOfSafety, kind: "ADVICE_AND_SIGNPOSTING", recordedById: coordinator.id });
    expect(await db.outcomeLetter.findUniqueOrThrow({ where: { contactId: contact.id } })).toMatchObject({ outcome: "CFSS_ADVICE_AND_SIGNPOSTING" });
    expect(await db.auditEvent.count({ where: { entityType: "Contact", entityId: contact.id, action: "cfss.closed", actorId: coordinator.id } })).toBe(1);
    const triage = await findCfssTriage(coordinator, contact.id);
    expect(triage!.actions).toHaveLength(1);
    expect(triage!.actions[0]).toMatchObject({ kind: "ADVICE_AND_SIGNPOSTING", recordedBy: coordinator.name, awaitingOversight: false });
  });

  it("allocates to a locality only with the locality named, and keeps the contact open", async () => {
    const { contact, version } = await greenContact();
    const coordinator = await createSessionUser("CFSS_COORDINATOR");
    expect(await recordCfssAction(coordinator, contact.id, { ...signsOfSafety, kind: "ALLOCATED_TO_LOCALITY", expectedVersion: version })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { locality: "Enter the locality (the school or area) to allocate to" },
    });
    const allocated = await recordCfssAction(coordinator, contact.id, { ...signsOfSafety, kind: "ALLOCATED_TO_LOCALITY", locality: "Northampton South", expectedVersion: version });
    expect(allocated).toMatchObject({ ok: true, closed: false });
    expect(await db.cfssAction.findFirstOrThrow({ where: { contactId: contact.id } })).toMatchObject({ locality: "Northampton South" });
  });

  type Overrides = Parameters<typeof createTestContact>[0];
  it.each<[string, Overrides, string]>([
    ["a child sexual exploitation concern", { needs: { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/extra-familial/4/02"], suggestedLevel: 4, chosenLevel: 4, levelReason: "" } }, "CSE"],
    ["a home-educated child", { children: [childInput({ school: "Electively home educated" })] }, "HOME_EDUCATED"],
  ])("refuses to close %s without management oversight, then closes it when a manager approves", async (_name, overrides, concern) => {
    const { contact, version, manager } = await greenContact(overrides);
    const coordinator = await createSessionUser("CFSS_COORDINATOR");

    const held = await recordCfssAction(coordinator, contact.id, { ...signsOfSafety, kind: "CLOSED", expectedVersion: version });
    expect(held).toMatchObject({ ok: true, closed: false, awaitingOversight: true, concerns: [concern], message: expect.stringContaining("needs management oversight") });
    if (!held.ok) return;
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id }, select: { status: true, closedAt: true } })).toEqual({ status: "RATED", closedAt: null });
    expect(await db.outcomeLetter.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await db.notification.count({ where: { contactId: contact.id, kind: "cfss.oversight", userId: manager.id } })).toBe(1);
    expect(await recordCfssAction(coordinator, contact.id, { ...signsOfSafety, kind: "ADVICE_AND_SIGNPOSTING", expectedVersion: held.version })).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect(await approveCfssClosure(coordinator, contact.id, { note: "Fine.", expectedVersion: held.version })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await approveCfssClosure(manager, contact.id, { note: "", expectedVersion: held.version })).toMatchObject({ ok: false, reason: "INVALID" });

    const approved = await approveCfssClosure(manager, contact.id, { note: "Read the screening: safe to close with the CERAF plan in school.", expectedVersion: held.version });
    expect(approved).toMatchObject({ ok: true, kind: "CLOSED", version: held.version + 1 });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id }, select: { status: true } })).toEqual({ status: "CLOSED" });
    expect(await db.cfssAction.findFirstOrThrow({ where: { contactId: contact.id } })).toMatchObject({ oversightBy: manager.id });
    expect(await db.outcomeLetter.findUniqueOrThrow({ where: { contactId: contact.id } })).toMatchObject({ outcome: "CFSS_CLOSED" });
    const trail = await db.auditEvent.findMany({ where: { entityType: "Contact", entityId: contact.id, action: { startsWith: "cfss." } }, orderBy: { id: "asc" }, select: { action: true } });
    expect(trail.map((event) => event.action)).toEqual(["cfss.closure-awaiting-oversight", "cfss.closure-approved"]);
  });

  it("holds a closure the coordinator flagged (a Prevent concern the referral did not show)", async () => {
    const { contact, version } = await greenContact();
    const coordinator = await createSessionUser("CFSS_COORDINATOR");
    const held = await recordCfssAction(coordinator, contact.id, { ...signsOfSafety, kind: "OPEN_TO_TARGETED_SERVICES", oversightConcerns: ["PREVENT"], expectedVersion: version });
    expect(held).toMatchObject({ ok: true, closed: false, awaitingOversight: true, concerns: ["PREVENT"] });
  });

  it("is for coordinators only, on contacts in their scope", async () => {
    const { contact, version } = await greenContact();
    for (const role of ["SOCIAL_WORKER", "DAAT_MANAGER", "PARTNER_AGENCY", "MASH_MANAGER"] as const) {
      expect(await recordCfssAction(await createSessionUser(role), contact.id, { ...signsOfSafety, kind: "CLOSED", expectedVersion: version })).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    const unrated = await createTestContact();
    expect(await recordCfssAction(await createSessionUser("CFSS_COORDINATOR"), unrated.id, { ...signsOfSafety, kind: "CLOSED", expectedVersion: unrated.version })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("CFSS policy", () => {
  it("finds the oversight concerns in indicators, the school and the early-help answer, and adds the coordinator's", () => {
    expect(oversightConcerns({ indicatorIds: ["rhrt-2025/extra-familial/4/07", "rhrt-2025/extra-familial/3/08", "rhrt-2025/family/3/02"] })).toEqual(["GANG", "PREVENT"]);
    expect(oversightConcerns({ indicatorIds: [], school: "EHE since Year 4", openToEarlyHelp: "YES", flagged: ["CSE"] })).toEqual(["HOME_EDUCATED", "CSE", "OPEN_TO_TIER_3"]);
    expect(oversightConcerns({ indicatorIds: ["rhrt-2025/education/3/02"], school: "Riverside Primary School", openToEarlyHelp: "NO" })).toEqual([]);
  });

  it("words the timeline's CFSS events", () => {
    expect(describeCfssEvent("cfss.closed", { kind: "CLOSED", notes: "Done." })).toEqual({ what: "CFSS closed the contact: Close", why: [{ label: "Notes", text: "Done." }] });
    expect(describeCfssEvent("cfss.closure-approved", { note: "Safe." })?.why).toEqual([{ label: "Reason", text: "Safe." }]);
    expect(describeCfssEvent("cfss.allocated-to-locality", { locality: "Corby" })?.what).toContain("(Corby)");
    expect(describeCfssEvent("cfss.escalated", {})?.what).toContain("escalated");
    expect(describeCfssEvent("cfss.closure-awaiting-oversight", { kind: "CLOSED" })?.what).toContain("waiting for management oversight");
    expect(describeCfssEvent("contact.rated", {})).toBeNull();
  });

  it("judges the triage clock", () => {
    const due = new Date("2026-11-27T10:00:00Z");
    expect(triageState(null, null, due)).toBe("NONE");
    expect(triageState(due, new Date("2026-11-26T10:00:00Z"), due)).toBe("DONE_IN_TIME");
    expect(triageState(due, new Date("2026-11-28T10:00:00Z"), due)).toBe("DONE_LATE");
    expect(triageState(due, null, new Date("2026-11-26T10:00:00Z"))).toBe("DUE");
    expect(triageState(due, null, due)).toBe("OVERDUE");
  });
});

describe("/api/v1/contacts/{id}/cfss-actions", () => {
  const json = (token: string, body?: unknown) => ({ method: body === undefined ? "GET" : "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const params = (contactId: string) => ({ params: Promise.resolve({ contactId }) });

  it("records a held closure (201, awaitingOversight) and the manager's approval closes it (200); a coordinator's approval is 403", async () => {
    const { contact, version, manager } = await greenContact({ children: [childInput({ school: "Home educated" })] });
    const coordinator = await createSessionUser("CFSS_COORDINATOR");
    const { token } = await createApiToken({ name: "Capita", expiresInDays: 1 }, { actor: coordinator });
    const { token: managerToken } = await createApiToken({ name: "Capita", expiresInDays: 1 }, { actor: manager });
    const url = `http://localhost/api/v1/contacts/${contact.id}/cfss-actions`;

    const held = await postAction(new Request(url, json(token, { ...signsOfSafety, kind: "ADVICE_AND_SIGNPOSTING", expectedVersion: version })), params(contact.id));
    expect(held.status).toBe(201);
    const body = (await held.json()) as { closed: boolean; awaitingOversight: boolean; concerns: string[]; version: number };
    expect(body).toMatchObject({ closed: false, awaitingOversight: true, concerns: ["HOME_EDUCATED"] });
    expect((await postOversight(new Request(`${url}/oversight`, json(token, { note: "OK", expectedVersion: body.version })), params(contact.id))).status).toBe(403);
    const approved = await postOversight(new Request(`${url}/oversight`, json(managerToken, { note: "Checked with the EHE team: safe to close.", expectedVersion: body.version })), params(contact.id));
    expect(approved.status).toBe(200);

    const read = await getActions(new Request(url, json(token)), params(contact.id));
    expect(read.status).toBe(200);
    const triage = (await read.json()) as { status: string; actions: { oversightByName: string | null; awaitingOversight: boolean }[] };
    expect(triage).toMatchObject({ status: "CLOSED", actions: [{ oversightByName: manager.name, awaitingOversight: false }] });
  });
});

describe("the CFSS forms", () => {
  const none: CfssFormState = { key: "", values: {}, fieldErrors: {}, message: null };

  it("record a closure that waits for oversight, show it on the contact, and let a manager approve it", async () => {
    const { contact, version, manager } = await greenContact();
    const coordinator = await createSessionUser("CFSS_COORDINATOR");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { CfssSection } = await import("@/components/cfss/cfss-section");
    const render = async (user: SessionUser) => {
      const element = await CfssSection({ contactId: contact.id, user });
      return element ? renderToStaticMarkup(element) : null;
    };
    expect(await render(coordinator)).toContain("Record a CFSS action");

    session.user = coordinator;
    const missing = await recordCfssActionAction(none, formPost({ contactId: contact.id, expectedVersion: String(version), kind: "ALLOCATED_TO_LOCALITY", ...signsOfSafety }));
    expect(missing.fieldErrors.locality).toContain("Enter the locality");
    expect(missing.values.worries).toBe(signsOfSafety.worries);
    const fields = { contactId: contact.id, expectedVersion: String(version), kind: "CLOSED", ...signsOfSafety, oversightConcerns: ["GANG"] };
    expect(await redirectOf(() => recordCfssActionAction(none, formPost(fields)))).toBe(`/contacts/${contact.id}?done=cfss-awaiting-oversight#cfss-heading`);

    const managerHtml = (await render(manager))!;
    expect(managerHtml).toContain("Awaiting management oversight");
    expect(managerHtml).toContain("Give management oversight");
    expect(await render(await createSessionUser("SOCIAL_WORKER"))).toBeNull();

    session.user = manager;
    expect(await redirectOf(() => approveCfssClosureAction(none, formPost({ contactId: contact.id, expectedVersion: String(version + 1), note: "Gang concern checked with the YJS: safe to close." })))).toBe(
      `/contacts/${contact.id}?done=cfss-closure-approved#cfss-heading`,
    );
    const closedHtml = (await render(manager))!;
    expect(closedHtml).toContain(`management oversight by ${manager.name}`);
    expect(closedHtml).not.toContain("Give management oversight");
  });
});
