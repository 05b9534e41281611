import { formatDateTime } from "@/components/format-date-time";
import { Tag } from "@/components/tag";
import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { describeRemaining } from "@/lib/contacts/deadlines";
import { findCfssTriage, type CfssActionRecord } from "@/lib/cfss/data";
import { CFSS_ACTION_LABELS, OVERSIGHT_CONCERN_LABELS, triageState } from "@/lib/cfss/policy";
import { ApproveClosureForm, CfssActionForm } from "./cfss-forms";

const TRIAGE_WORDS = {
  DONE_IN_TIME: "Triaged within 3 working days",
  DONE_LATE: "Triaged after the 3-working-day deadline",
  DUE: "Triage due",
  OVERDUE: "Triage overdue",
  NONE: "",
} as const;

function ActionItem({ action }: { action: CfssActionRecord }) {
  return (
    <li className="border-b border-rule py-4">
      <h3 className="mb-2 text-xl font-bold">{CFSS_ACTION_LABELS[action.kind]}</h3>
      {action.awaitingOversight && (
        <p className="mb-2">
          <Tag colour="yellow">Awaiting management oversight</Tag>
        </p>
      )}
      <p className="mb-3 text-muted">
        {action.recordedBy}, <time dateTime={action.recordedAt.toISOString()}>{formatDateTime(action.recordedAt)}</time>
        {action.oversightByName && `; management oversight by ${action.oversightByName}`}
      </p>
      <dl className="border-l-4 border-rule pl-4">
        {action.locality && (
          <>
            <dt className="font-bold">Locality</dt>
            <dd className="mb-2">{action.locality}</dd>
          </>
        )}
        <dt className="font-bold">What are we worried about?</dt>
        <dd className="mb-2 whitespace-pre-wrap">{action.worries}</dd>
        <dt className="font-bold">What&apos;s working well?</dt>
        <dd className="mb-2 whitespace-pre-wrap">{action.workingWell}</dd>
        <dt className="font-bold">What needs to happen?</dt>
        <dd className="mb-2 whitespace-pre-wrap">{action.needsToHappen}</dd>
        <dt className="font-bold">Notes</dt>
        <dd className="whitespace-pre-wrap">{action.notes}</dd>
      </dl>
    </li>
  );
}

/**
 * The contact record's "CFSS Partnership Support" section for a Green contact or early-help request (seed
 * 002 §11): the 3-working-day triage clock, every coordinator action with its Signs of Safety, and the forms:
 * a coordinator's action, or a manager's management oversight of a closure waiting for it. Shows nothing for
 * a contact that was never with CFSS, or one the caller may not open.
 */
export async function CfssSection({ contactId, user, now = new Date() }: { contactId: string; user: SessionUser; /** For tests. */ now?: Date }) {
  const triage = await findCfssTriage(user, contactId);
  if (!triage || (triage.rating !== "GREEN" && triage.status !== "WITH_CFSS" && triage.actions.length === 0)) return null;
  const open = !triage.closedAt;
  const escalated = triage.status === "AWAITING_RAG";
  const withCfss = open && !escalated && (triage.rating === "GREEN" || triage.status === "WITH_CFSS");
  const awaitingOversight = triage.actions.some((action) => action.awaitingOversight);
  const state = triageState(triage.triageDueAt, triage.actions[0]?.recordedAt ?? null, now);
  const pageTitle = `Contact ${triage.reference}`;
  const concerns = triage.referralConcerns.map((concern) => OVERSIGHT_CONCERN_LABELS[concern]);
  return (
    <section aria-labelledby="cfss-heading" className="mb-12">
      <h2 id="cfss-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        CFSS Partnership Support
      </h2>
      {triage.triageDueAt && state !== "NONE" && (
        <p className="mb-4">
          <Tag colour={state === "OVERDUE" || state === "DONE_LATE" ? "red" : state === "DUE" ? "blue" : "green"}>{TRIAGE_WORDS[state]}</Tag>{" "}
          {state === "DUE" || state === "OVERDUE" ? `by ${formatDateTime(triage.triageDueAt)} (${describeRemaining(triage.triageDueAt, now).toLowerCase()})` : `(due by ${formatDateTime(triage.triageDueAt)})`}
        </p>
      )}
      {concerns.length > 0 && <p className="mb-4 max-w-prose">Needs management oversight before closing: {concerns.join("; ")}.</p>}
      {escalated && <p className="mb-4 border-l-[5px] border-rule bg-panel p-4">Escalated to the MASH: waiting for a manager to re-rate it.</p>}
      {triage.actions.length === 0 ? (
        <p className="mb-8">No CFSS action has been recorded yet.</p>
      ) : (
        <ol className="mb-8 border-t border-rule">
          {triage.actions.map((action) => (
            <ActionItem key={action.id} action={action} />
          ))}
        </ol>
      )}
      {withCfss && can(user, "cfss:triage") && awaitingOversight && (
        <p className="mb-8">A closure is waiting for a manager&apos;s management oversight. You can still allocate or escalate the contact.</p>
      )}
      {withCfss && can(user, "cfss:triage") && <CfssActionForm contactId={contactId} version={triage.version} pageTitle={pageTitle} concernsFound={concerns} />}
      {open && awaitingOversight && can(user, "cfss:oversee") && <ApproveClosureForm contactId={contactId} version={triage.version} pageTitle={pageTitle} />}
    </section>
  );
}
