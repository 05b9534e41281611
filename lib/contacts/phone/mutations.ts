import { recordAudit } from "@/lib/audit/mutations";
import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import type { CONSENT_STATUSES, ConsentException } from "@/lib/consent/policy";
import { db, type Tx } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { notifyUsers, type NotificationMessage } from "@/lib/notifications/mutations";
import { fieldErrorsOf, invalid, NOT_FOUND, type ActionResult } from "@/lib/result";
import { todayInLondon } from "@/lib/referral/policy";
import { deadlineFor } from "../deadlines";
import { followUpLinkSchema, phoneContactSchema, policeNotificationSchema, type CallerType, type PhoneChild } from "./schema";

// The phone contacts' writes: recording a phone call or a police protection notification (a PhoneContact and
// one Contact per child, awaiting a RAG rating), and closing a professional's written follow-up by linking
// the MASH referral; and alerting, once, a follow-up that has not arrived in time. The schemas are in ./schema.

const FORBIDDEN = { ok: false, reason: "FORBIDDEN" } as const;

export type RecordedContact = { phoneContactId: string; reference: string; contactIds: string[] };
type Options = { requestId?: string | null; now?: Date };

/** TEL-2026-000123 for a phone contact, PPN-2026-000124 for a police notification (the referrals' sequence). */
export const REFERENCE_PREFIXES = { PHONE: "TEL", POLICE_NOTIFICATION: "PPN" } as const;

function childNameOf(child: PhoneChild): string {
  return [child.firstName, child.lastName].filter(Boolean).join(" ");
}

/** The Contact rows' columns; everything else the caller said about a child stays in the phone contact's details. */
function contactRowsOf(list: PhoneChild[]) {
  return list.map((child, childIndex) => ({
    childIndex,
    childName: childNameOf(child),
    dateOfBirth: child.dateOfBirth || null,
    nhsNumber: child.nhsNumber || null,
    postcode: child.postcode || null,
  }));
}

type PhoneContactWrite = {
  channel: keyof typeof REFERENCE_PREFIXES;
  callerType: CallerType;
  anonymous: boolean;
  callerName: string | null;
  callerRole: string | null;
  callerAgency: string | null;
  callerPhone: string | null;
  callerEmail: string | null;
  concerns: string;
  immediateRisk: boolean;
  level4: boolean;
  consentStatus: (typeof CONSENT_STATUSES)[number];
  consentException: ConsentException | null;
  consentDetails: string | null;
  details: Record<string, unknown>;
  children: PhoneChild[];
  agencyId: string | null;
  receivedAt: Date;
  followUpDueAt: Date | null;
};

/**
 * Writes the phone contact, a contact per child and the audit events in ONE statement (so one round trip
 * holds the audit chain's lock): the number comes from the referrals' sequence, so TEL-, PPN-, MASH- and
 * CFSS- references never share a number.
 */
