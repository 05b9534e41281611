import { Tag } from "@/components/tag";
import { indicatorAnchorId, indicatorReference } from "@/lib/thresholds/search";
import type { Indicator } from "@/lib/thresholds/schema";
import { HighlightedText } from "./highlighted-text";

/**
 * One indicator of the matrix. Its id makes it a link target (/thresholds/<version>#i-health-4-03), and
 * :target picks it out when someone follows such a link.
 */
export function IndicatorItem({ indicator, q, documentId }: { indicator: Indicator; q: string; documentId: string }) {
  const anchor = indicatorAnchorId(indicator.id);
  const reference = indicatorReference(indicator.id);
  return (
    <li
      id={anchor}
      data-indicator=""
      className="scroll-mt-4 border-b border-rule px-3 py-3 break-words last:border-b-0 target:bg-[#fff7bf] target:outline-[3px] target:outline-ink"
    >
      <p>
        <HighlightedText text={indicator.text} q={q} />
      </p>
      {indicator.subItems.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {indicator.subItems.map((item) => (
            <li key={item}>
              <HighlightedText text={item} q={q} />
            </li>
          ))}
        </ul>
      )}
      {indicator.s47 && (
        <p className="mt-2">
          <Tag colour="red">Section 47 strategy discussion</Tag>
        </p>
      )}
      <p className="mt-1 text-sm" data-permalink="">
        <a href={`/thresholds/${documentId}#${anchor}`} className="link">
          <span aria-hidden="true"># </span>
          <span className="sr-only">Permalink to indicator </span>
          {reference}
        </a>
      </p>
    </li>
  );
}
