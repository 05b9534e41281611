import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BackLink } from "@/components/back-link";
import { formatDateTime } from "@/components/format-date-time";
import { NotificationBanner } from "@/components/notification-banner";
import { AnswerForm } from "@/components/requests/answer-form";
import { ChallengeSection } from "@/components/requests/challenge-section";
import { RequestStateTag } from "@/components/requests/request-state-tag";
import { SummaryList, type SummaryRow } from "@/components/summary-list";
import { recordView } from "@/lib/audit/mutations";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { RATING_LABELS } from "@/lib/contacts/policy";
import { formatNhsNumber, isValidNhsNumber } from "@/lib/referral/policy";
import { findRequestForAgency, type PartnerRequest } from "@/lib/requests/data";
import { AGENCY_LABELS, KNOWN_TO_AGENCY_LABELS } from "@/lib/requests/policy";
import { findDecisionForPartner } from "@/lib/screening/data";

export const dynamic = "force-dynamic";

type Params = Promise<{ requestId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Read once per request, for both the title and the page. Another agency's request is "not found".
const loadRequest = cache(async (requestId: string) => {
  const user = await getCurrentUser();
  return user ? findRequestForAgency(user, requestId) : null;
});

const titleOf = (request: PartnerRequest) => `Information request for contact ${request.reference}`;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const request = await loadRequest((await params).requestId);
  return { title: titleIfFound(request, request ? titleOf(request) : "") };
}

// A date of birth is a calendar date, not an instant.
const calendarDate = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "long" });

function Worries({ request }: { request: PartnerRequest }) {
  const { worries } = request;
  if (!worries) return <p className="mb-8">This contact came by phone or as a police notification: the MASH&apos;s question says what it is about.</p>;
  const rows: SummaryRow[] = [
    { key: "What are we worried about?", value: <span className="whitespace-pre-wrap">{worries.whatHappened}</span> },
    { key: "How the referrer knows", value: <span className="whitespace-pre-wrap">{worries.howYouKnow}</span> },
    { key: "What's working well?", value: <span className="whitespace-pre-wrap">{worries.workingWell}</span> },
    { key: "What needs to happen?", value: <span className="whitespace-pre-wrap">{worries.needsToHappen}</span> },
    { key: "Safety scale (0 not safe, 10 safe)", value: worries.scale },
    { key: "The child's voice", value: <span className="whitespace-pre-wrap">{worries.childsVoice}</span> },
  ];
  return <SummaryList rows={rows} />;
}

/** One request made to the partner's agency: the child, the referrer's worries, the question, and the answer form. */
export default async function InformationRequestPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { requestId } = await params;
  const path = `/requests/${encodeURIComponent(requestId)}`;
  const user = await requirePermission(path, "requests:answer");
  const request = await loadRequest(requestId);
  if (!request) notFound();
  await recordView({ actorId: user.id, entityType: "InformationRequest", entityId: request.id, requestId: (await headers()).get("x-request-id") });

  const now = new Date();
  const title = titleOf(request);
  const decisionView = await findDecisionForPartner(user, request.contactId);
  const { done } = await searchParams;
  const answered = done === "answered" && request.answer;
  const ownChallenges = decisionView?.challenges.filter((challenge) => challenge.mine) ?? [];
  const challenged = done === "challenged" && ownChallenges.length > 0;
  const escalated = done === "escalated" && ownChallenges.some((challenge) => challenge.escalatedAt);
  const { child, answer } = request;
  const summary: SummaryRow[] = [
    { key: "Contact", value: request.reference },
    { key: "Child", value: child.name },
    {
      key: child.dateOfBirth ? "Date of birth" : "Expected due date",
      value: child.dateOfBirth ? calendarDate.format(child.dateOfBirth) : child.expectedDueDate ? `Unborn, due ${calendarDate.format(child.expectedDueDate)}` : "Not known",
    },
    { key: "NHS number", value: child.nhsNumber ? (isValidNhsNumber(child.nhsNumber) ? formatNhsNumber(child.nhsNumber) : child.nhsNumber) : "Not known" },
    { key: "Postcode", value: child.postcode ?? "Not known" },
    { key: "Rating", value: request.rating ? RATING_LABELS[request.rating] : "Not rated" },
    { key: "Asked by", value: `${request.requestedBy}, ${formatDateTime(request.requestedAt)}` },
    { key: "Due", value: <RequestStateTag state={request.state} dueAt={request.dueAt} answeredAt={request.answeredAt} now={now} /> },
  ];

  return (
    <>
      <BackLink href="/requests">Back to information requests</BackLink>
      {answered && <NotificationBanner type="success">Answer sent to the MASH. The social worker who asked has been told.</NotificationBanner>}
      {challenged && (
        <NotificationBanner type="success">Challenge recorded. The MASH team manager has been told; their decision stands unless you escalate it to the service manager.</NotificationBanner>
      )}
      {escalated && <NotificationBanner type="success">Challenge escalated. The service manager has been told; their decision will be final.</NotificationBanner>}
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">
        <span className="mb-1 block text-lg text-muted md:text-2xl">Information request to {AGENCY_LABELS[request.agencyKind]}</span>
        {request.reference}
      </h1>
      <SummaryList rows={summary} />

      <section aria-labelledby="question-heading" className="mb-10">
        <h2 id="question-heading" className="mb-4 text-2xl font-bold md:text-3xl">
          What the MASH is asking
        </h2>
        <p className="max-w-prose whitespace-pre-wrap border-l-4 border-rule pl-4">{request.question}</p>
      </section>

      <section aria-labelledby="worries-heading" className="mb-10">
        <h2 id="worries-heading" className="mb-4 text-2xl font-bold md:text-3xl">
          The referrer&apos;s worries
        </h2>
        <Worries request={request} />
      </section>

      {answer ? (
        <section aria-labelledby="answer-heading" className="mb-12">
          <h2 id="answer-heading" className="mb-4 text-2xl font-bold md:text-3xl">
            Your agency&apos;s answer
          </h2>
          <SummaryList
            rows={[
              { key: "Answered by", value: `${answer.answeredBy}, ${formatDateTime(answer.answeredAt)}` },
              { key: "Is the family known to you?", value: KNOWN_TO_AGENCY_LABELS[answer.knownToAgency] },
              { key: "What you hold", value: <span className="whitespace-pre-wrap">{answer.holds}</span> },
              { key: "History relevant to cumulative harm", value: <span className="whitespace-pre-wrap">{answer.history ?? "None given"}</span> },
              { key: "Your analysis", value: <span className="whitespace-pre-wrap">{answer.analysis}</span> },
            ]}
          />
        </section>
      ) : (
        <AnswerForm requestId={request.id} permalink={path} pageTitle={title} />
      )}

      {decisionView && <ChallengeSection view={decisionView} requestId={request.id} permalink={path} pageTitle={title} />}
    </>
  );
}
