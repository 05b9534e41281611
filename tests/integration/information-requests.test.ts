import { describe, expect, it, vi } from "vitest";
import { POST as postRequests } from "@/app/api/v1/contacts/[contactId]/information-requests/route";
import { POST as postAnswer } from "@/app/api/v1/information-requests/[requestId]/answer/route";
import { GET as getRequest } from "@/app/api/v1/information-requests/[requestId]/route";
import { GET as listRequests } from "@/app/api/v1/information-requests/route";
import type { SessionUser } from "@/lib/auth/data";
import { createApiToken } from "@/lib/auth/mutations";
import { findContact } from "@/lib/contacts/data";
import { allocateContact, rateContact } from "@/lib/contacts/mutations";
import { db } from "@/lib/db/client";
import type { AgencyKind } from "@/lib/db/generated/enums";
import { answerRequestAction, makeRequestsAction, type AnswerValues, type MakeRequestValues, type RequestFormState } from "@/lib/requests/actions";
import { findRequestForAgency, listRequestsForAgency, listRequestsForContact } from "@/lib/requests/data";
import { answerRequest, makeRequests } from "@/lib/requests/mutations";
import { createTestAgency } from "@/tests/factories/agency";
import { actionSession } from "@/tests/factories/action-session";
import { createSessionUser, createTestContact, type TestContact } from "@/tests/factories/contact";
import { redirectOf } from "@/tests/factories/form";

// Information requests to partner agencies, against the real database: who may ask about which contact,
// when each request is due, and that a partner sees only what was asked of their own agency.

// The server actions are called as a browser's plain form post calls them; only the cookie reading is replaced
// (Vitest has no request context). The data functions and API routes do not read it.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
const session = actionSession();

const BASE = "http://localhost";
const HOUR = 60 * 60_000;
const ratedAt = new Date("2026-11-25T10:00:00Z");
const question = "What do you hold on the child and the adults in the household?";
const answer = { holds: "3 Nov 2026: domestic incident at the address (log 2611-0342).", history: "Four incidents since 2023.", analysis: "Escalating violence; the child is likely to be exposed again.", knownToAgency: "KNOWN_NOT_OPEN" };

type Setup = { contact: TestContact; manager: SessionUser; socialWorker: SessionUser; deadlineAt: Date };

/** A contact rated `rating` at `ratedAt` and, for Red and Amber, allocated to a new social worker. */
async function ratedContact(rating: "RED" | "AMBER" | "GREEN" = "RED"): Promise<Setup> {
  const manager = await createSessionUser("MASH_MANAGER");
  const socialWorker = await createSessionUser("SOCIAL_WORKER");
  const contact = await createTestContact();
  const rated = await rateContact(manager, contact.id, { rating, direction: "Screen with partners.", rationale: "Injury to a child.", expectedVersion: 1 }, { now: ratedAt });
  if (!rated.ok) throw new Error(JSON.stringify(rated));
  if (rating !== "GREEN") {
    const allocated = await allocateContact(manager, contact.id, { socialWorkerId: socialWorker.id, expectedVersion: rated.version }, { now: ratedAt });
    if (!allocated.ok) throw new Error(JSON.stringify(allocated));
  }
  return { contact, manager, socialWorker, deadlineAt: rated.deadlineAt };
}

async function partner(kind: AgencyKind): Promise<SessionUser> {
  return createSessionUser("PARTNER_AGENCY", { agencyId: (await createTestAgency({ kind })).id });
}

async function tokenFor(user: SessionUser): Promise<string> {
  return (await createApiToken({ name: "Agency system", expiresInDays: 1 }, { actor: user })).token;
}

const headers = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

function apiMake(token: string, contactId: string, body: unknown) {
  return postRequests(new Request(`${BASE}/api/v1/contacts/${contactId}/information-requests`, { method: "POST", headers: headers(token), body: JSON.stringify(body) }), {
    params: Promise.resolve({ contactId }),
  });
}
function apiGet(token: string, requestId: string) {
  return getRequest(new Request(`${BASE}/api/v1/information-requests/${requestId}`, { headers: headers(token) }), { params: Promise.resolve({ requestId }) });
}
function apiList(token: string) {
  return listRequests(new Request(`${BASE}/api/v1/information-requests`, { headers: headers(token) }), { params: Promise.resolve({}) });
}
function apiAnswer(token: string, requestId: string, body: unknown) {
  return postAnswer(new Request(`${BASE}/api/v1/information-requests/${requestId}/answer`, { method: "POST", headers: headers(token), body: JSON.stringify(body) }), {
    params: Promise.resolve({ requestId }),
  });
}

