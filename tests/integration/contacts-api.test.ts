import { describe, expect, it } from "vitest";
import { POST as postAllocation } from "@/app/api/v1/contacts/[contactId]/allocation/route";
import { POST as postRag } from "@/app/api/v1/contacts/[contactId]/rag/route";
import { GET as getContact } from "@/app/api/v1/contacts/[contactId]/route";
import { GET as listContacts } from "@/app/api/v1/contacts/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import type { SessionUser } from "@/lib/auth/data";
import { createApiToken } from "@/lib/auth/mutations";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { createSessionUser, createTestContact } from "@/tests/factories/contact";

// /api/v1/contacts through the route handlers themselves: bearer token, role, scope, status codes.

const BASE = "http://localhost";
type Params = { contactId: string };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

async function withToken(role: Role): Promise<{ user: SessionUser; token: string }> {
  const user = await createSessionUser(role);
  const { token } = await createApiToken({ name: "Case system", expiresInDays: 1 }, { actor: user });
  return { user, token };
}

const headers = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
const params = (contactId: string) => ({ params: Promise.resolve<Params>({ contactId }) });

function rate(token: string, contactId: string, body: unknown) {
  return postRag(new Request(`${BASE}/api/v1/contacts/${contactId}/rag`, { method: "POST", headers: headers(token), body: JSON.stringify(body) }), params(contactId));
}
function allocate(token: string, contactId: string, body: unknown) {
  return postAllocation(new Request(`${BASE}/api/v1/contacts/${contactId}/allocation`, { method: "POST", headers: headers(token), body: JSON.stringify(body) }), params(contactId));
}
function fetchContact(token: string, contactId: string) {
  return getContact(new Request(`${BASE}/api/v1/contacts/${contactId}`, { headers: headers(token) }), params(contactId));
}
function list(token: string, query = "") {
  return listContacts(new Request(`${BASE}/api/v1/contacts${query}`, { headers: headers(token) }), { params: Promise.resolve({}) });
}

const red = { rating: "RED", direction: "Screen now.", rationale: "Injury to a non-mobile baby." };

describe("POST /api/v1/contacts/{id}/rag", () => {
  it("rates a contact and answers with the clock; a stale version is 409 and changes nothing", async () => {
    const { token } = await withToken("MASH_MANAGER");
    const contact = await createTestContact();
    const response = await rate(token, contact.id, { ...red, expectedVersion: contact.version });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rating: string; ratedAt: string; deadlineAt: string; version: number };
    expect(body).toMatchObject({ rating: "RED", version: 2 });
    expect(new Date(body.deadlineAt).getTime() - new Date(body.ratedAt).getTime()).toBe(60 * 60_000);

    const stale = await rate(token, contact.id, { rating: "GREEN", direction: "CFSS.", rationale: "Early help.", expectedVersion: contact.version });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ErrorBody).error.message).toContain("Someone else changed this contact");
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).rating).toBe("RED");
  });

  it.each<Role>(["PRACTITIONER", "PARTNER_AGENCY", "CFSS_COORDINATOR", "SOCIAL_WORKER"])("is 403 for a %s", async (role) => {
    const { token } = await withToken(role);
    const contact = await createTestContact();
    const response = await rate(token, contact.id, { ...red, expectedVersion: 1 });
    expect(response.status).toBe(403);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).rating).toBeNull();
  });

  it("is 422 with field messages for a missing rationale, 400 for a body that is not JSON, 401 without a token", async () => {
    const { token } = await withToken("MASH_MANAGER");
    const contact = await createTestContact();
    const invalid = await rate(token, contact.id, { rating: "AMBER", direction: "Allocate.", expectedVersion: 1 });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as ErrorBody).error.fields).toEqual({ rationale: "Explain why you chose this rating" });
    const notJson = await postRag(new Request(`${BASE}/x`, { method: "POST", headers: headers(token), body: "{" }), params(contact.id));
    expect(notJson.status).toBe(400);
    const anonymous = await postRag(new Request(`${BASE}/x`, { method: "POST", body: "{}" }), params(contact.id));
    expect(anonymous.status).toBe(401);
  });
});

describe("POST /api/v1/contacts/{id}/allocation", () => {
  it("allocates to a social worker, who can then read the contact and sees it in their list", async () => {
    const { token } = await withToken("MASH_MANAGER");
    const worker = await withToken("SOCIAL_WORKER");
    const contact = await createTestContact();
    await rate(token, contact.id, { ...red, expectedVersion: 1 });
    expect((await fetchContact(worker.token, contact.id)).status).toBe(404);
    const response = await allocate(token, contact.id, { socialWorkerId: worker.user.id, expectedVersion: 2 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ socialWorkerId: worker.user.id, version: 3 });
    expect((await fetchContact(worker.token, contact.id)).status).toBe(200);
    const mine = (await (await list(worker.token, "?view=open")).json()) as { contacts: { id: string }[] };
    expect(mine.contacts.map((c) => c.id)).toEqual([contact.id]);
  });
});

describe("GET /api/v1/contacts", () => {
  it("is scoped to the caller's role, audits the read, and refuses roles without a queue", async () => {
    const manager = await withToken("MASH_MANAGER");
    const cfss = await withToken("CFSS_COORDINATOR");
    const practitioner = await withToken("PRACTITIONER");
    const contact = await createTestContact();

    const page = (await (await list(manager.token, "?view=awaiting&flag=LEVEL_4")).json()) as { contacts: { id: string; links: { self: string } }[] };
    expect(page.contacts.map((c) => c.id)).toContain(contact.id);
    expect(await db.auditEvent.count({ where: { actorId: manager.user.id, action: "contacts.listed" } })).toBe(1);

    const got = await fetchContact(manager.token, contact.id);
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ id: contact.id, reference: contact.reference, version: 1, referral: { referrer: { email: contact.referrer.email } } });
    expect(await db.auditEvent.count({ where: { actorId: manager.user.id, action: "record.viewed", entityId: contact.id } })).toBe(1);

    expect((await fetchContact(cfss.token, contact.id)).status).toBe(404);
    expect(((await (await list(cfss.token)).json()) as { contacts: unknown[] }).contacts).toEqual([]);
    expect((await list(practitioner.token)).status).toBe(403);
    expect((await fetchContact(practitioner.token, contact.id)).status).toBe(403);
    expect((await list(manager.token, "?view=everything")).status).toBe(422);
  });
});

describe("the OpenAPI document", () => {
  it("describes every contacts route", () => {
    const paths = Object.keys(buildOpenApiDocument().paths);
    expect(paths).toEqual(expect.arrayContaining(["/api/v1/contacts", "/api/v1/contacts/{contactId}", "/api/v1/contacts/{contactId}/rag", "/api/v1/contacts/{contactId}/allocation", "/api/v1/contacts/{contactId}/decision"]));
  });
});
