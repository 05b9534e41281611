import { describe, expect, it, vi } from "vitest";
import { POST as postChallenge } from "@/app/api/v1/contacts/[contactId]/challenges/route";
import { POST as postDecision } from "@/app/api/v1/contacts/[contactId]/management-decision/route";
import { POST as postScreening } from "@/app/api/v1/contacts/[contactId]/screening/route";
import { POST as postChallengeDecision } from "@/app/api/v1/challenges/[challengeId]/decision/route";
import { POST as postEscalation } from "@/app/api/v1/challenges/[challengeId]/escalation/route";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createApiToken } from "@/lib/auth/mutations";
import { decideScreeningAction, recordScreeningAction } from "@/lib/screening/actions";
import type { SessionUser } from "@/lib/auth/data";
import { allocateContact, rateContact } from "@/lib/contacts/mutations";
import { db } from "@/lib/db/client";
import type { AgencyKind, Role } from "@/lib/db/generated/enums";
import { decideChallenge, decideScreening, escalateChallenge, raiseChallenge, recordScreening } from "@/lib/screening/mutations";
import { stanceError } from "@/lib/screening/policy";
import { createTestAgency } from "@/tests/factories/agency";
import { createSessionUser, createTestContact, WITHOUT_CONSENT, type TestContact } from "@/tests/factories/contact";
import { formPost, redirectOf } from "@/tests/factories/form";

// The screening of a Red or Amber contact, the MASH manager's decision on it, and partners' challenges,
// against the real database: who may do each, what each does to the contact, and the timeline.

const HOUR = 60 * 60_000;

// The form actions read the signed-in user from the cookie; Vitest has no request, so the user is handed in.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const screening = {
  worries: "Two police call-outs for domestic abuse in a month; the baby was present.",
  workingWell: "Mother attends every health visitor appointment.",
  needsToHappen: "An assessment of the baby's needs.",
  scale: 3,
  analysis: "An escalating pattern; protective steps have not held.",
  recommendation: "CHILD_AND_FAMILY_ASSESSMENT",
  reasons: "Likely a child in need.",
};

/** An Amber (or Red) contact allocated to a new social worker, with the version after allocation. */
async function allocatedContact(rating: "AMBER" | "RED" = "AMBER", overrides: Parameters<typeof createTestContact>[0] = {}) {
  const manager = await createSessionUser("MASH_MANAGER");
  const socialWorker = await createSessionUser("SOCIAL_WORKER");
  const contact = await createTestContact(overrides);
  const rated = await rateContact(manager, contact.id, { rating, direction: "Screen it.", rationale: "Worrying.", expectedVersion: contact.version });
  if (!rated.ok) throw new Error(JSON.stringify(rated));
  const allocated = await allocateContact(manager, contact.id, { socialWorkerId: socialWorker.id, expectedVersion: rated.version });
  if (!allocated.ok) throw new Error(JSON.stringify(allocated));
  return { manager, socialWorker, contact, version: allocated.version };
}

async function screened(rating: "AMBER" | "RED" = "AMBER", recommendation = "CHILD_AND_FAMILY_ASSESSMENT", overrides: Parameters<typeof createTestContact>[0] = {}) {
  const setup = await allocatedContact(rating, overrides);
  const result = await recordScreening(setup.socialWorker, setup.contact.id, { ...screening, recommendation, expectedVersion: setup.version });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { ...setup, version: result.version };
}

async function partnerAskedAbout(contact: TestContact, kind: AgencyKind, requestedBy: SessionUser): Promise<SessionUser> {
  const agency = await createTestAgency({ kind });
  await db.informationRequest.create({
    data: { contactId: contact.id, agencyKind: kind, question: "What do you hold?", requestedById: requestedBy.id, requestedAt: new Date(), dueAt: new Date(Date.now() + HOUR) },
  });
  return createSessionUser("PARTNER_AGENCY", { agencyId: agency.id });
}

describe("the stance rule", () => {
  it("endorses the same outcome, steps up or down the ladder, and lets side outcomes be either", () => {
    expect(stanceError("SIGNPOST", "SIGNPOST", "ENDORSED")).toBeNull();
    expect(stanceError("SIGNPOST", "SIGNPOST", "STEPPED_UP")).not.toBeNull();
    expect(stanceError("SIGNPOST", "STRATEGY_DISCUSSION", "STEPPED_UP")).toBeNull();
    expect(stanceError("SIGNPOST", "STRATEGY_DISCUSSION", "STEPPED_DOWN")).not.toBeNull();
    expect(stanceError("CHILD_AND_FAMILY_ASSESSMENT", "NO_FURTHER_ACTION", "STEPPED_DOWN")).toBeNull();
    expect(stanceError("CHILD_AND_FAMILY_ASSESSMENT", "NO_FURTHER_ACTION", "ENDORSED")).not.toBeNull();
    expect(stanceError("SIGNPOST", "ALREADY_OPEN", "STEPPED_UP")).toBeNull();
    expect(stanceError("ALREADY_OPEN", "SIGNPOST", "STEPPED_DOWN")).toBeNull();
  });
});

