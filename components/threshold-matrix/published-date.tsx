// The documents give the first of the month when the source names only a month and year ("January 2025").
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A document's publication date as people say it: "January 2025", or "14 March 2022" when the day is known. */
export function formatPublishedOn(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return (isoDate.endsWith("-01") ? monthFormat : dayFormat).format(date);
}

export function PublishedDate({ isoDate }: { isoDate: string }) {
  return <time dateTime={isoDate}>{formatPublishedOn(isoDate)}</time>;
}
