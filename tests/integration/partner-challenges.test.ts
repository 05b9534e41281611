import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/data";
import { allocateContact, rateContact } from "@/lib/contacts/mutations";
import { db } from "@/lib/db/client";
import type { AgencyKind } from "@/lib/db/generated/enums";
import { answerRequest, makeRequests } from "@/lib/requests/mutations";
import { decideChallenge, decideScreening, raiseChallenge, recordScreening } from "@/lib/screening/mutations";
import { findDecisionForPartner } from "@/lib/screening/data";
import { challengeStateOf, isEscalatable, whyNotChallenge } from "@/lib/screening/policy";
import { escalatePartnerChallengeAction, raisePartnerChallengeAction, type PartnerChallengeFormState } from "@/lib/screening/partner-actions";
import { createTestAgency } from "@/tests/factories/agency";
import { actionSession } from "@/tests/factories/action-session";
import { createSessionUser, createTestContact, type TestContact } from "@/tests/factories/contact";
import { formPost, redirectOf } from "@/tests/factories/form";

// A partner's view of the MASH decision on their information request's page, and their professional
// challenge to it (seed 002 §10), against the real database: what they may see, and the form actions as a
// browser's plain form post calls them.

// The form actions read the signed-in user from the cookie; Vitest has no request, so the user is handed in.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
const session = actionSession();

const RATIONALE = "Rationale only the MASH may read: the mother's disclosure to the health visitor.";
const HEALTH_ANSWER = "Health holds a record only Health and the MASH may read: the 12 Oct 2026 A&E attendance.";
const INITIAL: PartnerChallengeFormState = { key: "initial", values: {}, fieldErrors: {}, message: null };

type Setup = { contact: TestContact; manager: SessionUser; socialWorker: SessionUser; police: SessionUser; health: SessionUser; requests: Record<string, string> };

async function partner(kind: AgencyKind, agencyId?: string): Promise<SessionUser> {
  return createSessionUser("PARTNER_AGENCY", { agencyId: agencyId ?? (await createTestAgency({ kind })).id });
}

async function versionOf(contactId: string): Promise<number> {
  return (await db.contact.findUniqueOrThrow({ where: { id: contactId }, select: { version: true } })).version;
}

/** An Amber contact, allocated, with requests to Police and Health (Health answered); decided by the MASH manager unless `decided` is false. */
async function askedContact({ decided = true } = {}): Promise<Setup> {
  const manager = await createSessionUser("MASH_MANAGER");
  const socialWorker = await createSessionUser("SOCIAL_WORKER");
  const contact = await createTestContact();
  const rated = await rateContact(manager, contact.id, { rating: "AMBER", direction: "Screen with partners.", rationale: "Worrying.", expectedVersion: contact.version });
  if (!rated.ok) throw new Error(JSON.stringify(rated));
  const allocated = await allocateContact(manager, contact.id, { socialWorkerId: socialWorker.id, expectedVersion: rated.version });
  if (!allocated.ok) throw new Error(JSON.stringify(allocated));
  const made = await makeRequests(socialWorker, contact.id, { agencies: ["POLICE", "HEALTH"], question: "What do you hold?" });
  if (!made.ok) throw new Error(JSON.stringify(made));
  const requests = Object.fromEntries(made.requests.map((request) => [request.agencyKind, request.id])) as Record<string, string>;
  const police = await partner("POLICE");
  const health = await partner("HEALTH");
  const answered = await answerRequest(health, requests.HEALTH!, { holds: HEALTH_ANSWER, history: "", analysis: "Health's own analysis of the risk.", knownToAgency: "KNOWN_NOT_OPEN" });
  if (!answered.ok) throw new Error(JSON.stringify(answered));
  if (decided) {
    const screened = await recordScreening(socialWorker, contact.id, {
      worries: "Two call-outs in a month.",
      workingWell: "Mother attends appointments.",
      needsToHappen: "An assessment.",
      scale: 3,
      analysis: "An escalating pattern.",
      recommendation: "CHILD_AND_FAMILY_ASSESSMENT",
      reasons: "Likely a child in need.",
      expectedVersion: await versionOf(contact.id),
    });
    if (!screened.ok) throw new Error(JSON.stringify(screened));
    const decision = await decideScreening(manager, contact.id, { stance: "STEPPED_DOWN", outcome: "SIGNPOST", rationale: RATIONALE, expectedVersion: screened.version });
    if (!decision.ok) throw new Error(JSON.stringify(decision));
  }
  return { contact, manager, socialWorker, police, health, requests };
}

