import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/format-date-time";
import { RequestStateTag } from "@/components/requests/request-state-tag";
import { recordRead } from "@/lib/audit/mutations";
import { requirePermission, titleIfPermitted } from "@/lib/auth/require-user";
import { listRequestsForAgency } from "@/lib/requests/data";
import { AGENCY_LABELS } from "@/lib/requests/policy";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await titleIfPermitted("requests:answer", "Information requests") };
}

/** The requests made to the partner's own agency: open ones first, soonest due first. */
export default async function InformationRequestsPage() {
  const user = await requirePermission("/requests", "requests:answer");
  const now = new Date();
  const rows = await listRequestsForAgency(user, now);
  if (!rows) notFound();
  await recordRead({ actorId: user.id, action: "requests.listed", entityType: "InformationRequest", requestId: (await headers()).get("x-request-id"), details: { rows: rows.length } });
  const agency = rows[0] ? AGENCY_LABELS[rows[0].agencyKind] : user.agencyName;

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Information requests</h1>
      <p className="mb-8 max-w-prose">
        What the MASH has asked {agency ?? "your agency"} about a child and their household. Each one is due by the contact&apos;s screening deadline:
        a Red contact within the hour. Open requests come first, soonest due first.
      </p>
      {rows.length === 0 ? (
        <p>Nothing has been asked of your agency yet.</p>
      ) : (
        <table className="w-full border-collapse text-left text-base">
          <caption className="sr-only">Information requests to your agency, open ones first, soonest due first</caption>
          <thead>
            <tr className="border-b border-rule">
              <th scope="col" className="py-2 pr-4">
                Contact
              </th>
              <th scope="col" className="py-2 pr-4">
                Asked
              </th>
              <th scope="col" className="py-2 pr-4">
                State
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-rule align-top">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <Link href={`/requests/${row.id}`} className="link">
                    {row.reference}
                  </Link>
                  <span className="block text-muted">{row.childName}</span>
                </th>
                <td className="py-3 pr-4">{formatDateTime(row.requestedAt)}</td>
                <td className="py-3 pr-4">
                  <RequestStateTag state={row.state} dueAt={row.dueAt} answeredAt={row.answeredAt} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
