import { createHash } from "node:crypto";
import { recordAudit, recordAudits } from "@/lib/audit/mutations";
import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { checkConsent } from "@/lib/consent/policy";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { enqueueEmail } from "@/lib/notify/mutations";
import { fieldErrorsOf, invalid, NOT_FOUND, type ActionResult, type FieldErrors } from "@/lib/result";
import { findThresholdDocument, findTickedIndicators } from "@/lib/thresholds/data";
import { acknowledgementEmail, draftReminderEmail } from "./messages";
import { checkAttachment, checkReferralLevel, cleanFileName, DRAFT_KEPT_DAYS, DRAFT_REMINDER_DAYS, draftExpiryFrom, hasChildAged13OrOver, referenceFor, todayInLondon } from "./policy";
import {
  draftAnswersSchema,
  referralSubmissionSchema,
  SECTION_SCHEMAS,
  SECTIONS,
  submissionFromDraft,
  type DraftAnswers,
  type ReferralKind,
  type ReferralSubmission,
  type SectionKey,
} from "./schema";

// Writes for the referral forms and the API. Each runs in one transaction with its audit events; a
// submitted referral's acknowledgement e-mail goes into the outbox in the same transaction.

const FORBIDDEN = { ok: false, reason: "FORBIDDEN" } as const;

export type SubmitResult = ActionResult<{ referralId: string; reference: string; created: boolean }>;

type NeedsStart = { thresholdVersion: string; indicatorIds: string[]; suggestedLevel?: number | null; chosenLevel?: number | null; levelReason?: string | null };

// --- Drafts ----------------------------------------------------------------------------------------------

export async function createDraft(
  user: SessionUser,
  start: { kind: ReferralKind; needs?: NeedsStart | null; phonedMash?: "YES" | "NO" },
  requestId?: string | null,
): Promise<ActionResult<{ draftId: string }>> {
  if (!can(user, "referrals:create")) return FORBIDDEN;
  const sections: DraftAnswers["sections"] = {
    // Professionals cannot be anonymous: "About you" starts from the account, and the referrer can correct it.
    referrer: { name: user.name, jobTitle: user.jobTitle ?? "", agency: user.agencyName ?? "", email: user.email, phone: user.phone ?? "" },
  };
  if (start.needs) {
    sections.needs = {
      thresholdVersion: start.needs.thresholdVersion,
      indicatorIds: start.needs.indicatorIds,
      ...(start.needs.suggestedLevel ? { suggestedLevel: String(start.needs.suggestedLevel) } : {}),
      chosenLevel: start.needs.chosenLevel ? String(start.needs.chosenLevel) : "",
      levelReason: start.needs.levelReason ?? "",
    };
  }
  const answers: DraftAnswers = { sections, ...(start.phonedMash ? { phonedMash: start.phonedMash } : {}) };
  const now = new Date();
  return db.$transaction(async (tx) => {
    const draft = await tx.referralDraft.create({
      data: { ownerId: user.id, kind: start.kind, answers: answers as Prisma.InputJsonValue, createdAt: now, updatedAt: now, expiresAt: draftExpiryFrom(now) },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "draft.created", entityType: "ReferralDraft", entityId: draft.id, requestId, details: { kind: start.kind, fromLevelCheck: Boolean(start.needs) } });
    return { ok: true, draftId: draft.id };
  });
}

/** At most this much JSON a page: far more than anyone types, small enough that nobody can fill the disk. */
const MAX_SECTION_BYTES = 256 * 1024;

/**
 * Saves one page of a draft exactly as typed, valid or not, so nothing is ever lost; the answer says which
 * fields still need attention. Written with jsonb_set, so two tabs saving different pages never overwrite
 * each other.
 */
