import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BackLink } from "@/components/back-link";
import { ContactTimeline } from "@/components/contacts/contact-timeline";
import { ContactRequestsSection } from "@/components/requests/contact-requests-section";
import { CfssSection } from "@/components/cfss/cfss-section";
import { ScreeningSection } from "@/components/screening/screening-section";
import { StrategySection } from "@/components/strategy/strategy-section";
import { Countdown } from "@/components/contacts/countdown";
import { RatingTag } from "@/components/contacts/rating-tag";
import { formatDateTime } from "@/components/format-date-time";
import { NotificationBanner } from "@/components/notification-banner";
import { SummaryList, type SummaryRow } from "@/components/summary-list";
import { Tag } from "@/components/tag";
import { recordView } from "@/lib/audit/mutations";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { CONSENT_EXCEPTIONS, type ConsentException } from "@/lib/consent/policy";
import { findContact, listSocialWorkers, type ContactRecord } from "@/lib/contacts/data";
import { CHANNEL_LABELS, CONTACT_STATUS_LABELS, needsAllocation, RATING_LABELS, RATING_MEANINGS, whyNotReturnForConsent } from "@/lib/contacts/policy";
import { formatNhsNumber, isValidNhsNumber } from "@/lib/referral/policy";
import { AnswerSummary, sentReferralSections } from "@/app/(practitioner)/referrals/answer-summary";
import { formatFileSize } from "@/app/(practitioner)/referrals/file-size";
import { AllocateForm } from "./allocate-form";
import { DecideForm } from "./decide-form";
import { RateForm } from "./rate-form";

export const dynamic = "force-dynamic";

type Params = Promise<{ contactId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Read once per request, for both the title and the page. findContact returns nothing for a contact the
// caller may not open, so it is "not found" like one that does not exist.
const loadContact = cache(async (contactId: string) => {
  const user = await getCurrentUser();
  return user ? findContact(user, contactId) : null;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const contact = await loadContact((await params).contactId);
  return { title: titleIfFound(contact, contact ? titleOf(contact) : "") };
}

const titleOf = (contact: ContactRecord) => `Contact ${contact.reference}`;

// A date typed into a form (consent given on) is a calendar date, not an instant: shown as typed.
const calendarDate = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "long" });
const dateOf = (value: Date | string) => calendarDate.format(typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value);

function consentWords(contact: ContactRecord): React.ReactNode {
  const consent = contact.referral?.consent;
  const exception = (reason: string | null | undefined) => (reason ? (CONSENT_EXCEPTIONS[reason as ConsentException] ?? reason) : "no reason recorded");
  if (!consent) return contact.flags.consentObtained ? "Obtained" : `Not obtained: ${exception(contact.flags.consentException)}`;
  if (consent.status === "GIVEN") {
    const how = consent.method === "WRITTEN" ? "in writing" : consent.method === "VERBAL" ? "verbally" : null;
    const when = consent.givenAt && /^\d{4}-\d{2}-\d{2}$/.test(consent.givenAt) ? dateOf(consent.givenAt) : consent.givenAt;
    return [
      `Given by ${consent.givenBy ?? "someone not named"}`,
      consent.relationship ? ` (${consent.relationship})` : "",
      how ? `, ${how}` : "",
      when ? `, on ${when}` : "",
    ].join("");
  }
  return (
    <>
      {consent.status === "REFUSED" ? "Refused by the family" : "Not asked"}. Went ahead because: {exception(consent.exceptionReason)}.
      {consent.rationale && <span className="mt-1 block whitespace-pre-wrap">Rationale: {consent.rationale}</span>}
      {consent.effortsOrViews && <span className="mt-1 block whitespace-pre-wrap">Efforts made, or the family&apos;s views: {consent.effortsOrViews}</span>}
    </>
  );
}

function Flags({ contact }: { contact: ContactRecord }) {
  const { flags } = contact;
  const tags = [flags.immediateRisk && "Immediate risk", flags.level4 && "Level 4", flags.section47 && "Section 47"].filter((tag): tag is string => Boolean(tag));
  if (tags.length === 0) return <span className="text-muted">None</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li key={tag}>
          <Tag colour="red">{tag}</Tag>
        </li>
      ))}
    </ul>
  );
}

