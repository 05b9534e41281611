import Link from "next/link";
import { NotificationBanner } from "@/components/notification-banner";
import { Tag } from "@/components/tag";
import { isFiltered, type FilteredDocument, type ThresholdFilter } from "@/lib/thresholds/search";
import type { Level, ThresholdDocument } from "@/lib/thresholds/schema";
import { DomainSection } from "./domain-section";
import { FilterForm } from "./filter-form";
import { LevelOverview } from "./level-overview";
import { formatPublishedOn, PublishedDate } from "./published-date";
import { ResultsSummary } from "./results-summary";
import { Section47List } from "./section-47-list";
import { VersionList, type VersionSummary } from "./version-list";

type GuidanceDocument = Pick<ThresholdDocument, "id" | "title" | "status" | "publishedOn" | "publisher" | "levels" | "domains" | "section47List">;

/**
 * The public threshold guidance page: one version of the matrix, filtered as the query string asks.
 * `basePath` is where the filter form sends people: /thresholds for the current version, or the version's
 * own address.
 */
export function ThresholdGuidance({
  document,
  current,
  versions,
  filter,
  result,
  basePath,
}: {
  document: GuidanceDocument;
  current: VersionSummary;
  versions: VersionSummary[];
  filter: ThresholdFilter;
  result: FilteredDocument;
  basePath: string;
}) {
  const superseded = document.status === "superseded";
  const levelNames = Object.fromEntries(document.levels.map((l) => [l.level, l.name])) as Record<Level, string>;
  const domainName = document.domains.find((d) => d.id === filter.domain)?.name ?? null;

  return (
    <>
      {superseded && (
        <NotificationBanner title="Superseded guidance">
          This is superseded guidance (published {formatPublishedOn(document.publishedOn)}). Use the current version:{" "}
          <Link href="/thresholds" className="link">
            {current.title}
          </Link>
        </NotificationBanner>
      )}

      <p className="mb-2 text-lg text-muted md:text-2xl">Threshold guidance</p>
      <h1 className="mb-4 text-3xl font-bold break-words md:text-5xl">
        {document.title} <Tag colour={superseded ? "grey" : "green"}>{superseded ? "Superseded version" : "Current version"}</Tag>
      </h1>
      <p className="mb-4 text-muted">
        Published <PublishedDate isoDate={document.publishedOn} /> by {document.publisher}.
      </p>
      <div className="mb-8 max-w-3xl space-y-4">
        <p className="text-lg md:text-2xl">
          This guidance gives definitions and indicators to help you identify the level of need of a child or young person. It supports your
          professional judgement; it is not a checklist and it never gives a verdict.
        </p>
        <p>The guidance should not replace having a conversation or the use of sound professional judgement.</p>
        <p>
          Indicators tagged &ldquo;Section 47 strategy discussion&rdquo; describe circumstances that could lead to a section 47 assessment, where a
          strategy discussion is required.
        </p>
      </div>

      <p className="mb-8">
        <Link href={`/thresholds/check${superseded ? `?version=${document.id}` : ""}`} className="link text-lg font-bold md:text-xl">
          Check the level of need
        </Link>
        : tick the indicators that apply to a child and see the suggested level, the reasons and what to do next.
      </p>

      <LevelOverview levels={document.levels} folded={isFiltered(filter)} />

      <FilterForm action={basePath} filter={filter} domains={document.domains} levelNames={levelNames} />
      <ResultsSummary
        filter={filter}
        matchCount={result.matchCount}
        totalCount={result.totalCount}
        domainName={domainName}
        levelNames={levelNames}
        basePath={basePath}
      />

      {result.domains.map((domain) => (
        <DomainSection key={domain.id} domain={domain} levelNames={levelNames} q={filter.q} documentId={document.id} />
      ))}

      {document.section47List.length > 0 && <Section47List items={document.section47List} q={filter.q} />}

      <VersionList versions={versions} viewingId={document.id} />
    </>
  );
}