export async function saveDraftSection(
  user: SessionUser,
  draftId: string,
  section: SectionKey,
  values: unknown,
  requestId?: string | null,
): Promise<ActionResult<{ valid: boolean; fieldErrors: FieldErrors }>> {
  if (!can(user, "referrals:create")) return FORBIDDEN;
  if (!isUuid(draftId)) return NOT_FOUND;
  const json = JSON.stringify(values ?? {});
  if (json.length > MAX_SECTION_BYTES) return invalid({ form: "This page is too long to save. Shorten the longest answers, or attach a document instead" });
  return db.$transaction(async (tx) => {
    const draft = await tx.referralDraft.findFirst({ where: { id: draftId, ownerId: user.id }, select: { kind: true } });
    if (!draft) return NOT_FOUND;
    if (!(SECTIONS[draft.kind] as readonly string[]).includes(section)) return NOT_FOUND;
    const now = new Date();
    await tx.$executeRaw`
      UPDATE "ReferralDraft"
      SET "answers" = jsonb_set(jsonb_set("answers", '{sections}', COALESCE("answers"->'sections', '{}'::jsonb)), ARRAY['sections', ${section}]::text[], ${json}::jsonb, true),
          "updatedAt" = ${now}, "expiresAt" = ${draftExpiryFrom(now)}, "reminderSentAt" = NULL
      WHERE "id" = ${draftId}::uuid AND "ownerId" = ${user.id}::uuid`;
    await recordAudit(tx, { actorId: user.id, action: "draft.saved", entityType: "ReferralDraft", entityId: draftId, requestId, details: { section } });
    const parsed = SECTION_SCHEMAS[section].safeParse(values);
    return { ok: true, valid: parsed.success, fieldErrors: parsed.success ? {} : fieldErrorsOf(parsed.error) };
  });
}

export async function deleteDraft(user: SessionUser, draftId: string, requestId?: string | null): Promise<ActionResult> {
  if (!can(user, "referrals:create")) return FORBIDDEN;
  if (!isUuid(draftId)) return NOT_FOUND;
  return db.$transaction(async (tx) => {
    const { count } = await tx.referralDraft.deleteMany({ where: { id: draftId, ownerId: user.id } });
    if (count === 0) return NOT_FOUND;
    await recordAudit(tx, { actorId: user.id, action: "draft.deleted", entityType: "ReferralDraft", entityId: draftId, requestId });
    return { ok: true };
  });
}

// --- Attachments -----------------------------------------------------------------------------------------

export async function addDraftAttachment(
  user: SessionUser,
  draftId: string,
  file: { name: string; bytes: Uint8Array },
  requestId?: string | null,
): Promise<ActionResult<{ attachmentId: string }>> {
  if (!can(user, "referrals:create")) return FORBIDDEN;
  if (!isUuid(draftId)) return NOT_FOUND;
  return db.$transaction(async (tx) => {
    // The row lock makes "at most 5" hold when two uploads race.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ReferralDraft" WHERE "id" = ${draftId}::uuid AND "ownerId" = ${user.id}::uuid FOR UPDATE`;
    if (locked.length === 0) return NOT_FOUND;
    const attached = await tx.attachment.count({ where: { draftId } });
    const verdict = checkAttachment(file, attached);
    if (!verdict.ok) return invalid({ file: verdict.message });
    const fileName = cleanFileName(file.name);
    const attachment = await tx.attachment.create({
      data: {
        ownerId: user.id,
        draftId,
        fileName,
        mediaType: verdict.mediaType,
        size: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        content: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as Uint8Array<ArrayBuffer>,
      },
      select: { id: true },
    });
    await tx.referralDraft.update({ where: { id: draftId }, data: { updatedAt: new Date(), expiresAt: draftExpiryFrom(new Date()), reminderSentAt: null } });
    await recordAudit(tx, { actorId: user.id, action: "attachment.added", entityType: "Attachment", entityId: attachment.id, requestId, details: { draftId, fileName, mediaType: verdict.mediaType, size: file.bytes.length } });
    return { ok: true, attachmentId: attachment.id };
  });
}

export async function removeDraftAttachment(user: SessionUser, draftId: string, attachmentId: string, requestId?: string | null): Promise<ActionResult> {
  if (!can(user, "referrals:create")) return FORBIDDEN;
  if (!isUuid(draftId) || !isUuid(attachmentId)) return NOT_FOUND;
  return db.$transaction(async (tx) => {
    const { count } = await tx.attachment.deleteMany({ where: { id: attachmentId, draftId, ownerId: user.id, draft: { ownerId: user.id } } });
    if (count === 0) return NOT_FOUND;
    await recordAudit(tx, { actorId: user.id, action: "attachment.removed", entityType: "Attachment", entityId: attachmentId, requestId, details: { draftId } });
    return { ok: true };
  });
}

// --- Submitting ------------------------------------------------------------------------------------------

