import type { SessionUser } from "@/lib/auth/data";
import { db } from "@/lib/db/client";
import type { ReferralStatus } from "@/lib/db/generated/enums";
import {
  draftAnswersSchema,
  sectionStatusOf,
  SECTIONS,
  type DraftAnswers,
  type ReferralKind,
  type ReferralSubmission,
  type SectionKey,
  type SectionStatus,
} from "./schema";
import { isUuid } from "@/lib/ids";

// Reads for the referrer. The owner is part of every `where`, so someone else's draft, referral or file is
// simply not found. (MASH and CFSS staff read contacts through lib/contact, in a later issue.)

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  RECEIVED: "Received",
  SCREENING: "Being screened",
  OUTCOME_SENT: "Outcome sent",
};

export type AttachmentSummary = { id: string; fileName: string; mediaType: string; size: number };

export type DraftView = {
  id: string;
  kind: ReferralKind;
  answers: DraftAnswers;
  status: Record<SectionKey, SectionStatus>;
  updatedAt: Date;
  expiresAt: Date;
  attachments: AttachmentSummary[];
};

const attachmentSummary = { id: true, fileName: true, mediaType: true, size: true } as const;

export async function findMyDraft(user: SessionUser, draftId: string): Promise<DraftView | null> {
  if (!isUuid(draftId)) return null;
  const draft = await db.referralDraft.findFirst({
    where: { id: draftId, ownerId: user.id },
    select: { id: true, kind: true, answers: true, updatedAt: true, expiresAt: true, attachments: { select: attachmentSummary, orderBy: { createdAt: "asc" } } },
  });
  if (!draft) return null;
  const answers = draftAnswersSchema.parse(draft.answers) as DraftAnswers;
  const status = Object.fromEntries(SECTIONS[draft.kind].map((section) => [section, sectionStatusOf(section, answers.sections[section])])) as Record<SectionKey, SectionStatus>;
  return { ...draft, answers, status };
}

/** "Alex Example and Sam Example", from whatever the draft or referral holds so far. */
export function childNamesOf(children: unknown): string {
  if (!Array.isArray(children)) return "";
  const names = children
    .map((child: { firstName?: unknown; lastName?: unknown; unborn?: unknown }) => {
      const first = typeof child?.firstName === "string" ? child.firstName.trim() : "";
      const last = typeof child?.lastName === "string" ? child.lastName.trim() : "";
      if (child?.unborn === "YES" && !first) return last ? `Unborn baby ${last}` : "Unborn baby";
      return [first, last].filter(Boolean).join(" ");
    })
    .filter(Boolean);
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export type ReferralSummary = {
  id: string;
  reference: string;
  kind: ReferralKind;
  level: number;
  status: ReferralStatus;
  statusLabel: string;
  childNames: string;
  submittedAt: Date;
  hasOutcome: boolean;
};

const summarySelect = { id: true, reference: true, kind: true, level: true, status: true, answers: true, submittedAt: true, outcomeSentAt: true } as const;

function toSummary(row: { id: string; reference: string; kind: ReferralKind; level: number; status: ReferralStatus; answers: unknown; submittedAt: Date; outcomeSentAt: Date | null }): ReferralSummary {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    level: row.level,
    status: row.status,
    statusLabel: REFERRAL_STATUS_LABELS[row.status],
    childNames: childNamesOf((row.answers as { children?: unknown }).children),
    submittedAt: row.submittedAt,
    hasOutcome: row.outcomeSentAt !== null,
  };
}

export async function listMyReferrals(user: SessionUser): Promise<{
  drafts: { id: string; kind: ReferralKind; childNames: string; updatedAt: Date; expiresAt: Date }[];
  referrals: ReferralSummary[];
}> {
  const [drafts, referrals] = await Promise.all([
    db.referralDraft.findMany({ where: { ownerId: user.id }, orderBy: { updatedAt: "desc" }, select: { id: true, kind: true, answers: true, updatedAt: true, expiresAt: true } }),
    db.referral.findMany({ where: { referrerId: user.id }, orderBy: { submittedAt: "desc" }, take: 200, select: summarySelect }),
  ]);
  return {
    drafts: drafts.map((draft) => ({
      id: draft.id,
      kind: draft.kind,
      childNames: childNamesOf((draftAnswersSchema.parse(draft.answers).sections.children as { children?: unknown } | undefined)?.children),
      updatedAt: draft.updatedAt,
      expiresAt: draft.expiresAt,
    })),
    referrals: referrals.map(toSummary),
  };
}

export type ReferralView = ReferralSummary & {
  answers: ReferralSubmission;
  consentStatus: "GIVEN" | "REFUSED" | "NOT_SOUGHT" | null;
  thresholdVersion: string | null;
  indicatorIds: string[];
  outcomeLetter: string | null;
  outcomeSentAt: Date | null;
  contacts: { id: string; childName: string; status: string }[];
  attachments: AttachmentSummary[];
};

export async function findMyReferral(user: SessionUser, referralId: string): Promise<ReferralView | null> {
  if (!isUuid(referralId)) return null;
  const row = await db.referral.findFirst({
    where: { id: referralId, referrerId: user.id },
    select: {
      ...summarySelect,
      thresholdVersion: true,
      outcomeLetter: true,
      consent: { select: { status: true } },
      indicators: { select: { indicatorId: true } },
      contacts: { select: { id: true, childName: true, status: true }, orderBy: { childIndex: "asc" } },
      attachments: { select: attachmentSummary, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    answers: row.answers as unknown as ReferralSubmission,
    consentStatus: row.consent?.status ?? null,
    thresholdVersion: row.thresholdVersion,
    indicatorIds: row.indicators.map((i) => i.indicatorId),
    outcomeLetter: row.outcomeLetter,
    outcomeSentAt: row.outcomeSentAt,
    contacts: row.contacts,
    attachments: row.attachments,
  };
}

/** A file for download: only its owner's, whether still on a draft or sent with a referral. */
export async function findAttachmentForDownload(user: SessionUser, attachmentId: string): Promise<{ fileName: string; mediaType: string; content: Uint8Array } | null> {
  if (!isUuid(attachmentId)) return null;
  const attachment = await db.attachment.findFirst({
    where: { id: attachmentId, OR: [{ draft: { ownerId: user.id } }, { referral: { referrerId: user.id } }] },
    select: { fileName: true, mediaType: true, content: true },
  });
  return attachment;
}
