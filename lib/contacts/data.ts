import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ContactChannel, ContactStatus } from "@/lib/db/generated/enums";
import { isUuid } from "@/lib/ids";
import { todayInLondon } from "@/lib/referral/policy";
import { referralSubmissionSchema, type ReferralSubmission } from "@/lib/referral/schema";
import { ageLabel, contactScopeOf, type ContactScope } from "./policy";
import type { QueueFlag, QueueView, RagRating } from "./schema";

// Reads for the workbench. Every query goes through `scopeSql`, so a contact someone may not open is simply
// not there: not in a list, not by its id. The lists use keyset pagination on the partial indexes of the
// workbench migration, so a page costs the same with a thousand contacts or a million.

export { CONTACT_CHANNELS, QUEUE_FLAGS, QUEUE_VIEWS, type QueueFlag, type QueueView } from "./schema";

export const QUEUE_FLAG_LABELS: Record<QueueFlag, string> = {
  LEVEL_4: "Level 4 indicator",
  SECTION_47: "Section 47 indicator",
  NO_CONSENT: "Consent not obtained",
  IMMEDIATE_RISK: "Immediate risk",
  PRIOR_CONTACTS: "Earlier contacts",
};

export type QueueFilters = { channel?: ContactChannel | null; agencyId?: string | null; flag?: QueueFlag | null };

export type QueueRow = {
  id: string;
  reference: string;
  childName: string;
  age: string;
  agencyName: string | null;
  channel: ContactChannel;
  status: ContactStatus;
  receivedAt: Date;
  level4: boolean;
  section47: boolean;
  consentObtained: boolean;
  consentException: string | null;
  immediateRisk: boolean;
  priorContacts: number;
  followUpDueAt: Date | null;
  rating: RagRating | null;
  ratedAt: Date | null;
  deadlineAt: Date | null;
  warningAt: Date | null;
  breachedAt: Date | null;
  allocatedToName: string | null;
  version: number;
};

export type QueuePage = { rows: QueueRow[]; nextCursor: string | null };

export const QUEUE_PAGE_SIZE = 50;

export function scopeSql(scope: ContactScope): Prisma.Sql {
  switch (scope.kind) {
    case "ALL":
      return Prisma.sql`TRUE`;
    case "ALLOCATED_TO":
      return Prisma.sql`c."allocatedToId" = ${scope.userId}::uuid`;
    case "RATED":
      return Prisma.sql`c."rating" = ${scope.rating}::"RagRating"`;
    case "CFSS":
      return Prisma.sql`(c."rating" = 'GREEN' OR c."status" = 'WITH_CFSS')`;
    case "RECORDED_BY":
      return Prisma.sql`EXISTS (SELECT 1 FROM "PhoneContact" pc WHERE pc."id" = c."phoneContactId" AND pc."recordedById" = ${scope.userId}::uuid)`;
    case "NONE":
      return Prisma.sql`FALSE`;
  }
}

/**
 * Earlier contacts for the same child: the same NHS number, or the same date of birth and a name that is
 * close enough to be the same child typed differently (pg_trgm similarity; "Jon Smyth" finds "John Smith").
 * Two conditions, not one with OR, so each is answered from its own index alone (the migration
 * 20261125210000_earlier_contacts); `o` is the earlier contact, `c` the one on the page.
 */
const SIMILAR_NAME = 0.4;
const SAME_NHS_NUMBER = Prisma.sql`c."nhsNumber" IS NOT NULL AND o."nhsNumber" = c."nhsNumber" AND o."receivedAt" < c."receivedAt"`;
const SAME_NAME_AND_BIRTH = Prisma.sql`c."dateOfBirth" IS NOT NULL AND o."dateOfBirth" = c."dateOfBirth" AND o."receivedAt" < c."receivedAt"
  AND similarity(o."childName", c."childName") >= ${SIMILAR_NAME}`;
const EARLIER_CONTACT_COUNT = Prisma.sql`(SELECT count(*) FROM (
    SELECT o."id" FROM "Contact" o WHERE ${SAME_NHS_NUMBER} UNION SELECT o."id" FROM "Contact" o WHERE ${SAME_NAME_AND_BIRTH}
  ) AS earlier)::int`;
const HAS_EARLIER_CONTACT = Prisma.sql`(EXISTS (SELECT 1 FROM "Contact" o WHERE ${SAME_NHS_NUMBER}) OR EXISTS (SELECT 1 FROM "Contact" o WHERE ${SAME_NAME_AND_BIRTH}))`;

