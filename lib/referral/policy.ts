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

// Made once: building an Intl.DateTimeFormat costs far more than using one (it showed in the benchmark).
const londonIsoDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in the UK, as YYYY-MM-DD. */
export function todayInLondon(now: Date): string {
  return londonIsoDate.format(now);
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

// --- Attachments ------------------------------------------------------------------------------------------

export const ATTACHMENT_TYPES = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const ATTACHMENT_RULES = { maxBytes: 10 * 1024 * 1024, maxPerReferral: 5, types: ATTACHMENT_TYPES } as const;

export const ATTACHMENT_MESSAGES = {
  empty: "The selected file is empty",
  tooBig: "The selected file must be smaller than 10 MB",
  wrongType: "The selected file must be a PDF, a Word document (DOCX), or a PNG or JPEG image",
  tooMany: "You can attach at most 5 files. Remove one to attach another",
  noName: "Select a file",
} as const;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The file's type from its first bytes (its "magic number"), never from its name: a renamed executable is
 * refused. A DOCX is a ZIP archive whose entries include word/document.xml.
 */
export function detectFileType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && containsAscii(bytes, "word/document.xml")) {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  return null;
}

/** Whether a file may be attached, given how many the referral already has; the message for the field if not. */
export function checkAttachment(file: { name: string; bytes: Uint8Array }, alreadyAttached: number): { ok: true; mediaType: AttachmentType } | { ok: false; message: string } {
  if (!file.name.trim() && file.bytes.length === 0) return { ok: false, message: ATTACHMENT_MESSAGES.noName };
  if (file.bytes.length === 0) return { ok: false, message: ATTACHMENT_MESSAGES.empty };
  if (file.bytes.length > ATTACHMENT_RULES.maxBytes) return { ok: false, message: ATTACHMENT_MESSAGES.tooBig };
  if (alreadyAttached >= ATTACHMENT_RULES.maxPerReferral) return { ok: false, message: ATTACHMENT_MESSAGES.tooMany };
  const mediaType = detectFileType(file.bytes);
  if (!mediaType) return { ok: false, message: ATTACHMENT_MESSAGES.wrongType };
  return { ok: true, mediaType };
}

/** A file name safe to store and show: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base].filter((c) => c >= " " && c !== "\u007f").join("").trim().slice(-200);
  return cleaned || "attachment";
}

// --- References and drafts --------------------------------------------------------------------------------

/** MASH-2026-000123 for a MASH referral, CFSS-2026-000124 for an early-help request. */
export function referenceFor(kind: "MASH" | "EARLY_HELP", year: number, number: number): string {
  return `${kind === "MASH" ? "MASH" : "CFSS"}-${year}-${String(number).padStart(6, "0")}`;
}

export const DRAFT_KEPT_DAYS = 30;
export const DRAFT_REMINDER_DAYS = 23;

export function draftExpiryFrom(savedAt: Date): Date {
  return new Date(savedAt.getTime() + DRAFT_KEPT_DAYS * 24 * 60 * 60 * 1000);
}

/** Young people aged 13 or over give their own views on a referral about them (seed 000, consent). */
export function hasChildAged13OrOver(children: readonly { unborn: string; dateOfBirth: string }[], today: string): boolean {
  return children.some((child) => child.unborn === "NO" && Boolean(child.dateOfBirth) && ageInYears(child.dateOfBirth, today) >= 13);
}

/** The level a referral is judged at: a MASH referral is Level 4; an early-help request Level 2 or 3. */
export function checkReferralLevel(kind: "MASH" | "EARLY_HELP", chosenLevel: number): { ok: true; level: 2 | 3 | 4 } | { ok: false; message: string } {
  if (kind === "MASH") {
    return chosenLevel === 4 ? { ok: true, level: 4 } : { ok: false, message: "A MASH referral is for Level 4 needs. For Level 2 or 3 needs, ask CFSS for early help instead" };
  }
  if (chosenLevel === 2 || chosenLevel === 3) return { ok: true, level: chosenLevel };
  return {
    ok: false,
    message: chosenLevel === 4 ? "Level 4 needs go to the MASH. Send a MASH referral instead" : "Level 1 needs are met by universal services; no early-help request is needed",
  };
}