function deadlineRow(contact: ContactRecord, now: Date): React.ReactNode {
  if (contact.closedAt) return <span>None: the contact was closed {formatDateTime(contact.closedAt)}</span>;
  if (!contact.deadlineAt || !contact.warningAt) return <span className="text-muted">The clock starts when the contact is rated</span>;
  return <Countdown deadline={contact.deadlineAt.toISOString()} warningAt={contact.warningAt.toISOString()} renderedAt={now.toISOString()} />;
}

function successMessage(done: string | undefined, contact: ContactRecord): string | null {
  switch (done) {
    case "rated": {
      if (!contact.rating) return null;
      const due = contact.deadlineAt ? ` Screening is due by ${formatDateTime(contact.deadlineAt)}.` : "";
      const told = contact.rating === "RED" ? " The DAAT team on duty, MASH police and health have been told." : "";
      return `Contact rated ${RATING_LABELS[contact.rating]}.${due}${told}`;
    }
    case "allocated":
      return contact.allocatedTo ? `Contact allocated to ${contact.allocatedTo.name}. They have been told.` : null;
    case "returned":
      return "Contact returned to the referrer to seek the family's consent. They have been told in writing.";
    case "closed":
      return "Contact closed as a consultation.";
    case "passed":
      return "Contact passed to the team already working with the child.";
    case "requested":
      return "Requests sent. Everyone at each agency has been told.";
    default:
      return null;
  }
}