function filterSql(filters: QueueFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.channel) parts.push(Prisma.sql`c."channel" = ${filters.channel}::"ContactChannel"`);
  if (filters.agencyId && isUuid(filters.agencyId)) parts.push(Prisma.sql`c."agencyId" = ${filters.agencyId}::uuid`);
  switch (filters.flag) {
    case "LEVEL_4":
      parts.push(Prisma.sql`c."level4"`);
      break;
    case "SECTION_47":
      parts.push(Prisma.sql`c."section47"`);
      break;
    case "NO_CONSENT":
      parts.push(Prisma.sql`NOT c."consentObtained"`);
      break;
    case "IMMEDIATE_RISK":
      parts.push(Prisma.sql`c."immediateRisk"`);
      break;
    case "PRIOR_CONTACTS":
      parts.push(HAS_EARLIER_CONTACT);
      break;
  }
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

type Cursor = { at: Date; id: string };

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

/** A cursor from a URL; anything that is not one we made is null (the list starts again). */
export function decodeCursor(cursor: string | null | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || !isUuid(id)) return null;
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? null : { at: date, id };
  } catch {
    return null;
  }
}

type RawRow = Omit<QueueRow, "age"> & { dateOfBirth: Date | null; expectedDueDate: Date | null };

/**
 * One page of a queue view the caller may see: "awaiting" (new contacts, oldest first) or "open" (rated and
 * not closed, soonest deadline first). A social worker's "open" view is their allocations; the DAAT
 * manager's, the Red contacts; a CFSS coordinator's, the Green ones. Null when the role has no queue.
 */
export async function listContacts(
  user: SessionUser,
  options: { view: QueueView; filters?: QueueFilters; cursor?: string | null; limit?: number; now?: Date },
): Promise<QueuePage | null> {
  if (!can(user, "contacts:read")) return null;
  const scope = contactScopeOf(user);
  if (scope.kind === "NONE") return null;
  const limit = Math.min(Math.max(options.limit ?? QUEUE_PAGE_SIZE, 1), 200);
  const cursor = decodeCursor(options.cursor);
  const awaiting = options.view === "awaiting";
  // The view's WHERE matches its partial index word for word, and the ORDER BY its columns, so PostgreSQL
  // walks the index from the cursor and stops after `limit` rows.
  const view = awaiting ? Prisma.sql`c."status" = 'AWAITING_RAG'` : Prisma.sql`c."deadlineAt" IS NOT NULL AND c."closedAt" IS NULL`;
  const key = awaiting ? Prisma.sql`c."receivedAt"` : Prisma.sql`c."deadlineAt"`;
  const after = cursor ? Prisma.sql`AND (${key}, c."id") > (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : Prisma.empty;

  const rows = await db.$queryRaw<RawRow[]>`
    SELECT c."id", COALESCE(r."reference", p."reference") AS "reference", c."childName", c."dateOfBirth", c."expectedDueDate",
           a."name" AS "agencyName", c."channel"::text AS "channel", c."status"::text AS "status", c."receivedAt",
           c."level4", c."section47", c."consentObtained", c."consentException"::text AS "consentException", c."immediateRisk",
           ${EARLIER_CONTACT_COUNT} AS "priorContacts",
           CASE WHEN p."followUpLinkedAt" IS NULL THEN p."followUpDueAt" END AS "followUpDueAt",
           c."rating"::text AS "rating", c."ratedAt", c."deadlineAt", c."warningAt", c."breachedAt", u."name" AS "allocatedToName", c."version"
    FROM "Contact" c
    LEFT JOIN "Referral" r ON r."id" = c."referralId"
    LEFT JOIN "PhoneContact" p ON p."id" = c."phoneContactId"
    LEFT JOIN "Agency" a ON a."id" = c."agencyId"
    LEFT JOIN "User" u ON u."id" = c."allocatedToId"
    WHERE ${view} AND ${scopeSql(scope)} ${filterSql(options.filters ?? {})} ${after}
    ORDER BY ${key}, c."id"
    LIMIT ${limit + 1}`;

  const today = todayInLondon(options.now ?? new Date());
  const page = rows.slice(0, limit).map(({ dateOfBirth, expectedDueDate, ...row }) => ({ ...row, age: ageLabel({ dateOfBirth, expectedDueDate }, today) }));
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor((awaiting ? last.receivedAt : last.deadlineAt)!, last.id) : null;
  return { rows: page, nextCursor };
}

/** How many contacts wait for a rating, and the newest's time: the queue page polls this to say "2 new contacts". */
export async function queueSummary(user: SessionUser): Promise<{ awaiting: number; newestAt: Date | null } | null> {
  if (!can(user, "contacts:read")) return null;
  const scope = contactScopeOf(user);
  if (scope.kind === "NONE") return null;
  const [row] = await db.$queryRaw<{ awaiting: number; newestAt: Date | null }[]>`
    SELECT count(*)::int AS "awaiting", max(c."receivedAt") AS "newestAt" FROM "Contact" c WHERE c."status" = 'AWAITING_RAG' AND ${scopeSql(scope)}`;
  return row ?? { awaiting: 0, newestAt: null };
}

/** Whether the caller may open this contact (the same scope as the lists). */
export async function isVisible(user: SessionUser, contactId: string): Promise<boolean> {
  if (!can(user, "contacts:read") || !isUuid(contactId)) return false;
  const scope = contactScopeOf(user);
  if (scope.kind === "NONE") return false;
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT c."id" FROM "Contact" c WHERE c."id" = ${contactId}::uuid AND ${scopeSql(scope)}`;
  return rows.length > 0;
}

