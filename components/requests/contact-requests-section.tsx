import type { SessionUser } from "@/lib/auth/data";
import { formatDateTime } from "@/components/format-date-time";
import { findRequestableContact, listRequestsForContact, type ContactRequest } from "@/lib/requests/data";
import { AGENCY_LABELS, KNOWN_TO_AGENCY_LABELS, mayAskAbout, whyNoRequests } from "@/lib/requests/policy";
import { MakeRequestsForm } from "./make-requests-form";
import { RequestStateTag } from "./request-state-tag";

function RequestItem({ request, now }: { request: ContactRequest; now: Date }) {
  const { answer } = request;
  return (
    <li className="border-b border-rule py-4">
      <h3 className="mb-2 text-xl font-bold">{AGENCY_LABELS[request.agencyKind]}</h3>
      <div className="mb-3">
        <RequestStateTag state={request.state} dueAt={request.dueAt} answeredAt={answer?.answeredAt ?? null} now={now} />
      </div>
      <p className="mb-1 text-muted">
        Asked by {request.requestedBy}, <time dateTime={request.requestedAt.toISOString()}>{formatDateTime(request.requestedAt)}</time>
      </p>
      <p className="mb-3 whitespace-pre-wrap">
        <span className="font-bold">Question: </span>
        {request.question}
      </p>
      {answer ? (
        <dl className="border-l-4 border-rule pl-4">
          <dt className="font-bold">Answered by</dt>
          <dd className="mb-2">
            {answer.answeredBy}
            {answer.answeredByAgency && `, ${answer.answeredByAgency}`}, <time dateTime={answer.answeredAt.toISOString()}>{formatDateTime(answer.answeredAt)}</time>
          </dd>
          <dt className="font-bold">Is the family known to them?</dt>
          <dd className="mb-2">{KNOWN_TO_AGENCY_LABELS[answer.knownToAgency]}</dd>
          <dt className="font-bold">What they hold</dt>
          <dd className="mb-2 whitespace-pre-wrap">{answer.holds}</dd>
          <dt className="font-bold">History relevant to cumulative harm</dt>
          <dd className="mb-2 whitespace-pre-wrap">{answer.history ?? "None given"}</dd>
          <dt className="font-bold">Their analysis of the impact and risk to the child</dt>
          <dd className="whitespace-pre-wrap">{answer.analysis}</dd>
        </dl>
      ) : (
        <p className="text-muted">Not answered yet.</p>
      )}
    </li>
  );
}

/**
 * The contact record's "Information requests" section: each request to a partner agency with its answer, and,
 * for the decision maker or a MASH manager on an open Red or Amber contact, the form to ask agencies.
 * Shows nothing for a caller who may not open the contact.
 */
export async function ContactRequestsSection({ contactId, user, canRequest, now = new Date() }: { contactId: string; user: SessionUser; canRequest: boolean; /** For tests. */ now?: Date }) {
  const [requests, contact] = await Promise.all([listRequestsForContact(user, contactId, now), findRequestableContact(user, contactId)]);
  if (!requests || !contact) return null;
  const asks = canRequest && mayAskAbout(user, contact);
  const refusal = asks ? whyNoRequests(contact) : null;
  const openAgencies = requests.filter((request) => !request.answer).map((request) => request.agencyKind);
  const dueWords = contact.deadlineAt ? `by ${formatDateTime(contact.deadlineAt)}, the contact's screening deadline` : "at the contact's screening deadline";
  return (
    <section aria-labelledby="requests-heading" className="mb-12">
      <h2 id="requests-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        Information requests
      </h2>
      <p className="mb-4 max-w-prose text-muted">What partner agencies were asked about the child and household, and what they answered. Overdue requests are marked.</p>
      {requests.length === 0 ? (
        <p className="mb-8">No partner agency has been asked yet.</p>
      ) : (
        <ol className="mb-8 border-t border-rule">
          {requests.map((request) => (
            <RequestItem key={request.id} request={request} now={now} />
          ))}
        </ol>
      )}
      {asks && (refusal ? <p className="mb-8 border-l-[5px] border-rule bg-panel p-4">{refusal}</p> : <MakeRequestsForm contactId={contactId} openAgencies={openAgencies} dueWords={dueWords} pageTitle={`Contact ${contact.reference}`} />)}
    </section>
  );
}
