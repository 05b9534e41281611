import type { FilteredDomain } from "@/lib/thresholds/search";
import type { Level } from "@/lib/thresholds/schema";
import { IndicatorItem } from "./indicator-item";
import { LevelHeading, levelEdgeClass } from "./level-heading";

/**
 * One domain of the matrix: its levels side by side on a wide screen and stacked on a phone, each under
 * its own "Level N: Name" heading so the stacked columns still say which level they are.
 */
export function DomainSection({
  domain,
  levelNames,
  q,
  documentId,
}: {
  domain: FilteredDomain;
  levelNames: Record<Level, string>;
  q: string;
  documentId: string;
}) {
  const headingId = `domain-${domain.id}`;
  return (
    <section aria-labelledby={headingId} className="mb-10" data-domain-section="">
      <h2 id={headingId} className="mb-4 text-2xl font-bold break-words md:text-3xl">
        {domain.name}
      </h2>
      {q && (
        <p className="mb-4 text-muted">
          {domain.matchCount} matching {domain.matchCount === 1 ? "indicator" : "indicators"} in {domain.name}
        </p>
      )}
      <div data-level-grid="" className={`grid gap-4 ${domain.cells.length === 4 ? "lg:grid-cols-4" : ""}`}>
        {domain.cells.map((cell) => (
          <div key={cell.level} data-level-column="" className={`min-w-0 border-2 ${levelEdgeClass(cell.level)}`}>
            <LevelHeading level={cell.level} name={levelNames[cell.level]} />
            {cell.indicators.length > 0 ? (
              <ul className="text-base">
                {cell.indicators.map((indicator) => (
                  <IndicatorItem key={indicator.id} indicator={indicator} q={q} documentId={documentId} />
                ))}
              </ul>
            ) : (
              <p className="px-3 py-3 text-base text-muted">No indicators at this level match your search.</p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