export type EarlierContact = { id: string | null; reference: string; childName: string; receivedAt: Date; status: ContactStatus; rating: RagRating | null; matchedBy: "NHS_NUMBER" | "NAME_AND_DATE_OF_BIRTH" };

export type TimelineEntry = { id: string; at: Date; action: string; actorName: string | null; details: Record<string, unknown> };

export type ContactRecord = {
  id: string;
  reference: string;
  version: number;
  status: ContactStatus;
  channel: ContactChannel;
  receivedAt: Date;
  child: { index: number; name: string; age: string; dateOfBirth: Date | null; expectedDueDate: Date | null; nhsNumber: string | null; postcode: string | null };
  flags: { level4: boolean; section47: boolean; consentObtained: boolean; consentException: string | null; immediateRisk: boolean };
  rating: RagRating | null;
  ratedAt: Date | null;
  deadlineAt: Date | null;
  warningAt: Date | null;
  breachedAt: Date | null;
  closedAt: Date | null;
  allocatedTo: { id: string; name: string } | null;
  referral: {
    id: string;
    reference: string;
    kind: "MASH" | "EARLY_HELP";
    submittedAt: Date;
    referrer: { name: string; email: string; jobTitle: string | null; phone: string | null; agencyName: string | null };
    answers: ReferralSubmission | null;
    indicators: { indicatorId: string; thresholdVersion: string }[];
    consent: { status: string; givenBy: string | null; relationship: string | null; givenAt: string | null; method: string | null; exceptionReason: string | null; rationale: string | null; effortsOrViews: string | null; youngPersonViews: string | null; familyInformed: boolean; reasonNotInformed: string | null } | null;
    attachments: { id: string; fileName: string; mediaType: string; size: number }[];
  } | null;
  phoneContactId: string | null;
  ratings: { id: string; rating: RagRating; previousRating: RagRating | null; direction: string; rationale: string; ratedAt: Date; deadlineAt: Date; breachedAt: Date | null; ratedBy: string }[];
  allocations: { id: string; socialWorker: string; allocatedBy: string; allocatedAt: Date; reason: string | null }[];
  earlierContacts: EarlierContact[];
  timeline: TimelineEntry[];
};

/** Everything about one contact the caller may open, or null ("not found") when they may not. */
export async function findContact(user: SessionUser, contactId: string, now = new Date()): Promise<ContactRecord | null> {
  if (!(await isVisible(user, contactId))) return null;
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    include: {
      allocatedTo: { select: { id: true, name: true } },
      phoneContact: { select: { reference: true } },
      referral: {
        select: {
          id: true,
          reference: true,
          kind: true,
          submittedAt: true,
          answers: true,
          referrer: { select: { name: true, email: true, jobTitle: true, phone: true, agency: { select: { name: true } } } },
          indicators: { select: { indicatorId: true, thresholdVersion: true }, orderBy: { indicatorId: "asc" } },
          consent: true,
          attachments: { select: { id: true, fileName: true, mediaType: true, size: true }, orderBy: { createdAt: "asc" } },
          _count: { select: { contacts: true } },
        },
      },
      ratings: { orderBy: { ratedAt: "desc" }, include: { ratedBy: { select: { name: true } } } },
      allocations: { orderBy: { allocatedAt: "desc" }, include: { socialWorker: { select: { name: true } }, allocatedBy: { select: { name: true } } } },
    },
  });
  if (!contact) return null;
  const { referral } = contact;
  const answers = referral ? referralSubmissionSchema.safeParse(referral.answers) : null;
  const [earlierContacts, timeline] = await Promise.all([listEarlierContacts(contactId), listTimeline(contactId)]);
  return {
    id: contact.id,
    reference: referral?.reference ?? contact.phoneContact?.reference ?? "",
    version: contact.version,
    status: contact.status,
    channel: contact.channel,
    receivedAt: contact.receivedAt,
    child: {
      index: contact.childIndex,
      name: contact.childName,
      age: ageLabel(contact, todayInLondon(now)),
      dateOfBirth: contact.dateOfBirth,
      expectedDueDate: contact.expectedDueDate,
      nhsNumber: contact.nhsNumber,
      postcode: contact.postcode,
    },
    flags: { level4: contact.level4, section47: contact.section47, consentObtained: contact.consentObtained, consentException: contact.consentException, immediateRisk: contact.immediateRisk },
    rating: contact.rating,
    ratedAt: contact.ratedAt,
    deadlineAt: contact.deadlineAt,
    warningAt: contact.warningAt,
    breachedAt: contact.breachedAt,
    closedAt: contact.closedAt,
    allocatedTo: contact.allocatedTo,
    referral: referral
      ? {
          id: referral.id,
          reference: referral.reference,
          kind: referral.kind,
          submittedAt: referral.submittedAt,
          referrer: { name: referral.referrer.name, email: referral.referrer.email, jobTitle: referral.referrer.jobTitle, phone: referral.referrer.phone, agencyName: referral.referrer.agency?.name ?? null },
          answers: answers?.success ? answers.data : null,
          indicators: referral.indicators,
          consent: referral.consent,
          attachments: referral.attachments,
        }
      : null,
    phoneContactId: contact.phoneContactId,
    ratings: contact.ratings.map((r) => ({ id: r.id, rating: r.rating, previousRating: r.previousRating, direction: r.direction, rationale: r.rationale, ratedAt: r.ratedAt, deadlineAt: r.deadlineAt, breachedAt: r.breachedAt, ratedBy: r.ratedBy.name })),
    allocations: contact.allocations.map((a) => ({ id: a.id, socialWorker: a.socialWorker.name, allocatedBy: a.allocatedBy.name, allocatedAt: a.allocatedAt, reason: a.reason })),
    earlierContacts,
    timeline,
  };
}

