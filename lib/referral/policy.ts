// Checks on a child's details (seed 000: a child is anyone from conception to 18, or to 25 with a learning
// difficulty or disability). Pure functions; dates are calendar dates (YYYY-MM-DD) in UK time.

/** NHS numbers: 10 digits, the last a modulus-11 check digit over the first nine (weights 10 down to 2). */
export function isValidNhsNumber(input: string): boolean {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

export function formatNhsNumber(input: string): string {
  const d = input.replace(/[\s-]/g, "");
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}

// The UK postcode formats (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA) with the letters each
// position allows, and GIR 0AA.
const POSTCODE = /^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?|[0-9][A-HJKPS-UW]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/;

export function normalisePostcode(input: string): string | null {
  const compact = input.toUpperCase().replace(/\s+/g, "");
  if (!POSTCODE.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export type ChildAgeInput = { dateOfBirth?: string | null; expectedDueDate?: string | null; hasLearningDifficultyOrDisability: boolean };

function parseDate(value: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? { y, m, d } : null;
}

/** Whole years from a date of birth to `today` (both YYYY-MM-DD); a birthday counts on the day itself. */
export function ageInYears(dateOfBirth: string, today: string): number {
  const birth = parseDate(dateOfBirth)!;
  const now = parseDate(today)!;
  const hadBirthday = now.m > birth.m || (now.m === birth.m && now.d >= birth.d);
  return now.y - birth.y - (hadBirthday ? 0 : 1);
}

/** Today's date in the UK, as YYYY-MM-DD. */
export function todayInLondon(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * Whether a child is within the service's scope, with a message for the field at fault. Unborn children
 * have an expected due date (today or later, within 10 months); others a date of birth, under 18, or
 * under 25 with a learning difficulty or disability.
 */
export function checkChildAge(child: ChildAgeInput, today: string): { ok: true } | { ok: false; field: "dateOfBirth" | "expectedDueDate"; message: string } {
  if (child.expectedDueDate) {
    const due = parseDate(child.expectedDueDate);
    if (!due) return { ok: false, field: "expectedDueDate", message: "Enter a real expected due date" };
    if (child.expectedDueDate < today) return { ok: false, field: "expectedDueDate", message: "The expected due date must be today or in the future. If the baby has been born, enter the date of birth" };
    const limit = parseDate(today)!;
    const tenMonthsOn = new Date(Date.UTC(limit.y, limit.m - 1 + 10, limit.d)).toISOString().slice(0, 10);
    if (child.expectedDueDate > tenMonthsOn) return { ok: false, field: "expectedDueDate", message: "The expected due date must be within the next 10 months" };
    return { ok: true };
  }
  if (!child.dateOfBirth) return { ok: false, field: "dateOfBirth", message: "Enter the child's date of birth, or their expected due date if they are not born yet" };
  if (!parseDate(child.dateOfBirth)) return { ok: false, field: "dateOfBirth", message: "Enter a real date of birth" };
  if (child.dateOfBirth > today) return { ok: false, field: "dateOfBirth", message: "The date of birth must be in the past. For an unborn child, enter the expected due date" };
  const age = ageInYears(child.dateOfBirth, today);
  const limit = child.hasLearningDifficultyOrDisability ? 25 : 18;
  if (age >= limit) {
    return {
      ok: false,
      field: "dateOfBirth",
      message: child.hasLearningDifficultyOrDisability
        ? "The service is for young people under 25 with a learning difficulty or disability"
        : "The service is for children under 18, or under 25 with a learning difficulty or disability",
    };
  }
  return { ok: true };
}
