import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as downloadAttachment } from "@/app/api/v1/attachments/[attachmentId]/route";
import { GET as getReferral } from "@/app/api/v1/referrals/[referralId]/route";
import { GET as listReferrals, POST as postReferral } from "@/app/api/v1/referrals/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { findSessionUserById } from "@/lib/auth/data";
import { createApiToken } from "@/lib/auth/mutations";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { addDraftAttachment, createDraft, saveDraftSection, submitDraft } from "@/lib/referral/mutations";
import type { SectionKey } from "@/lib/referral/schema";
import { childInput, earlyHelpInput, mashReferralInput, sectionsOf, siblingInput } from "@/tests/factories/referral";
import { createTestUser } from "@/tests/factories/user";

// POST /api/v1/referrals and the reads beside it, through the route handlers themselves (bearer token,
// permission, JSON, status codes) against the real database.

const BASE = "http://localhost";
const noParams = { params: Promise.resolve({}) };

async function practitionerWithToken(role: Role = "PRACTITIONER") {
  const user = await createTestUser({ role });
  const { token } = await createApiToken({ name: "Case system", expiresInDays: 1 }, { actor: user });
  return { user, token };
}

function submit(token: string, body: unknown, idempotencyKey?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  return postReferral(new Request(`${BASE}/api/v1/referrals`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }), noParams);
}

const authorised = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

function fetchReferral(token: string, referralId: string) {
  return getReferral(new Request(`${BASE}/api/v1/referrals/${referralId}`, authorised(token)), { params: Promise.resolve({ referralId }) });
}

function fetchAttachment(token: string, attachmentId: string) {
  return downloadAttachment(new Request(`${BASE}/api/v1/attachments/${attachmentId}`, authorised(token)), { params: Promise.resolve({ attachmentId }) });
}

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type CreatedBody = { id: string; reference: string; kind: string; level: number; status: string; created: boolean; links: { self: string } };

/** Every row a submission writes, so a refusal can be shown to have written none of them. */
async function rowCounts() {
  const [referrals, contacts, consents, indicators, outbox, audit] = await Promise.all([
    db.referral.count(),
    db.contact.count(),
    db.consentRecord.count(),
    db.referralIndicator.count(),
    db.outboxMessage.count(),
    db.auditEvent.count(),
  ]);
  return { referrals, contacts, consents, indicators, outbox, audit };
}