async function insertPhoneContact(user: SessionUser, write: PhoneContactWrite, requestId: string | null): Promise<RecordedContact> {
  const at = write.receivedAt.toISOString();
  const year = todayInLondon(write.receivedAt).slice(0, 4);
  const prefix = REFERENCE_PREFIXES[write.channel];
  const consentObtained = write.consentStatus === "GIVEN";
  const recordedDetails = {
    channel: write.channel,
    callerType: write.callerType,
    anonymous: write.anonymous,
    children: write.children.length,
    level4: write.level4,
    immediateRisk: write.immediateRisk,
    consent: write.consentStatus,
    followUpDueAt: write.followUpDueAt?.toISOString() ?? null,
  };
  const rows = await db.$queryRaw<{ id: string; reference: string; contactIds: string[] }[]>`
    WITH n AS (SELECT nextval('"Referral_number_seq"')::int AS "number"),
    p AS (
      INSERT INTO "PhoneContact" ("id", "number", "reference", "channel", "recordedById", "callerType", "anonymous", "callerName", "callerRole", "callerAgency", "callerPhone", "callerEmail",
                                  "concerns", "immediateRisk", "level4", "consentStatus", "consentException", "consentDetails", "details", "receivedAt", "followUpDueAt")
      SELECT gen_random_uuid(), n."number", ${prefix} || '-' || ${year} || '-' || lpad(n."number"::text, greatest(6, length(n."number"::text)), '0'),
             ${write.channel}::"ContactChannel", ${user.id}::uuid, ${write.callerType}::"CallerType", ${write.anonymous}, ${write.callerName}, ${write.callerRole}, ${write.callerAgency},
             ${write.callerPhone}, ${write.callerEmail}, ${write.concerns}, ${write.immediateRisk}, ${write.level4}, ${write.consentStatus}::"ConsentStatus",
             ${write.consentException}::"ConsentException", ${write.consentDetails}, ${JSON.stringify(write.details)}::jsonb, ${at}::timestamptz, ${write.followUpDueAt?.toISOString() ?? null}::timestamptz
      FROM n
      RETURNING "id", "reference"
    ),
    contacts AS (
      INSERT INTO "Contact" ("id", "phoneContactId", "childIndex", "childName", "dateOfBirth", "nhsNumber", "postcode", "status", "channel", "receivedAt",
                             "agencyId", "level4", "section47", "consentObtained", "consentException", "immediateRisk")
      SELECT gen_random_uuid(), p."id", c."childIndex", c."childName", c."dateOfBirth", c."nhsNumber", c."postcode", 'AWAITING_RAG', ${write.channel}::"ContactChannel", ${at}::timestamptz,
             ${write.agencyId}::uuid, ${write.level4}, false, ${consentObtained}, ${consentObtained ? null : write.consentException}::"ConsentException", ${write.immediateRisk}
      FROM p, jsonb_to_recordset(${JSON.stringify(contactRowsOf(write.children))}::jsonb) AS c("childIndex" int, "childName" text, "dateOfBirth" date, "nhsNumber" text, "postcode" text)
      RETURNING "id", "childIndex"
    ),
    audit AS (
      INSERT INTO "AuditEvent" ("occurredAt", "actorId", "action", "entityType", "entityId", "requestId", "details")
      SELECT e."occurredAt", e."actorId", e."action", e."entityType", e."entityId", e."requestId", e."details" FROM (
        SELECT -1 AS "order", ${at}::timestamptz AS "occurredAt", ${user.id}::uuid AS "actorId", 'phoneContact.recorded' AS "action", 'PhoneContact' AS "entityType", p."id"::text AS "entityId",
               ${requestId} AS "requestId", ${JSON.stringify(recordedDetails)}::jsonb || jsonb_build_object('reference', p."reference") AS "details"
        FROM p
        UNION ALL
        SELECT c."childIndex", ${at}::timestamptz, ${user.id}::uuid, 'contact.created', 'Contact', c."id"::text, ${requestId},
               jsonb_build_object('channel', ${write.channel}::text, 'reference', p."reference", 'phoneContactId', p."id")
        FROM p, contacts c
      ) e ORDER BY e."order"
    )
    SELECT p."id", p."reference", (SELECT coalesce(json_agg(c."id" ORDER BY c."childIndex"), '[]'::json) FROM contacts c) AS "contactIds" FROM p`;
  const row = rows[0];
  if (!row) throw new Error("The phone contact was not written");
  return { phoneContactId: row.id, reference: row.reference, contactIds: row.contactIds };
}

const orNull = (value: string) => value || null;

/**
 * Records a phone call to the MASH line. A professional's Level 4 concern opens the written follow-up, due
 * within the PHONE_FOLLOW_UP timeframe of the call; an anonymous caller's name is never stored.
 */
export async function recordPhoneContact(user: SessionUser, input: unknown, options: Options = {}): Promise<ActionResult<RecordedContact>> {
  if (!can(user, "contacts:record-phone")) return FORBIDDEN;
  const parsed = phoneContactSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const contact = parsed.data;
  const receivedAt = options.now ?? new Date();
  const professional = contact.callerType === "PROFESSIONAL";
  const anonymous = !professional && contact.anonymous;
  const consentGiven = contact.consentStatus === "GIVEN";
  const recorded = await insertPhoneContact(
    user,
    {
      channel: "PHONE",
      callerType: contact.callerType,
      anonymous,
      callerName: anonymous ? null : orNull(contact.callerName),
      // A member of the public has no job title or organisation; answers left in a hidden box are not kept.
      callerRole: professional ? orNull(contact.callerRole) : null,
      callerAgency: professional ? orNull(contact.callerAgency) : null,
      callerPhone: orNull(contact.callerPhone),
      callerEmail: orNull(contact.callerEmail),
      concerns: contact.concerns,
      immediateRisk: contact.immediateRisk,
      level4: contact.level4,
      consentStatus: contact.consentStatus,
      consentException: consentGiven ? null : contact.consentException || null,
      consentDetails: orNull(contact.consentDetails),
      details: { children: contact.children, immediateActionTaken: contact.immediateRisk ? contact.immediateActionTaken : null },
      children: contact.children,
      agencyId: null,
      receivedAt,
      followUpDueAt: professional && contact.level4 ? deadlineFor("PHONE_FOLLOW_UP", receivedAt) : null,
    },
    options.requestId ?? null,
  );
  return { ok: true, ...recorded };
}

