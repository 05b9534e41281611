import type { SessionUser } from "@/lib/auth/data";
import { isVisible } from "@/lib/contacts/data";
import { db } from "@/lib/db/client";
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
