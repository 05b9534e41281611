import type { z } from "zod";
import { todayInLondon } from "@/lib/referral/policy";
import type { childSchema, earlyHelpRequestSchema, mashReferralSchema } from "@/lib/referral/schema";

// Whole referrals as a client sends them to POST /api/v1/referrals (and as the forms' pages save them), valid
// for referralSubmissionSchema today. The children are fictional; their NHS numbers are from the 999 range
// the NHS keeps for testing. Dates are relative to today in the UK, so the children never age out.

export type MashReferralInput = z.input<typeof mashReferralSchema>;
export type EarlyHelpRequestInput = z.input<typeof earlyHelpRequestSchema>;
export type ChildInput = z.input<typeof childSchema>;

/** Objects merge key by key; arrays and everything else replace. */
type Overrides<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: Overrides<T[K]> } : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function merge<T>(base: T, overrides: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(overrides)) return (overrides === undefined ? base : overrides) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) merged[key] = merge(merged[key], value);
  return merged as T;
}

/** Today in the UK moved by whole years and days, as YYYY-MM-DD (29 February becomes the 28th). */
export function ukDate(options: { years?: number; days?: number } = {}): string {
  const [y, m, d] = todayInLondon(new Date()).split("-").map(Number) as [number, number, number];
  const year = y + (options.years ?? 0);
  const day = m === 2 && d === 29 ? 28 : d;
  return new Date(Date.UTC(year, m - 1, day + (options.days ?? 0))).toISOString().slice(0, 10);
}

/** An eight-year-old at school in Northampton, unless overridden. */
export function childInput(overrides: Overrides<ChildInput> = {}): ChildInput {
  return merge<ChildInput>(
    {
      firstName: "Alex",
      lastName: "Example",
      otherNames: "",
      unborn: "NO",
      dateOfBirth: ukDate({ years: -8, days: -40 }),
      expectedDueDate: "",
      sex: "NOT_KNOWN",
      ethnicity: "White British",
      firstLanguage: "English",
      interpreterNeeded: "NO",
      learningDifficultyOrDisability: "NO",
      disabilityDetails: "",
      nhsNumber: "999 000 0018",
      school: "Riverside Primary School",
      address: "1 Example Street, Northampton",
      postcode: "NN1 1ED",
      currentLocation: "",
    },
    overrides,
  );
}

/** Alex's younger sibling, Sam (five). */
export function siblingInput(overrides: Overrides<ChildInput> = {}): ChildInput {
  return childInput(merge({ firstName: "Sam", dateOfBirth: ukDate({ years: -5, days: -100 }), sex: "NOT_KNOWN", nhsNumber: "9990000026" }, overrides));
}

const referrer = {
  name: "Priya Shah",
  jobTitle: "Designated Safeguarding Lead",
  agency: "Riverside Primary School",
  email: "teacher@example.org",
  phone: "01604 000000",
};

const family = {
  carers: [{ name: "Jordan Example", relationship: "Mother", parentalResponsibility: "YES" as const, phone: "07700 900000", address: "1 Example Street, Northampton" }],
  householdMembers: "Mum's partner, Chris, lives with the family.",
  significantAdults: "",
  riskToVisitors: "NO" as const,
  riskDetails: "",
};

const consentGiven = {
  status: "GIVEN" as const,
  givenBy: "Jordan Example",
  relationship: "Mother",
  givenAt: ukDate(),
  method: "VERBAL" as const,
  exceptionReason: "" as const,
  rationale: "",
  effortsOrViews: "",
};

/** A Level 4 MASH referral for one child with the mother's consent. Pass `children` for siblings. */
export function mashReferralInput(overrides: Overrides<MashReferralInput> = {}): MashReferralInput {
  return merge<MashReferralInput>(
    {
      kind: "MASH",
      phonedMash: "NO",
      referrer,
      children: [childInput()],
      family,
      professionals: { professionals: "School nurse: Pat Nurse, 01604 000001", earlyHelp: "NONE", openToSocialCare: "NOT_KNOWN", openToEarlyHelp: "NO" },
      worries: {
        whatHappened: "Alex arrived at school this morning with bruising to both upper arms.",
        howYouKnow: "I saw the bruising during PE at 10:15. Alex told me 'Chris grabbed me'.",
        yourAnalysis: "",
        workingWell: "Alex attends every day and has a trusted teaching assistant.",
        needsToHappen: "A child protection enquiry before Alex goes home.",
        scale: "2",
        childsVoice: "Alex said he is scared to go home when Chris is there.",
        parentsView: "",
        requestType: "SOCIAL_CARE",
      },
      needs: { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/family/4/03"], suggestedLevel: 4, chosenLevel: 4, levelReason: "" },
      informationSharing: { consent: consentGiven, youngPersonViews: "", familyInformed: "YES", reasonNotInformed: "" },
      declaration: true,
    },
    overrides,
  );
}

/** A Level 3 early-help request to CFSS for one child with the mother's consent. */
export function earlyHelpInput(overrides: Overrides<EarlyHelpRequestInput> = {}): EarlyHelpRequestInput {
  return merge<EarlyHelpRequestInput>(
    {
      kind: "EARLY_HELP",
      referrer,
      children: [childInput()],
      family,
      needs: { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/family/3/02", "rhrt-2025/education/3/02"], suggestedLevel: 3, chosenLevel: 3, levelReason: "" },
      support: {
        needsSummary: "Mum is struggling with Alex's behaviour since the family moved, and there is low-level conflict at home.",
        whatHasBeenTried: "In-school mentoring since September; attendance has improved a little.",
        professionals: "School nurse: Pat Nurse",
      },
      informationSharing: { consent: consentGiven, youngPersonViews: "", familyInformed: "YES", reasonNotInformed: "" },
      declaration: true,
    },
    overrides,
  );
}

/** The parts of a referral that the forms save page by page (the "children" page holds `{ children }`). */
export function sectionsOf(input: MashReferralInput | EarlyHelpRequestInput): Record<string, unknown> {
  const { kind: _kind, declaration: _declaration, children, ...rest } = input;
  if ("phonedMash" in rest) delete (rest as { phonedMash?: unknown }).phonedMash;
  return { ...rest, children: { children } };
}