/**
 * Sends a draft. Safe to call twice (a double click, a retry after a dropped connection): the draft's id is
 * the idempotency key, so the second call returns the referral the first one made.
 */
export async function submitDraft(user: SessionUser, draftId: string, requestId?: string | null): Promise<SubmitResult> {
  if (!can(user, "referrals:create")) return FORBIDDEN;
  if (!isUuid(draftId)) return NOT_FOUND;
  const idempotencyKey = `draft:${draftId}`;
  const draft = await db.referralDraft.findFirst({ where: { id: draftId, ownerId: user.id }, select: { kind: true, answers: true } });
  if (!draft) {
    const earlier = await db.referral.findUnique({ where: { referrerId_idempotencyKey: { referrerId: user.id, idempotencyKey } }, select: { id: true, reference: true } });
    return earlier ? { ok: true, referralId: earlier.id, reference: earlier.reference, created: false } : NOT_FOUND;
  }
  const answers = draftAnswersSchema.parse(draft.answers) as DraftAnswers;
  return submitReferral(user, submissionFromDraft(draft.kind, answers, true), { idempotencyKey, requestId, draftId });
}

/** The API's way in, and the draft's: the whole referral, checked in full, written in one transaction. */
export async function submitReferral(
  user: SessionUser,
  input: unknown,
  options: { idempotencyKey: string | null; requestId?: string | null; draftId?: string },
): Promise<SubmitResult> {
  if (!can(user, "referrals:create")) return FORBIDDEN;
  const parsed = referralSubmissionSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const submission = parsed.data;

  const check = checkSubmission(submission, new Date());
  if (!check.ok) return check.failure;

  const requestHash = createHash("sha256").update(JSON.stringify(submission)).digest("hex");
  const { idempotencyKey } = options;
  if (idempotencyKey) {
    const earlier = await findEarlierSubmission(user.id, idempotencyKey, requestHash);
    if (earlier) return earlier;
  }
  try {
    return await db.$transaction((tx) => writeReferral(tx, user, submission, { level: check.level, requestHash, idempotencyKey, requestId: options.requestId ?? null, draftId: options.draftId }));
  } catch (error) {
    // Two submissions with one key raced: the unique index let one through, and this is the other.
    if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const earlier = await findEarlierSubmission(user.id, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }
    throw error;
  }
}

async function findEarlierSubmission(referrerId: string, idempotencyKey: string, requestHash: string): Promise<SubmitResult | null> {
  const earlier = await db.referral.findUnique({ where: { referrerId_idempotencyKey: { referrerId, idempotencyKey } }, select: { id: true, reference: true, requestHash: true } });
  if (!earlier) return null;
  // The same key with different answers is a mistake in the client, not a retry.
  if (earlier.requestHash !== requestHash && !idempotencyKey.startsWith("draft:")) return { ok: false, reason: "CONFLICT" };
  return { ok: true, referralId: earlier.id, reference: earlier.reference, created: false };
}

type SubmissionCheck = { ok: true; level: 2 | 3 | 4 } | { ok: false; failure: SubmitResult & { ok: false } };

/** The rules no schema can say: the level, the threshold indicators, the consent gate, a young person's views. */
function checkSubmission(submission: ReferralSubmission, now: Date): SubmissionCheck {
  const level = checkReferralLevel(submission.kind, submission.needs.chosenLevel);
  if (!level.ok) return { ok: false, failure: invalid({ "needs.chosenLevel": level.message }) };

  const document = findThresholdDocument(submission.needs.thresholdVersion);
  if (!document) return { ok: false, failure: invalid({ "needs.thresholdVersion": "Choose a published version of the threshold guidance" }) };
  const { unknown } = findTickedIndicators(document, submission.needs.indicatorIds);
  if (unknown.length > 0) return { ok: false, failure: invalid({ "needs.indicatorIds": `These are not indicators of ${document.id}: ${unknown.join(", ")}` }) };

  const sharing = submission.informationSharing;
  if (hasChildAged13OrOver(submission.children, todayInLondon(now)) && !sharing.youngPersonViews) {
    return { ok: false, failure: invalid({ "informationSharing.youngPersonViews": "Record the young person's own views about this referral (they are 13 or over)" }) };
  }

  const { consent } = sharing;
  const verdict = checkConsent(level.level, {
    ...consent,
    method: consent.method || null,
    exceptionReason: consent.exceptionReason || null,
  });
  if (!verdict.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(verdict.fieldErrors).map(([key, message]) => [`informationSharing.${key}`, message]));
    return { ok: false, failure: verdict.reason === "CONSENT_REQUIRED" ? { ok: false, reason: "CONSENT_REQUIRED", fieldErrors } : invalid(fieldErrors) };
  }
  return { ok: true, level: level.level };
}