/**
 * Records a police protection notification from a police system: only a police partner's token may send
 * one. It is always Level 4 and goes without consent (significant harm); it is itself in writing, so no
 * follow-up is due.
 */
export async function recordPoliceNotification(user: SessionUser, input: unknown, options: Options = {}): Promise<ActionResult<RecordedContact>> {
  if (!can(user, "contacts:notify-police") || !user.agencyId) return FORBIDDEN;
  const agency = await db.agency.findUnique({ where: { id: user.agencyId }, select: { kind: true, name: true } });
  if (agency?.kind !== "POLICE") return FORBIDDEN;
  const parsed = policeNotificationSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const notification = parsed.data;
  const recorded = await insertPhoneContact(
    user,
    {
      channel: "POLICE_NOTIFICATION",
      callerType: "PROFESSIONAL",
      anonymous: false,
      callerName: notification.officerName,
      callerRole: `Police officer, collar number ${notification.collarNumber}`,
      callerAgency: `${agency.name}, ${notification.policeStation}`,
      callerPhone: orNull(notification.phone),
      callerEmail: orNull(notification.email),
      concerns: notification.circumstances,
      immediateRisk: notification.immediateRisk,
      level4: true,
      consentStatus: "NOT_SOUGHT",
      consentException: "SIGNIFICANT_HARM",
      consentDetails: null,
      details: {
        children: notification.children,
        collarNumber: notification.collarNumber,
        policeStation: notification.policeStation,
        incidentAt: new Date(notification.incidentAt).toISOString(),
        policeProtection: notification.policeProtection,
      },
      children: notification.children,
      agencyId: user.agencyId,
      receivedAt: options.now ?? new Date(),
      followUpDueAt: null,
    },
    options.requestId ?? null,
  );
  return { ok: true, ...recorded };
}

export type LinkedFollowUp = { referralId: string; reference: string; linkedAt: Date };

/**
 * Closes a professional's follow-up by linking the written MASH referral, found by the reference a MASH
 * officer typed. The phone contact's row is locked, so two officers linking at once cannot both succeed.
 * An officer links the calls they recorded; a manager any.
 */
export async function linkFollowUp(
  user: SessionUser,
  phoneContactId: string,
  input: { reference: string },
  options: Options = {},
): Promise<ActionResult<LinkedFollowUp>> {
  const manager = can(user, "contacts:manage");
  if (!manager && !can(user, "contacts:record-phone")) return FORBIDDEN;
  if (!isUuid(phoneContactId)) return NOT_FOUND;
  const parsed = followUpLinkSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { reference } = parsed.data;
  const now = options.now ?? new Date();

  return db.$transaction(async (tx: Tx): Promise<ActionResult<LinkedFollowUp>> => {
    const locked = await tx.$queryRaw<{ id: string; reference: string; followUpDueAt: Date | null; followUpReferralId: string | null }[]>`
      SELECT "id", "reference", "followUpDueAt", "followUpReferralId" FROM "PhoneContact"
      WHERE "id" = ${phoneContactId}::uuid AND (${manager} OR "recordedById" = ${user.id}::uuid)
      FOR UPDATE`;
    const phoneContact = locked[0];
    if (!phoneContact) return NOT_FOUND;
    if (phoneContact.followUpReferralId) return { ok: false, reason: "CONFLICT", message: "A written follow-up is already linked to this call" };
    if (!phoneContact.followUpDueAt) return invalid({ reference: "This call needs no written follow-up: only a professional's Level 4 concern does" });

    const referral = await tx.referral.findUnique({ where: { reference }, select: { id: true, kind: true, reference: true, phoneFollowUpOf: { select: { reference: true } } } });
    if (!referral || referral.kind !== "MASH") return invalid({ reference: `No MASH referral has the reference ${reference}. Check it against the referral's acknowledgement` });
    if (referral.phoneFollowUpOf) return invalid({ reference: `${reference} already follows up another call (${referral.phoneFollowUpOf.reference})` });

    await tx.phoneContact.update({ where: { id: phoneContact.id }, data: { followUpReferralId: referral.id, followUpLinkedAt: now } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "phoneContact.followUpLinked",
      entityType: "PhoneContact",
      entityId: phoneContact.id,
      requestId: options.requestId ?? null,
      details: { reference: phoneContact.reference, referralId: referral.id, referralReference: referral.reference, late: now.getTime() > phoneContact.followUpDueAt.getTime() },
    });
    return { ok: true, referralId: referral.id, reference: referral.reference, linkedAt: now };
  });
}

// --- The overdue follow-up alert ---------------------------------------------------------------------------

const ALERT_BATCH = 100;
const NO_PHONE_CONTACT = "00000000-0000-0000-0000-000000000000";
const londonDateTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" });

