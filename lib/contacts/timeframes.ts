// How long each clock runs, and the bank holidays that working-day clocks skip. Both are policy data a
// deployment changes (timeframes.json, or a file named by MASH_TIMEFRAMES_FILE; bank-holidays.json is updated
// from gov.uk), so nothing here hard-codes a timeframe.
import { z } from "zod";
import bankHolidayFile from "./bank-holidays.json";
import defaultTimeframes from "./timeframes.json";

export type Rating = "RED" | "AMBER" | "GREEN";
export type ClockKind = Rating | "CFSS_TRIAGE" | "PHONE_FOLLOW_UP";
/** `hours` run in elapsed real time; `workingDays` count Monday to Friday, skipping bank holidays. */
export type Timeframe = { hours: number; warnBeforeMinutes: number } | { workingDays: number; warnBeforeMinutes: number };
export type Timeframes = Record<ClockKind, Timeframe>;

const warnBeforeMinutes = z.number().int().nonnegative();
// Strict objects, so an entry with both hours and workingDays (or a misspelt key) is refused, not half-read.
const timeframeSchema = z.union(
  [z.strictObject({ hours: z.number().positive(), warnBeforeMinutes }), z.strictObject({ workingDays: z.number().int().positive(), warnBeforeMinutes })],
  { error: "Each clock needs exactly one of hours (a positive number) or workingDays (a positive whole number), and warnBeforeMinutes (a whole number, 0 or more)" },
);
const timeframesSchema = z.strictObject({
  RED: timeframeSchema,
  AMBER: timeframeSchema,
  GREEN: timeframeSchema,
  CFSS_TRIAGE: timeframeSchema,
  PHONE_FOLLOW_UP: timeframeSchema,
});

const isoDateSchema = z.iso.date();
const bankHolidaysSchema = z.object({
  division: z.literal("england-and-wales"),
  source: z.string(),
  // Sorted and unique, so the last entry's year is the last year the list covers.
  dates: z.array(isoDateSchema).min(1).refine((dates) => dates.every((date, i) => i === 0 || dates[i - 1]! < date), "The dates must be sorted, each once"),
});

function parseTimeframes(raw: unknown, file: string): Timeframes {
  const result = timeframesSchema.safeParse(raw);
  if (!result.success) throw new Error(`The clock timeframes in ${file} are not valid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function readTimeframesFile(file: string): Timeframes {
  // Reached through process rather than a top-level import of node:fs, so this module (and deadlines.ts,
  // which a countdown component may use) still bundles for the browser, where the variable is never set.
  const { readFileSync } = process.getBuiltinModule("node:fs");
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`MASH_TIMEFRAMES_FILE names ${file}, which could not be read as JSON: ${(error as Error).message}`);
  }
  return parseTimeframes(raw, file);
}

let loadedTimeframes: Timeframes | undefined;
let loadedBankHolidays: ReadonlySet<string> | undefined;

/** The clock timeframes in force: MASH_TIMEFRAMES_FILE if set (read at first use), else timeframes.json. */
export function timeframes(): Timeframes {
  const file = process.env.MASH_TIMEFRAMES_FILE;
  loadedTimeframes ??= file ? readTimeframesFile(file) : parseTimeframes(defaultTimeframes, "lib/contacts/timeframes.json");
  return loadedTimeframes;
}

/** England and Wales bank holidays, as YYYY-MM-DD. */
export function bankHolidays(): ReadonlySet<string> {
  if (!loadedBankHolidays) {
    const result = bankHolidaysSchema.safeParse(bankHolidayFile);
    if (!result.success) throw new Error(`The bank holidays in lib/contacts/bank-holidays.json are not valid:\n${z.prettifyError(result.error)}`);
    loadedBankHolidays = new Set(result.data.dates);
  }
  return loadedBankHolidays;
}

const counted = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** The timeframe as a screen says it: "1 hour", "24 hours", "5 working days". */
export function describeTimeframe(kind: ClockKind, policy: Timeframes = timeframes()): string {
  const timeframe = policy[kind];
  return "hours" in timeframe ? counted(timeframe.hours, "hour") : counted(timeframe.workingDays, "working day");
}
