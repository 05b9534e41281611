import Link from "next/link";
import { formatDateTime } from "@/components/format-date-time";
import { formatTimeAgo } from "@/components/format-time-ago";
import { Tag, type TagColour } from "@/components/tag";
import { CONSENT_EXCEPTIONS, type ConsentException } from "@/lib/consent/policy";
import type { QueueRow } from "@/lib/contacts/data";
import { CHANNEL_LABELS } from "@/lib/contacts/policy";
import { Countdown } from "./countdown";
import { RatingTag } from "./rating-tag";

// A queue of contacts as a table that stacks on a phone: each row becomes a block, and each cell shows its
// column's name before the value (the header row is hidden there, and the names are hidden from tablet up).

type Flag = { label: string; colour: TagColour };

/** What a manager scans for, in words: the level, Section 47, consent, immediate risk, history, follow-up. */
export function flagsOf(row: QueueRow, now: Date): Flag[] {
  const flags: Flag[] = [];
  if (row.immediateRisk) flags.push({ label: "Immediate risk", colour: "red" });
  if (row.level4) flags.push({ label: "Level 4", colour: "red" });
  if (row.section47) flags.push({ label: "Section 47", colour: "red" });
  if (!row.consentObtained) {
    const reason = row.consentException ? CONSENT_EXCEPTIONS[row.consentException as ConsentException] : null;
    flags.push({ label: `Consent not obtained: ${reason ?? "no reason recorded"}`, colour: "yellow" });
  }
  if (row.priorContacts > 0) flags.push({ label: `${row.priorContacts} earlier contact${row.priorContacts === 1 ? "" : "s"}`, colour: "blue" });
  if (row.followUpDueAt) {
    flags.push(
      row.followUpDueAt.getTime() <= now.getTime()
        ? { label: "Written follow-up overdue", colour: "red" }
        : { label: `Written follow-up due by ${formatDateTime(row.followUpDueAt)}`, colour: "grey" },
    );
  }
  return flags;
}

function CellLabel({ children }: { children: React.ReactNode }) {
  return <span className="block font-bold md:hidden">{children}</span>;
}

const cell = "block py-1 md:table-cell md:py-3 md:pr-4 md:align-top";

export function QueueTable({ rows, view, caption, now }: { rows: QueueRow[]; view: "awaiting" | "open"; caption: string; now: Date }) {
  const open = view === "open";
  return (
    <table className="mb-8 w-full border-collapse text-left text-base">
      <caption className="mb-4 text-left text-xl font-bold">{caption}</caption>
      <thead className="hidden md:table-header-group">
        <tr className="border-b border-rule">
          <th scope="col" className="py-2 pr-4">
            Reference
          </th>
          <th scope="col" className="py-2 pr-4">
            Child
          </th>
          <th scope="col" className="py-2 pr-4">
            Referrer&apos;s agency
          </th>
          <th scope="col" className="py-2 pr-4">
            Received
          </th>
          {open && (
            <>
              <th scope="col" className="py-2 pr-4">
                Rating and social worker
              </th>
              <th scope="col" className="py-2 pr-4">
                Deadline
              </th>
            </>
          )}
          <th scope="col" className="py-2 pr-4">
            Flags
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const flags = flagsOf(row, now);
          return (
            <tr key={row.id} className="block border-b border-rule py-3 md:table-row md:py-0">
              <th scope="row" className={`${cell} font-normal`}>
                <Link href={`/contacts/${row.id}`} className="link font-bold">
                  {row.reference}
                </Link>
                <span className="block text-muted">{CHANNEL_LABELS[row.channel]}</span>
              </th>
              <td className={cell}>
                <CellLabel>Child</CellLabel>
                {row.childName}
                <span className="block text-muted">{row.age}</span>
              </td>
              <td className={cell}>
                <CellLabel>Referrer&apos;s agency</CellLabel>
                {row.agencyName ?? <span className="text-muted">Not known</span>}
              </td>
              <td className={cell}>
                <CellLabel>Received</CellLabel>
                {formatTimeAgo(row.receivedAt, now)}
                <span className="block text-muted">
                  <time dateTime={row.receivedAt.toISOString()}>{formatDateTime(row.receivedAt)}</time>
                </span>
              </td>
              {open && (
                <>
                  <td className={cell}>
                    <CellLabel>Rating and social worker</CellLabel>
                    {row.rating ? <RatingTag rating={row.rating} /> : <span className="text-muted">Not rated</span>}
                    <span className="block">{row.allocatedToName ? `Allocated to ${row.allocatedToName}` : <span className="text-muted">Not allocated</span>}</span>
                  </td>
                  <td className={cell}>
                    <CellLabel>Deadline</CellLabel>
                    {row.deadlineAt && row.warningAt ? (
                      <Countdown deadline={row.deadlineAt.toISOString()} warningAt={row.warningAt.toISOString()} renderedAt={now.toISOString()} />
                    ) : (
                      <span className="text-muted">None</span>
                    )}
                  </td>
                </>
              )}
              <td className={cell}>
                <CellLabel>Flags</CellLabel>
                {flags.length === 0 ? (
                  <span className="text-muted">None</span>
                ) : (
                  <ul className="flex flex-wrap gap-1">
                    {flags.map((flag) => (
                      <li key={flag.label}>
                        <Tag colour={flag.colour}>{flag.label}</Tag>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
