import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QueueRefresher } from "@/components/contacts/queue-refresher";
import { QueueTable } from "@/components/contacts/queue-table";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requirePermission } from "@/lib/auth/require-user";
import { listContacts } from "@/lib/contacts/data";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const user = await getCurrentUser();
  return { title: user?.role === "SOCIAL_WORKER" ? "My allocations" : "Page not found" };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** A social worker's allocated contacts that are still open, soonest deadline first, each with its clock. */
export default async function MyAllocationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("/allocations", "contacts:read");
  if (user.role !== "SOCIAL_WORKER") notFound();
  const cursorParam = (await searchParams).cursor;
  const cursor = typeof cursorParam === "string" ? cursorParam : null;
  const now = new Date();
  // A social worker's "open" view is exactly their allocations (lib/contacts/policy.ts).
  const page = await listContacts(user, { view: "open", cursor, now });
  if (!page) notFound();

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">My allocations</h1>
      <p className="mb-8 max-w-prose">
        The contacts a MASH manager allocated to you for screening, soonest deadline first. You are told in the service and by e-mail when one is
        allocated to you, and again as its deadline comes close.
      </p>
      {/* No count to announce here (nothing waits for a rating in a social worker's scope): it keeps the clocks and list current. */}
      <QueueRefresher awaiting={0} />
      {page.rows.length === 0 ? (
        <p className="mb-8">Nothing is allocated to you at the moment.</p>
      ) : (
        <QueueTable rows={page.rows} view="open" caption="Contacts allocated to you, soonest deadline first" now={now} />
      )}
      {(page.nextCursor || cursor) && (
        <nav aria-label="Pages" className="flex flex-wrap gap-x-8">
          {cursor && (
            <Link href="/allocations" className="link">
              First page
            </Link>
          )}
          {page.nextCursor && (
            <Link href={`/allocations?${new URLSearchParams({ cursor: page.nextCursor })}`} className="link font-bold">
              Next page<span className="sr-only"> of allocations</span>
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