async function ask(setup: Setup, agencies: string[], by: SessionUser = setup.socialWorker) {
  const made = await makeRequests(by, setup.contact.id, { agencies, question }, { now: new Date(ratedAt.getTime() + 10 * 60_000) });
  if (!made.ok) throw new Error(JSON.stringify(made));
  return Object.fromEntries(made.requests.map((request) => [request.agencyKind, request.id])) as Record<string, string>;
}

describe("a partner sees only their own agency's requests", () => {
  it("a police partner user sees only Police requests and gets 404 for a Health request and for contacts with no request to Police", async () => {
    const police = await partner("POLICE");
    const first = await ratedContact("RED");
    const second = await ratedContact("AMBER");
    const onFirst = await ask(first, ["POLICE", "HEALTH"]);
    const onSecond = await ask(second, ["HEALTH"]);

    // Through the data functions.
    const listed = (await listRequestsForAgency(police))!;
    expect(listed.map((row) => row.id)).toContain(onFirst.POLICE);
    expect(listed.every((row) => row.agencyKind === "POLICE")).toBe(true);
    expect(listed.map((row) => row.id)).not.toContain(onFirst.HEALTH);
    expect(listed.map((row) => row.id)).not.toContain(onSecond.HEALTH);
    const own = await findRequestForAgency(police, onFirst.POLICE!);
    expect(own).toMatchObject({ id: onFirst.POLICE, agencyKind: "POLICE", question, reference: first.contact.reference, child: { name: first.contact.childName }, dueAt: first.deadlineAt });
    expect(own?.worries?.whatHappened).toBeTruthy();
    expect(await findRequestForAgency(police, onFirst.HEALTH!)).toBeNull();
    expect(await findRequestForAgency(police, onSecond.HEALTH!)).toBeNull();
    expect(await listRequestsForContact(police, second.contact.id)).toBeNull();
    expect(await listRequestsForContact(police, first.contact.id)).toBeNull();
    expect(await findContact(police, second.contact.id)).toBeNull();
    expect(await answerRequest(police, onSecond.HEALTH!, answer)).toEqual({ ok: false, reason: "NOT_FOUND" });

    // Through the API, with the police user's token.
    const token = await tokenFor(police);
    const list = await apiList(token);
    expect(list.status).toBe(200);
    const rows = ((await list.json()) as { requests: { id: string; agencyKind: string }[] }).requests;
    expect(rows.map((row) => row.id)).toContain(onFirst.POLICE);
    expect(rows.every((row) => row.agencyKind === "POLICE")).toBe(true);
    expect((await apiGet(token, onFirst.POLICE!)).status).toBe(200);
    expect((await apiGet(token, onFirst.HEALTH!)).status).toBe(404);
    expect((await apiGet(token, onSecond.HEALTH!)).status).toBe(404);
    expect((await apiGet(token, second.contact.id)).status).toBe(404);
    expect((await apiAnswer(token, onSecond.HEALTH!, answer)).status).toBe(404);
    expect(await db.auditEvent.count({ where: { actorId: police.id, action: "record.viewed", entityType: "InformationRequest", entityId: onFirst.POLICE } })).toBe(1);
    expect(await db.auditEvent.count({ where: { actorId: police.id, action: "requests.listed" } })).toBe(1);
  });

  it("is 403 for the MASH side's list: they read requests on the contact", async () => {
    const { manager, socialWorker } = await ratedContact();
    expect(await listRequestsForAgency(manager)).toBeNull();
    expect((await apiList(await tokenFor(manager))).status).toBe(403);
    expect((await apiList(await tokenFor(socialWorker))).status).toBe(403);
  });
});

