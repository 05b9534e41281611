import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";

// Reads of phone contacts and police notifications. Who may see one is part of the `where`: a MASH manager
// sees every one, a MASH officer the ones they recorded, anyone else none, so a record the user may not see
// is simply not found.

function phoneContactScope(user: SessionUser): { recordedById?: string } | null {
  if (can(user, "contacts:manage")) return {};
  if (can(user, "contacts:record-phone")) return { recordedById: user.id };
  return null;
}

export type PhoneChildDetails = { firstName: string; lastName: string; dateOfBirth: string; approximateAge: number | null; nhsNumber: string; postcode: string };

export type PhoneContactView = {
  id: string;
  reference: string;
  channel: "PHONE" | "POLICE_NOTIFICATION";
  callerType: "PROFESSIONAL" | "PUBLIC";
  anonymous: boolean;
  callerName: string | null;
  callerRole: string | null;
  callerAgency: string | null;
  callerPhone: string | null;
  callerEmail: string | null;
  concerns: string;
  immediateRisk: boolean;
  immediateActionTaken: string | null;
  level4: boolean;
  consentStatus: "GIVEN" | "REFUSED" | "NOT_SOUGHT";
  consentException: "SIGNIFICANT_HARM" | "INCREASED_RISK" | "SERIOUS_CRIME" | "DELAY_RISK" | null;
  consentDetails: string | null;
  /** A police notification's own facts: when the incident happened, whether the child was taken into police protection. */
  police: { collarNumber: string; policeStation: string; incidentAt: Date | null; policeProtection: boolean } | null;
  receivedAt: Date;
  recordedBy: { id: string; name: string };
  followUpDueAt: Date | null;
  followUpLinkedAt: Date | null;
  followUpReferral: { id: string; reference: string } | null;
  /** Each child as the caller described them, in the order given, with the contact the MASH rates. */
  children: { contactId: string; childName: string; status: string; details: PhoneChildDetails | null }[];
};

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const text = (value: unknown) => (typeof value === "string" ? value : "");

function childDetailsOf(value: unknown): PhoneChildDetails | null {
  const child = asRecord(value);
  if (Object.keys(child).length === 0) return null;
  return {
    firstName: text(child.firstName),
    lastName: text(child.lastName),
    dateOfBirth: text(child.dateOfBirth),
    approximateAge: typeof child.approximateAge === "number" ? child.approximateAge : null,
    nhsNumber: text(child.nhsNumber),
    postcode: text(child.postcode),
  };
}

export async function findPhoneContact(user: SessionUser, phoneContactId: string): Promise<PhoneContactView | null> {
  const scope = phoneContactScope(user);
  if (!scope || !isUuid(phoneContactId)) return null;
  const row = await db.phoneContact.findFirst({
    where: { ...scope, id: phoneContactId },
    select: {
      id: true,
      reference: true,
      channel: true,
      callerType: true,
      anonymous: true,
      callerName: true,
      callerRole: true,
      callerAgency: true,
      callerPhone: true,
      callerEmail: true,
      concerns: true,
      immediateRisk: true,
      level4: true,
      consentStatus: true,
      consentException: true,
      consentDetails: true,
      details: true,
      receivedAt: true,
      followUpDueAt: true,
      followUpLinkedAt: true,
      recordedBy: { select: { id: true, name: true } },
      followUpReferral: { select: { id: true, reference: true } },
      contacts: { select: { id: true, childIndex: true, childName: true, status: true }, orderBy: { childIndex: "asc" } },
    },
  });
  if (!row) return null;
  const details = asRecord(row.details);
  const described = Array.isArray(details.children) ? details.children : [];
  const { details: _details, contacts, channel, ...rest } = row;
  const police = channel === "POLICE_NOTIFICATION";
  return {
    ...rest,
    channel: police ? "POLICE_NOTIFICATION" : "PHONE",
    immediateActionTaken: text(details.immediateActionTaken) || null,
    police: police
      ? {
          collarNumber: text(details.collarNumber),
          policeStation: text(details.policeStation),
          incidentAt: text(details.incidentAt) ? new Date(text(details.incidentAt)) : null,
          policeProtection: details.policeProtection === true,
        }
      : null,
    children: contacts.map((contact) => ({ contactId: contact.id, childName: contact.childName, status: contact.status, details: childDetailsOf(described[contact.childIndex]) })),
  };
}

export type OverdueFollowUp = {
  id: string;
  reference: string;
  callerName: string | null;
  callerAgency: string | null;
  receivedAt: Date;
  followUpDueAt: Date;
  recordedById: string;
};

/** Professionals' Level 4 calls whose written follow-up is overdue at `now` and not yet linked, longest overdue first. */
export async function listOverdueFollowUps(now: Date): Promise<OverdueFollowUp[]> {
  const rows = await db.phoneContact.findMany({
    where: { followUpDueAt: { lte: now }, followUpReferralId: null },
    orderBy: [{ followUpDueAt: "asc" }, { id: "asc" }],
    select: { id: true, reference: true, callerName: true, callerAgency: true, receivedAt: true, followUpDueAt: true, recordedById: true },
  });
  return rows.map((row) => ({ ...row, followUpDueAt: row.followUpDueAt! }));
}
