import { formatDateTime } from "@/components/format-date-time";
import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { findScreeningView, type ScreeningView } from "@/lib/screening/data";
import { isScreenable, OUTCOME_LABELS, STANCE_LABELS } from "@/lib/screening/policy";
import { ChallengeStepForm } from "./challenge-step-form";
import { ManagementDecisionForm } from "./decision-form";
import { ScreeningForm } from "./screening-form";

const at = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;

function ScreeningItem({ screening }: { screening: ScreeningView["screenings"][number] }) {
  const { decision } = screening;
  return (
    <li className="border-b border-rule py-4">
      <p className="mb-2 text-muted">
        Screened by {screening.recordedBy}, {at(screening.recordedAt)}
      </p>
      <dl>
        <dt className="font-bold">What are we worried about?</dt>
        <dd className="mb-2 whitespace-pre-wrap">{screening.worries}</dd>
        <dt className="font-bold">What is working well?</dt>
        <dd className="mb-2 whitespace-pre-wrap">{screening.workingWell}</dd>
        <dt className="font-bold">What needs to happen?</dt>
        <dd className="mb-2 whitespace-pre-wrap">{screening.needsToHappen}</dd>
        <dt className="font-bold">Safety scale</dt>
        <dd className="mb-2">{screening.scale} out of 10</dd>
        <dt className="font-bold">Analysis</dt>
        <dd className="mb-2 whitespace-pre-wrap">{screening.analysis}</dd>
        <dt className="font-bold">Recommended outcome</dt>
        <dd className="mb-2">{OUTCOME_LABELS[screening.recommendation]}</dd>
        <dt className="font-bold">Reasons</dt>
        <dd className="mb-2 whitespace-pre-wrap">{screening.reasons}</dd>
      </dl>
      {decision ? (
        <div className="border-l-4 border-rule pl-4">
          <p className="font-bold">
            {STANCE_LABELS[decision.stance]}: {OUTCOME_LABELS[decision.outcome]}
          </p>
          <p className="mb-1 text-muted">
            Decided by {decision.decidedBy}, {at(decision.decidedAt)}
          </p>
          <p className="whitespace-pre-wrap">{decision.rationale}</p>
        </div>
      ) : (
        <p className="text-muted">Awaiting the MASH manager&apos;s decision.</p>
      )}
    </li>
  );
}

function ChallengeItem({ challenge, contactId, user }: { challenge: ScreeningView["challenges"][number]; contactId: string; user: SessionUser }) {
  const state = challenge.decidedAt ? "Decided by the service manager (final)" : challenge.escalatedAt ? "Escalated to the service manager" : "The team manager's decision stands unless escalated";
  return (
    <li className="border-b border-rule py-4">
      <p className="mb-1 font-bold">{state}</p>
      <p className="mb-2 text-muted">
        Raised by {challenge.raisedBy}
        {challenge.raisedByAgency && `, ${challenge.raisedByAgency}`}, {at(challenge.raisedAt)}
        {challenge.escalatedAt && <>; escalated {at(challenge.escalatedAt)}</>}
      </p>
      <p className="mb-2 whitespace-pre-wrap">{challenge.reason}</p>
      {challenge.decision && challenge.decidedAt && (
        <div className="border-l-4 border-rule pl-4">
          <p className="mb-1 text-muted">
            {challenge.decidedBy}, {at(challenge.decidedAt)}
          </p>
          <p className="whitespace-pre-wrap">{challenge.decision}</p>
        </div>
      )}
      {!challenge.decidedAt && !challenge.escalatedAt && can(user, "challenges:escalate") && <ChallengeStepForm contactId={contactId} challengeId={challenge.id} step="escalate" />}
      {!challenge.decidedAt && challenge.escalatedAt && can(user, "challenges:decide") && <ChallengeStepForm contactId={contactId} challengeId={challenge.id} step="decide" />}
    </li>
  );
}

/**
 * The contact record's "Screening and decision" section: each screening with the manager's decision on it,
 * the form for the allocated social worker to screen an open Red or Amber contact, the manager's decision
 * form on an undecided screening, and partners' challenges with their escalation. Shows nothing for a
 * caller who may not open the contact.
 */
export async function ScreeningSection({ contactId, user }: { contactId: string; user: SessionUser }) {
  const view = await findScreeningView(user, contactId);
  if (!view) return null;
  const { contact, screenings, challenges } = view;
  const latest = screenings[0];
  const mayScreen = can(user, "screening:record") && isScreenable(contact, user.id) && contact.status !== "WITH_CFSS";
  const mayDecide = can(user, "screening:decide") && !contact.closedAt && latest && !latest.decision;
  return (
    <section aria-labelledby="screening-heading" className="mb-12">
      <h2 id="screening-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        Screening and decision
      </h2>
      {screenings.length === 0 ? <p className="mb-6 text-muted">Not screened yet.</p> : <ul className="mb-6">{screenings.map((s) => <ScreeningItem key={s.id} screening={s} />)}</ul>}
      {mayDecide && latest && <ManagementDecisionForm contactId={contact.id} version={contact.version} recommendation={latest.recommendation} />}
      {mayScreen && <ScreeningForm contactId={contact.id} version={contact.version} />}
      {challenges.length > 0 && (
        <>
          <h3 className="mb-2 text-xl font-bold">Professional challenges</h3>
          <ul>
            {challenges.map((c) => (
              <ChallengeItem key={c.id} challenge={c} contactId={contact.id} user={user} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
