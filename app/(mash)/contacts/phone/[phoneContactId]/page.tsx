import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BackLink } from "@/components/back-link";
import { formatDate } from "@/components/format-date";
import { formatDateTime } from "@/components/format-date-time";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList, type SummaryRow } from "@/components/summary-list";
import { Tag } from "@/components/tag";
import { recordView } from "@/lib/audit/mutations";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { CONSENT_EXCEPTIONS } from "@/lib/consent/policy";
import { describeRemaining } from "@/lib/contacts/deadlines";
import { findPhoneContact, type PhoneContactView } from "@/lib/contacts/phone/data";
import { followUpState, type FollowUpState } from "@/lib/contacts/phone/policy";
import { formatNhsNumber } from "@/lib/referral/policy";
import { LinkFollowUpForm } from "./link-follow-up-form";

export const dynamic = "force-dynamic";

type Params = Promise<{ phoneContactId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Read once a request: the title and the page both need it. Null for a record the user may not see. */
const loadPhoneContact = cache(async (phoneContactId: string) => {
  const user = await getCurrentUser();
  return user ? findPhoneContact(user, phoneContactId) : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // The page writes its own <title> (the link form puts "Error: " first when a post comes back refused).
  return { title: (await loadPhoneContact((await params).phoneContactId)) ? null : "Page not found" };
}

const KIND_NAMES = { PHONE: "Phone contact", POLICE_NOTIFICATION: "Police protection notification" } as const;
const CONSENT_LABELS = { GIVEN: "Given", REFUSED: "Refused by the family", NOT_SOUGHT: "Not asked for" } as const;
const CONTACT_STATUS_LABELS: Record<string, string> = {
  AWAITING_RAG: "Awaiting a RAG rating",
  RATED: "Rated",
  RETURNED_FOR_CONSENT: "Returned for consent",
  CLOSED: "Closed",
  PASSED_TO_TEAM: "Passed to a team",
};

const yesNo = (value: boolean) => (value ? "Yes" : "No");
const orNotGiven = (value: string | null | undefined) => value || <span className="text-muted">Not given</span>;
const paragraphs = (value: string) => <div className="whitespace-pre-wrap">{value}</div>;

function callerRows(contact: PhoneContactView): SummaryRow[] {
  if (contact.police) {
    return [
      { key: "Officer", value: contact.callerName },
      { key: "Collar number", value: contact.police.collarNumber },
      { key: "Police station or unit", value: contact.callerAgency },
      { key: "Phone", value: orNotGiven(contact.callerPhone) },
      { key: "E-mail", value: orNotGiven(contact.callerEmail) },
    ];
  }
  if (contact.anonymous) return [{ key: "Caller", value: "A member of the public who wants to stay anonymous" }, { key: "Phone", value: orNotGiven(contact.callerPhone) }, { key: "E-mail", value: orNotGiven(contact.callerEmail) }];
  const professional = contact.callerType === "PROFESSIONAL";
  return [
    { key: "Caller", value: professional ? "A professional" : "A member of the public" },
    { key: "Name", value: contact.callerName },
    ...(professional ? [{ key: "Job title or role", value: contact.callerRole }, { key: "Organisation", value: contact.callerAgency }] : []),
    { key: "Phone", value: orNotGiven(contact.callerPhone) },
    { key: "E-mail", value: orNotGiven(contact.callerEmail) },
  ];
}

function childRows(child: PhoneContactView["children"][number]): SummaryRow[] {
  const details = child.details;
  const age = details?.dateOfBirth ? formatDate(details.dateOfBirth) : details?.approximateAge != null ? `Not known; about ${details.approximateAge} years old` : null;
  return [
    { key: "Date of birth", value: orNotGiven(age) },
    { key: "NHS number", value: details?.nhsNumber ? formatNhsNumber(details.nhsNumber) : orNotGiven(null) },
    { key: "Postcode", value: orNotGiven(details?.postcode) },
    {
      key: "Contact",
      value: (
        <Link href={`/contacts/${child.contactId}`} className="link">
          {CONTACT_STATUS_LABELS[child.status] ?? child.status}
          <span className="sr-only"> (open the contact for {child.childName})</span>
        </Link>
      ),
    },
  ];
}

/** The written follow-up's state in words; the tag's colour only repeats them. */
function FollowUpStatus({ contact, state, now }: { contact: PhoneContactView; state: FollowUpState; now: Date }) {
  const due = contact.followUpDueAt;
  switch (state) {
    case "NONE":
      return null;
    case "DUE":
      return (
        <p className="mb-6">
          <Tag colour="yellow">Follow-up due</Tag> The professional must send the written MASH referral on the online form by <strong>{formatDateTime(due!)}</strong> (UK time):{" "}
          {describeRemaining(due!, now).toLowerCase()}.
        </p>
      );
    case "OVERDUE":
      return (
        <p className="mb-6">
          <Tag colour="red">Overdue</Tag> The written MASH referral was due by <strong>{formatDateTime(due!)}</strong> (UK time) and has not been linked:{" "}
          {describeRemaining(due!, now).toLowerCase()}. Contact the caller to ask for it.
        </p>
      );
    case "RECEIVED":
      return (
        <p className="mb-6">
          <Tag colour="green">Follow-up received</Tag> The written referral <strong>{contact.followUpReferral?.reference}</strong> was linked on {formatDateTime(contact.followUpLinkedAt!)}
          {contact.followUpLinkedAt! > due! ? ", after it was due" : ""}.
        </p>
      );
  }
}

export default async function PhoneContactPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { phoneContactId } = await params;
  const path = `/contacts/phone/${phoneContactId}`;
  const user = await requireUser(path);
  const contact = await loadPhoneContact(phoneContactId);
  if (!contact) notFound();
  await recordView({ actorId: user.id, entityType: "PhoneContact", entityId: contact.id, requestId: (await headers()).get("x-request-id") });

  const query = await searchParams;
  const now = new Date();
  const state = followUpState(contact.followUpDueAt, contact.followUpLinkedAt, now);
  const title = `${KIND_NAMES[contact.channel]} ${contact.reference}`;

  const top = (
    <>
      {query.recorded === "1" && (
        <NotificationBanner type="success" title="Recorded">
          {KIND_NAMES[contact.channel]} {contact.reference} recorded, with {contact.children.length === 1 ? "1 contact" : `${contact.children.length} contacts`} for the MASH manager to rate.
        </NotificationBanner>
      )}
      {query.linked === "1" && state === "RECEIVED" && (
        <NotificationBanner type="success" title="Follow-up linked">
          {contact.followUpReferral?.reference} is linked to {contact.reference}.
        </NotificationBanner>
      )}
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">
        <span className="mb-1 block text-lg text-muted md:text-2xl">{KIND_NAMES[contact.channel]}</span>
        {contact.reference}
      </h1>
      {state !== "NONE" && (
        <section aria-labelledby="follow-up-heading">
          <h2 id="follow-up-heading" className="mb-4 text-2xl font-bold">
            Written follow-up
          </h2>
          <FollowUpStatus contact={contact} state={state} now={now} />
        </section>
      )}
    </>
  );

  return (
    <>
      <BackLink href="/contacts">Back to contacts</BackLink>
      {state === "DUE" || state === "OVERDUE" ? (
        <LinkFollowUpForm phoneContactId={contact.id} permalink={path} title={title}>
          {top}
        </LinkFollowUpForm>
      ) : (
        <>
          <title>{`${title} – Northamptonshire MASH`}</title>
          {top}
        </>
      )}

      <h2 className="mt-10 mb-4 text-2xl font-bold">{contact.police ? "The officer" : "The caller"}</h2>
      <SummaryList rows={callerRows(contact)} />

      <h2 className="mb-4 text-2xl font-bold">{contact.children.length === 1 ? "The child" : `The children (${contact.children.length})`}</h2>
      {contact.children.map((child) => (
        <section key={child.contactId} aria-label={child.childName}>
          <h3 className="mb-2 text-xl font-bold">{child.childName}</h3>
          <SummaryList rows={childRows(child)} />
        </section>
      ))}

      <h2 className="mb-4 text-2xl font-bold">{contact.police ? "The circumstances" : "What the caller is worried about"}</h2>
      <SummaryList
        rows={[
          { key: contact.police ? "Circumstances" : "Concerns", value: paragraphs(contact.concerns) },
          ...(contact.police
            ? [
                { key: "Incident", value: contact.police.incidentAt ? `${formatDateTime(contact.police.incidentAt)} (UK time)` : orNotGiven(null) },
                { key: "Taken into police protection", value: yesNo(contact.police.policeProtection) },
              ]
            : []),
          { key: "Child at immediate risk", value: yesNo(contact.immediateRisk) },
          ...(contact.immediateActionTaken ? [{ key: "Done to keep the child safe", value: paragraphs(contact.immediateActionTaken) }] : []),
          { key: "Child protection (Level 4)", value: yesNo(contact.level4) },
          { key: "Consent", value: CONSENT_LABELS[contact.consentStatus] },
          ...(contact.consentException ? [{ key: "Going ahead without consent because", value: CONSENT_EXCEPTIONS[contact.consentException] }] : []),
          ...(contact.consentDetails ? [{ key: "About consent", value: paragraphs(contact.consentDetails) }] : []),
        ]}
      />

      <h2 className="mb-4 text-2xl font-bold">Record</h2>
      <SummaryList
        rows={[
          { key: "Received", value: `${formatDateTime(contact.receivedAt)} (UK time)` },
          { key: contact.police ? "Sent by" : "Recorded by", value: contact.recordedBy.name },
        ]}
      />
    </>
  );
}