describe("POST /api/v1/referrals", () => {
  it("sends a MASH referral for two children, then lists it and returns it to its referrer", async () => {
    const { user, token } = await practitionerWithToken();
    const response = await submit(token, mashReferralInput({ children: [childInput(), siblingInput()] }));
    expect(response.status).toBe(201);
    const created = (await response.json()) as CreatedBody;
    const year = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric" }).format(new Date());
    expect(created).toMatchObject({ kind: "MASH", level: 4, status: "RECEIVED", created: true, links: { self: `/api/v1/referrals/${created.id}` } });
    expect(created.reference).toMatch(new RegExp(`^MASH-${year}-\\d{6}$`));

    // One contact per child, awaiting a RAG rating, and the acknowledgement e-mail queued.
    const contacts = await db.contact.findMany({ where: { referralId: created.id }, orderBy: { childIndex: "asc" } });
    expect(contacts.map((c) => [c.childName, c.status, c.channel, c.postcode])).toEqual([
      ["Alex Example", "AWAITING_RAG", "ONLINE", "NN1 1ED"],
      ["Sam Example", "AWAITING_RAG", "ONLINE", "NN1 1ED"],
    ]);
    expect(await db.outboxMessage.count({ where: { to: user.email, body: { contains: created.reference } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "referral.submitted", entityId: created.id, actorId: user.id } })).toBe(1);

    const list = await listReferrals(new Request(`${BASE}/api/v1/referrals`, authorised(token)), noParams);
    expect(list.status).toBe(200);
    const { referrals } = (await list.json()) as { referrals: { id: string; reference: string; statusLabel: string; childNames: string }[] };
    expect(referrals).toEqual([expect.objectContaining({ id: created.id, reference: created.reference, statusLabel: "Received", childNames: "Alex Example and Sam Example" })]);

    const one = await fetchReferral(token, created.id);
    expect(one.status).toBe(200);
    const view = (await one.json()) as { reference: string; consentStatus: string; indicatorIds: string[]; contacts: unknown[]; answers: { children: { nhsNumber: string }[] } };
    expect(view).toMatchObject({ reference: created.reference, consentStatus: "GIVEN", indicatorIds: ["rhrt-2025/family/4/03"] });
    expect(view.contacts).toHaveLength(2);
    expect(view.answers.children.map((c) => c.nhsNumber)).toEqual(["9990000018", "9990000026"]);
  });

  it("sends a Level 3 early-help request to CFSS: a contact per child in the coordinators' queue, not the MASH's", async () => {
    const { token } = await practitionerWithToken("PARTNER_AGENCY");
    const response = await submit(token, earlyHelpInput());
    expect(response.status).toBe(201);
    const created = (await response.json()) as CreatedBody;
    expect(created).toMatchObject({ kind: "EARLY_HELP", level: 3 });
    expect(created.reference).toMatch(/^CFSS-\d{4}-\d{6}$/);
    const contacts = await db.contact.findMany({ where: { referralId: created.id }, select: { status: true, triageDueAt: true } });
    expect(contacts).toEqual([{ status: "WITH_CFSS", triageDueAt: expect.any(Date) }]);
  });

  it("refuses a MASH referral without consent and without a reason to go ahead, and writes nothing", async () => {
    const { token } = await practitionerWithToken();
    const before = await rowCounts();
    const response = await submit(token, mashReferralInput({ informationSharing: { consent: { status: "NOT_SOUGHT", givenBy: "", relationship: "", givenAt: "", method: "" } } }));
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("CONSENT_REQUIRED");
    expect(Object.keys(error.fields!).sort()).toEqual([
      "informationSharing.consent.effortsOrViews",
      "informationSharing.consent.exceptionReason",
      "informationSharing.consent.rationale",
    ]);
    expect(error.fields!["informationSharing.consent.exceptionReason"]).toMatch(/^Choose why the referral must go without consent/);
    expect(await rowCounts()).toEqual(before);
  });

  it("sends a MASH referral without consent when the reason, rationale and efforts are recorded", async () => {
    const { token } = await practitionerWithToken();
    const response = await submit(
      token,
      mashReferralInput({
        informationSharing: {
          consent: {
            status: "NOT_SOUGHT",
            givenBy: "",
            relationship: "",
            givenAt: "",
            method: "",
            exceptionReason: "SIGNIFICANT_HARM",
            rationale: "Alex named mum's partner; asking would warn him before the strategy discussion.",
            effortsOrViews: "Not sought: see the rationale.",
          },
          familyInformed: "NO",
          reasonNotInformed: "Telling the family could put Alex at greater risk tonight.",
        },
      }),
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as CreatedBody;
    expect(await db.consentRecord.findUniqueOrThrow({ where: { referralId: id } })).toMatchObject({ status: "NOT_SOUGHT", exceptionReason: "SIGNIFICANT_HARM", familyInformed: false });
  });

  it("refuses a Level 2 early-help request that the parents refused: there is no way round consent", async () => {
    const { token } = await practitionerWithToken();
    const before = await rowCounts();
    const response = await submit(
      token,
      earlyHelpInput({
        needs: { indicatorIds: ["rhrt-2025/family/2/02"], suggestedLevel: 2, chosenLevel: 2 },
        informationSharing: { consent: { status: "REFUSED", givenBy: "", relationship: "", givenAt: "", method: "", rationale: "Support is needed anyway.", effortsOrViews: "Mum does not want help." } },
      }),
    );
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("CONSENT_REQUIRED");
    expect(error.fields).toEqual({ "informationSharing.consent.status": expect.stringMatching(/Level 2 request needs the parents' consent/) });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an invalid NHS number and postcode with a message for each field", async () => {
    const { token } = await practitionerWithToken();
    const before = await rowCounts();
    const response = await submit(token, mashReferralInput({ children: [childInput({ nhsNumber: "999 000 0019", postcode: "NN1 1E" })] }));
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe("INVALID");
    expect(error.fields).toMatchObject({
      "children.0.nhsNumber": "Enter a valid NHS number, 10 digits like 943 476 5919, or leave it blank",
      "children.0.postcode": "Enter a real UK postcode, like NN1 1ED",
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("answers 400 to a body that is not JSON, and 422 to an unusable Idempotency-Key", async () => {
    const { token } = await practitionerWithToken();
    const before = await rowCounts();
    const notJson = await submit(token, "{ not json");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ErrorBody).error.code).toBe("BAD_REQUEST");

    const shortKey = await submit(token, mashReferralInput(), "abc");
    expect(shortKey.status).toBe(422);
    expect(((await shortKey.json()) as ErrorBody).error.fields).toEqual({ "Idempotency-Key": "The Idempotency-Key must be 8 to 200 characters" });
    expect(await rowCounts()).toEqual(before);
  });

  it("makes one referral from 20 concurrent submissions with the same Idempotency-Key", async () => {
    const { user, token } = await practitionerWithToken();
    const key = randomUUID();
    const body = mashReferralInput({ children: [childInput(), siblingInput()] });
    const responses = await Promise.all(Array.from({ length: 20 }, () => submit(token, body, key)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as CreatedBody[];

    expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.reference)).size).toBe(1);
    expect(bodies.filter((b) => b.created)).toHaveLength(1);

    const referrals = await db.referral.findMany({ where: { referrerId: user.id }, select: { id: true } });
    expect(referrals).toEqual([{ id: bodies[0]!.id }]);
    expect(await db.contact.count({ where: { referralId: bodies[0]!.id } })).toBe(2);
    expect(await db.outboxMessage.count({ where: { to: user.email } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "referral.submitted", actorId: user.id } })).toBe(1);

    // A retry later still answers with the same referral.
    const retry = await submit(token, body, key);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as CreatedBody).id).toBe(bodies[0]!.id);
  });

  it("refuses an Idempotency-Key reused with a different referral (409)", async () => {
    const { user, token } = await practitionerWithToken();
    const key = randomUUID();
    expect((await submit(token, mashReferralInput(), key)).status).toBe(201);
    const before = await rowCounts();
    const response = await submit(token, mashReferralInput({ worries: { scale: "1" } }), key);
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^This Idempotency-Key was used before with a different referral/) });
    expect(await rowCounts()).toEqual(before);
    expect(await db.referral.count({ where: { referrerId: user.id } })).toBe(1);
  });

  it("lets the same key name different submissions for different practitioners", async () => {
    const [first, second] = await Promise.all([practitionerWithToken(), practitionerWithToken()]);
    const key = randomUUID();
    const a = (await (await submit(first.token, mashReferralInput(), key)).json()) as CreatedBody;
    const response = await submit(second.token, mashReferralInput(), key);
    expect(response.status).toBe(201);
    expect(((await response.json()) as CreatedBody).id).not.toBe(a.id);
  });

  it("is forbidden to a role that does not send referrals", async () => {
    const { token } = await practitionerWithToken("SOCIAL_WORKER");
    const before = await rowCounts();
    const response = await submit(token, mashReferralInput());
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).error.code).toBe("FORBIDDEN");
    expect(await rowCounts()).toEqual(before);
  });

  it("needs a valid token", async () => {
    const response = await submit("mash_not-a-real-token", mashReferralInput());
    expect(response.status).toBe(401);
  });

  it("accepts each example in the OpenAPI document", async () => {
    const { token } = await practitionerWithToken();
    const operation = buildOpenApiDocument().paths["/api/v1/referrals"]!.post as { requestBody: { content: { "application/json": { examples: Record<string, { value: unknown }> } } } };
    const examples = operation.requestBody.content["application/json"].examples;
    expect(Object.keys(examples).sort()).toEqual(["EARLY_HELP", "MASH"]);
    for (const [kind, { value }] of Object.entries(examples)) {
      const response = await submit(token, value);
      expect(response.status, `${kind}: ${JSON.stringify(await response.clone().json())}`).toBe(201);
    }
  });
});

