import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { checkConsent } from "@/lib/consent/policy";
import { deadlineFor } from "@/lib/contacts/deadlines";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { enqueueEmail } from "@/lib/notify/mutations";
import { fieldErrorsOf, invalid, NOT_FOUND, type ActionResult, type FieldErrors } from "@/lib/result";
import { assessIndicators } from "@/lib/thresholds/data";
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
import { isUuid } from "@/lib/ids";

// Writes for the referral forms and the API. Each runs in one transaction with its audit events; a
// submitted referral's acknowledgement e-mail goes into the outbox in the same transaction.

const FORBIDDEN = { ok: false, reason: "FORBIDDEN" } as const;

export type SubmittedReferral = {
  referralId: string;
  reference: string;
  kind: ReferralKind;
  level: number;
  status: "RECEIVED" | "SCREENING" | "OUTCOME_SENT";
  submittedAt: Date;
  /** False when this was a retry that found the referral an earlier attempt made. */
  created: boolean;
};
export type SubmitResult = ActionResult<SubmittedReferral>;

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
    return (await findEarlierSubmission(user.id, idempotencyKey, "")) ?? NOT_FOUND;
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
  // No look-up first: the insert itself finds an earlier submission with the key (ON CONFLICT), so a
  // first submission, the common case, costs one statement.
  const { idempotencyKey } = options;
  const write = { level: check.level, flags: check.flags, requestHash, idempotencyKey, requestId: options.requestId ?? null };
  const { draftId } = options;
  // A draft's attachments move to the referral and the draft goes, in the same transaction. The API's
  // referral is a single statement, atomic on its own.
  const written = draftId
    ? await db.$transaction(async (tx) => {
        const referral = await insertReferral(tx, user, submission, write);
        if (referral) await settleDraft(tx, user, draftId, referral.referralId, options.requestId ?? null);
        return referral;
      })
    : await insertReferral(db, user, submission, write);
  if (written) return { ok: true, ...written };
  // Another submission with this key got there first (the insert waited for it to commit).
  const earlier = idempotencyKey ? await findEarlierSubmission(user.id, idempotencyKey, requestHash) : null;
  if (!earlier) throw new Error("A referral with this idempotency key was neither written nor found");
  return earlier;
}

async function findEarlierSubmission(referrerId: string, idempotencyKey: string, requestHash: string): Promise<SubmitResult | null> {
  const earlier = await db.referral.findUnique({
    where: { referrerId_idempotencyKey: { referrerId, idempotencyKey } },
    select: { id: true, reference: true, kind: true, level: true, status: true, submittedAt: true, requestHash: true },
  });
  if (!earlier) return null;
  // The same key with different answers is a mistake in the client, not a retry.
  if (earlier.requestHash !== requestHash && !idempotencyKey.startsWith("draft:")) return { ok: false, reason: "CONFLICT" };
  const { id, requestHash: _hash, ...rest } = earlier;
  return { ok: true, referralId: id, ...rest, created: false };
}

/** What the MASH queue shows about a referral at a glance, worked out once as it arrives. */
type ContactFlags = { level4: boolean; section47: boolean };

type SubmissionCheck = { ok: true; level: 2 | 3 | 4; flags: ContactFlags } | { ok: false; failure: SubmitResult & { ok: false } };

/** The rules no schema can say: the level, the threshold indicators, the consent gate, a young person's views. */
function checkSubmission(submission: ReferralSubmission, now: Date): SubmissionCheck {
  const level = checkReferralLevel(submission.kind, submission.needs.chosenLevel);
  if (!level.ok) return { ok: false, failure: invalid({ "needs.chosenLevel": level.message }) };

  const assessment = assessIndicators(submission.needs.thresholdVersion, submission.needs.indicatorIds);
  if (!assessment) return { ok: false, failure: invalid({ "needs.thresholdVersion": "Choose a published version of the threshold guidance" }) };
  const { document, found, unknown } = assessment;
  if (unknown.length > 0) return { ok: false, failure: invalid({ "needs.indicatorIds": `These are not indicators of ${document.id}: ${unknown.join(", ")}` }) };
  // Choosing another level than the suggested one needs a reason, and the MASH sees both.
  const suggested = assessment.suggestedLevel;
  submission.needs.suggestedLevel = suggested ?? undefined;
  if (suggested && suggested !== submission.needs.chosenLevel && !submission.needs.levelReason) {
    return { ok: false, failure: invalid({ "needs.levelReason": "Explain why you chose a different level from the one suggested" }) };
  }

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
  return { ok: true, level: level.level, flags: { level4: found.some((i) => i.level === 4), section47: found.some((i) => i.s47) } };
}

