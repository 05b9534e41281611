import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/format-date-time";
import { Tag } from "@/components/tag";
import { requirePermission } from "@/lib/auth/require-user";
import { listCfssQueue } from "@/lib/cfss/data";
import { triageState } from "@/lib/cfss/policy";
import { describeRemaining } from "@/lib/contacts/deadlines";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Partnership Support triage" };

/**
 * The CFSS partnership coordinators' queue: early-help requests and Green contacts still with CFSS, the
 * soonest 3-working-day triage deadline first (seed 002 §11). Each opens on the contact record, where the
 * coordinator records what they did.
 */
export default async function CfssQueuePage() {
  const user = await requirePermission("/cfss", "cfss:triage");
  const rows = await listCfssQueue(user);
  if (!rows) notFound();
  const now = new Date();

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Partnership Support triage</h1>
      <p className="mb-8 max-w-prose">
        Early-help requests and Green contacts from the MASH. Review each and act within 3 working days: advice and signposting, allocation to the
        locality partnership coordinator, telling the practitioner the family is open to targeted services, escalation to the MASH, or closing it.
      </p>
      {rows.length === 0 ? (
        <p className="mb-8">Nothing is waiting for triage.</p>
      ) : (
        <table className="mb-8 w-full border-collapse text-left">
          <caption className="mb-4 text-left text-xl font-bold">Waiting for triage, soonest deadline first</caption>
          <thead>
            <tr className="border-b border-rule">
              <th scope="col" className="py-2 pr-4">Reference</th>
              <th scope="col" className="py-2 pr-4">Child</th>
              <th scope="col" className="py-2 pr-4">Received</th>
              <th scope="col" className="py-2 pr-4">Triage due</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const state = triageState(row.triageDueAt, null, now);
              return (
                <tr key={row.id} className="border-b border-rule align-top">
                  <td className="py-3 pr-4">
                    <Link href={`/contacts/${row.id}`} className="link">
                      {row.reference}
                    </Link>
                    <span className="block text-muted">{row.rating === "GREEN" ? "Green contact" : "Early-help request"}</span>
                  </td>
                  <td className="py-3 pr-4">{row.childName}</td>
                  <td className="py-3 pr-4">
                    <time dateTime={row.receivedAt.toISOString()}>{formatDateTime(row.receivedAt)}</time>
                  </td>
                  <td className="py-3 pr-4">
                    {row.triageDueAt ? (
                      <>
                        <time dateTime={row.triageDueAt.toISOString()}>{formatDateTime(row.triageDueAt)}</time>
                        <span className="block">{describeRemaining(row.triageDueAt, now)}</span>
                      </>
                    ) : (
                      "Not set"
                    )}
                    {state === "OVERDUE" && <Tag colour="red">Overdue</Tag>}
                    {row.awaitingOversight && <Tag colour="yellow">Closure waiting for management oversight</Tag>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
