import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { scopeSql } from "@/lib/contacts/data";
import { contactScopeOf } from "@/lib/contacts/policy";
import { db } from "@/lib/db/client";
import type { StrategyDecision } from "@/lib/db/generated/enums";
import { isUuid } from "@/lib/ids";
import type { StrategyAction, StrategyAttendee } from "./schema";

// Reads for the Red strategy discussion. Visible exactly to those who may open the contact (the DAAT manager
// sees Red contacts; managers all): the contact scope is part of the query, so anyone else gets null.

export type StrategyMeetingRecord = {
  id: string;
  contactId: string;
  priority: string;
  agreedAt: Date;
  heldAt: Date | null;
  attendees: StrategyAttendee[];
  informationShared: string | null;
  decision: StrategyDecision | null;
  actions: StrategyAction[];
  recordedBy: string;
  recordedAt: Date;
};

type Row = Omit<StrategyMeetingRecord, "attendees" | "actions"> & { attendees: unknown; actions: unknown };

/** The contact's latest strategy meeting, or null when there is none or the caller may not open the contact. */
export async function findStrategyMeeting(user: SessionUser, contactId: string): Promise<StrategyMeetingRecord | null> {
  if (!can(user, "contacts:read") || !isUuid(contactId)) return null;
  const scope = contactScopeOf(user);
  if (scope.kind === "NONE") return null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT s."id", s."contactId", s."priority", s."agreedAt", s."heldAt", s."attendees", s."informationShared", s."decision"::text AS "decision",
           s."actions", u."name" AS "recordedBy", s."recordedAt"
    FROM "StrategyMeeting" s
    JOIN "Contact" c ON c."id" = s."contactId"
    JOIN "User" u ON u."id" = s."recordedById"
    WHERE s."contactId" = ${contactId}::uuid AND ${scopeSql(scope)}
    ORDER BY s."agreedAt" DESC
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  return { ...row, attendees: (row.attendees ?? []) as StrategyAttendee[], actions: (row.actions ?? []) as StrategyAction[] };
}

export type RedContactClock = { reference: string; rating: string | null; ratedAt: Date | null; deadlineAt: Date | null; breachedAt: Date | null; closedAt: Date | null; version: number };

/** What the strategy section needs about the contact itself: its Red clock, status and version. Null when not visible. */
export async function findRedContactClock(
  user: SessionUser,
  contactId: string,
): Promise<RedContactClock | null> {
  if (!can(user, "contacts:read") || !isUuid(contactId)) return null;
  const scope = contactScopeOf(user);
  if (scope.kind === "NONE") return null;
  const rows = await db.$queryRaw<RedContactClock[]>`
    SELECT COALESCE(r."reference", p."reference") AS "reference", c."rating"::text AS "rating", c."ratedAt", c."deadlineAt", c."breachedAt", c."closedAt", c."version"
    FROM "Contact" c
    LEFT JOIN "Referral" r ON r."id" = c."referralId"
    LEFT JOIN "PhoneContact" p ON p."id" = c."phoneContactId"
    WHERE c."id" = ${contactId}::uuid AND ${scopeSql(scope)}`;
  return rows[0] ?? null;
}
