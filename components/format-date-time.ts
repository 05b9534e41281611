// Every time shown to a person is London time, whatever the server's own zone: deadlines cross BST changes.
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(value: Date | string): string {
  return dateTimeFormat.format(typeof value === "string" ? new Date(value) : value);
}