function childNameOf(child: ReferralSubmission["children"][number]): string {
  if (child.unborn === "YES") return child.firstName ? `${child.firstName} ${child.lastName} (unborn)` : `Unborn baby ${child.lastName}`;
  return `${child.firstName} ${child.lastName}`;
}

const asDate = (isoDate: string) => (isoDate ? new Date(`${isoDate}T00:00:00Z`) : null);

async function writeReferral(
  tx: Tx,
  user: SessionUser,
  submission: ReferralSubmission,
  options: { level: 2 | 3 | 4; requestHash: string; idempotencyKey: string | null; requestId: string | null; draftId?: string },
): Promise<SubmitResult> {
  const now = new Date();
  const [row] = await tx.$queryRaw<{ number: number }[]>`SELECT nextval('"Referral_number_seq"')::int AS "number"`;
  const number = row!.number;
  const reference = referenceFor(submission.kind, Number(todayInLondon(now).slice(0, 4)), number);
  const { needs, informationSharing: sharing } = submission;

  const referral = await tx.referral.create({
    data: {
      number,
      reference,
      kind: submission.kind,
      level: options.level,
      referrerId: user.id,
      idempotencyKey: options.idempotencyKey,
      requestHash: options.requestHash,
      answers: submission as unknown as Prisma.InputJsonValue,
      thresholdVersion: needs.thresholdVersion,
      suggestedLevel: needs.suggestedLevel ?? null,
      submittedAt: now,
      consent: {
        create: {
          status: sharing.consent.status,
          givenBy: sharing.consent.givenBy || null,
          relationship: sharing.consent.relationship || null,
          givenAt: sharing.consent.givenAt || null,
          method: sharing.consent.method || null,
          exceptionReason: sharing.consent.exceptionReason || null,
          rationale: sharing.consent.rationale || null,
          effortsOrViews: sharing.consent.effortsOrViews || null,
          youngPersonViews: sharing.youngPersonViews || null,
          familyInformed: sharing.familyInformed === "YES",
          reasonNotInformed: sharing.reasonNotInformed || null,
          recordedAt: now,
        },
      },
      indicators: { createMany: { data: [...new Set(needs.indicatorIds)].map((indicatorId) => ({ indicatorId, thresholdVersion: needs.thresholdVersion })) } },
    },
    select: { id: true },
  });

  // One contact per child of a MASH referral: each child is rated, screened and decided on in their own right.
  const contacts =
    submission.kind === "MASH"
      ? await tx.contact.createManyAndReturn({
          data: submission.children.map((child, childIndex) => ({
            referralId: referral.id,
            childIndex,
            childName: childNameOf(child),
            dateOfBirth: child.unborn === "NO" ? asDate(child.dateOfBirth) : null,
            expectedDueDate: child.unborn === "YES" ? asDate(child.expectedDueDate) : null,
            nhsNumber: child.nhsNumber || null,
            postcode: child.postcode,
            receivedAt: now,
          })),
          select: { id: true },
        })
      : [];
  const contactIds = contacts.map((contact) => contact.id);

  let attachments = 0;
  if (options.draftId) {
    ({ count: attachments } = await tx.attachment.updateMany({ where: { draftId: options.draftId, ownerId: user.id }, data: { referralId: referral.id, draftId: null } }));
    await tx.referralDraft.deleteMany({ where: { id: options.draftId, ownerId: user.id } });
  }

  await enqueueEmail(tx, acknowledgementEmail({ to: user.email, name: user.name, reference, kind: submission.kind, submittedAt: now }));
  // Audit events last: each takes the audit chain's lock until commit, so nothing should queue behind it.
  await recordAudits(tx, [
    {
      actorId: user.id,
      action: "referral.submitted",
      entityType: "Referral",
      entityId: referral.id,
      requestId: options.requestId,
      details: { reference, kind: submission.kind, level: options.level, children: submission.children.length, consent: sharing.consent.status, attachments, draftId: options.draftId ?? null },
    },
    ...contactIds.map((contactId) => ({ actorId: user.id, action: "contact.created", entityType: "Contact", entityId: contactId, requestId: options.requestId, details: { referralId: referral.id, reference, channel: "ONLINE" } })),
  ]);
  return { ok: true, referralId: referral.id, reference, created: true };
}

