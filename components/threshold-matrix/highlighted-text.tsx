import { Fragment } from "react";
import { splitForHighlight } from "@/lib/thresholds/search";

/** The text with each match of the search marked. Built from React nodes, so the text is always escaped. */
export function HighlightedText({ text, q }: { text: string; q: string }) {
  if (!q) return text;
  return splitForHighlight(text, q).map((segment, index) =>
    segment.match ? (
      <mark key={index} className="bg-focus text-ink">
        {segment.text}
      </mark>
    ) : (
      <Fragment key={index}>{segment.text}</Fragment>
    ),
  );
}
