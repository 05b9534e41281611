import type { ThresholdDocument } from "@/lib/thresholds/schema";
import { LevelHeading, levelEdgeClass } from "./level-heading";

/**
 * The four levels of need, from universal to acute: who the children are and what response they need.
 * Folded away (a native <details>, no script) once someone searches or filters, so the results come first.
 */
export function LevelOverview({ levels, folded = false }: { levels: ThresholdDocument["levels"]; folded?: boolean }) {
  const list = (
    <ol data-level-grid="" className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
      {levels.map((level) => (
        <li key={level.level} data-level-column="" className={`min-w-0 border-2 ${levelEdgeClass(level.level)}`}>
          <LevelHeading level={level.level} name={level.name} />
          <div className="space-y-3 px-3 py-3 text-base break-words">
            <p>{level.descriptor}</p>
            <p>
              <span className="font-bold">Response: </span>
              {level.response}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
  return (
    <section aria-labelledby="levels-heading" className="mb-10">
      <h2 id="levels-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        The four levels of need
      </h2>
      {folded ? (
        <details>
          <summary className="link mb-4 cursor-pointer">Show who each level is for and the response it needs</summary>
          {list}
        </details>
      ) : (
        list
      )}
    </section>
  );
}