async function post(action: typeof raisePartnerChallengeAction, as: SessionUser, fields: Record<string, string>): Promise<{ redirect: string | null; state: PartnerChallengeFormState | null }> {
  session.user = as;
  let state: PartnerChallengeFormState | null = null;
  const redirect = await redirectOf(async () => {
    state = await action(INITIAL, formPost(fields));
  });
  return { redirect, state };
}

describe("the partner's view of the MASH decision", () => {
  it("is null for a partner whose agency was not asked about the contact, and for the MASH side", async () => {
    const { contact, manager } = await askedContact();
    expect(await findDecisionForPartner(await partner("EDUCATION"), contact.id)).toBeNull();
    expect(await findDecisionForPartner(await createSessionUser("PARTNER_AGENCY"), contact.id)).toBeNull();
    expect(await findDecisionForPartner(manager, contact.id)).toBeNull();
    expect(await findDecisionForPartner(await partner("POLICE"), "not-a-uuid")).toBeNull();
  });

  it("has no decision and offers no challenge before the MASH decides", async () => {
    const { contact, police } = await askedContact({ decided: false });
    const view = (await findDecisionForPartner(police, contact.id))!;
    expect(view).toEqual({ contactId: contact.id, decision: null, challenges: [] });
    expect(whyNotChallenge(challengeStateOf(view))).not.toBeNull();
  });

  it("shows the outcome and when, and never the rationale, the screening or another agency's answer", async () => {
    const { contact, police } = await askedContact();
    await raiseChallenge(police, contact.id, { reason: "Signposting is unsafe." });
    const view = (await findDecisionForPartner(police, contact.id))!;
    expect(view.decision).toEqual({ outcome: "SIGNPOST", decidedAt: expect.any(Date) });
    expect(whyNotChallenge(challengeStateOf(view))).not.toBeNull(); // their challenge is still open
    const everything = JSON.stringify(view);
    for (const secret of [RATIONALE, HEALTH_ANSWER, "Health's own analysis", "Two call-outs in a month", "An escalating pattern", "STEPPED_DOWN"]) expect(everything).not.toContain(secret);
  });

  it("lists challenges by anyone in the reader's own agency, not another agency of the same kind", async () => {
    const { contact, police } = await askedContact();
    const colleague = await partner("POLICE", police.agencyId!);
    const otherForce = await partner("POLICE");
    const raised = await raiseChallenge(colleague, contact.id, { reason: "Our colleague's challenge." });
    if (!raised.ok) throw new Error(JSON.stringify(raised));

    const ours = (await findDecisionForPartner(police, contact.id))!;
    expect(ours.challenges).toEqual([expect.objectContaining({ id: raised.challengeId, reason: "Our colleague's challenge.", raisedBy: colleague.name, mine: false })]);
    expect(isEscalatable(ours.challenges[0]!)).toBe(false); // only its raiser escalates it
    expect(whyNotChallenge(challengeStateOf(ours))).toBeNull(); // the reader has none of their own open
    const theirs = (await findDecisionForPartner(otherForce, contact.id))!;
    expect(theirs.decision).not.toBeNull();
    expect(theirs.challenges).toEqual([]);
  });
});

