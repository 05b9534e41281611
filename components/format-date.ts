// A calendar date as people in the UK read it ("24 November 2026"), on the London calendar whatever the
// server's own zone: a draft kept until midnight in London must not show the day before.
const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long" });

export function formatDate(value: Date | string): string {
  return dateFormat.format(typeof value === "string" ? new Date(value) : value);
}
