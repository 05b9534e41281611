import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  addWorkingDays,
  clockState,
  deadlineFor,
  describeRemaining,
  isWorkingDay,
  londonDate,
  londonWallClockToInstant,
  warningAtFor,
} from "@/lib/contacts/deadlines";
import { bankHolidays, describeTimeframe, timeframes, type Timeframes } from "@/lib/contacts/timeframes";

// Instants are written with the offset London shows at the time (+00:00 in GMT, +01:00 in BST), so each
// expectation reads as the wall-clock time a manager would see. The suite runs with TZ=Asia/Kathmandu.
const at = (iso: string) => new Date(iso);

describe("Red and Amber: elapsed real time", () => {
  it("Red runs one real hour across the spring change (01:00 GMT becomes 02:00 BST)", () => {
    // On the wall clock, 00:30 GMT to 02:30 BST.
    expect(deadlineFor("RED", at("2026-03-29T00:30:00Z"))).toEqual(at("2026-03-29T02:30:00+01:00"));
  });

  it("Red runs one real hour across the autumn change (02:00 BST becomes 01:00 GMT)", () => {
    expect(deadlineFor("RED", at("2026-10-25T01:30:00+01:00"))).toEqual(at("2026-10-25T01:30:00+00:00"));
  });

  it("Amber rated Saturday 12:00 GMT before the spring change is due Sunday 13:00 BST", () => {
    expect(deadlineFor("AMBER", at("2026-03-28T12:00:00+00:00"))).toEqual(at("2026-03-29T13:00:00+01:00"));
  });

  it("Amber rated Saturday 12:00 BST before the autumn change is due Sunday 11:00 GMT", () => {
    expect(deadlineFor("AMBER", at("2026-10-24T12:00:00+01:00"))).toEqual(at("2026-10-25T11:00:00+00:00"));
  });

  it("Amber counts weekends and bank holidays like any other hours", () => {
    expect(deadlineFor("AMBER", at("2026-12-24T17:45:00+00:00"))).toEqual(at("2026-12-25T17:45:00+00:00"));
  });

  it("a phoned Level 4 concern's written follow-up is due 24 real hours later", () => {
    expect(deadlineFor("PHONE_FOLLOW_UP", at("2026-03-28T20:00:00+00:00"))).toEqual(at("2026-03-29T21:00:00+01:00"));
  });
});

describe("Green: 5 working days at the same London wall-clock time", () => {
  it("skips a weekend: Thursday 19 Nov to Thursday 26 Nov", () => {
    // Fri 20, Mon 23, Tue 24, Wed 25, Thu 26.
    expect(deadlineFor("GREEN", at("2026-11-19T10:00:00+00:00"))).toEqual(at("2026-11-26T10:00:00+00:00"));
  });

  it("from a Friday 16:00 rating is due the next Friday 16:00", () => {
    // Mon 23, Tue 24, Wed 25, Thu 26, Fri 27.
    expect(deadlineFor("GREEN", at("2026-11-20T16:00:00+00:00"))).toEqual(at("2026-11-27T16:00:00+00:00"));
  });

  it("skips Christmas Day, the substitute Boxing Day (Mon 28 Dec) and New Year's Day", () => {
    // Rated Wed 23 Dec 2026. Thu 24 (1), Fri 25 holiday, weekend, Mon 28 holiday (Boxing Day is a Saturday),
    // Tue 29 (2), Wed 30 (3), Thu 31 (4), Fri 1 Jan holiday, weekend, Mon 4 Jan 2027 (5).
    expect(deadlineFor("GREEN", at("2026-12-23T10:00:00+00:00"))).toEqual(at("2027-01-04T10:00:00+00:00"));
  });

  it("skips Good Friday and Easter Monday", () => {
    // Rated Thu 2 Apr 2026. Fri 3 and Mon 6 are holidays; Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    expect(deadlineFor("GREEN", at("2026-04-02T11:00:00+01:00"))).toEqual(at("2026-04-13T11:00:00+01:00"));
  });

  it("rated on a Saturday, starts at 09:00 on Monday and is due at 09:00 five working days on", () => {
    // Starts Mon 23 Nov 09:00; Tue 24, Wed 25, Thu 26, Fri 27, Mon 30.
    expect(deadlineFor("GREEN", at("2026-11-21T14:00:00+00:00"))).toEqual(at("2026-11-30T09:00:00+00:00"));
  });

  it("rated on a bank holiday (Good Friday), starts at 09:00 on the next working day", () => {
    // Starts Tue 7 Apr 09:00 (Mon 6 is Easter Monday); Wed 8, Thu 9, Fri 10, Mon 13, Tue 14.
    expect(deadlineFor("GREEN", at("2026-04-03T15:00:00+01:00"))).toEqual(at("2026-04-14T09:00:00+01:00"));
  });

  it("keeps the London wall-clock time across the October clock change", () => {
    // Wed 21 Oct 10:00 BST; Thu 22, Fri 23, Mon 26, Tue 27, Wed 28 at 10:00 GMT: 7 days and 1 real hour.
    expect(deadlineFor("GREEN", at("2026-10-21T10:00:00+01:00"))).toEqual(at("2026-10-28T10:00:00+00:00"));
  });

  it("keeps the London wall-clock time across the March clock change", () => {
    // Wed 25 Mar 10:00 GMT; Thu 26, Fri 27, Mon 30, Tue 31, Wed 1 Apr at 10:00 BST.
    expect(deadlineFor("GREEN", at("2026-03-25T10:00:00+00:00"))).toEqual(at("2026-04-01T10:00:00+01:00"));
  });

  it("judges the day in London: 00:30 BST on a Saturday is Saturday, though UTC says Friday", () => {
    // Sat 11 Apr 00:30 BST = Fri 10 Apr 23:30 UTC. Starts Mon 13 09:00; Tue 14, Wed 15, Thu 16, Fri 17, Mon 20.
    expect(deadlineFor("GREEN", at("2026-04-11T00:30:00+01:00"))).toEqual(at("2026-04-20T09:00:00+01:00"));
  });

  it("judges the day in London: 23:30 GMT on a Friday is Friday, though Kathmandu says Saturday", () => {
    expect(deadlineFor("GREEN", at("2026-11-20T23:30:00+00:00"))).toEqual(at("2026-11-27T23:30:00+00:00"));
  });

  it("keeps seconds and milliseconds when rated on a working day", () => {
    expect(deadlineFor("GREEN", at("2026-11-19T10:00:37.250+00:00"))).toEqual(at("2026-11-26T10:00:37.250+00:00"));
  });
});