describe("challenging the decision from the request page", () => {
  it("records the challenge, audits it, redirects with ?done=challenged, and then offers escalation instead", async () => {
    const { contact, police, requests } = await askedContact();
    const { redirect } = await post(raisePartnerChallengeAction, police, { requestId: requests.POLICE!, reason: "We hold three call-outs; signposting is unsafe." });
    expect(redirect).toBe(`/requests/${requests.POLICE}?done=challenged`);
    const saved = await db.challenge.findFirstOrThrow({ where: { contactId: contact.id } });
    expect(saved).toMatchObject({ raisedById: police.id, reason: "We hold three call-outs; signposting is unsafe.", escalatedAt: null, decidedAt: null });
    expect(await db.auditEvent.count({ where: { entityType: "Contact", entityId: contact.id, action: "challenge.raised", actorId: police.id } })).toBe(1);

    const view = (await findDecisionForPartner(police, contact.id))!;
    expect(view.challenges).toEqual([expect.objectContaining({ id: saved.id, mine: true, escalatedAt: null })]);
    expect(isEscalatable(view.challenges[0]!)).toBe(true);
    expect(whyNotChallenge(challengeStateOf(view))).not.toBeNull();

    // A second challenge while the first is open is refused, keeping what was typed.
    const again = await post(raisePartnerChallengeAction, police, { requestId: requests.POLICE!, reason: "Another one." });
    expect(again.redirect).toBeNull();
    expect(again.state).toMatchObject({ values: { reason: "Another one." }, message: "You already have a challenge on this contact that has not been decided yet." });
    expect(await db.challenge.count({ where: { contactId: contact.id } })).toBe(1);
  });

  it("refuses an empty reason, writing nothing and keeping what was typed", async () => {
    const { contact, police, requests } = await askedContact();
    for (const reason of ["", "   "]) {
      const { redirect, state } = await post(raisePartnerChallengeAction, police, { requestId: requests.POLICE!, reason });
      expect(redirect).toBeNull();
      expect(state).toMatchObject({ values: { reason }, fieldErrors: { reason: "Explain why you disagree with the decision" } });
    }
    expect(await db.challenge.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("is not found for a partner of another agency posting someone else's request id, and refused before a decision", async () => {
    const { contact, requests } = await askedContact();
    const education = await partner("EDUCATION");
    const healthRequest = await post(raisePartnerChallengeAction, education, { requestId: requests.HEALTH!, reason: "We disagree." });
    expect(healthRequest.redirect).toBeNull();
    expect(healthRequest.state).toMatchObject({ values: { reason: "We disagree." }, message: expect.stringContaining("could not find") });
    // Even a police user of another force cannot reach it through Health's request.
    const otherPolice = await partner("POLICE");
    expect((await post(raisePartnerChallengeAction, otherPolice, { requestId: requests.HEALTH!, reason: "We disagree." })).state?.message).toMatch(/could not find/);
    expect((await post(raisePartnerChallengeAction, otherPolice, { requestId: "not-a-uuid", reason: "We disagree." })).state?.message).toMatch(/could not find/);
    expect(await db.challenge.count({ where: { contactId: contact.id } })).toBe(0);

    const undecided = await askedContact({ decided: false });
    const early = await post(raisePartnerChallengeAction, undecided.police, { requestId: undecided.requests.POLICE!, reason: "Too early." });
    expect(early.state?.message).toMatch(/not made its decision/);
    expect(await db.challenge.count({ where: { contactId: undecided.contact.id } })).toBe(0);
  });

  it("is forbidden for a MASH user, and asks a signed-out user to sign in again", async () => {
    const { contact, socialWorker, requests } = await askedContact();
    expect((await post(raisePartnerChallengeAction, socialWorker, { requestId: requests.POLICE!, reason: "x" })).state?.message).toMatch(/partner agency/);
    session.user = null;
    const state = await raisePartnerChallengeAction(INITIAL, formPost({ requestId: requests.POLICE!, reason: "Typed before the session ended." }));
    expect(state).toMatchObject({ values: { reason: "Typed before the session ended." }, message: expect.stringMatching(/session has ended/) });
    expect(await db.challenge.count({ where: { contactId: contact.id } })).toBe(0);
  });
});

describe("escalating a challenge from the request page", () => {
  it("sets escalatedAt and redirects with ?done=escalated; a second escalation is refused as already escalated", async () => {
    const { contact, police, requests } = await askedContact();
    const raised = await raiseChallenge(police, contact.id, { reason: "Signposting is unsafe." });
    if (!raised.ok) throw new Error(JSON.stringify(raised));
    const fields = { requestId: requests.POLICE!, challengeId: raised.challengeId };

    const empty = await post(escalatePartnerChallengeAction, police, { ...fields, reason: " " });
    expect(empty.state).toMatchObject({ values: { reason: " " }, fieldErrors: { reason: expect.any(String) } });
    expect((await db.challenge.findUniqueOrThrow({ where: { id: raised.challengeId } })).escalatedAt).toBeNull();

    const { redirect } = await post(escalatePartnerChallengeAction, police, { ...fields, reason: "Still unsafe after talking to the team manager." });
    expect(redirect).toBe(`/requests/${requests.POLICE}?done=escalated`);
    expect((await db.challenge.findUniqueOrThrow({ where: { id: raised.challengeId } })).escalatedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { entityId: contact.id, action: "challenge.escalated", actorId: police.id } })).toBe(1);

    const again = await post(escalatePartnerChallengeAction, police, { ...fields, reason: "Again." });
    expect(again.redirect).toBeNull();
    expect(again.state).toMatchObject({ values: { reason: "Again." }, message: "This challenge has already been escalated to the service manager." });
    expect(await db.auditEvent.count({ where: { entityId: contact.id, action: "challenge.escalated" } })).toBe(1);
  });

  it("is not found for a colleague's challenge, or one on another request's contact", async () => {
    const { contact, police, requests } = await askedContact();
    const colleague = await partner("POLICE", police.agencyId!);
    const raised = await raiseChallenge(colleague, contact.id, { reason: "Our colleague's challenge." });
    if (!raised.ok) throw new Error(JSON.stringify(raised));
    const byPolice = await post(escalatePartnerChallengeAction, police, { requestId: requests.POLICE!, challengeId: raised.challengeId, reason: "Unsafe." });
    expect(byPolice.state?.message).toMatch(/could not find/);

    // The raiser's own challenge, but posted with a request about a different contact.
    const other = await askedContact();
    const elsewhere = await post(escalatePartnerChallengeAction, colleague, { requestId: other.requests.POLICE!, challengeId: raised.challengeId, reason: "Unsafe." });
    expect(elsewhere.state?.message).toMatch(/could not find/);
    expect((await db.challenge.findUniqueOrThrow({ where: { id: raised.challengeId } })).escalatedAt).toBeNull();
  });

  it("shows the service manager's final decision, after which the partner may challenge again", async () => {
    const { contact, police, requests } = await askedContact();
    const serviceManager = await createSessionUser("SERVICE_MANAGER");
    const raised = await raiseChallenge(police, contact.id, { reason: "Unsafe." });
    if (!raised.ok) throw new Error(JSON.stringify(raised));
    const escalated = await post(escalatePartnerChallengeAction, police, { requestId: requests.POLICE!, challengeId: raised.challengeId, reason: "Still unsafe." });
    expect(escalated.redirect).toMatch(/done=escalated$/);
    expect(await decideChallenge(serviceManager, raised.challengeId, { decision: "Stepped up: a child and family assessment will follow." })).toMatchObject({ ok: true });

    const view = (await findDecisionForPartner(police, contact.id))!;
    expect(view.challenges[0]).toMatchObject({ decision: "Stepped up: a child and family assessment will follow.", decidedAt: expect.any(Date), escalatedAt: expect.any(Date) });
    expect(isEscalatable(view.challenges[0]!)).toBe(false);
    expect(whyNotChallenge(challengeStateOf(view))).toBeNull();
  });
});

describe("the request page's decision section", () => {
  it("shows the outcome, the challenge's status and the right form, labelled, and none of the MASH's own record", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { ChallengeSection } = await import("@/components/requests/challenge-section");
    const { contact, police, requests } = await askedContact();
    const render = async () => {
      const view = (await findDecisionForPartner(police, contact.id))!;
      return renderToStaticMarkup(ChallengeSection({ view, requestId: requests.POLICE!, permalink: `/requests/${requests.POLICE}`, pageTitle: "Information request" })!);
    };

    const before = await render();
    expect(before).toContain('aria-labelledby="decision-heading"');
    expect(before).toContain("The MASH decision");
    expect(before).toContain("Signpost to universal or community services");
    expect(before).toContain("Challenge this decision");
    expect(before).toMatch(/<label[^>]*for="challenge-reason"[^>]*>Why do you think this decision is unsafe\?<\/label>/);
    expect(before).toContain("Record the challenge");
    expect(before).not.toContain("Escalate to the service manager");
    for (const secret of [RATIONALE, HEALTH_ANSWER, "An escalating pattern"]) expect(before).not.toContain(secret.replaceAll("'", "&#x27;"));

    await raiseChallenge(police, contact.id, { reason: "Signposting is unsafe." });
    const raised = await render();
    expect(raised).toContain("With the MASH team manager");
    expect(raised).toContain("Signposting is unsafe.");
    expect(raised).toContain("Why is the decision still unsafe?");
    expect(raised).toContain("Escalate to the service manager");
    expect(raised).not.toContain("Record the challenge");
  });

  it("shows nothing before there is a decision or a challenge", async () => {
    const { ChallengeSection } = await import("@/components/requests/challenge-section");
    const { contact, police, requests } = await askedContact({ decided: false });
    const view = (await findDecisionForPartner(police, contact.id))!;
    expect(ChallengeSection({ view, requestId: requests.POLICE!, permalink: "/requests/x", pageTitle: "x" })).toBeNull();
  });
});