function childNameOf(child: ReferralSubmission["children"][number]): string {
  if (child.unborn === "YES") return child.firstName ? `${child.firstName} ${child.lastName} (unborn)` : `Unborn baby ${child.lastName}`;
  return `${child.firstName} ${child.lastName}`;
}


const REFERENCE_PLACEHOLDER = "{{reference}}";

/**
 * Writes the referral and everything that goes with it in ONE statement: the referral (its number from
 * the sequence), the consent record, the indicators, a contact per child (MASH or CFSS), the
 * acknowledgement e-mail and the audit events. One round trip, so the audit chain's lock is held for the
 * least time. Returns null when a referral with this idempotency key already exists (ON CONFLICT waits for
 * a concurrent one to commit, then does nothing).
 */
async function insertReferral(
  tx: Tx | typeof db,
  user: SessionUser,
  submission: ReferralSubmission,
  options: { level: 2 | 3 | 4; flags: ContactFlags; requestHash: string; idempotencyKey: string | null; requestId: string | null },
): Promise<Omit<SubmittedReferral, "created"> & { created: true } | null> {
  const now = new Date();
  const year = todayInLondon(now).slice(0, 4);
  const prefix = referenceFor(submission.kind, 0, 0).split("-")[0]!;
  const { needs, informationSharing: sharing } = submission;
  const { consent } = sharing;
  // One contact per child: each child is rated, screened and decided on in their own right. A MASH
  // referral's wait for a RAG rating; an early-help request's go straight to the CFSS coordinators
  // (WITH_CFSS), whose 3-working-day triage clock starts now.
  const contacts = submission.children.map((child, childIndex) => ({
    childIndex,
    childName: childNameOf(child),
    dateOfBirth: child.unborn === "NO" ? child.dateOfBirth || null : null,
    expectedDueDate: child.unborn === "YES" ? child.expectedDueDate || null : null,
    nhsNumber: child.nhsNumber || null,
    postcode: child.postcode,
  }));
  const contactStatus = submission.kind === "MASH" ? "AWAITING_RAG" : "WITH_CFSS";
  const triageDueAt = submission.kind === "MASH" ? null : deadlineFor("CFSS_TRIAGE", now).toISOString();
  const email = acknowledgementEmail({ to: user.email, name: user.name, reference: REFERENCE_PLACEHOLDER, kind: submission.kind, submittedAt: now });
  const auditDetails = { kind: submission.kind, level: options.level, children: submission.children.length, consent: consent.status };
  const at = now.toISOString();
  const text = (value: string | null | undefined) => value || null;
  const { level4, section47 } = options.flags;

  const rows = await tx.$queryRaw<{ id: string; reference: string }[]>`
    WITH n AS (SELECT nextval('"Referral_number_seq"')::int AS "number"),
    r AS (
      INSERT INTO "Referral" ("id", "number", "reference", "kind", "level", "status", "referrerId", "idempotencyKey", "requestHash", "answers", "thresholdVersion", "suggestedLevel", "submittedAt")
      SELECT gen_random_uuid(), n."number", ${prefix} || '-' || ${year} || '-' || lpad(n."number"::text, greatest(6, length(n."number"::text)), '0'),
             ${submission.kind}::"ReferralKind", ${options.level}::int, 'RECEIVED', ${user.id}::uuid, ${options.idempotencyKey}, ${options.requestHash},
             ${JSON.stringify(submission)}::jsonb, ${needs.thresholdVersion}, ${needs.suggestedLevel ?? null}::int, ${at}::timestamptz
      FROM n
      ON CONFLICT ("referrerId", "idempotencyKey") DO NOTHING
      RETURNING "id", "reference"
    ),
    consent AS (
      INSERT INTO "ConsentRecord" ("id", "referralId", "status", "givenBy", "relationship", "givenAt", "method", "exceptionReason", "rationale", "effortsOrViews", "youngPersonViews", "familyInformed", "reasonNotInformed", "recordedAt")
      SELECT gen_random_uuid(), r."id", ${consent.status}::"ConsentStatus", ${text(consent.givenBy)}, ${text(consent.relationship)}, ${text(consent.givenAt)},
             ${text(consent.method)}::"ConsentMethod", ${text(consent.exceptionReason)}::"ConsentException", ${text(consent.rationale)}, ${text(consent.effortsOrViews)},
             ${text(sharing.youngPersonViews)}, ${sharing.familyInformed === "YES"}, ${text(sharing.reasonNotInformed)}, ${at}::timestamptz
      FROM r
    ),
    indicators AS (
      INSERT INTO "ReferralIndicator" ("referralId", "indicatorId", "thresholdVersion")
      SELECT DISTINCT r."id", i.value, ${needs.thresholdVersion} FROM r, jsonb_array_elements_text(${JSON.stringify(needs.indicatorIds)}::jsonb) AS i
    ),
    contacts AS (
      INSERT INTO "Contact" ("id", "referralId", "childIndex", "childName", "dateOfBirth", "expectedDueDate", "nhsNumber", "postcode", "status", "channel", "receivedAt",
                             "agencyId", "level4", "section47", "consentObtained", "consentException", "triageDueAt")
      SELECT gen_random_uuid(), r."id", c."childIndex", c."childName", c."dateOfBirth", c."expectedDueDate", c."nhsNumber", c."postcode", ${contactStatus}::"ContactStatus", 'ONLINE', ${at}::timestamptz,
             ${user.agencyId}::uuid, ${level4}, ${section47}, ${consent.status === "GIVEN"}, ${text(consent.exceptionReason)}::"ConsentException", ${triageDueAt}::timestamptz
      FROM r, jsonb_to_recordset(${JSON.stringify(contacts)}::jsonb) AS c("childIndex" int, "childName" text, "dateOfBirth" date, "expectedDueDate" date, "nhsNumber" text, "postcode" text)
      RETURNING "id", "childIndex"
    ),
    outbox AS (
      INSERT INTO "OutboxMessage" ("to", "subject", "body", "createdAt", "availableAt")
      SELECT ${email.to}, replace(${email.subject}, ${REFERENCE_PLACEHOLDER}, r."reference"), replace(${email.body}, ${REFERENCE_PLACEHOLDER}, r."reference"), ${at}::timestamptz, ${at}::timestamptz
      FROM r
    ),
    audit AS (
      INSERT INTO "AuditEvent" ("occurredAt", "actorId", "action", "entityType", "entityId", "requestId", "details")
      SELECT e."occurredAt", e."actorId", e."action", e."entityType", e."entityId", e."requestId", e."details" FROM (
        SELECT 0 AS "order", ${at}::timestamptz AS "occurredAt", ${user.id}::uuid AS "actorId", 'referral.submitted' AS "action", 'Referral' AS "entityType", r."id"::text AS "entityId", ${options.requestId} AS "requestId",
               ${JSON.stringify(auditDetails)}::jsonb || jsonb_build_object('reference', r."reference") AS "details"
        FROM r
        UNION ALL
        SELECT 1 + c."childIndex", ${at}::timestamptz, ${user.id}::uuid, 'contact.created', 'Contact', c."id"::text, ${options.requestId},
               jsonb_build_object('referralId', r."id", 'reference', r."reference", 'channel', 'ONLINE')
        FROM r, contacts c
      ) e ORDER BY e."order"
    )
    SELECT "id", "reference" FROM r`;
  const row = rows[0];
  if (!row) return null;
  return { referralId: row.id, reference: row.reference, kind: submission.kind, level: options.level, status: "RECEIVED", submittedAt: new Date(at), created: true };
}

/** Moves a sent draft's attachments to its referral and deletes the draft. */
async function settleDraft(tx: Tx, user: SessionUser, draftId: string, referralId: string, requestId: string | null): Promise<void> {
  const { count } = await tx.attachment.updateMany({ where: { draftId, ownerId: user.id }, data: { referralId, draftId: null } });
  await tx.referralDraft.deleteMany({ where: { id: draftId, ownerId: user.id } });
  await recordAudit(tx, { actorId: user.id, action: "draft.submitted", entityType: "ReferralDraft", entityId: draftId, requestId, details: { referralId, attachments: count } });
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

