import { formatDateTime } from "@/components/format-date-time";
import type { PartnerChallenge, PartnerDecisionView } from "@/lib/screening/data";
import { challengeStateOf, isEscalatable, OUTCOME_LABELS, whyNotChallenge } from "@/lib/screening/policy";
import { ChallengeEscalationForm } from "./challenge-escalation-form";
import { ChallengeForm } from "./challenge-form";

const at = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;

/** Where a challenge is, in the partner's words (seed 002 §10: the team manager, then the service manager). */
function statusOf(challenge: PartnerChallenge): string {
  if (challenge.decidedAt) return `Decided by the service manager: ${challenge.decision ?? ""} (final)`;
  if (challenge.escalatedAt) return "Escalated to the service manager";
  return "With the MASH team manager";
}

type FormProps = { requestId: string; permalink: string; pageTitle: string };

function ChallengeItem({ challenge, form }: { challenge: PartnerChallenge; form: FormProps }) {
  return (
    <li className="border-b border-rule py-4">
      <p className="mb-1 font-bold whitespace-pre-wrap">{statusOf(challenge)}</p>
      <p className="mb-2 text-muted">
        Raised by {challenge.mine ? "you" : challenge.raisedBy}, {at(challenge.raisedAt)}
        {challenge.escalatedAt && <>; escalated {at(challenge.escalatedAt)}</>}
        {challenge.decidedAt && <>; decided {at(challenge.decidedAt)}</>}
      </p>
      <p className="whitespace-pre-wrap">{challenge.reason}</p>
      {isEscalatable(challenge) && <ChallengeEscalationForm {...form} challengeId={challenge.id} />}
    </li>
  );
}

/**
 * "The MASH decision" on a partner's request page: the outcome and when, their agency's challenges to it with
 * where each stands, and the forms to challenge it or escalate their own challenge. The view holds only what a
 * partner may see (lib/screening/data.ts#findDecisionForPartner); nothing is shown before there is a decision or a challenge.
 */
export function ChallengeSection({ view, ...form }: { view: PartnerDecisionView } & FormProps) {
  const { decision, challenges } = view;
  if (!decision && challenges.length === 0) return null;
  return (
    <section aria-labelledby="decision-heading" className="mb-12">
      <h2 id="decision-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        The MASH decision
      </h2>
      {decision ? (
        <dl className="mb-6">
          <dt className="font-bold">Outcome</dt>
          <dd className="mb-2">{OUTCOME_LABELS[decision.outcome]}</dd>
          <dt className="font-bold">Decided</dt>
          <dd>{at(decision.decidedAt)}</dd>
        </dl>
      ) : (
        <p className="mb-6 text-muted">The MASH has not made its decision yet.</p>
      )}
      {challenges.length > 0 && (
        <section aria-labelledby="challenges-heading">
          <h3 id="challenges-heading" className="mb-2 text-xl font-bold">
            Your agency&apos;s challenges
          </h3>
          <ul>
            {challenges.map((challenge) => (
              <ChallengeItem key={challenge.id} challenge={challenge} form={form} />
            ))}
          </ul>
        </section>
      )}
      {whyNotChallenge(challengeStateOf(view)) === null && <ChallengeForm {...form} />}
    </section>
  );
}
