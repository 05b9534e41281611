import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button, ButtonLink } from "@/components/button";
import { QueueRefresher } from "@/components/contacts/queue-refresher";
import { QueueTable } from "@/components/contacts/queue-table";
import { Select } from "@/components/select";
import { can } from "@/lib/auth/policy";
import { requirePermission, titleIfPermitted } from "@/lib/auth/require-user";
import {
  CONTACT_CHANNELS,
  listContacts,
  listReferringAgencies,
  QUEUE_FLAG_LABELS,
  QUEUE_FLAGS,
  queueSummary,
  type QueueFilters,
  type QueueFlag,
  type QueueView,
} from "@/lib/contacts/data";
import { CHANNEL_LABELS } from "@/lib/contacts/policy";
import type { ContactChannel, Role } from "@/lib/db/generated/enums";
import { isUuid } from "@/lib/ids";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await titleIfPermitted("contacts:read", "Contacts") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** Each role's queue: what it is called, and which views it has (lib/contacts/policy.ts decides what is in it). */
const QUEUES: Partial<Record<Role, { heading: string; intro: string; views: readonly QueueView[] }>> = {
  MASH_MANAGER: {
    heading: "Contacts",
    intro: "Every contact to the MASH. Rate new contacts and give direction, then allocate Red and Amber ones to a social worker.",
    views: ["awaiting", "open"],
  },
  SERVICE_MANAGER: { heading: "Contacts", intro: "Every contact to the MASH, for management oversight.", views: ["awaiting", "open"] },
  MASH_OFFICER: { heading: "Phone contacts you recorded", intro: "The phone contacts you recorded, and what happened to them.", views: ["awaiting", "open"] },
  SOCIAL_WORKER: { heading: "Contacts allocated to you", intro: "The contacts a MASH manager allocated to you for screening, soonest deadline first.", views: ["open"] },
  DAAT_MANAGER: {
    heading: "Red contacts",
    intro: "Contacts rated Red (child protection), soonest deadline first. Each needs screening within 1 hour, and a strategy discussion may follow.",
    views: ["open"],
  },
  CFSS_COORDINATOR: {
    heading: "Green contacts",
    intro: "Contacts rated Green, for a Partnership Support (CFSS) response within 5 working days.",
    views: ["open"],
  },
};

const VIEW_LABELS: Record<QueueView, string> = { awaiting: "Awaiting a rating", open: "Rated and open" };
const CAPTIONS: Record<QueueView, string> = { awaiting: "Contacts awaiting a rating, oldest first", open: "Rated contacts still open, soonest deadline first" };

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return value && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export default async function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("/contacts", "contacts:read");
  const queue = QUEUES[user.role];
  if (!queue) notFound();
  const params = await searchParams;
  const view = oneOf(queue.views, first(params.view)) ?? queue.views[0]!;
  const filters: QueueFilters = {
    channel: oneOf<ContactChannel>(CONTACT_CHANNELS, first(params.channel)),
    agencyId: isUuid(first(params.agency) ?? "") ? first(params.agency)! : null,
    flag: oneOf<QueueFlag>(QUEUE_FLAGS, first(params.flag)),
  };
  const cursor = first(params.cursor) ?? null;
  const now = new Date();
  const [page, summary, agencies] = await Promise.all([listContacts(user, { view, filters, cursor, now }), queueSummary(user), listReferringAgencies()]);
  if (!page || !summary) notFound();

  const query = (changes: Record<string, string | null>) => {
    const values: Record<string, string | null> = { view, channel: filters.channel ?? null, agency: filters.agencyId ?? null, flag: filters.flag ?? null, ...changes };
    const search = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `/contacts?${search}`;
  };
  const filtered = Boolean(filters.channel || filters.agencyId || filters.flag);

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">{queue.heading}</h1>
      <p className="mb-6 max-w-prose">{queue.intro}</p>
      {can(user, "contacts:record-phone") && (
        <p className="mb-8">
          <ButtonLink href="/contacts/phone/new" variant="secondary">
            Record a phone contact
          </ButtonLink>
        </p>
      )}
      <QueueRefresher awaiting={summary.awaiting} />

      {queue.views.length > 1 && (
        <nav aria-label="Queues" className="mb-8 border-b border-rule">
          <ul className="flex flex-wrap gap-x-8">
            {queue.views.map((candidate) => {
              const current = candidate === view;
              return (
                <li key={candidate} className={`border-b-[5px] pb-2 ${current ? "border-brand" : "border-transparent"}`}>
                  <Link href={`/contacts?view=${candidate}`} aria-current={current ? "page" : undefined} className={`link font-bold ${current ? "no-underline" : ""}`}>
                    {VIEW_LABELS[candidate]}
                    {candidate === "awaiting" && ` (${summary.awaiting})`}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}

      <form method="get" action="/contacts" aria-labelledby="filter-heading" className="mb-8 bg-panel p-4">
        <h2 id="filter-heading" className="mb-4 text-xl font-bold">
          Filter contacts
        </h2>
        <input type="hidden" name="view" value={view} />
        <div className="grid gap-x-6 md:grid-cols-3">
          <Select
            id="channel"
            name="channel"
            label="How it came in"
            placeholder="Any way"
            options={CONTACT_CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
            defaultValue={filters.channel ?? ""}
          />
          <Select
            id="agency"
            name="agency"
            label="Referring agency"
            placeholder="Any agency"
            options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
            defaultValue={filters.agencyId ?? ""}
          />
          <Select
            id="flag"
            name="flag"
            label="Flag"
            placeholder="Any flag"
            options={QUEUE_FLAGS.map((flag) => ({ value: flag, label: QUEUE_FLAG_LABELS[flag] }))}
            defaultValue={filters.flag ?? ""}
          />
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
          {filtered && (
            <Link href={`/contacts?view=${view}`} className="link">
              Clear filters
            </Link>
          )}
        </div>
      </form>

      {page.rows.length === 0 ? (
        <p className="mb-8">
          {filtered
            ? "No contacts match these filters."
            : view === "awaiting"
              ? "No contacts are waiting for a rating."
              : "There are no rated contacts open."}
        </p>
      ) : (
        <QueueTable rows={page.rows} view={view} caption={`${CAPTIONS[view]}${filtered ? " (filtered)" : ""}`} now={now} />
      )}

      {(page.nextCursor || cursor) && (
        <nav aria-label="Pages" className="flex flex-wrap gap-x-8">
          {cursor && (
            <Link href={query({})} className="link">
              First page
            </Link>
          )}
          {page.nextCursor && (
            <Link href={query({ cursor: page.nextCursor })} className="link font-bold">
              Next page<span className="sr-only"> of contacts</span>
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