describe("recording a screening", () => {
  it("is recorded by the allocated social worker, with the recommendation in the timeline", async () => {
    const { socialWorker, contact, version } = await allocatedContact();
    const result = await recordScreening(socialWorker, contact.id, { ...screening, expectedVersion: version });
    expect(result).toMatchObject({ ok: true, version: version + 1 });
    const saved = await db.screening.findFirstOrThrow({ where: { contactId: contact.id } });
    expect(saved).toMatchObject({ scale: 3, recommendation: "CHILD_AND_FAMILY_ASSESSMENT", recordedById: socialWorker.id });
    expect(await db.auditEvent.count({ where: { entityType: "Contact", entityId: contact.id, action: "screening.recorded", actorId: socialWorker.id } })).toBe(1);
  });

  it("is not found for another social worker, forbidden for other roles, and refused on a stale version", async () => {
    const { socialWorker, contact, version } = await allocatedContact();
    const other = await createSessionUser("SOCIAL_WORKER");
    expect(await recordScreening(other, contact.id, { ...screening, expectedVersion: version })).toEqual({ ok: false, reason: "NOT_FOUND" });
    for (const role of ["MASH_MANAGER", "PARTNER_AGENCY", "PRACTITIONER"] satisfies Role[]) {
      expect(await recordScreening(await createSessionUser(role), contact.id, { ...screening, expectedVersion: version })).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    expect(await recordScreening(socialWorker, contact.id, { ...screening, expectedVersion: version - 1 })).toMatchObject({ reason: "CONFLICT" });
    expect(await recordScreening(socialWorker, contact.id, { ...screening, scale: 11, expectedVersion: version })).toMatchObject({ reason: "INVALID", fieldErrors: { scale: expect.any(String) } });
    expect(await db.screening.count({ where: { contactId: contact.id } })).toBe(0);
  });
});

describe("the management decision", () => {
  it("cannot be made by a social worker, even the allocated one", async () => {
    const { socialWorker, contact, version } = await screened();
    const result = await decideScreening(socialWorker, contact.id, { stance: "ENDORSED", outcome: "CHILD_AND_FAMILY_ASSESSMENT", rationale: "Agreed.", expectedVersion: version });
    expect(result).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await db.managementDecision.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("endorses a child and family assessment: the contact closes and the referrer's letter is written", async () => {
    const { manager, contact, version } = await screened();
    const result = await decideScreening(manager, contact.id, { stance: "ENDORSED", outcome: "CHILD_AND_FAMILY_ASSESSMENT", rationale: "The baby is likely a child in need.", expectedVersion: version });
    expect(result).toMatchObject({ ok: true, closed: true, reRatedRed: false });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ status: "CLOSED", closedAt: expect.any(Date) });
    expect(await db.outcomeLetter.findUniqueOrThrow({ where: { contactId: contact.id } })).toMatchObject({ outcome: "CHILD_AND_FAMILY_ASSESSMENT" });
    expect(await db.auditEvent.count({ where: { entityId: contact.id, action: { in: ["screening.decided", "outcome.sent"] } } })).toBe(2);
    // Decided and closed: a second decision is refused.
    expect(await decideScreening(manager, contact.id, { stance: "ENDORSED", outcome: "CHILD_AND_FAMILY_ASSESSMENT", rationale: "Again.", expectedVersion: version + 1 })).toMatchObject({ reason: "CONFLICT" });
  });

  it("refuses a stance that disagrees with the outcome, and a decision with no screening", async () => {
    const { manager, contact, version } = await screened();
    expect(await decideScreening(manager, contact.id, { stance: "STEPPED_DOWN", outcome: "STRATEGY_DISCUSSION", rationale: "x", expectedVersion: version })).toMatchObject({ reason: "INVALID", fieldErrors: { stance: expect.any(String) } });
    expect(await decideScreening(manager, contact.id, { stance: "ENDORSED", outcome: "CHILD_AND_FAMILY_ASSESSMENT", rationale: " ", expectedVersion: version })).toMatchObject({ reason: "INVALID", fieldErrors: { rationale: expect.any(String) } });
    const unscreened = await allocatedContact();
    expect(await decideScreening(manager, unscreened.contact.id, { stance: "ENDORSED", outcome: "SIGNPOST", rationale: "x", expectedVersion: unscreened.version })).toMatchObject({ reason: "CONFLICT" });
  });

  it("steps an Amber contact up to a strategy discussion: re-rated Red with a new 1-hour clock, kept open for DAAT", async () => {
    const { manager, contact, version } = await screened();
    const now = new Date("2026-11-25T11:00:00Z");
    const result = await decideScreening(manager, contact.id, { stance: "STEPPED_UP", outcome: "STRATEGY_DISCUSSION", rationale: "Pattern of injuries: significant harm.", expectedVersion: version }, { now });
    expect(result).toMatchObject({ ok: true, closed: false, reRatedRed: true, version: version + 2 });
    const saved = await db.contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(saved).toMatchObject({ rating: "RED", closedAt: null });
    expect(saved.deadlineAt!.getTime() - now.getTime()).toBe(HOUR);
    const rating = await db.contactRating.findFirstOrThrow({ where: { contactId: contact.id, rating: "RED" } });
    expect(rating).toMatchObject({ previousRating: "AMBER", direction: "Strategy discussion (section 47)", rationale: "Pattern of injuries: significant harm." });
    expect(await db.outcomeLetter.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("steps down to Partnership Support: with CFSS on a 3-working-day triage clock, not closed", async () => {
    const { manager, contact, version } = await screened();
    const result = await decideScreening(manager, contact.id, { stance: "STEPPED_DOWN", outcome: "PARTNERSHIP_SUPPORT", rationale: "Early help can meet these needs.", expectedVersion: version });
    expect(result).toMatchObject({ ok: true, closed: false });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ status: "WITH_CFSS", closedAt: null, triageDueAt: expect.any(Date) });
  });

  it("passes an already-open child to the team, and returns for consent only without consent and not Red", async () => {
    const open = await screened("AMBER", "ALREADY_OPEN");
    expect(await decideScreening(open.manager, open.contact.id, { stance: "ENDORSED", outcome: "ALREADY_OPEN", rationale: "Open to Kettering CIN team.", expectedVersion: open.version })).toMatchObject({ ok: true, closed: true });
    expect(await db.contact.findUniqueOrThrow({ where: { id: open.contact.id } })).toMatchObject({ status: "PASSED_TO_TEAM" });

    const withConsent = await screened();
    expect(await decideScreening(withConsent.manager, withConsent.contact.id, { stance: "STEPPED_DOWN", outcome: "RETURN_FOR_CONSENT", rationale: "x", expectedVersion: withConsent.version })).toMatchObject({ reason: "INVALID", fieldErrors: { outcome: expect.any(String) } });

    const redWithoutConsent = await screened("RED", "RETURN_FOR_CONSENT", WITHOUT_CONSENT);
    expect(await decideScreening(redWithoutConsent.manager, redWithoutConsent.contact.id, { stance: "ENDORSED", outcome: "RETURN_FOR_CONSENT", rationale: "x", expectedVersion: redWithoutConsent.version })).toMatchObject({
      reason: "INVALID",
      fieldErrors: { outcome: "A Red contact is child protection: it goes ahead without consent" },
    });
    expect(await db.contact.findUniqueOrThrow({ where: { id: redWithoutConsent.contact.id } })).toMatchObject({ status: "RATED", closedAt: null, version: redWithoutConsent.version });
    expect(await db.managementDecision.count({ where: { contactId: redWithoutConsent.contact.id } })).toBe(0);

    const noConsent = await screened("AMBER", "RETURN_FOR_CONSENT", WITHOUT_CONSENT);
    expect(await decideScreening(noConsent.manager, noConsent.contact.id, { stance: "ENDORSED", outcome: "RETURN_FOR_CONSENT", rationale: "Not child protection.", expectedVersion: noConsent.version })).toMatchObject({ ok: true, closed: true });
    expect(await db.contact.findUniqueOrThrow({ where: { id: noConsent.contact.id } })).toMatchObject({ status: "RETURNED_FOR_CONSENT" });
  });
});

describe("professional challenges", () => {
  it("runs from a partner's challenge to the service manager's final decision, each step in the timeline", async () => {
    const { manager, socialWorker, contact, version } = await screened();
    await decideScreening(manager, contact.id, { stance: "STEPPED_DOWN", outcome: "SIGNPOST", rationale: "Universal services can help.", expectedVersion: version });
    const police = await partnerAskedAbout(contact, "POLICE", socialWorker);
    const serviceManager = await createSessionUser("SERVICE_MANAGER");

    const raised = await raiseChallenge(police, contact.id, { reason: "We hold three call-outs; signposting is unsafe." });
    expect(raised).toMatchObject({ ok: true });
    if (!raised.ok) return;
    // The team manager's decision stands until escalated: the service manager cannot decide it yet.
    expect(await decideChallenge(serviceManager, raised.challengeId, { decision: "Upheld." })).toMatchObject({ reason: "CONFLICT" });

    const otherPartner = await createSessionUser("PARTNER_AGENCY", { agencyId: (await createTestAgency({ kind: "POLICE" })).id });
    expect(await escalateChallenge(otherPartner, raised.challengeId, { reason: "x" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await escalateChallenge(socialWorker, raised.challengeId, { reason: "x" })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await escalateChallenge(police, raised.challengeId, { reason: "Still unsafe after talking to the MASH manager." })).toMatchObject({ ok: true });
    expect(await escalateChallenge(police, raised.challengeId, { reason: "Again." })).toMatchObject({ reason: "CONFLICT" });

    expect(await decideChallenge(manager, raised.challengeId, { decision: "No." })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await decideChallenge(serviceManager, raised.challengeId, { decision: "A child and family assessment will follow." })).toMatchObject({ ok: true });
    expect(await decideChallenge(serviceManager, raised.challengeId, { decision: "Changed my mind." })).toMatchObject({ reason: "CONFLICT" });
    expect(await db.challenge.findUniqueOrThrow({ where: { id: raised.challengeId } })).toMatchObject({
      escalatedAt: expect.any(Date),
      decidedById: serviceManager.id,
      decision: "A child and family assessment will follow.",
    });
    const steps = await db.auditEvent.findMany({ where: { entityType: "Contact", entityId: contact.id, action: { startsWith: "challenge." } }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(steps).toEqual([
      { action: "challenge.raised", actorId: police.id },
      { action: "challenge.escalated", actorId: police.id },
      { action: "challenge.decided", actorId: serviceManager.id },
    ]);
    // Each step tells the next person in the app (and by e-mail): the MASH manager, the service manager, the partner.
    const told = await db.notification.findMany({ where: { contactId: contact.id, kind: { startsWith: "challenge." } }, select: { kind: true, userId: true } });
    expect(told).toEqual(expect.arrayContaining([
      { kind: "challenge.raised", userId: manager.id },
      { kind: "challenge.escalated", userId: serviceManager.id },
      { kind: "challenge.decided", userId: police.id },
    ]));
    expect(told.filter((n) => n.kind === "challenge.decided")).toHaveLength(1);
  });

  it("is not found for a partner whose agency was not asked about the contact", async () => {
    const { socialWorker, contact } = await screened();
    await partnerAskedAbout(contact, "HEALTH", socialWorker);
    const police = await createSessionUser("PARTNER_AGENCY", { agencyId: (await createTestAgency({ kind: "POLICE" })).id });
    expect(await raiseChallenge(police, contact.id, { reason: "We disagree." })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await raiseChallenge(socialWorker, contact.id, { reason: "We disagree." })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await db.challenge.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("needs a decision to challenge, and one open challenge a person at a time", async () => {
    const { manager, socialWorker, contact, version } = await screened();
    const health = await partnerAskedAbout(contact, "HEALTH", socialWorker);
    expect(await raiseChallenge(health, contact.id, { reason: "Too early." })).toEqual({
      ok: false,
      reason: "CONFLICT",
      message: "The MASH has not made its decision on this contact yet, so there is nothing to challenge.",
    });
    await decideScreening(manager, contact.id, { stance: "ENDORSED", outcome: "CHILD_AND_FAMILY_ASSESSMENT", rationale: "Needs an assessment.", expectedVersion: version });
    const [first, second] = await Promise.all([
      raiseChallenge(health, contact.id, { reason: "Health visitor worries are not reflected." }),
      raiseChallenge(health, contact.id, { reason: "The same worry, sent twice." }),
    ]);
    expect([first, second].filter((result) => result.ok)).toHaveLength(1);
    expect([first, second].find((result) => !result.ok)).toEqual({ ok: false, reason: "CONFLICT", message: "You already have a challenge on this contact that has not been decided yet." });
    expect(await db.challenge.count({ where: { contactId: contact.id } })).toBe(1);
  });

  it("may be escalated by the MASH manager", async () => {
    const { manager, socialWorker, contact, version } = await screened();
    await decideScreening(manager, contact.id, { stance: "ENDORSED", outcome: "CHILD_AND_FAMILY_ASSESSMENT", rationale: "Needs an assessment.", expectedVersion: version });
    const health = await partnerAskedAbout(contact, "HEALTH", socialWorker);
    const raised = await raiseChallenge(health, contact.id, { reason: "Health visitor worries are not reflected." });
    if (!raised.ok) throw new Error(JSON.stringify(raised));
    expect(await escalateChallenge(manager, raised.challengeId, { reason: "We could not agree; the service manager should decide." })).toMatchObject({ ok: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: contact.id, action: "challenge.escalated" } });
    expect(event).toMatchObject({ actorId: manager.id, details: expect.objectContaining({ reason: "We could not agree; the service manager should decide." }) });
  });
});

describe("the API", () => {
  const post = <P,>(route: (request: Request, context: { params: Promise<P> }) => Promise<Response>, params: P, token: string, body: unknown) =>
    route(new Request("http://localhost/api/v1/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve(params) });
  const tokenOf = async (user: SessionUser) => (await createApiToken({ name: "Case system", expiresInDays: 1 }, { actor: user })).token;

  it("takes a contact from screening through the decision to a challenge's final decision, refusing a social worker's decision", async () => {
    const { manager, socialWorker, contact, version } = await allocatedContact();
    const [workerToken, managerToken] = await Promise.all([tokenOf(socialWorker), tokenOf(manager)]);

    const screenedResponse = await post(postScreening, { contactId: contact.id }, workerToken, { ...screening, recommendation: "SIGNPOST", expectedVersion: version });
    expect(screenedResponse.status).toBe(201);
    const { version: screenedVersion } = (await screenedResponse.json()) as { version: number };

    const byWorker = await post(postDecision, { contactId: contact.id }, workerToken, { stance: "ENDORSED", outcome: "SIGNPOST", rationale: "x", expectedVersion: screenedVersion });
    expect(byWorker.status).toBe(403);
    const decided = await post(postDecision, { contactId: contact.id }, managerToken, { stance: "ENDORSED", outcome: "SIGNPOST", rationale: "Universal services can help.", expectedVersion: screenedVersion });
    expect(decided.status).toBe(201);
    expect(await decided.json()).toMatchObject({ outcome: "SIGNPOST", stance: "ENDORSED", closed: true, reRatedRed: false });

    const police = await partnerAskedAbout(contact, "POLICE", socialWorker);
    const policeToken = await tokenOf(police);
    const raised = await post(postChallenge, { contactId: contact.id }, policeToken, { reason: "Unsafe." });
    expect(raised.status).toBe(201);
    const { challengeId } = (await raised.json()) as { challengeId: string };
    expect((await post(postEscalation, { challengeId }, policeToken, { reason: "Still unsafe." })).status).toBe(200);
    const serviceManager = await createSessionUser("SERVICE_MANAGER");
    expect((await post(postChallengeDecision, { challengeId }, managerToken, { decision: "x" })).status).toBe(403);
    expect((await post(postChallengeDecision, { challengeId }, await tokenOf(serviceManager), { decision: "Stepped up to an assessment." })).status).toBe(200);
    const other = await allocatedContact();
    expect((await post(postChallenge, { contactId: other.contact.id }, policeToken, { reason: "x" })).status).toBe(404);
  });
});

describe("the form actions", () => {
  const form = (fields: Record<string, string | number>) => formPost(Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, String(value)])));
  const initial = { key: "initial", values: {}, fieldErrors: {}, message: null };

  it("shows field errors with what was typed, then saves and goes back to the record", async () => {
    const { socialWorker, contact, version } = await allocatedContact();
    vi.mocked(getCurrentUser).mockResolvedValue({ ...socialWorker, sessionId: "test-session" });
    const incomplete = await recordScreeningAction(initial, form({ contactId: contact.id, expectedVersion: version, ...screening, scale: "", analysis: "" }));
    expect(incomplete).toMatchObject({ values: { worries: screening.worries }, fieldErrors: { scale: expect.any(String), analysis: expect.any(String) } });
    expect(await redirectOf(() => recordScreeningAction(initial, form({ contactId: contact.id, expectedVersion: version, ...screening })))).toBe(`/contacts/${contact.id}?done=screened`);
    // The social worker's session cannot make the decision.
    expect(await decideScreeningAction(initial, form({ contactId: contact.id, expectedVersion: version + 1, stance: "ENDORSED", outcome: screening.recommendation, rationale: "x" }))).toMatchObject({
      message: "Your role does not allow this.",
    });
  });
});
