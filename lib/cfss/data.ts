import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { scopeSql } from "@/lib/contacts/data";
import { contactScopeOf } from "@/lib/contacts/policy";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { oversightConcerns } from "./policy";
import type { CfssActionKind, OversightConcern } from "./schema";

// Reads for CFSS triage. The contact scope is part of every query (a coordinator sees Green contacts and
// early-help requests; managers all), so anything else is simply not found.

export type CfssQueueRow = { id: string; reference: string; childName: string; status: string; rating: string | null; receivedAt: Date; triageDueAt: Date | null; awaitingOversight: boolean };

/**
 * The partnership coordinators' queue: open Green contacts and early-help requests still with CFSS, the
 * soonest triage deadline first. Null for a role without it. Escalated contacts (back with the MASH) are left out.
 */
export async function listCfssQueue(user: SessionUser, options: { limit?: number } = {}): Promise<CfssQueueRow[] | null> {
  if (!can(user, "cfss:triage") && !can(user, "cfss:oversee")) return null;
  const scope = contactScopeOf(user);
  if (scope.kind === "NONE") return null;
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 200);
  return db.$queryRaw<CfssQueueRow[]>`
    SELECT c."id", COALESCE(r."reference", p."reference") AS "reference", c."childName", c."status"::text AS "status", c."rating"::text AS "rating",
           c."receivedAt", c."triageDueAt",
           EXISTS (SELECT 1 FROM "CfssAction" a WHERE a."contactId" = c."id" AND a."oversightBy" IS NULL
                   AND a."kind" IN ('ADVICE_AND_SIGNPOSTING', 'OPEN_TO_TARGETED_SERVICES', 'CLOSED')) AS "awaitingOversight"
    FROM "Contact" c
    LEFT JOIN "Referral" r ON r."id" = c."referralId"
    LEFT JOIN "PhoneContact" p ON p."id" = c."phoneContactId"
    WHERE c."closedAt" IS NULL AND (c."status" = 'WITH_CFSS' OR (c."status" = 'RATED' AND c."rating" = 'GREEN')) AND ${scopeSql(scope)}
    ORDER BY c."triageDueAt" NULLS LAST, c."receivedAt", c."id"
    LIMIT ${limit}`;
}

export type CfssActionRecord = {
  id: string;
  kind: CfssActionKind;
  worries: string;
  workingWell: string;
  needsToHappen: string;
  notes: string;
  locality: string | null;
  recordedBy: string;
  recordedAt: Date;
  /** Who gave management oversight; null on a closure still waiting for it, or an action that needed none. */
  oversightByName: string | null;
  awaitingOversight: boolean;
};

export type CfssTriage = {
  contactId: string;
  reference: string;
  /** The oversight concerns the referral itself shows (indicators, the child's school, open to early help). */
  referralConcerns: OversightConcern[];
  status: string;
  rating: string | null;
  version: number;
  closedAt: Date | null;
  triageDueAt: Date | null;
  actions: CfssActionRecord[];
};

/** A contact's CFSS triage (its clock and every action, oldest first), or null when the caller may not open it. */
export async function findCfssTriage(user: SessionUser, contactId: string): Promise<CfssTriage | null> {
  if (!can(user, "contacts:read") || !isUuid(contactId)) return null;
  const scope = contactScopeOf(user);
  if (scope.kind === "NONE") return null;
  const contacts = await db.$queryRaw<(Omit<CfssTriage, "actions" | "contactId" | "referralConcerns"> & { answers: unknown; indicatorIds: string[] | null; openToEarlyHelp: string | null })[]>`
    SELECT COALESCE(r."reference", p."reference") AS "reference", c."status"::text AS "status", c."rating"::text AS "rating", c."version", c."closedAt", c."triageDueAt",
           CASE WHEN r."id" IS NULL THEN NULL ELSE r."answers" -> 'children' -> c."childIndex" END AS "answers",
           (SELECT array_agg(i."indicatorId") FROM "ReferralIndicator" i WHERE i."referralId" = c."referralId") AS "indicatorIds",
           r."answers" -> 'professionals' ->> 'openToEarlyHelp' AS "openToEarlyHelp"
    FROM "Contact" c
    LEFT JOIN "Referral" r ON r."id" = c."referralId"
    LEFT JOIN "PhoneContact" p ON p."id" = c."phoneContactId"
    WHERE c."id" = ${contactId}::uuid AND ${scopeSql(scope)}`;
  const row = contacts[0];
  if (!row) return null;
  const { answers: child, indicatorIds, openToEarlyHelp, ...contact } = row;
  const school = typeof child === "object" && child !== null && "school" in child && typeof child.school === "string" ? child.school : null;
  const referralConcerns = oversightConcerns({ indicatorIds: indicatorIds ?? [], school, openToEarlyHelp });
  const actions = await db.$queryRaw<(Omit<CfssActionRecord, "awaitingOversight"> & { oversightBy: string | null })[]>`
    SELECT a."id", a."kind"::text AS "kind", a."worries", a."workingWell", a."needsToHappen", a."notes", a."locality", u."name" AS "recordedBy", a."recordedAt",
           a."oversightBy", o."name" AS "oversightByName"
    FROM "CfssAction" a
    JOIN "User" u ON u."id" = a."recordedById"
    LEFT JOIN "User" o ON o."id"::text = a."oversightBy"
    WHERE a."contactId" = ${contactId}::uuid
    ORDER BY a."recordedAt", a."id"`;
  const closing = new Set<string>(["ADVICE_AND_SIGNPOSTING", "OPEN_TO_TARGETED_SERVICES", "CLOSED"]);
  // A held closure waits only while the contact is open and still with CFSS (not escalated or re-rated).
  const withCfss = !contact.closedAt && contact.status !== "AWAITING_RAG" && (contact.rating === "GREEN" || contact.status === "WITH_CFSS");
  return {
    contactId,
    ...contact,
    referralConcerns,
    actions: actions.map(({ oversightBy, ...action }) => ({ ...action, awaitingOversight: withCfss && closing.has(action.kind) && oversightBy === null })),
  };
}
