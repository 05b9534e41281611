import { Tag, type TagColour } from "@/components/tag";
import { RATING_LABELS } from "@/lib/contacts/policy";
import type { RagRating } from "@/lib/contacts/schema";

const COLOURS: Record<RagRating, TagColour> = { RED: "red", AMBER: "yellow", GREEN: "green" };

/** A RAG rating in words ("Red"); the colour only repeats what the word says. */
export function RatingTag({ rating }: { rating: RagRating }) {
  return <Tag colour={COLOURS[rating]}>{RATING_LABELS[rating]}</Tag>;
}
