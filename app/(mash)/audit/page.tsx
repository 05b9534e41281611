import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { formatDateTime } from "@/components/format-date-time";
import { TextInput } from "@/components/text-input";
import { listAuditEvents } from "@/lib/audit/data";
import { auditQuerySchema } from "@/lib/audit/schema";
import { findUserNames } from "@/lib/auth/data";
import { requirePermission, titleIfPermitted } from "@/lib/auth/require-user";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await titleIfPermitted("audit:read", "Audit trail") };
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v : undefined;
}

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("/audit", "audit:read");
  const params = await searchParams;
  const raw = { entityType: first(params.entityType), entityId: first(params.entityId), before: first(params.before) };
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : { limit: 50 };
  const page = await listAuditEvents(actor, query);
  const names = await findUserNames(page.events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
  const olderHref = page.nextCursor
    ? `/audit?${new URLSearchParams({ ...(raw.entityType ? { entityType: raw.entityType } : {}), ...(raw.entityId ? { entityId: raw.entityId } : {}), before: page.nextCursor })}`
    : null;

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Audit trail</h1>
      <p className="mb-6 max-w-prose">
        Every change, sign-in and opened record, newest first. Entries cannot be altered or deleted; each is chained to the one before, so tampering
        shows.
      </p>

      <form method="get" action="/audit" className="mb-8 grid gap-x-6 md:grid-cols-3" aria-label="Filter the audit trail">
        <TextInput id="entityType" name="entityType" label="Record type" hint="For example User, UserSession, ApiToken" defaultValue={raw.entityType} width="20" />
        <TextInput id="entityId" name="entityId" label="Record id" defaultValue={raw.entityId} width="full" />
        <div className="self-end pb-6">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </div>
      </form>

      {page.events.length === 0 ? (
        <p>No events match.</p>
      ) : (
        <ol className="border-t border-rule" aria-label="Audit events">
          {page.events.map((event) => {
            const who = event.actorId ? names.get(event.actorId) : null;
            return (
              <li key={event.id} className="border-b border-rule py-3">
                <p className="font-bold">
                  <code>{event.action}</code> on {event.entityType}
                  {event.entityId ? (
                    <>
                      {" "}
                      <Link className="link break-all" href={`/audit?${new URLSearchParams({ entityType: event.entityType, entityId: event.entityId })}`}>
                        {event.entityId}
                      </Link>
                    </>
                  ) : null}
                </p>
                <p className="text-muted">
                  {formatDateTime(event.occurredAt)} · {who ? `${who.name} (${who.email})` : event.actorId ? "Unknown user" : "The system"} · event {event.id}
                </p>
                {event.details && typeof event.details === "object" && Object.keys(event.details).length > 0 ? (
                  <details className="mt-1">
                    <summary className="link cursor-pointer">Details</summary>
                    <pre className="mt-2 overflow-x-auto bg-panel p-2 text-sm whitespace-pre-wrap">{JSON.stringify(event.details, null, 2)}</pre>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {olderHref && (
        <p className="mt-6">
          <Link className="link" href={olderHref}>
            Older events
          </Link>
        </p>
      )}
    </>
  );
}