// --- Retention, run by the background worker (lib/notify/worker.ts) -------------------------------------
// A draft is kept DRAFT_KEPT_DAYS after it was last saved; its owner is reminded DRAFT_REMINDER_DAYS after.

const DAY = 24 * 60 * 60_000;
const RETENTION_BATCH = 100;
type DraftKind = "MASH" | "EARLY_HELP";

/**
 * Queues one reminder for every draft that will be deleted within the reminder window and has not had one,
 * and marks it reminded in the same transaction, so two workers, or two runs, never send two. Saving the
 * draft clears reminderSentAt (lib/referral/mutations.ts), so a draft left alone again gets a new one.
 * Owners who can no longer sign in are not reminded. Returns how many were reminded.
 */
export async function remindAboutDrafts(now: Date): Promise<number> {
  const windowEnd = new Date(now.getTime() + (DRAFT_KEPT_DAYS - DRAFT_REMINDER_DAYS) * DAY);
  let total = 0;
  for (;;) {
    const reminded = await db.$transaction(async (tx) => {
      const drafts = await tx.$queryRaw<{ id: string; kind: DraftKind; updatedAt: Date; expiresAt: Date; email: string; name: string }[]>`
        SELECT d."id", d."kind"::text AS "kind", d."updatedAt", d."expiresAt", u."email", u."name"
        FROM "ReferralDraft" d JOIN "User" u ON u."id" = d."ownerId"
        WHERE d."reminderSentAt" IS NULL AND d."expiresAt" > ${now} AND d."expiresAt" <= ${windowEnd} AND u."active"
        ORDER BY d."expiresAt", d."id"
        LIMIT ${RETENTION_BATCH}
        FOR UPDATE OF d SKIP LOCKED`;
      for (const draft of drafts) {
        await enqueueEmail(tx, draftReminderEmail({ to: draft.email, name: draft.name, kind: draft.kind, updatedAt: draft.updatedAt, expiresAt: draft.expiresAt }));
      }
      if (drafts.length > 0) await tx.referralDraft.updateMany({ where: { id: { in: drafts.map((draft) => draft.id) } }, data: { reminderSentAt: now } });
      return drafts.length;
    });
    total += reminded;
    if (reminded < RETENTION_BATCH) return total;
  }
}

/**
 * Deletes every draft whose time is up, with its attachments (the foreign key cascades), and records one
 * audit event a draft, in the same transaction. A draft saved while this runs is re-checked under its lock
 * and kept. Returns how many were deleted.
 */
export async function deleteExpiredDrafts(now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.$transaction(async (tx) => {
      // The attachment count is read from the statement's snapshot, before the cascade removes them.
      const drafts = await tx.$queryRaw<{ id: string; ownerId: string; kind: DraftKind; updatedAt: Date; expiresAt: Date; attachments: number }[]>`
        DELETE FROM "ReferralDraft" d
        WHERE d."id" IN (
          SELECT "id" FROM "ReferralDraft" WHERE "expiresAt" <= ${now} ORDER BY "expiresAt", "id" LIMIT ${RETENTION_BATCH} FOR UPDATE SKIP LOCKED
        )
        RETURNING d."id", d."ownerId", d."kind"::text AS "kind", d."updatedAt", d."expiresAt",
          (SELECT count(*)::int FROM "Attachment" a WHERE a."draftId" = d."id") AS "attachments"`;
      for (const draft of drafts) {
        await recordAudit(tx, {
          actorId: null,
          action: "draft.expired",
          entityType: "ReferralDraft",
          entityId: draft.id,
          details: { ownerId: draft.ownerId, kind: draft.kind, lastSavedAt: draft.updatedAt.toISOString(), expiresAt: draft.expiresAt.toISOString(), attachments: draft.attachments },
        });
      }
      return drafts.length;
    });
    total += deleted;
    if (deleted < RETENTION_BATCH) return total;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(value: string): boolean {
  return UUID.test(value);
}