describe("GET /api/v1/referrals/{id} and its attachments", () => {
  // A referral sent from the forms, with a file attached to the draft: the API has no upload of its own.
  async function referralWithAttachment(fileName: string, bytes: Uint8Array) {
    const owner = await practitionerWithToken();
    const user = (await findSessionUserById(owner.user.id))!;
    const draft = await createDraft(user, { kind: "MASH" });
    if (!draft.ok) throw new Error(draft.reason);
    for (const [section, values] of Object.entries(sectionsOf(mashReferralInput()))) {
      const saved = await saveDraftSection(user, draft.draftId, section as SectionKey, values);
      if (!saved.ok || !saved.valid) throw new Error(`${section}: ${JSON.stringify(saved)}`);
    }
    const attached = await addDraftAttachment(user, draft.draftId, { name: fileName, bytes });
    if (!attached.ok) throw new Error(JSON.stringify(attached));
    const sent = await submitDraft(user, draft.draftId);
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    return { ...owner, referralId: sent.referralId, attachmentId: attached.attachmentId };
  }

  const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

  it("gives the referrer the attachment's details, a download link and the file itself", async () => {
    const fileName = "Early help plan – Alex’s (v2).pdf";
    const { token, referralId, attachmentId } = await referralWithAttachment(fileName, pdf);

    const view = (await (await fetchReferral(token, referralId)).json()) as { attachments: unknown[] };
    expect(view.attachments).toEqual([{ id: attachmentId, fileName, mediaType: "application/pdf", size: pdf.length, links: { download: `/api/v1/attachments/${attachmentId}` } }]);

    const download = await fetchAttachment(token, attachmentId);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("cache-control")).toBe("private, no-store");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Early help plan _ Alex_s (v2).pdf"; filename*=UTF-8''Early%20help%20plan%20%E2%80%93%20Alex%E2%80%99s%20%28v2%29.pdf`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
  });

  it("is not found for another practitioner: the referral and its attachment", async () => {
    const { referralId, attachmentId } = await referralWithAttachment("plan.pdf", pdf);
    const other = await practitionerWithToken();

    const referral = await fetchReferral(other.token, referralId);
    expect(referral.status).toBe(404);
    expect(((await referral.json()) as ErrorBody).error.code).toBe("NOT_FOUND");
    const attachment = await fetchAttachment(other.token, attachmentId);
    expect(attachment.status).toBe(404);
    expect(attachment.headers.get("content-disposition")).toBeNull();

    const list = (await (await listReferrals(new Request(`${BASE}/api/v1/referrals`, authorised(other.token)), noParams)).json()) as { referrals: unknown[] };
    expect(list.referrals).toEqual([]);
  });

  it("is not found for an id that is not a UUID, or that does not exist", async () => {
    const { token } = await practitionerWithToken();
    for (const id of ["not-a-uuid", randomUUID()]) {
      expect((await fetchReferral(token, id)).status).toBe(404);
      expect((await fetchAttachment(token, id)).status).toBe(404);
    }
  });
});
