import { formatDateTime } from "@/components/format-date-time";
import type { TimelineEntry } from "@/lib/contacts/data";
import { RATING_LABELS } from "@/lib/contacts/policy";
import type { RagRating } from "@/lib/contacts/schema";
import type { ContactChannel } from "@/lib/db/generated/enums";
import { AGENCY_LABELS, KNOWN_TO_AGENCY_LABELS } from "@/lib/requests/policy";
import { describeCfssEvent } from "@/lib/cfss/policy";
import { describeScreeningEvent } from "@/lib/screening/policy";
import { describeStrategyEvent } from "@/lib/strategy/policy";

// Every decision on a contact in plain English, oldest first: who, when, what, and why. Read from the audit
// trail, so it is the same record an auditor sees.

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
const rating = (value: unknown): string => (typeof value === "string" && value in RATING_LABELS ? RATING_LABELS[value as RagRating] : "an unknown rating");
const dueBy = (value: unknown): string => {
  const at = str(value);
  return at ? `, screening due by ${formatDateTime(at)}` : "";
};

const RECEIVED_AS: Record<ContactChannel, string> = {
  ONLINE: "an online referral",
  PHONE: "a phone contact",
  EMAIL: "an e-mail",
  POLICE_NOTIFICATION: "a police protection notification",
};

type Wording = { what: string; why: { label: string; text: string }[] };

function agency(value: unknown): string {
  const kind = str(value);
  return kind && kind in AGENCY_LABELS ? AGENCY_LABELS[kind as keyof typeof AGENCY_LABELS] : "a partner agency";
}

export function describeTimelineEntry(entry: Pick<TimelineEntry, "action" | "details">): Wording {
  const d = entry.details;
  const because = (label: string, value: unknown) => (str(value) ? [{ label, text: str(value)! }] : []);
  switch (entry.action) {
    case "contact.created": {
      const channel = str(d.channel);
      const how = channel && channel in RECEIVED_AS ? RECEIVED_AS[channel as ContactChannel] : "a contact";
      return { what: `Received as ${how}${str(d.reference) ? ` (${str(d.reference)})` : ""}`, why: [] };
    }
    case "contact.rated":
      return { what: `Rated ${rating(d.rating)}${dueBy(d.deadlineAt)}`, why: [...because("Direction", d.direction), ...because("Rationale", d.rationale)] };
    case "contact.re-rated":
      return {
        what: `Rating changed from ${rating(d.previousRating)} to ${rating(d.rating)}; the clock started again${dueBy(d.deadlineAt)}`,
        why: [...because("Direction", d.direction), ...because("Rationale", d.rationale)],
      };
    case "contact.allocated":
      return { what: `Allocated to ${str(d.socialWorkerName) ?? "a social worker"}`, why: because("Reason", d.reason) };
    case "contact.reallocated":
      return { what: `Reallocated to ${str(d.socialWorkerName) ?? "another social worker"}`, why: because("Reason", d.reason) };
    case "contact.returned-for-consent":
      return { what: "Returned to the referrer to seek the family's consent", why: because("Rationale", d.rationale) };
    case "contact.consultation-closed":
      return { what: "Closed as a consultation", why: because("Rationale", d.rationale) };
    case "contact.passed-to-team":
      return { what: `Passed to ${str(d.team) ?? "the team already working with the child"}`, why: because("Rationale", d.rationale) };
    case "contact.clock-warning":
      return { what: `Warning: the ${rating(d.rating)} screening deadline is close${dueBy(d.deadlineAt)}. The social worker and MASH managers were told.`, why: [] };
    case "contact.clock-breached":
      return { what: `Deadline missed: the ${rating(d.rating)} screening was not done in time${dueBy(d.deadlineAt)}. The social worker and MASH managers were told.`, why: [] };
    case "request.made":
      return { what: `Information requested from ${agency(d.agencyKind)}${dueBy(d.dueAt)}`, why: because("Question", d.question) };
    case "request.answered": {
      const known = str(d.knownToAgency);
      const open = known && known in KNOWN_TO_AGENCY_LABELS ? `: ${KNOWN_TO_AGENCY_LABELS[known as keyof typeof KNOWN_TO_AGENCY_LABELS].toLowerCase()}` : "";
      return { what: `${agency(d.agencyKind)} answered the information request${open}`, why: [] };
    }
    default:
      return describeScreeningEvent(entry.action, d) ?? describeStrategyEvent(entry.action, d) ?? describeCfssEvent(entry.action, d) ?? { what: entry.action, why: [] };
  }
}

export function ContactTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p>Nothing has happened to this contact yet.</p>;
  return (
    <ol className="mb-8 border-t border-rule">
      {entries.map((entry) => {
        const { what, why } = describeTimelineEntry(entry);
        return (
          <li key={entry.id} className="border-b border-rule py-3">
            <p className="font-bold">{what}</p>
            <p className="text-muted">
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time> · {entry.actorName ?? "The system"}
            </p>
            {why.map((reason) => (
              <p key={reason.label} className="mt-1 whitespace-pre-wrap">
                <span className="font-bold">{reason.label}: </span>
                {reason.text}
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
