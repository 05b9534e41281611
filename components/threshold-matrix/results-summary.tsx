import Link from "next/link";
import { isFiltered, type ThresholdFilter } from "@/lib/thresholds/search";
import type { Level } from "@/lib/thresholds/schema";
import { levelLabel } from "./level-heading";

/** What the filter shows, in words, and what to try when it shows nothing. */
export function ResultsSummary({
  filter,
  matchCount,
  totalCount,
  domainName,
  levelNames,
  basePath,
}: {
  filter: ThresholdFilter;
  matchCount: number;
  totalCount: number;
  domainName: string | null;
  levelNames: Record<Level, string>;
  basePath: string;
}) {
  const narrowed = filter.domain !== null || filter.level !== null;
  if (!isFiltered(filter)) {
    return <p className="mb-8">Showing all {totalCount} indicators.</p>;
  }

  // " in Family and Parenting at Level 4: Acute Protective Support", naming only what was chosen.
  const scope = `${domainName ? ` in ${domainName}` : ""}${filter.level ? ` at ${levelLabel(filter.level, levelNames[filter.level])}` : ""}`;
  const searchedFor = filter.q ? <> &ldquo;{filter.q}&rdquo;</> : null;

  if (matchCount === 0) {
    const everywhere = `${basePath}?${new URLSearchParams({ q: filter.q })}`;
    return (
      <div className="mb-8">
        <p className="mb-2 text-lg font-bold md:text-2xl">
          No indicators match{searchedFor}
          {scope}.
        </p>
        <p className="mb-2">You could:</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>check the spelling</li>
          <li>use fewer or shorter words, for example &ldquo;injur&rdquo; finds both injury and injuries</li>
          {filter.q && narrowed && (
            <li>
              <Link href={everywhere} className="link">
                search all domains and levels for &ldquo;{filter.q}&rdquo;
              </Link>
            </li>
          )}
          <li>
            <Link href={basePath} className="link">
              clear the search and see every indicator
            </Link>
          </li>
        </ul>
      </div>
    );
  }

  return (
    <div className="mb-8">
      <p className="text-lg font-bold md:text-2xl">
        {matchCount} {matchCount === 1 ? "indicator matches" : "indicators match"}
        {searchedFor}
      </p>
      {narrowed && <p>Showing only the indicators{scope}.</p>}
      {filter.q && <p>Only the indicators that match are shown, with the matching words highlighted.</p>}
    </div>
  );
}
