import { formatDateTime } from "@/components/format-date-time";
import { SummaryList } from "@/components/summary-list";
import type { SessionUser } from "@/lib/auth/data";
import { can } from "@/lib/auth/policy";
import { findRedContactClock, findStrategyMeeting } from "@/lib/strategy/data";
import { redTimeliness } from "@/lib/strategy/policy";
import { ATTENDEE_AGENCY_LABELS, STRATEGY_DECISION_LABELS } from "@/lib/strategy/schema";
import { AgreeStrategyForm, RecordStrategyForm } from "./strategy-forms";

/**
 * The contact record's "Strategy discussion" section for a Red contact (seed 002 App. D): whether the 1-hour
 * screening and the meeting happened in time, the meeting's record, and for the DAAT manager the forms to
 * agree and record it. Shows nothing for a contact that is not Red and has no meeting, or one the caller may
 * not open.
 */
export async function StrategySection({ contactId, user, now = new Date() }: { contactId: string; user: SessionUser; /** For tests. */ now?: Date }) {
  const [clock, meeting] = await Promise.all([findRedContactClock(user, contactId), findStrategyMeeting(user, contactId)]);
  if (!clock || (clock.rating !== "RED" && !meeting)) return null;
  const timeliness = redTimeliness(clock, meeting, now);
  const mayRecord = can(user, "strategy:record") && clock.rating === "RED" && !clock.closedAt;
  const pageTitle = `Contact ${clock.reference}`;
  return (
    <section aria-labelledby="strategy-heading" className="mb-12">
      <h2 id="strategy-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        Strategy discussion
      </h2>
      <ul className="mb-6 list-disc pl-5">
        <li>{timeliness.screening}</li>
        <li>{timeliness.meeting}</li>
      </ul>
      {meeting && (
        <SummaryList
          rows={[
            { key: "Priority", value: meeting.priority },
            { key: "Agreed", value: formatDateTime(meeting.agreedAt) },
            { key: "Held", value: meeting.heldAt ? formatDateTime(meeting.heldAt) : "Not yet" },
            ...(meeting.heldAt
              ? [
                  {
                    key: "Attendees",
                    value: (
                      <ul>
                        {meeting.attendees.map((attendee, index) => (
                          <li key={index}>
                            {attendee.name} ({ATTENDEE_AGENCY_LABELS[attendee.agency] ?? attendee.agency})
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                  { key: "Information shared", value: <p className="whitespace-pre-wrap">{meeting.informationShared}</p> },
                  { key: "Decision", value: meeting.decision ? STRATEGY_DECISION_LABELS[meeting.decision] : "None recorded" },
                  {
                    key: "Actions",
                    value:
                      meeting.actions.length === 0 ? (
                        "None"
                      ) : (
                        <ul>
                          {meeting.actions.map((action, index) => (
                            <li key={index}>
                              {action.action}: {action.owner}
                              {action.dueBy ? `, by ${action.dueBy}` : ""}
                            </li>
                          ))}
                        </ul>
                      ),
                  },
                  { key: "Recorded by", value: `${meeting.recordedBy}, ${formatDateTime(meeting.recordedAt)}` },
                ]
              : []),
          ]}
        />
      )}
      {mayRecord && !meeting && <AgreeStrategyForm contactId={contactId} version={clock.version} pageTitle={pageTitle} />}
      {mayRecord && meeting && !meeting.heldAt && <RecordStrategyForm contactId={contactId} version={clock.version} pageTitle={pageTitle} />}
    </section>
  );
}
