import { describe, expect, it } from "vitest";
import { ageInYears, checkChildAge, formatNhsNumber, isValidNhsNumber, normalisePostcode, todayInLondon } from "@/lib/referral/policy";

describe("NHS number", () => {
  it.each(["9434765919", "943 476 5919", "943-476-5919", "4010232137"])("accepts %s (valid check digit)", (n) => expect(isValidNhsNumber(n)).toBe(true));
  it.each([
    ["9434765918", "wrong check digit"],
    ["943476591", "nine digits"],
    ["94347659190", "eleven digits"],
    ["94347659A9", "a letter"],
    ["", "empty"],
    ["1000000010", "check digit would be 10"],
  ])("refuses %s (%s)", (n) => expect(isValidNhsNumber(n)).toBe(false));
  it("treats a remainder of 0 as check digit 0", () => {
    // A weighted sum divisible by 11 gives 11 - 0 = 11, which stands for check digit 0.
    expect(isValidNhsNumber("0000000000")).toBe(true);
  });
  it("formats as 3 3 4", () => expect(formatNhsNumber("9434765919")).toBe("943 476 5919"));
});

describe("UK postcode", () => {
  it.each([
    ["nn1 1aa", "NN1 1AA"],
    ["NN11AA", "NN1 1AA"],
    ["SW1A 1AA", "SW1A 1AA"],
    ["m1 1ae", "M1 1AE"],
    ["B33 8TH", "B33 8TH"],
    ["CR2 6XH", "CR2 6XH"],
    ["DN55 1PT", "DN55 1PT"],
    ["W1A 0AX", "W1A 0AX"],
    ["EC1A 1BB", "EC1A 1BB"],
    ["GIR 0AA", "GIR 0AA"],
  ])("accepts %s as %s", (input, normalised) => expect(normalisePostcode(input)).toBe(normalised));
  it.each(["", "NN1", "12345", "NN1 1A", "QN1 1AA", "NN1 1CA", "NN1  1AA X", "N N 1 1 A A A"])("refuses %j", (input) => expect(normalisePostcode(input)).toBeNull());
});

describe("a child's age", () => {
  const today = "2026-11-25";
  it("counts a birthday on the day itself", () => {
    expect(ageInYears("2008-11-25", today)).toBe(18);
    expect(ageInYears("2008-11-26", today)).toBe(17);
    expect(ageInYears("2024-02-29", "2026-02-28")).toBe(1);
  });
  it("accepts a child under 18", () => expect(checkChildAge({ dateOfBirth: "2008-11-26", hasLearningDifficultyOrDisability: false }, today)).toEqual({ ok: true }));
  it("refuses an 18-year-old without a learning difficulty or disability", () =>
    expect(checkChildAge({ dateOfBirth: "2008-11-25", hasLearningDifficultyOrDisability: false }, today)).toMatchObject({ ok: false, field: "dateOfBirth" }));
  it("accepts up to 25 with a learning difficulty or disability", () => {
    expect(checkChildAge({ dateOfBirth: "2001-11-26", hasLearningDifficultyOrDisability: true }, today)).toEqual({ ok: true });
    expect(checkChildAge({ dateOfBirth: "2001-11-25", hasLearningDifficultyOrDisability: true }, today)).toMatchObject({ ok: false, field: "dateOfBirth" });
  });
  it("accepts an unborn child due within 10 months, and refuses a due date in the past or too far ahead", () => {
    expect(checkChildAge({ expectedDueDate: "2027-03-01", hasLearningDifficultyOrDisability: false }, today)).toEqual({ ok: true });
    expect(checkChildAge({ expectedDueDate: "2026-11-24", hasLearningDifficultyOrDisability: false }, today)).toMatchObject({ ok: false, field: "expectedDueDate" });
    expect(checkChildAge({ expectedDueDate: "2027-10-01", hasLearningDifficultyOrDisability: false }, today)).toMatchObject({ ok: false, field: "expectedDueDate" });
  });
  it("refuses a missing, impossible or future date of birth", () => {
    expect(checkChildAge({ hasLearningDifficultyOrDisability: false }, today)).toMatchObject({ ok: false, field: "dateOfBirth" });
    expect(checkChildAge({ dateOfBirth: "2020-02-30", hasLearningDifficultyOrDisability: false }, today)).toMatchObject({ ok: false, message: "Enter a real date of birth" });
    expect(checkChildAge({ dateOfBirth: "2026-12-01", hasLearningDifficultyOrDisability: false }, today)).toMatchObject({ ok: false, field: "dateOfBirth" });
  });
  it("takes today's date in the UK, not the server's zone", () => {
    // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in British Summer Time.
    expect(todayInLondon(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
    expect(todayInLondon(new Date("2026-01-31T23:30:00Z"))).toBe("2026-01-31");
  });
});
