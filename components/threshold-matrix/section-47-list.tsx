import type { ThresholdDocument } from "@/lib/thresholds/schema";
import { HighlightedText } from "./highlighted-text";

/** A document's own list of circumstances that could lead to a section 47 assessment (nscp-2022 Appendix 2). */
export function Section47List({ items, q }: { items: ThresholdDocument["section47List"]; q: string }) {
  return (
    <section aria-labelledby="section-47-heading" className="mb-10">
      <h2 id="section-47-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        Section 47 and the duty to investigate
      </h2>
      <p className="mb-4 max-w-3xl">
        The type of circumstances which could lead to a section 47 assessment. The list is a guide only: it is not exhaustive or prescriptive.
      </p>
      <ul className="max-w-3xl list-disc space-y-2 pl-6 break-words">
        {items.map((item) => (
          <li key={item.id}>
            <HighlightedText text={item.text} q={q} />
          </li>
        ))}
      </ul>
    </section>
  );
}