type UnalertedFollowUp = { id: string; dueAt: Date };
type ClaimedFollowUp = { id: string; reference: string; recordedById: string; followUpDueAt: Date };

/**
 * Tells the officer who recorded each call (if they can still sign in) and every active MASH manager that
 * the professional's written referral is overdue and not linked: the queue only flags it, and a referral
 * that never arrives would otherwise go unnoticed. Run by the one-minute sweep (lib/contacts/clocks.ts), in
 * every app instance at once: alertFollowUp's conditional update lets exactly one of them send each alert.
 * Returns how many this call alerted.
 */
export async function alertOverdueFollowUps(now = new Date()): Promise<number> {
  let alerted = 0;
  // Walked in order of due time by keyset, so a follow-up that fails to alert is passed, not fetched forever.
  let after: UnalertedFollowUp = { id: NO_PHONE_CONTACT, dueAt: new Date(0) };
  for (;;) {
    const due = await findUnalertedFollowUps(now, after);
    for (const followUp of due) {
      try {
        if (await alertFollowUp(followUp.id, now)) alerted += 1;
      } catch (error) {
        console.error(`[follow-ups] The overdue follow-up of phone contact ${followUp.id} could not be alerted; the next sweep tries again.`, error);
      }
    }
    if (due.length < ALERT_BATCH) return alerted;
    after = due[due.length - 1]!;
  }
}

/** Reads the partial index PhoneContact_follow_up_alert_idx: the follow-ups still owed and not yet alerted. */
async function findUnalertedFollowUps(now: Date, after: UnalertedFollowUp): Promise<UnalertedFollowUp[]> {
  return db.$queryRaw<UnalertedFollowUp[]>`
    SELECT "id", "followUpDueAt" AS "dueAt" FROM "PhoneContact"
    WHERE "followUpDueAt" IS NOT NULL AND "followUpLinkedAt" IS NULL AND "followUpAlertedAt" IS NULL
      AND "followUpDueAt" <= ${now}::timestamptz
      AND ("followUpDueAt", "id") > (${after.dueAt}::timestamptz, ${after.id}::uuid)
    ORDER BY "followUpDueAt", "id"
    LIMIT ${ALERT_BATCH}`;
}

/**
 * The exactly-once step, in one transaction: marks the follow-up alerted only where it is still due,
 * unlinked and unalerted, then notifies and audits. Of any number of concurrent callers one updates the
 * row; the others wait for its lock, re-check the condition and update nothing. linkFollowUp locks the
 * same row, so a referral linked at the very moment the alert goes is either linked first (no alert) or
 * linked after it.
 */
async function alertFollowUp(phoneContactId: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx: Tx) => {
    const claimed = await tx.$queryRaw<ClaimedFollowUp[]>`
      UPDATE "PhoneContact" SET "followUpAlertedAt" = ${now}::timestamptz
      WHERE "id" = ${phoneContactId}::uuid
        AND "followUpDueAt" IS NOT NULL AND "followUpDueAt" <= ${now}::timestamptz
        AND "followUpLinkedAt" IS NULL AND "followUpAlertedAt" IS NULL
      RETURNING "id", "reference", "recordedById", "followUpDueAt"`;
    const followUp = claimed[0];
    if (!followUp) return false;
    const recipients = await tx.user.findMany({
      // The recorder only while their role can still open the call (a manager any call: lib/contacts/phone/data.ts).
      where: { active: true, OR: [{ role: "MASH_MANAGER" }, { id: followUp.recordedById, role: "MASH_OFFICER" }] },
      select: { id: true, email: true },
      orderBy: { id: "asc" },
    });
    const notified = await notifyUsers(tx, recipients, overdueFollowUpMessage(followUp), now);
    await recordAudit(tx, {
      actorId: null,
      action: "phoneContact.followUpOverdue",
      entityType: "PhoneContact",
      entityId: followUp.id,
      details: { reference: followUp.reference, followUpDueAt: followUp.followUpDueAt.toISOString(), notified },
    });
    return true;
  });
}

/** E-mail is not a secure channel: the call's reference only, never the child, the caller or the worry. */
function overdueFollowUpMessage(followUp: ClaimedFollowUp): NotificationMessage {
  return {
    kind: "followUp.overdue",
    contactId: null,
    title: `Phone contact ${followUp.reference}: the written referral is overdue`,
    body:
      `The professional who phoned in ${followUp.reference} was to send the written MASH referral by ${londonDateTime.format(followUp.followUpDueAt)}. ` +
      "None has been linked to the call. Chase the caller for it, and link it to the call when it arrives.",
    path: `/contacts/phone/${followUp.id}`,
  };
}
