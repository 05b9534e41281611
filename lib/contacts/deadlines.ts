// The deadline arithmetic for RAG ratings and the other clocks. Pure functions: the policy (timeframes and
// bank holidays) is an argument that defaults to the loaded data, so tests can pass their own. Calendar days
// are judged in Europe/London time, never the server's time zone.
import { bankHolidays, timeframes, type ClockKind, type Timeframes } from "./timeframes";

export type Policy = { timeframes?: Timeframes; holidays?: ReadonlySet<string> };
export type ClockState = "ON_TIME" | "DUE_SOON" | "OVERDUE";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Made once: building an Intl.DateTimeFormat costs far more than using one (it showed in the benchmark).
// h23, so midnight is hour 0 rather than 24.
const londonClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function londonWallClock(instant: number): WallClock {
  const parts: Record<string, number> = {};
  for (const { type, value } of londonClock.formatToParts(instant)) parts[type] = Number(value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** How far London's wall clock is ahead of UTC at an instant (0 in GMT, one hour in BST). */
function londonOffset(instant: number): number {
  const wall = londonWallClock(instant);
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - wholeSeconds;
}

function parseIsoDate(isoDate: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const isoDateOf = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/** The calendar date in London at an instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  const wall = londonWallClock(instant.getTime());
  return isoDateOf(Date.UTC(wall.year, wall.month - 1, wall.day));
}

/**
 * The instant London's clocks show `hh:mm` on a date. Offsets a day either side cannot straddle two clock
 * changes, so one of them is right. When the clocks go back the time happens twice: take the first. When
 * they go forward it never happens: read it with the offset from before the change, so 01:30 becomes 02:30 BST
 * (the same choice as Temporal's "compatible").
 */
export function londonWallClockToInstant(isoDate: string, hh: number, mm: number): Date {
  const { y, m, d } = parseIsoDate(isoDate);
  const asIfUtc = Date.UTC(y, m - 1, d, hh, mm);
  const offsetBefore = londonOffset(asIfUtc - DAY);
  const candidates = [asIfUtc - offsetBefore, asIfUtc - londonOffset(asIfUtc + DAY)];
  const shownAsAsked = candidates.filter((instant) => instant + londonOffset(instant) === asIfUtc);
  return new Date(shownAsAsked.length > 0 ? Math.min(...shownAsAsked) : asIfUtc - offsetBefore);
}

/** The last date the holiday list speaks for: the end of the year of its last holiday. */
function lastCoveredDate(holidays: ReadonlySet<string>): string {
  let last = "";
  for (const date of holidays) if (date > last) last = date;
  return `${last.slice(0, 4)}-12-31`;
}

/**
 * Monday to Friday, except England and Wales bank holidays. Throws past the end of the holiday list: a
 * deadline that silently ignores next year's holidays would be wrong without anyone noticing.
 */
export function isWorkingDay(isoDate: string, holidays: ReadonlySet<string> = bankHolidays()): boolean {
  const { y, m, d } = parseIsoDate(isoDate);
  if (holidays.size === 0 || isoDate > lastCoveredDate(holidays)) {
    throw new Error(`The bank holiday list needs updating: it does not cover ${isoDate}. Add the dates from https://www.gov.uk/bank-holidays.json to lib/contacts/bank-holidays.json`);
  }
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoDate);
}

function nextWorkingDay(isoDate: string, holidays: ReadonlySet<string>): string {
  const { y, m, d } = parseIsoDate(isoDate);
  let day = Date.UTC(y, m - 1, d);
  do day += DAY;
  while (!isWorkingDay(isoDateOf(day), holidays));
  return isoDateOf(day);
}

/**
 * The rule: the deadline is the same Europe/London wall-clock time on the Nth working day after the day of
 * rating. If the rating falls on a non-working day (a weekend or bank holiday), the clock starts at 09:00
 * London time on the next working day, and the deadline is 09:00 on the Nth working day after that.
 * Counting London dates, not adding elapsed days, keeps the wall-clock time across a change to or from BST.
 */
export function addWorkingDays(from: Date, days: number, holidays: ReadonlySet<string> = bankHolidays()): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Expected a whole number of working days, got ${days}`);
  const wall = londonWallClock(from.getTime());
  let date = isoDateOf(Date.UTC(wall.year, wall.month - 1, wall.day));
  let [hh, mm, withinMinute] = [wall.hour, wall.minute, from.getTime() % MINUTE];
  if (!isWorkingDay(date, holidays)) {
    date = nextWorkingDay(date, holidays);
    [hh, mm, withinMinute] = [9, 0, 0];
  }
  for (let i = 0; i < days; i++) date = nextWorkingDay(date, holidays);
  return new Date(londonWallClockToInstant(date, hh, mm).getTime() + withinMinute);
}

/** When a clock of this kind, started at `from`, runs out. Hours are elapsed real time, whatever the clocks do. */
export function deadlineFor(kind: ClockKind, from: Date, policy: Policy = {}): Date {
  const timeframe = (policy.timeframes ?? timeframes())[kind];
  if ("hours" in timeframe) return new Date(from.getTime() + timeframe.hours * HOUR);
  return addWorkingDays(from, timeframe.workingDays, policy.holidays ?? bankHolidays());
}

/** When to warn that a clock is close to running out: its warnBeforeMinutes (elapsed) before the deadline. */
export function warningAtFor(kind: ClockKind, deadline: Date, policy: Policy = {}): Date {
  const timeframe = (policy.timeframes ?? timeframes())[kind];
  return new Date(deadline.getTime() - timeframe.warnBeforeMinutes * MINUTE);
}

export function clockState(deadline: Date, warningAt: Date, now: Date): ClockState {
  if (now.getTime() >= deadline.getTime()) return "OVERDUE";
  if (now.getTime() >= warningAt.getTime()) return "DUE_SOON";
  return "ON_TIME";
}

const counted = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** A span in whole minutes, rounded down, as a screen says it: "59 minutes", "23 hours 5 minutes", "4 days". */
function describeSpan(minutes: number): string {
  if (minutes < 60) return counted(minutes, "minute");
  if (minutes >= 48 * 60) return counted(Math.floor(minutes / (24 * 60)), "day");
  const hours = counted(Math.floor(minutes / 60), "hour");
  return minutes % 60 === 0 ? hours : `${hours} ${counted(minutes % 60, "minute")}`;
}

/**
 * The time left, or how overdue, in plain English. Rounded down, so the screen never promises more time
 * than there is; "Due now" within the last minute either side of the deadline.
 */
export function describeRemaining(deadline: Date, now: Date): string {
  const difference = deadline.getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(difference) / MINUTE);
  if (minutes === 0) return "Due now";
  return difference > 0 ? `${describeSpan(minutes)} left` : `Overdue by ${describeSpan(minutes)}`;
}