export default async function ContactPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { contactId } = await params;
  const path = `/contacts/${encodeURIComponent(contactId)}`;
  const user = await requirePermission(path, "contacts:read");
  const contact = await loadContact(contactId);
  if (!contact) notFound();
  await recordView({ actorId: user.id, entityType: "Contact", entityId: contact.id, requestId: (await headers()).get("x-request-id") });

  const title = titleOf(contact);
  const now = new Date();
  const done = (await searchParams).done;
  const banner = successMessage(typeof done === "string" ? done : undefined, contact);
  const open = !contact.closedAt;
  const manages = can(user, "contacts:manage") && open;
  const allocates = manages && needsAllocation(contact.rating);
  const socialWorkers = allocates ? await listSocialWorkers() : [];
  const { referral, child } = contact;
  const children = referral?.answers?.children.length ?? 1;

  const summary: SummaryRow[] = [
    { key: "Reference", value: contact.reference },
    {
      key: "Child",
      value: (
        <>
          {child.name}
          {children > 1 && <span className="block text-muted">Child {child.index + 1} of {children} on the referral</span>}
          {child.nhsNumber && <span className="block text-muted">NHS number {isValidNhsNumber(child.nhsNumber) ? formatNhsNumber(child.nhsNumber) : child.nhsNumber}</span>}
        </>
      ),
    },
    { key: "Age", value: child.age },
    { key: "Status", value: CONTACT_STATUS_LABELS[contact.status] },
    {
      key: "Rating",
      value: contact.rating ? (
        <>
          <RatingTag rating={contact.rating} />
          <span className="mt-1 block">{RATING_MEANINGS[contact.rating]}</span>
        </>
      ) : (
        <span className="text-muted">Not rated yet</span>
      ),
    },
    { key: "Screening deadline", value: deadlineRow(contact, now) },
    { key: "Social worker", value: contact.allocatedTo?.name ?? <span className="text-muted">Not allocated</span> },
    {
      key: "Received",
      value: (
        <>
          <time dateTime={contact.receivedAt.toISOString()}>{formatDateTime(contact.receivedAt)}</time>
          <span className="block text-muted">{CHANNEL_LABELS[contact.channel]}</span>
        </>
      ),
    },
    {
      key: "Referred by",
      value: referral ? (
        <>
          {referral.referrer.name}
          {referral.referrer.jobTitle && `, ${referral.referrer.jobTitle}`}
          {referral.referrer.agencyName && <span className="block">{referral.referrer.agencyName}</span>}
          <span className="block text-muted">
            {referral.referrer.email}
            {referral.referrer.phone && `, ${referral.referrer.phone}`}
          </span>
        </>
      ) : (
        "A phone call to the MASH, recorded by a MASH officer"
      ),
    },
    { key: "Consent", value: consentWords(contact) },
    { key: "Flags", value: <Flags contact={contact} /> },
  ];

  const contents = [
    ...(manages ? [{ href: "#rate-heading", label: contact.rating ? "Review the rating" : "Rate this contact" }] : []),
    ...(allocates ? [{ href: "#allocate-heading", label: contact.allocatedTo ? "Reallocate" : "Allocate to a social worker" }] : []),
    { href: "#requests-heading", label: "Information from partner agencies" },
    { href: "#screening-heading", label: "Screening and decision" },
    ...(contact.rating === "RED" ? [{ href: "#strategy-heading", label: "Strategy discussion" }] : []),
    ...(contact.rating === "GREEN" || contact.status === "WITH_CFSS" ? [{ href: "#cfss-heading", label: "CFSS Partnership Support" }] : []),
    { href: "#sent-heading", label: "What the referrer sent" },
    { href: "#earlier-heading", label: `Earlier contacts (${contact.earlierContacts.length})` },
    { href: "#ratings-heading", label: "Ratings and allocations" },
    { href: "#timeline-heading", label: "Timeline" },
  ];

  return (
    <>
      <BackLink href={user.role === "SOCIAL_WORKER" ? "/allocations" : "/contacts"}>{user.role === "SOCIAL_WORKER" ? "Back to My allocations" : "Back to contacts"}</BackLink>
      {banner && <NotificationBanner type="success">{banner}</NotificationBanner>}
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">
        <span className="mb-1 block text-lg text-muted md:text-2xl">Contact about {child.name}</span>
        {contact.reference}
      </h1>
      <SummaryList rows={summary} />

      <nav aria-labelledby="contents-heading" className="mb-10">
        <h2 id="contents-heading" className="mb-2 text-lg font-bold">
          On this page
        </h2>
        <ul className="space-y-1">
          {contents.map((item) => (
            <li key={item.href}>
              <span aria-hidden="true">— </span>
              <a href={item.href} className="link">
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {manages && <RateForm contactId={contact.id} version={contact.version} current={contact.rating} permalink={path} pageTitle={title} />}
      {allocates && (
        <AllocateForm contactId={contact.id} version={contact.version} allocatedTo={contact.allocatedTo?.name ?? null} socialWorkers={socialWorkers} permalink={path} pageTitle={title} />
      )}
      {!open && (
        <p className="mb-10 border-l-[5px] border-rule bg-panel p-4">
          This contact is closed ({CONTACT_STATUS_LABELS[contact.status].toLowerCase()}), so no more decisions can be made on it.
        </p>
      )}

      <ContactRequestsSection contactId={contact.id} user={user} canRequest={can(user, "requests:make")} />
      <ScreeningSection contactId={contact.id} user={user} />
      <StrategySection contactId={contact.id} user={user} />
      <CfssSection contactId={contact.id} user={user} />

      <section aria-labelledby="sent-heading" className="mb-12">
        <h2 id="sent-heading" className="mb-6 text-2xl font-bold md:text-3xl">
          What the referrer sent
        </h2>
        {!referral ? (
          <p>
            This contact came by phone or as a police notification.{" "}
            {contact.phoneContactId && (
              <Link href={`/contacts/phone/${contact.phoneContactId}`} className="link">
                Read what the caller said on the phone contact record
              </Link>
            )}
          </p>
        ) : referral.answers ? (
          <AnswerSummary kind={referral.kind} sections={sentReferralSections(referral.answers)} />
        ) : (
          <>
            <p className="mb-4">The referral&apos;s answers cannot be shown here. Its indicators were:</p>
            <ul className="mb-8 list-disc space-y-1 pl-5">
              {referral.indicators.map((indicator) => (
                <li key={indicator.indicatorId}>
                  {indicator.indicatorId} <span className="text-muted">({indicator.thresholdVersion})</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {referral && (
          <>
            <h3 className="mb-4 text-xl font-bold">Attachments</h3>
            {referral.attachments.length === 0 ? (
              <p>No files were attached.</p>
            ) : (
              <ul className="list-disc space-y-1 pl-5">
                {referral.attachments.map((attachment) => (
                  <li key={attachment.id}>
                    <a href={`${path}/attachments/${attachment.id}`} className="link">
                      {attachment.fileName}
                    </a>{" "}
                    <span className="text-muted">({formatFileSize(attachment.size)})</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="earlier-heading" className="mb-12">
        <h2 id="earlier-heading" className="mb-4 text-2xl font-bold md:text-3xl">
          Earlier contacts for this child
        </h2>
        {contact.earlierContacts.length === 0 ? (
          <p>No earlier contacts match this child by NHS number, or by name and date of birth.</p>
        ) : (
          <table className="w-full border-collapse text-left text-base">
            <caption className="sr-only">Earlier contacts for {child.name}, newest first</caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-4">
                  Reference
                </th>
                <th scope="col" className="py-2 pr-4">
                  Received
                </th>
                <th scope="col" className="py-2 pr-4">
                  Outcome
                </th>
                <th scope="col" className="py-2 pr-4">
                  Matched by
                </th>
              </tr>
            </thead>
            <tbody>
              {contact.earlierContacts.map((earlier) => (
                <tr key={earlier.id ?? earlier.reference} className="border-b border-rule align-top">
                  <th scope="row" className="py-3 pr-4 font-normal">
                    {earlier.id ? (
                      <Link href={`/contacts/${earlier.id}`} className="link">
                        {earlier.reference}
                      </Link>
                    ) : (
                      earlier.reference
                    )}
                    <span className="block text-muted">{earlier.childName}</span>
                  </th>
                  <td className="py-3 pr-4">{formatDateTime(earlier.receivedAt)}</td>
                  <td className="py-3 pr-4">
                    {CONTACT_STATUS_LABELS[earlier.status]}
                    {earlier.rating && (
                      <span className="mt-1 block">
                        <RatingTag rating={earlier.rating} />
                      </span>
                    )}
                  </td>
                  <td className="py-3 pr-4">{earlier.matchedBy === "NHS_NUMBER" ? "The same NHS number" : "A similar name and the same date of birth"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="ratings-heading" className="mb-12">
        <h2 id="ratings-heading" className="mb-4 text-2xl font-bold md:text-3xl">
          Ratings and allocations
        </h2>
        <h3 className="mb-2 text-xl font-bold">Ratings, newest first</h3>
        {contact.ratings.length === 0 ? (
          <p className="mb-8">Not rated yet.</p>
        ) : (
          <ol className="mb-8 border-t border-rule">
            {contact.ratings.map((rating) => (
              <li key={rating.id} className="border-b border-rule py-3">
                <p className="mb-2 font-bold">
                  <RatingTag rating={rating.rating} />{" "}
                  {rating.previousRating ? `changed from ${RATING_LABELS[rating.previousRating]} by ${rating.ratedBy}` : `by ${rating.ratedBy}`},{" "}
                  <time dateTime={rating.ratedAt.toISOString()}>{formatDateTime(rating.ratedAt)}</time>
                </p>
                <p className="mb-1">
                  Screening due by <time dateTime={rating.deadlineAt.toISOString()}>{formatDateTime(rating.deadlineAt)}</time>
                  {rating.breachedAt && <> (missed: overdue from {formatDateTime(rating.breachedAt)})</>}
                </p>
                <p className="mb-1 whitespace-pre-wrap">
                  <span className="font-bold">Direction: </span>
                  {rating.direction}
                </p>
                <p className="whitespace-pre-wrap">
                  <span className="font-bold">Rationale: </span>
                  {rating.rationale}
                </p>
              </li>
            ))}
          </ol>
        )}
        <h3 className="mb-2 text-xl font-bold">Allocations, newest first</h3>
        {contact.allocations.length === 0 ? (
          <p>Not allocated yet.</p>
        ) : (
          <ol className="border-t border-rule">
            {contact.allocations.map((allocation) => (
              <li key={allocation.id} className="border-b border-rule py-3">
                <p className="font-bold">
                  {allocation.socialWorker}, allocated by {allocation.allocatedBy}, <time dateTime={allocation.allocatedAt.toISOString()}>{formatDateTime(allocation.allocatedAt)}</time>
                </p>
                {allocation.reason && (
                  <p className="whitespace-pre-wrap">
                    <span className="font-bold">Reason: </span>
                    {allocation.reason}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="timeline-heading" className="mb-12">
        <h2 id="timeline-heading" className="mb-4 text-2xl font-bold md:text-3xl">
          Timeline
        </h2>
        <p className="mb-4 text-muted">Everything done with this contact, oldest first: who, when, what and why.</p>
        <ContactTimeline entries={contact.timeline} />
      </section>

      {manages && <DecideForm contactId={contact.id} version={contact.version} canReturnForConsent={whyNotReturnForConsent({ consentObtained: contact.flags.consentObtained, rating: contact.rating }) === null} permalink={path} pageTitle={title} />}
    </>
  );
}