/** Earlier contacts for the same child, newest first (see SAME_NHS_NUMBER and SAME_NAME_AND_BIRTH). */
async function listEarlierContacts(contactId: string): Promise<EarlierContact[]> {
  return db.$queryRaw<EarlierContact[]>`
    SELECT o."id", COALESCE(r."reference", p."reference") AS "reference", o."childName", o."receivedAt", o."status"::text AS "status", o."rating"::text AS "rating",
           CASE WHEN c."nhsNumber" IS NOT NULL AND o."nhsNumber" = c."nhsNumber" THEN 'NHS_NUMBER' ELSE 'NAME_AND_DATE_OF_BIRTH' END AS "matchedBy"
    FROM "Contact" c
    JOIN "Contact" o ON (${SAME_NHS_NUMBER}) OR (${SAME_NAME_AND_BIRTH})
    LEFT JOIN "Referral" r ON r."id" = o."referralId"
    LEFT JOIN "PhoneContact" p ON p."id" = o."phoneContactId"
    WHERE c."id" = ${contactId}::uuid
    ORDER BY o."receivedAt" DESC
    LIMIT 20`;
}

/** Every decision on the contact, oldest first, from the audit trail (the record of who did what, when and why). */
async function listTimeline(contactId: string): Promise<TimelineEntry[]> {
  const events = await db.$queryRaw<{ id: bigint; at: Date; action: string; actorName: string | null; details: Record<string, unknown> }[]>`
    SELECT e."id", e."occurredAt" AS "at", e."action", u."name" AS "actorName", e."details"
    FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"
    WHERE e."entityType" = 'Contact' AND e."entityId" = ${contactId} AND e."action" <> 'record.viewed'
    ORDER BY e."id"`;
  return events.map((event) => ({ ...event, id: event.id.toString() }));
}

/** The social workers a manager can allocate to, by name. */
export async function listSocialWorkers(): Promise<{ id: string; name: string; jobTitle: string | null }[]> {
  return db.user.findMany({ where: { role: "SOCIAL_WORKER", active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, jobTitle: true } });
}

/** The agencies that have sent contacts, for the queue's filter. */
export async function listReferringAgencies(): Promise<{ id: string; name: string }[]> {
  return db.agency.findMany({ where: { kind: { not: "CHILDRENS_SOCIAL_CARE" } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/**
 * A file the referrer attached, for someone who may open the contact it came with; null ("not found") for
 * anyone else, for a file from another referral, or for one that does not exist.
 */
export async function findContactAttachment(user: SessionUser, contactId: string, attachmentId: string): Promise<{ fileName: string; mediaType: string; content: Uint8Array } | null> {
  if (!isUuid(attachmentId) || !(await isVisible(user, contactId))) return null;
  return db.attachment.findFirst({
    where: { id: attachmentId, referral: { contacts: { some: { id: contactId } } } },
    select: { fileName: true, mediaType: true, content: true },
  });
}
