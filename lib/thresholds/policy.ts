import type { Level } from "./schema";

// The level-of-need suggestion and the MASH line's hours. Pure: the unit tests cover every branch.
// The matrix guides; it never replaces professional judgement (seed 000), so this is only ever a suggestion.

export type TickedIndicator = { id: string; text: string; domainId: string; domainName: string; level: Level; s47: boolean };

export type Pathway = "universal" | "single-agency" | "early-help-assessment" | "cfss-request" | "mash-referral";

export type Suggestion = {
  /** null when nothing is ticked. */
  level: Level | null;
  pathway: Pathway | null;
  reasons: string[];
  /** A Level 4 or Section 47 indicator: refer to the MASH (and phone now if the child is at immediate risk). */
  referToMash: boolean;
  /** The Section 47 indicators ticked: a strategy discussion will be needed. */
  section47: TickedIndicator[];
};

const quote = (indicator: TickedIndicator) => `“${indicator.text}” (${indicator.domainName}, Level ${indicator.level})`;

export function suggestLevel(ticked: readonly TickedIndicator[]): Suggestion {
  if (ticked.length === 0) {
    return { level: null, pathway: null, reasons: ["Tick the indicators that describe the child's situation."], referToMash: false, section47: [] };
  }
  const section47 = ticked.filter((i) => i.s47);
  const highest = Math.max(...ticked.map((i) => i.level)) as Level;

  if (highest === 4 || section47.length > 0) {
    const atLevel4 = ticked.filter((i) => i.level === 4);
    const reasons = [
      ...atLevel4.map((i) => `Level 4 indicator: ${quote(i)}.`),
      ...section47.map((i) => `${quote(i)} needs a Section 47 strategy discussion.`),
      "A referral to the MASH is required. If the child is at immediate risk of harm, phone now: 999, or the MASH on 0300 126 7000.",
    ];
    return { level: 4, pathway: "mash-referral", reasons: [...new Set(reasons)], referToMash: true, section47 };
  }
  if (highest === 3) {
    const atLevel3 = ticked.filter((i) => i.level === 3);
    return {
      level: 3,
      pathway: "cfss-request",
      reasons: [
        ...atLevel3.map((i) => `Level 3 indicator: ${quote(i)}.`),
        "Multiple or complex needs call for a coordinated whole-family response: an Early Help/Family Help Assessment and a request to CFSS Partnership Support.",
      ],
      referToMash: false,
      section47: [],
    };
  }
  if (highest === 2) {
    const atLevel2 = ticked.filter((i) => i.level === 2);
    const domains = new Set(atLevel2.map((i) => i.domainId));
    const coordinated = atLevel2.length > 1 && domains.size > 1;
    return {
      level: 2,
      pathway: coordinated ? "early-help-assessment" : "single-agency",
      reasons: [
        ...atLevel2.map((i) => `Level 2 indicator: ${quote(i)}.`),
        coordinated
          ? `Needs in ${domains.size} domains call for coordinated support: start an Early Help/Family Help Assessment.`
          : "A single need may be met by one service: support the family yourself or through a single agency.",
      ],
      referToMash: false,
      section47: [],
    };
  }
  return {
    level: 1,
    pathway: "universal",
    reasons: ["Only Level 1 indicators: the child's needs are met by universal services and no additional response is required."],
    referToMash: false,
    section47: [],
  };
}

// The MASH line: 09:00–17:00, Monday to Friday, UK time (seed 002 §5; DOMAIN.md). ---------------------

export const MASH_HOURS = { opens: 9, closes: 17, days: [1, 2, 3, 4, 5] } as const;

const londonParts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", hour: "2-digit", hourCycle: "h23" });
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function isMashLineOpen(now: Date): boolean {
  const parts = Object.fromEntries(londonParts.formatToParts(now).map((p) => [p.type, p.value]));
  const weekday = WEEKDAYS[parts.weekday ?? ""] ?? -1;
  const hour = Number(parts.hour);
  return (MASH_HOURS.days as readonly number[]).includes(weekday) && hour >= MASH_HOURS.opens && hour < MASH_HOURS.closes;
}

/** A practitioner may choose another level than the suggestion, but must say why. */
export function checkChosenLevel(suggested: Level | null, chosen: Level, reason: string | null): { ok: true } | { ok: false; field: "reason"; message: string } {
  if (suggested !== null && chosen !== suggested && !reason) {
    return { ok: false, field: "reason", message: `Explain why you chose Level ${chosen} rather than the suggested Level ${suggested}` };
  }
  return { ok: true };
}