describe("the CFSS triage clock: 3 working days", () => {
  it("Thursday 19 Nov to Tuesday 24 Nov", () => {
    // Fri 20, Mon 23, Tue 24.
    expect(deadlineFor("CFSS_TRIAGE", at("2026-11-19T10:00:00+00:00"))).toEqual(at("2026-11-24T10:00:00+00:00"));
  });

  it("over the late May bank holiday", () => {
    // Rated Fri 22 May 2026; Mon 25 is the spring bank holiday; Tue 26, Wed 27, Thu 28.
    expect(deadlineFor("CFSS_TRIAGE", at("2026-05-22T14:30:00+01:00"))).toEqual(at("2026-05-28T14:30:00+01:00"));
  });
});

describe("working days", () => {
  it.each([
    ["2026-11-25", true, "a Wednesday"],
    ["2026-11-28", false, "a Saturday"],
    ["2026-11-29", false, "a Sunday"],
    ["2026-12-25", false, "Christmas Day"],
    ["2026-12-28", false, "the substitute Boxing Day"],
    ["2026-12-29", true, "the Tuesday after"],
  ])("%s is %s (%s)", (date, expected) => expect(isWorkingDay(date)).toBe(expected));

  it("adds no days: the same time on a working day, 09:00 on the next one otherwise", () => {
    expect(addWorkingDays(at("2026-11-25T15:00:00+00:00"), 0)).toEqual(at("2026-11-25T15:00:00+00:00"));
    expect(addWorkingDays(at("2026-11-28T15:00:00+00:00"), 0)).toEqual(at("2026-11-30T09:00:00+00:00"));
  });

  it("refuses a negative or fractional number of days", () => {
    expect(() => addWorkingDays(at("2026-11-25T15:00:00Z"), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(at("2026-11-25T15:00:00Z"), 1.5)).toThrow(RangeError);
  });

  it("throws, rather than give a wrong deadline, once the count runs past the bank holiday list", () => {
    // Tue 31 Dec 2030 is the last day covered. From Fri 20 Dec: Mon 23, Tue 24, (25 and 26 are holidays)
    // Fri 27, Mon 30, Tue 31. From Mon 30 the count needs 1 Jan 2031.
    expect(deadlineFor("GREEN", at("2030-12-20T10:00:00+00:00"))).toEqual(at("2030-12-31T10:00:00+00:00"));
    expect(() => deadlineFor("GREEN", at("2030-12-30T10:00:00+00:00"))).toThrow(/bank holiday list needs updating/);
    expect(() => isWorkingDay("2031-01-02")).toThrow(/bank holiday list needs updating/);
  });

  it("takes the end of a passed-in list from that list", () => {
    const holidays = new Set(["2026-12-25", "2026-12-28"]);
    expect(() => addWorkingDays(at("2026-12-30T10:00:00Z"), 5, holidays)).toThrow(/does not cover 2027-01-01/);
    expect(() => isWorkingDay("2026-11-25", new Set())).toThrow(/bank holiday list needs updating/);
  });
});

describe("the bank holiday list", () => {
  const known: Record<string, string[]> = {
    "2024": ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    "2025": ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    "2026": ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    "2027": ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
    // Easter Sunday is 16 Apr 2028, 1 Apr 2029 and 21 Apr 2030; 1 Jan 2028 is a Saturday.
    "2028": ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
    "2029": ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
    "2030": ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
  };

  it.each(Object.entries(known))("has exactly the England and Wales bank holidays for %s", (year, days) => {
    const inYear = [...bankHolidays()].filter((date) => date.startsWith(`${year}-`));
    expect(inYear).toEqual(days.map((day) => `${year}-${day}`));
  });

  it("covers 2024 to 2030 and nothing else", () => {
    expect(bankHolidays().size).toBe(56);
  });
});

describe("London time", () => {
  it("gives the London date, whatever the process time zone", () => {
    expect(londonDate(at("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonDate(at("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
    expect(londonDate(at("2026-03-29T00:59:59Z"))).toBe("2026-03-29");
  });

  it("turns a London wall-clock time into an instant in GMT and in BST", () => {
    expect(londonWallClockToInstant("2026-12-01", 9, 0)).toEqual(at("2026-12-01T09:00:00Z"));
    expect(londonWallClockToInstant("2026-07-01", 9, 0)).toEqual(at("2026-07-01T08:00:00Z"));
    expect(londonWallClockToInstant("2026-03-29", 0, 30)).toEqual(at("2026-03-29T00:30:00Z"));
    expect(londonWallClockToInstant("2026-03-29", 3, 0)).toEqual(at("2026-03-29T02:00:00Z"));
  });

  it("moves a time the spring change skips forward by the gap (01:30 becomes 02:30 BST)", () => {
    expect(londonWallClockToInstant("2026-03-29", 1, 30)).toEqual(at("2026-03-29T02:30:00+01:00"));
  });

  it("takes the first of a time the autumn change repeats (01:30 BST, not 01:30 GMT)", () => {
    expect(londonWallClockToInstant("2026-10-25", 1, 30)).toEqual(at("2026-10-25T01:30:00+01:00"));
    expect(londonWallClockToInstant("2026-10-25", 2, 0)).toEqual(at("2026-10-25T02:00:00+00:00"));
  });
});

describe("warnings and clock state", () => {
  const deadline = at("2026-11-25T12:00:00Z");

  it("warns warnBeforeMinutes of elapsed time before the deadline", () => {
    expect(warningAtFor("RED", deadline)).toEqual(at("2026-11-25T11:45:00Z"));
    expect(warningAtFor("AMBER", deadline)).toEqual(at("2026-11-25T09:00:00Z"));
    expect(warningAtFor("GREEN", deadline)).toEqual(at("2026-11-24T12:00:00Z"));
    expect(warningAtFor("PHONE_FOLLOW_UP", deadline)).toEqual(at("2026-11-25T10:00:00Z"));
  });

  it("is ON_TIME before the warning, DUE_SOON from it, OVERDUE from the deadline", () => {
    const warningAt = at("2026-11-25T11:45:00Z");
    expect(clockState(deadline, warningAt, at("2026-11-25T11:44:59.999Z"))).toBe("ON_TIME");
    expect(clockState(deadline, warningAt, warningAt)).toBe("DUE_SOON");
    expect(clockState(deadline, warningAt, at("2026-11-25T11:59:59.999Z"))).toBe("DUE_SOON");
    expect(clockState(deadline, warningAt, deadline)).toBe("OVERDUE");
    expect(clockState(deadline, warningAt, at("2026-11-28T12:00:00Z"))).toBe("OVERDUE");
  });
});

describe("describing the time left", () => {
  const deadline = at("2026-11-25T12:00:00Z");
  const before = (ms: number) => new Date(deadline.getTime() - ms);
  const [s, m, h, d] = [1000, 60_000, 3_600_000, 86_400_000];

  it.each([
    [59 * m, "59 minutes left"],
    [59 * m + 59 * s, "59 minutes left"],
    [m, "1 minute left"],
    [h, "1 hour left"],
    [h + m, "1 hour 1 minute left"],
    [23 * h + 5 * m, "23 hours 5 minutes left"],
    [24 * h, "24 hours left"],
    [47 * h + 59 * m, "47 hours 59 minutes left"],
    [48 * h, "2 days left"],
    [4 * d + 23 * h, "4 days left"],
    [30 * s, "Due now"],
    [0, "Due now"],
    [-30 * s, "Due now"],
    [-m, "Overdue by 1 minute"],
    [-12 * m, "Overdue by 12 minutes"],
    [-(2 * h + 3 * m), "Overdue by 2 hours 3 minutes"],
    [-(3 * d + 5 * h), "Overdue by 3 days"],
  ])("%d ms before the deadline: %s", (ms, text) => expect(describeRemaining(deadline, before(ms))).toBe(text));
});

describe("the timeframes are policy data", () => {
  it("loads the shipped timeframes", () => {
    expect(timeframes().RED).toEqual({ hours: 1, warnBeforeMinutes: 15 });
    expect(timeframes().GREEN).toEqual({ workingDays: 5, warnBeforeMinutes: 1440 });
  });

  it.each([
    ["RED", "1 hour"],
    ["AMBER", "24 hours"],
    ["GREEN", "5 working days"],
    ["CFSS_TRIAGE", "3 working days"],
    ["PHONE_FOLLOW_UP", "24 hours"],
  ] as const)("describes %s as %s", (kind, text) => expect(describeTimeframe(kind)).toBe(text));

  it("uses a policy passed in: Red at 2 hours, Green at 1 working day, an extra holiday", () => {
    const custom: Timeframes = { ...timeframes(), RED: { hours: 2, warnBeforeMinutes: 30 }, GREEN: { workingDays: 1, warnBeforeMinutes: 60 } };
    const rated = at("2026-11-20T16:00:00+00:00");
    const deadline = deadlineFor("RED", rated, { timeframes: custom });
    expect(deadline).toEqual(at("2026-11-20T18:00:00+00:00"));
    expect(warningAtFor("RED", deadline, { timeframes: custom })).toEqual(at("2026-11-20T17:30:00+00:00"));
    expect(deadlineFor("GREEN", rated, { timeframes: custom })).toEqual(at("2026-11-23T16:00:00+00:00"));
    // A local holiday on Monday 23 Nov pushes the one working day to Tuesday.
    const holidays = new Set([...bankHolidays(), "2026-11-23"]);
    expect(deadlineFor("GREEN", rated, { timeframes: custom, holidays })).toEqual(at("2026-11-24T16:00:00+00:00"));
    expect(describeTimeframe("GREEN", custom)).toBe("1 working day");
    expect(describeTimeframe("RED", custom)).toBe("2 hours");
  });
});

describe("MASH_TIMEFRAMES_FILE", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "mash-timeframes-"));
  const writeFile = (name: string, content: string) => {
    const file = path.join(folder, name);
    writeFileSync(file, content);
    return file;
  };
  // Each test loads a fresh copy of the module, since the file is read once, at first use.
  const freshTimeframes = async (file: string) => {
    vi.resetModules();
    vi.stubEnv("MASH_TIMEFRAMES_FILE", file);
    return import("@/lib/contacts/timeframes");
  };

  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("replaces the shipped timeframes with the deployment's", async () => {
    const file = writeFile("valid.json", JSON.stringify({ ...timeframes(), RED: { hours: 4, warnBeforeMinutes: 60 } }));
    const loaded = await freshTimeframes(file);
    expect(loaded.timeframes().RED).toEqual({ hours: 4, warnBeforeMinutes: 60 });
    expect(loaded.describeTimeframe("RED")).toBe("4 hours");
  });

  it("refuses an entry with both hours and workingDays, naming the file", async () => {
    const file = writeFile("both.json", JSON.stringify({ ...timeframes(), GREEN: { hours: 1, workingDays: 5, warnBeforeMinutes: 60 } }));
    const loaded = await freshTimeframes(file);
    expect(() => loaded.timeframes()).toThrow(`The clock timeframes in ${file} are not valid`);
    expect(() => loaded.timeframes()).toThrow(/GREEN/);
  });

  it("refuses a file with a clock missing, naming the file", async () => {
    const { PHONE_FOLLOW_UP: _left, ...withoutOne } = timeframes();
    const file = writeFile("missing.json", JSON.stringify(withoutOne));
    const loaded = await freshTimeframes(file);
    expect(() => loaded.timeframes()).toThrow(file);
  });

  it("refuses a file that is not JSON, naming the file", async () => {
    const file = writeFile("broken.json", "{ RED: 1 hour }");
    const loaded = await freshTimeframes(file);
    expect(() => loaded.timeframes()).toThrow(`MASH_TIMEFRAMES_FILE names ${file}, which could not be read as JSON`);
  });
});
