import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { isVisible } from "@/lib/contacts/data";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import type { DecisionStance, ScreeningOutcome } from "./schema";

// Reads for the contact record's screening section. Only for someone who may open the contact (the
// workbench's scope, lib/contacts/policy.ts#contactScopeOf): anyone else gets null, "not found".

export type ScreeningView = {
  contact: { id: string; version: number; rating: string | null; status: string; closedAt: Date | null; allocatedToId: string | null; consentObtained: boolean };
  screenings: {
    id: string;
    worries: string;
    workingWell: string;
    needsToHappen: string;
    scale: number;
    analysis: string;
    recommendation: ScreeningOutcome;
    reasons: string;
    recordedBy: string;
    recordedAt: Date;
    decision: { outcome: ScreeningOutcome; stance: DecisionStance; rationale: string; decidedBy: string; decidedAt: Date } | null;
  }[];
  challenges: {
    id: string;
    reason: string;
    raisedBy: string;
    raisedByAgency: string | null;
    raisedAt: Date;
    escalatedAt: Date | null;
    decision: string | null;
    decidedBy: string | null;
    decidedAt: Date | null;
  }[];
};

export async function findScreeningView(user: SessionUser, contactId: string): Promise<ScreeningView | null> {
  if (!(await isVisible(user, contactId))) return null;
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    select: {
      id: true,
      version: true,
      rating: true,
      status: true,
      closedAt: true,
      allocatedToId: true,
      consentObtained: true,
      screenings: {
        orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
        include: {
          recordedBy: { select: { name: true } },
          decisions: { orderBy: { decidedAt: "desc" }, take: 1, include: { decidedBy: { select: { name: true } } } },
        },
      },
      challenges: {
        orderBy: { raisedAt: "desc" },
        include: { raisedBy: { select: { name: true, agency: { select: { name: true } } } }, decidedBy: { select: { name: true } } },
      },
    },
  });
  if (!contact) return null;
  return {
    contact: {
      id: contact.id,
      version: contact.version,
      rating: contact.rating,
      status: contact.status,
      closedAt: contact.closedAt,
      allocatedToId: contact.allocatedToId,
      consentObtained: contact.consentObtained,
    },
    screenings: contact.screenings.map((s) => {
      const decision = s.decisions[0];
      return {
        id: s.id,
        worries: s.worries,
        workingWell: s.workingWell,
        needsToHappen: s.needsToHappen,
        scale: s.scale,
        analysis: s.analysis,
        recommendation: s.recommendation,
        reasons: s.reasons,
        recordedBy: s.recordedBy.name,
        recordedAt: s.recordedAt,
        decision: decision ? { outcome: decision.outcome, stance: decision.stance, rationale: decision.rationale, decidedBy: decision.decidedBy.name, decidedAt: decision.decidedAt } : null,
      };
    }),
    challenges: contact.challenges.map((c) => ({
      id: c.id,
      reason: c.reason,
      raisedBy: c.raisedBy.name,
      raisedByAgency: c.raisedBy.agency?.name ?? null,
      raisedAt: c.raisedAt,
      escalatedAt: c.escalatedAt,
      decision: c.decision,
      decidedBy: c.decidedBy?.name ?? null,
      decidedAt: c.decidedAt,
    })),
  };
}

// What a partner agency may see of the MASH's decision on a contact their agency was asked about (seed 002
// §10): the outcome and when, and their own agency's professional challenges to it. Never the rationale,
// the screening or another agency's answer: those belong to the contact record, which partners cannot open.

export type PartnerChallenge = {
  id: string;
  reason: string;
  raisedBy: string;
  raisedAt: Date;
  escalatedAt: Date | null;
  decidedAt: Date | null;
  /** The service manager's final decision, once made. */
  decision: string | null;
  /** Raised by the person reading: only they may escalate it. */
  mine: boolean;
};

export type PartnerDecisionView = {
  contactId: string;
  /** The MASH's latest management decision on the contact, or null while there is none. */
  decision: { outcome: ScreeningOutcome; decidedAt: Date } | null;
  /** Challenges raised by anyone in the reader's agency, latest first. */
  challenges: PartnerChallenge[];
};

/**
 * The MASH decision and the reader's agency's challenges on `contactId`, for a partner user whose agency
 * kind has an information request on the contact; null ("not found") for anyone else.
 */
export async function findDecisionForPartner(user: SessionUser, contactId: string): Promise<PartnerDecisionView | null> {
  if (!can(user, "requests:answer") || !user.agencyId || !isUuid(contactId)) return null;
  const agency = await db.agency.findUnique({ where: { id: user.agencyId }, select: { kind: true } });
  if (!agency) return null;
  if ((await db.informationRequest.count({ where: { contactId, agencyKind: agency.kind } })) === 0) return null;

  const [decision, challenges] = await Promise.all([
    db.managementDecision.findFirst({
      where: { contactId },
      orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
      select: { outcome: true, decidedAt: true },
    }),
    db.challenge.findMany({
      where: { contactId, raisedBy: { agencyId: user.agencyId } },
      orderBy: [{ raisedAt: "desc" }, { id: "desc" }],
      select: { id: true, reason: true, raisedById: true, raisedBy: { select: { name: true } }, raisedAt: true, escalatedAt: true, decidedAt: true, decision: true },
    }),
  ]);
  return {
    contactId,
    decision,
    challenges: challenges.map(({ raisedById, raisedBy, ...challenge }) => ({ ...challenge, raisedBy: raisedBy.name, mine: raisedById === user.id })),
  };
}
