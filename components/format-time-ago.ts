// How long ago something happened, as a person says it ("just now", "5 minutes ago", "2 hours ago",
// "3 days ago"). Rounded down; the exact time goes beside it in a <time> element.

const MINUTE = 60_000;

const counted = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;

export function formatTimeAgo(value: Date | string, now: Date): string {
  const then = typeof value === "string" ? new Date(value) : value;
  const minutes = Math.floor((now.getTime() - then.getTime()) / MINUTE);
  if (minutes < 1) return "just now";
  if (minutes < 60) return counted(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return counted(hours, "hour");
  return counted(Math.floor(hours / 24), "day");
}
