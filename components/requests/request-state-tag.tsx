import { Tag, type TagColour } from "@/components/tag";
import { formatDateTime } from "@/components/format-date-time";
import { overdueWords, REQUEST_STATE_LABELS, type RequestState } from "@/lib/requests/policy";

const COLOURS: Record<RequestState, TagColour> = { DUE: "blue", OVERDUE: "red", ANSWERED: "green", ANSWERED_LATE: "yellow" };

/** A request's state in words, and how long it is overdue when it is; the colour only repeats the words. */
export function RequestStateTag({ state, dueAt, answeredAt, now }: { state: RequestState; dueAt: Date; answeredAt: Date | null; now: Date }) {
  const overdue = overdueWords(dueAt, answeredAt, now);
  return (
    <>
      <Tag colour={COLOURS[state]}>{REQUEST_STATE_LABELS[state]}</Tag>
      <span className="mt-1 block">
        {overdue ? `${overdue} (was due ${formatDateTime(dueAt)})` : answeredAt ? `Answered ${formatDateTime(answeredAt)}` : `Due by ${formatDateTime(dueAt)}`}
      </span>
    </>
  );
}