describe("making requests", () => {
  it("is due at the RAG deadline (a Red request within the hour), tells every partner of the agency without naming the child, and audits on the contact", async () => {
    const setup = await ratedContact("RED");
    const police = await partner("POLICE");
    const otherPolice = await partner("POLICE");
    const health = await partner("HEALTH");
    const made = await makeRequests(setup.socialWorker, setup.contact.id, { agencies: ["POLICE"], question }, { now: new Date(ratedAt.getTime() + 5 * 60_000) });
    expect(made).toMatchObject({ ok: true, requests: [{ agencyKind: "POLICE", dueAt: setup.deadlineAt }] });
    if (!made.ok) return;
    expect(setup.deadlineAt.getTime() - ratedAt.getTime()).toBe(HOUR);
    const saved = await db.informationRequest.findUniqueOrThrow({ where: { id: made.requests[0]!.id } });
    expect(saved).toMatchObject({ contactId: setup.contact.id, agencyKind: "POLICE", question, requestedById: setup.socialWorker.id, dueAt: setup.deadlineAt, answeredAt: null });

    const told = (await db.notification.findMany({ where: { contactId: setup.contact.id, kind: "request.made" }, select: { userId: true } })).map((n) => n.userId);
    expect(told).toEqual(expect.arrayContaining([police.id, otherPolice.id]));
    expect(told).not.toContain(health.id);
    const email = await db.outboxMessage.findFirstOrThrow({ where: { to: police.email } });
    expect(email.subject).toContain(setup.contact.reference);
    expect(`${email.subject} ${email.body}`).not.toContain(setup.contact.childName);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Contact", entityId: setup.contact.id, action: "request.made" } });
    expect(audit.details).toMatchObject({ agencyKind: "POLICE", requestId: saved.id, dueAt: setup.deadlineAt.toISOString() });
    const record = await findContact(setup.manager, setup.contact.id);
    expect(record?.timeline.map((entry) => entry.action)).toContain("request.made");
  });

  it("gives an Amber request the contact's 24-hour deadline; a MASH manager may ask too", async () => {
    const setup = await ratedContact("AMBER");
    const made = await makeRequests(setup.manager, setup.contact.id, { agencies: ["EDUCATION", "PROBATION"], question });
    expect(made.ok && made.requests.map((r) => [r.agencyKind, r.dueAt.getTime()])).toEqual([
      ["EDUCATION", ratedAt.getTime() + 24 * HOUR],
      ["PROBATION", ratedAt.getTime() + 24 * HOUR],
    ]);
  });

  it("is not found for a social worker the contact is not allocated to, and forbidden for roles that do not make requests", async () => {
    const setup = await ratedContact("RED");
    const stranger = await createSessionUser("SOCIAL_WORKER");
    expect(await makeRequests(stranger, setup.contact.id, { agencies: ["POLICE"], question })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await listRequestsForContact(stranger, setup.contact.id)).toBeNull();
    expect(await makeRequests(await partner("POLICE"), setup.contact.id, { agencies: ["POLICE"], question })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect((await apiMake(await tokenFor(stranger), setup.contact.id, { agencies: ["POLICE"], question })).status).toBe(404);
    expect(await db.informationRequest.count({ where: { contactId: setup.contact.id } })).toBe(0);
  });

  it("refuses a Green contact, an unrated one and a closed one", async () => {
    const green = await ratedContact("GREEN");
    const refused = await makeRequests(green.manager, green.contact.id, { agencies: ["POLICE"], question });
    expect(refused).toMatchObject({ ok: false, reason: "CONFLICT" });
    const unrated = await createTestContact();
    expect(await makeRequests(green.manager, unrated.id, { agencies: ["POLICE"], question })).toMatchObject({ ok: false, reason: "CONFLICT" });
    const closed = await ratedContact("AMBER");
    await db.contact.update({ where: { id: closed.contact.id }, data: { closedAt: new Date(), status: "CLOSED" } });
    expect(await makeRequests(closed.manager, closed.contact.id, { agencies: ["POLICE"], question })).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect(await db.informationRequest.count({ where: { contactId: { in: [green.contact.id, unrated.id, closed.contact.id] } } })).toBe(0);
  });

  it("brings open requests forward to the new deadline when the contact is stepped up to Red; answered ones stay as they were", async () => {
    const setup = await ratedContact("AMBER");
    const police = await partner("POLICE");
    const made = await makeRequests(setup.manager, setup.contact.id, { agencies: ["POLICE", "HEALTH"], question });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const ids = Object.fromEntries(made.requests.map((r) => [r.agencyKind, r.id]));
    expect((await answerRequest(police, ids.POLICE!, answer)).ok).toBe(true);

    const steppedUpAt = new Date(ratedAt.getTime() + 2 * HOUR);
    const { version } = await db.contact.findUniqueOrThrow({ where: { id: setup.contact.id }, select: { version: true } });
    const red = await rateContact(setup.manager, setup.contact.id, { rating: "RED", direction: "Strategy discussion.", rationale: "Police now report a disclosure.", expectedVersion: version }, { now: steppedUpAt });
    expect(red.ok).toBe(true);
    const dueAt = async (id: string) => (await db.informationRequest.findUniqueOrThrow({ where: { id }, select: { dueAt: true } })).dueAt.getTime();
    expect(await dueAt(ids.HEALTH!)).toBe(steppedUpAt.getTime() + HOUR);
    expect(await dueAt(ids.POLICE!)).toBe(ratedAt.getTime() + 24 * HOUR);
  });

  it("refuses a second open request to the same agency, and asks again once the first is answered", async () => {
    const setup = await ratedContact("RED");
    const police = await partner("POLICE");
    const first = await ask(setup, ["POLICE"]);
    const again = await makeRequests(setup.socialWorker, setup.contact.id, { agencies: ["HEALTH", "POLICE"], question });
    expect(again).toEqual({ ok: false, reason: "INVALID", fieldErrors: { agencies: "Police already has an open request for this contact" } });
    expect(await db.informationRequest.count({ where: { contactId: setup.contact.id } })).toBe(1);

    // The partial unique index holds even for a write that skips the check.
    await expect(
      db.informationRequest.create({ data: { contactId: setup.contact.id, agencyKind: "POLICE", question, requestedById: setup.socialWorker.id, requestedAt: new Date(), dueAt: setup.deadlineAt } }),
    ).rejects.toThrow();

    expect((await answerRequest(police, first.POLICE!, answer)).ok).toBe(true);
    expect((await makeRequests(setup.socialWorker, setup.contact.id, { agencies: ["POLICE"], question: "And since then?" })).ok).toBe(true);
  });

  it("checks the fields: at least one agency from the list, and a question", async () => {
    const setup = await ratedContact("RED");
    expect(await makeRequests(setup.socialWorker, setup.contact.id, { agencies: [], question: " " })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { agencies: "Choose at least one agency to ask", question: "Enter what you want to know" },
    });
    expect(await makeRequests(setup.socialWorker, setup.contact.id, { agencies: ["CHILDRENS_SOCIAL_CARE"], question })).toMatchObject({ ok: false, reason: "INVALID" });
  });

  it("answers 201 through the API with each request's id, agency and due time", async () => {
    const setup = await ratedContact("RED");
    const response = await apiMake(await tokenFor(setup.socialWorker), setup.contact.id, { agencies: ["POLICE", "HEALTH"], question });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { requests: { id: string; agencyKind: string; dueAt: string }[] };
    expect(body.requests.map((r) => [r.agencyKind, r.dueAt])).toEqual([
      ["POLICE", setup.deadlineAt.toISOString()],
      ["HEALTH", setup.deadlineAt.toISOString()],
    ]);
    const duplicate = await apiMake(await tokenFor(setup.manager), setup.contact.id, { agencies: ["HEALTH"], question });
    expect(duplicate.status).toBe(422);
    expect(((await duplicate.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({ agencies: "MASH Health already has an open request for this contact" });
  });
});

describe("answering a request", () => {
  it("stores the answer, tells the requester, audits it on the contact and shows it on the contact record", async () => {
    const setup = await ratedContact("RED");
    const police = await partner("POLICE");
    const requests = await ask(setup, ["POLICE"]);
    const answeredAt = new Date(ratedAt.getTime() + 30 * 60_000);
    const result = await answerRequest(police, requests.POLICE!, answer, { now: answeredAt });
    expect(result).toEqual({ ok: true, requestId: requests.POLICE, contactId: setup.contact.id, answeredAt });

    const saved = await db.informationRequest.findUniqueOrThrow({ where: { id: requests.POLICE! } });
    expect(saved).toMatchObject({ ...answer, answeredById: police.id, answeredAt });
    const told = await db.notification.findFirstOrThrow({ where: { userId: setup.socialWorker.id, kind: "request.answered" } });
    expect(told.title).toContain(setup.contact.reference);
    const email = await db.outboxMessage.findFirstOrThrow({ where: { to: setup.socialWorker.email, subject: told.title } });
    expect(`${email.subject} ${email.body}`).not.toContain(setup.contact.childName);
    expect(await db.auditEvent.count({ where: { entityType: "Contact", entityId: setup.contact.id, action: "request.answered", actorId: police.id } })).toBe(1);

    const onRecord = await listRequestsForContact(setup.socialWorker, setup.contact.id, answeredAt);
    expect(onRecord).toMatchObject([{ id: requests.POLICE, agencyKind: "POLICE", state: "ANSWERED", answer: { ...answer, answeredBy: police.name } }]);
    expect(await listRequestsForContact(setup.manager, setup.contact.id)).toHaveLength(1);
  });

  it("is final: a second answer is refused and the first kept", async () => {
    const setup = await ratedContact("AMBER");
    const education = await partner("EDUCATION");
    const colleague = await createSessionUser("PARTNER_AGENCY", { agencyId: education.agencyId });
    const requests = await ask(setup, ["EDUCATION"]);
    expect((await answerRequest(education, requests.EDUCATION!, answer)).ok).toBe(true);
    expect(await answerRequest(colleague, requests.EDUCATION!, { ...answer, holds: "Something else." })).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect((await db.informationRequest.findUniqueOrThrow({ where: { id: requests.EDUCATION! } })).holds).toBe(answer.holds);
    expect((await apiAnswer(await tokenFor(colleague), requests.EDUCATION!, answer)).status).toBe(409);
  });

  it("is not found for a health user answering a police request", async () => {
    const setup = await ratedContact("RED");
    const health = await partner("HEALTH");
    const requests = await ask(setup, ["POLICE"]);
    expect(await answerRequest(health, requests.POLICE!, answer)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await apiAnswer(await tokenFor(health), requests.POLICE!, answer)).status).toBe(404);
    expect((await db.informationRequest.findUniqueOrThrow({ where: { id: requests.POLICE! } })).answeredAt).toBeNull();
  });

  it("needs what we hold, the analysis and whether the family is known; the history is optional", async () => {
    const setup = await ratedContact("RED");
    const police = await partner("POLICE");
    const requests = await ask(setup, ["POLICE"]);
    expect(await answerRequest(police, requests.POLICE!, { holds: "", analysis: "", history: "" })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: {
        holds: "Enter what your agency holds, with dates and sources",
        analysis: "Enter your analysis of the impact and risk to the child",
        knownToAgency: "Say whether the family is known or open to your agency",
      },
    });
    const response = await apiAnswer(await tokenFor(police), requests.POLICE!, { ...answer, history: undefined, knownToAgency: "NOT_KNOWN" });
    expect(response.status).toBe(200);
    expect(await db.informationRequest.findUniqueOrThrow({ where: { id: requests.POLICE! } })).toMatchObject({ history: null, knownToAgency: "NOT_KNOWN" });
  });

  it("shows an unanswered request past its due time as overdue on both sides", async () => {
    const setup = await ratedContact("RED");
    const police = await partner("POLICE");
    const requests = await ask(setup, ["POLICE"]);
    const later = new Date(setup.deadlineAt.getTime() + 5 * 60_000);
    expect((await listRequestsForContact(setup.socialWorker, setup.contact.id, later))?.[0]?.state).toBe("OVERDUE");
    expect((await findRequestForAgency(police, requests.POLICE!, later))?.state).toBe("OVERDUE");
    expect((await listRequestsForAgency(police, later))?.find((row) => row.id === requests.POLICE)?.state).toBe("OVERDUE");
  });
});

describe("the forms' server actions", () => {
  const noMakeState: RequestFormState<MakeRequestValues> = { key: "", values: {}, fieldErrors: {}, message: null };
  const noAnswerState: RequestFormState<AnswerValues> = { key: "", values: {}, fieldErrors: {}, message: null };

  it("asks the ticked agencies and goes back to the contact; a refusal keeps what was typed", async () => {
    const setup = await ratedContact("RED");
    session.user = setup.socialWorker;
    const data = new FormData();
    data.append("contactId", setup.contact.id);
    data.append("agencies", "POLICE");
    data.append("agencies", "HEALTH");
    data.append("question", question);
    expect(await redirectOf(() => makeRequestsAction(noMakeState, data))).toBe(`/contacts/${setup.contact.id}?done=requested#requests-heading`);
    expect(await db.informationRequest.count({ where: { contactId: setup.contact.id } })).toBe(2);

    const again = await makeRequestsAction(noMakeState, data);
    expect(again).toMatchObject({ values: { agencies: ["POLICE", "HEALTH"], question }, fieldErrors: { agencies: "Police already has an open request for this contact" } });

    session.user = null;
    expect((await makeRequestsAction(noMakeState, data)).message).toContain("session has ended");
  });

  it("sends a partner's answer, and keeps what was typed when something is missing", async () => {
    const setup = await ratedContact("AMBER");
    const health = await partner("HEALTH");
    const requests = await ask(setup, ["HEALTH"]);
    session.user = health;
    const data = new FormData();
    data.append("requestId", requests.HEALTH!);
    data.append("holds", answer.holds);
    data.append("history", "");
    data.append("analysis", "");
    const missing = await answerRequestAction(noAnswerState, data);
    expect(missing).toMatchObject({
      values: { holds: answer.holds, history: "", analysis: "", knownToAgency: "" },
      fieldErrors: { analysis: "Enter your analysis of the impact and risk to the child", knownToAgency: "Say whether the family is known or open to your agency" },
    });
    data.set("analysis", answer.analysis);
    data.set("knownToAgency", "OPEN");
    expect(await redirectOf(() => answerRequestAction(noAnswerState, data))).toBe(`/requests/${requests.HEALTH}?done=answered`);
    expect(await db.informationRequest.findUniqueOrThrow({ where: { id: requests.HEALTH! } })).toMatchObject({ knownToAgency: "OPEN", history: null, answeredById: health.id });
  });
});

describe("the contact record's requests section", () => {
  it("shows each request with its answer, marks overdue ones, and offers the form only to the decision maker on an open Red or Amber contact", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { ContactRequestsSection } = await import("@/components/requests/contact-requests-section");
    const setup = await ratedContact("RED");
    const police = await partner("POLICE");
    const requests = await ask(setup, ["POLICE", "HEALTH"]);
    await answerRequest(police, requests.POLICE!, answer, { now: new Date(ratedAt.getTime() + 20 * 60_000) });

    const later = new Date(ratedAt.getTime() + 3 * HOUR + 5 * 60_000);
    const render = async (user: SessionUser, canRequest: boolean) => {
      const element = await ContactRequestsSection({ contactId: setup.contact.id, user, canRequest, now: later });
      return element ? renderToStaticMarkup(element) : null;
    };
    const html = (await render(setup.socialWorker, true))!;
    expect(html).toContain("Information requests");
    expect(html).toContain(answer.holds);
    expect(html).toContain("Known to us, not open");
    // The Health request was due at 11:00, an hour after the Red rating: at 13:05 it is overdue.
    expect(html).toContain("Overdue by 2 hours 5 minutes");
    expect(html).toContain("Ask partner agencies");
    expect(html).toContain("Already asked: waiting for their answer");

    expect(await render(setup.manager, false)).not.toContain("Ask partner agencies");
    expect(await render(await createSessionUser("SOCIAL_WORKER"), true)).toBeNull();
    expect(await render(police, true)).toBeNull();
  });
});
