import { z } from "zod";
import { CONSENT_EXCEPTIONS, CONSENT_METHODS, CONSENT_STATUSES, type ConsentException } from "@/lib/consent/policy";
import { indicatorIdSchema } from "@/lib/thresholds/schema";
import { checkChildAge, isValidNhsNumber, normalisePostcode, todayInLondon } from "./policy";

// One schema per page of the referral forms, shared by the browser (react-hook-form), the server actions
// (which re-parse plain HTML form posts) and POST /api/v1/referrals (the whole referral at once). Answers
// are strings as an HTML form sends them: choices are upper-case words ("YES", "NO"), dates YYYY-MM-DD.
// The consent gate is not here: it depends on the level, and its failure is CONSENT_REQUIRED rather than
// INVALID, so lib/consent/policy.ts decides it for the whole referral.

export const REFERRAL_KINDS = ["MASH", "EARLY_HELP"] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const MAX_CHILDREN = 10;
export const MAX_CARERS = 6;

const required = (message: string, max = 200) => z.string({ error: message }).trim().min(1, message).max(max, `Must be ${max} characters or fewer`);
const optional = (max = 200) => z.string().trim().max(max, `Must be ${max} characters or fewer`).optional().default("");
const longText = (message: string, max = 5000) => required(message, max);
const optionalLong = (max = 5000) => optional(max);
const yesNo = (message: string) => z.enum(["YES", "NO"], { error: message });
const yesNoNotKnown = (message: string) => z.enum(["YES", "NO", "NOT_KNOWN"], { error: message });
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const optionalDate = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((value) => value === "" || isoDate.test(value), "Enter a date in the format YYYY-MM-DD");

export const YES_NO_LABELS = { YES: "Yes", NO: "No", NOT_KNOWN: "Not known" } as const;

// --- About you --------------------------------------------------------------------------------------------

export const referrerSchema = z.object({
  name: required("Enter your full name").meta({ example: "Sam Teacher" }),
  jobTitle: required("Enter your job title").meta({ example: "Designated Safeguarding Lead" }),
  agency: required("Enter the organisation you work for").meta({ example: "Northampton Primary School" }),
  email: z
    .string({ error: "Enter your e-mail address" })
    .trim()
    .min(1, "Enter your e-mail address")
    .max(254)
    .pipe(z.email("Enter an e-mail address in the correct format, like name@example.org"))
    .meta({ example: "teacher@example.org" }),
  phone: required("Enter a phone number the MASH can reach you on", 40).meta({ example: "01604 000000" }),
});
export type ReferrerAnswers = z.output<typeof referrerSchema>;

// --- The children -----------------------------------------------------------------------------------------

export const SEXES = { FEMALE: "Female", MALE: "Male", NOT_KNOWN: "Not known" } as const;

export const childSchema = z
  .object({
    firstName: optional(100),
    lastName: required("Enter the child's last name", 100),
    otherNames: optional(200),
    unborn: yesNo("Say whether the child is born yet"),
    dateOfBirth: optionalDate,
    expectedDueDate: optionalDate,
    sex: z.enum(["FEMALE", "MALE", "NOT_KNOWN"], { error: "Select the child's sex, or 'Not known'" }),
    ethnicity: optional(100),
    firstLanguage: optional(100),
    interpreterNeeded: yesNo("Say whether an interpreter is needed"),
    learningDifficultyOrDisability: yesNoNotKnown("Say whether the child has a learning difficulty, disability or special educational needs"),
    disabilityDetails: optionalLong(1000),
    nhsNumber: z
      .string()
      .trim()
      .optional()
      .default("")
      .refine((value) => value === "" || isValidNhsNumber(value), "Enter a valid NHS number, 10 digits like 943 476 5919, or leave it blank")
      .transform((value) => value.replace(/[\s-]/g, "")),
    school: optional(200),
    address: required("Enter the child's home address", 500),
    postcode: z
      .string({ error: "Enter the child's postcode" })
      .trim()
      .min(1, "Enter the child's postcode")
      .refine((value) => normalisePostcode(value) !== null, "Enter a real UK postcode, like NN1 1ED")
      .transform((value) => normalisePostcode(value)!),
    currentLocation: optional(500),
  })
  .superRefine((child, ctx) => {
    if (child.unborn === "YES" && !child.expectedDueDate) {
      ctx.addIssue({ code: "custom", path: ["expectedDueDate"], message: "Enter the expected due date" });
      return;
    }
    if (child.unborn === "NO" && !child.firstName) ctx.addIssue({ code: "custom", path: ["firstName"], message: "Enter the child's first name" });
    const verdict = checkChildAge(
      {
        dateOfBirth: child.unborn === "NO" ? child.dateOfBirth : null,
        expectedDueDate: child.unborn === "YES" ? child.expectedDueDate : null,
        hasLearningDifficultyOrDisability: child.learningDifficultyOrDisability === "YES",
      },
      todayInLondon(new Date()),
    );
    if (!verdict.ok) ctx.addIssue({ code: "custom", path: [verdict.field], message: verdict.message });
  });
export type ChildAnswers = z.output<typeof childSchema>;

export const childrenSchema = z.object({
  children: z
    .array(childSchema)
    .min(1, "Add the child you are worried about")
    .max(MAX_CHILDREN, `A referral can name at most ${MAX_CHILDREN} children. Send another referral for the others`)
    .meta({
      example: [
        {
          firstName: "Alex",
          lastName: "Example",
          otherNames: "",
          unborn: "NO",
          dateOfBirth: "2018-05-14",
          expectedDueDate: "",
          sex: "NOT_KNOWN",
          ethnicity: "White British",
          firstLanguage: "English",
          interpreterNeeded: "NO",
          learningDifficultyOrDisability: "NO",
          disabilityDetails: "",
          nhsNumber: "9434765919",
          school: "Northampton Primary School",
          address: "1 Example Street, Northampton",
          postcode: "NN1 1ED",
          currentLocation: "",
        },
      ],
    }),
});

// --- Family and household ---------------------------------------------------------------------------------

export const carerSchema = z.object({
  name: required("Enter the parent or carer's name"),
  relationship: required("Enter their relationship to the children", 100),
  parentalResponsibility: yesNoNotKnown("Say whether they have parental responsibility"),
  phone: optional(40),
  address: optional(500),
});

export const familySchema = z
  .object({
    carers: z.array(carerSchema).min(1, "Add at least one parent or carer").max(MAX_CARERS, `Add at most ${MAX_CARERS} parents or carers here; name the others under household members`),
    householdMembers: optionalLong(2000),
    significantAdults: optionalLong(2000),
    riskToVisitors: yesNoNotKnown("Say whether there is any risk to a professional visiting the home"),
    riskDetails: optionalLong(2000),
  })
  .superRefine((family, ctx) => {
    if (family.riskToVisitors === "YES" && !family.riskDetails) ctx.addIssue({ code: "custom", path: ["riskDetails"], message: "Describe the risk to a professional visiting the home" });
  })
  .meta({
    example: {
      carers: [{ name: "Jordan Example", relationship: "Mother", parentalResponsibility: "YES", phone: "07700 900000", address: "" }],
      householdMembers: "",
      significantAdults: "",
      riskToVisitors: "NO",
      riskDetails: "",
    },
  });

// --- Other professionals ----------------------------------------------------------------------------------

export const EARLY_HELP_STATES = { NONE: "No", ASSESSMENT: "Yes, an Early Help Assessment", PLAN: "Yes, an Early Help plan" } as const;

export const professionalsSchema = z
  .object({
    professionals: optionalLong(3000),
    earlyHelp: z.enum(["NONE", "ASSESSMENT", "PLAN"], { error: "Say whether an Early Help Assessment or plan exists" }),
    openToSocialCare: yesNoNotKnown("Say whether the child is open to children's social care now"),
    openToEarlyHelp: yesNoNotKnown("Say whether the child is open to early help now"),
  })
  .meta({ example: { professionals: "School nurse: Pat Nurse, 01604 000001", earlyHelp: "NONE", openToSocialCare: "NOT_KNOWN", openToEarlyHelp: "NO" } });

// --- Your worries (Signs of Safety) -----------------------------------------------------------------------

export const REQUEST_TYPES = {
  INFORMATION: "Information, advice or guidance",
  CFSS_INPUT: "Children and Families Support Service input",
  SOCIAL_CARE: "Social Care intervention",
} as const;

export const worriesSchema = z
  .object({
    whatHappened: longText("Describe what happened: what you saw or were told, who saw it, and when"),
    howYouKnow: longText("Say how you know: what you saw yourself, and who told you what"),
    yourAnalysis: optionalLong(),
    workingWell: longText("Describe what is working well for the child"),
    needsToHappen: longText("Describe what needs to happen to keep the child safe"),
    scale: z
      .string({ error: "Choose a number from 0 to 10" })
      .trim()
      .regex(/^(10|[0-9])$/, "Choose a number from 0 to 10"),
    childsVoice: longText("Say what the child has said, and what their daily life is like"),
    parentsView: optionalLong(),
    requestType: z.enum(["INFORMATION", "CFSS_INPUT", "SOCIAL_CARE"], { error: "Choose what you are asking the MASH for" }),
  })
  .meta({
    example: {
      whatHappened: "Alex arrived at school on 24 November with bruising to both upper arms.",
      howYouKnow: "I saw the bruising during PE at 10:15; Alex told me 'Dad grabbed me'.",
      yourAnalysis: "",
      workingWell: "Alex attends every day and has a trusted teaching assistant.",
      needsToHappen: "A child protection enquiry; Alex is safe at home tonight.",
      scale: "2",
      childsVoice: "Alex said he is scared to go home.",
      parentsView: "",
      requestType: "SOCIAL_CARE",
    },
  });

// --- Needs: the threshold indicators and the level ---------------------------------------------------------

const level = (message: string) =>
  z
    .union([z.string(), z.number()], { error: message })
    .transform((value) => String(value).trim())
    .pipe(z.enum(["1", "2", "3", "4"], { error: message }))
    .transform(Number);

export const needsSchema = z
  .object({
    thresholdVersion: z.string().trim().min(1, "Choose the threshold guidance").max(40).meta({ example: "rhrt-2025" }),
    indicatorIds: z
      .array(indicatorIdSchema)
      .min(1, "Tick at least one indicator from the threshold guidance")
      .max(200)
      .meta({ example: ["rhrt-2025/health/4/03"] }),
    suggestedLevel: level("The suggested level must be 1 to 4").optional().meta({ example: 4 }),
    chosenLevel: level("Choose the level of need").meta({ example: 4 }),
    levelReason: optionalLong(2000),
  })
  .superRefine((needs, ctx) => {
    if (needs.suggestedLevel && needs.chosenLevel !== needs.suggestedLevel && !needs.levelReason) {
      ctx.addIssue({ code: "custom", path: ["levelReason"], message: "Explain why you chose a different level from the one suggested" });
    }
  });

// --- What has been tried (early help) ---------------------------------------------------------------------

export const supportSchema = z
  .object({
    needsSummary: longText("Describe the family's needs in your own words"),
    whatHasBeenTried: longText("Describe what support has been tried so far, and what difference it made"),
    professionals: optionalLong(3000),
  })
  .meta({ example: { needsSummary: "Mum is struggling with Alex's behaviour since the move.", whatHasBeenTried: "In-school mentoring since September.", professionals: "" } });

// --- Consent and information sharing ----------------------------------------------------------------------

const exceptionKeys = Object.keys(CONSENT_EXCEPTIONS) as [ConsentException, ...ConsentException[]];

export const consentSchema = z
  .object({
    status: z.enum(CONSENT_STATUSES, { error: "Say whether the family has given consent" }),
    givenBy: optional(),
    relationship: optional(100),
    givenAt: optionalDate,
    method: z
      .union([z.enum(CONSENT_METHODS), z.literal("")], { error: "Say whether consent was given verbally or in writing" })
      .optional()
      .default(""),
    exceptionReason: z
      .union([z.enum(exceptionKeys), z.literal("")], { error: "Choose why the referral must go without consent" })
      .optional()
      .default(""),
    rationale: optionalLong(),
    effortsOrViews: optionalLong(),
  })
  .meta({ example: { status: "GIVEN", givenBy: "Jordan Example", relationship: "Mother", givenAt: "2026-11-24", method: "VERBAL" } });
export type ConsentAnswersInput = z.output<typeof consentSchema>;

export const informationSharingSchema = z
  .object({
    consent: consentSchema,
    youngPersonViews: optionalLong(),
    familyInformed: yesNo("Say whether the family knows about this referral").meta({ example: "YES" }),
    reasonNotInformed: optionalLong(2000),
  })
  .superRefine((answers, ctx) => {
    if (answers.familyInformed === "NO" && !answers.reasonNotInformed) {
      ctx.addIssue({ code: "custom", path: ["reasonNotInformed"], message: "Explain why the family has not been told about this referral" });
    }
  });

// --- Before you start ------------------------------------------------------------------------------------

export const beforeYouStartSchema = z.object({
  immediateRisk: yesNo("Say whether a child is at immediate risk of harm"),
  aboutAdultWorker: yesNo("Say whether your worry is about an adult who works with children"),
  /** "YES" when this referral follows up a phone call to the MASH (due within 24 hours of the call). */
  phonedMash: z.enum(["YES", "NO"]).optional().default("NO"),
});

// --- The whole referral (the API, and "Check your answers") ------------------------------------------------

const declaration = z.literal(true, { error: "Confirm the declaration to send the referral" });

export const mashReferralSchema = z.object({
  kind: z.literal("MASH"),
  phonedMash: z.enum(["YES", "NO"]).optional().default("NO").meta({ example: "NO" }),
  referrer: referrerSchema,
  children: childrenSchema.shape.children,
  family: familySchema,
  professionals: professionalsSchema,
  worries: worriesSchema,
  needs: needsSchema,
  informationSharing: informationSharingSchema,
  declaration: declaration.meta({ example: true }),
});

export const earlyHelpRequestSchema = z.object({
  kind: z.literal("EARLY_HELP"),
  referrer: referrerSchema,
  children: childrenSchema.shape.children,
  family: familySchema,
  needs: needsSchema.meta({ example: { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/family/3/02"], suggestedLevel: 3, chosenLevel: 3, levelReason: "" } }),
  support: supportSchema,
  informationSharing: informationSharingSchema,
  declaration: declaration.meta({ example: true }),
});

export const referralSubmissionSchema = z.discriminatedUnion("kind", [mashReferralSchema, earlyHelpRequestSchema]);
export type ReferralSubmission = z.output<typeof referralSubmissionSchema>;
export type ReferralSubmissionInput = z.input<typeof referralSubmissionSchema>;

/** The pages of each form, in order, with the part of the whole referral each one fills. */
export const SECTIONS = {
  MASH: ["referrer", "children", "family", "professionals", "worries", "needs", "informationSharing"],
  EARLY_HELP: ["referrer", "children", "family", "needs", "support", "informationSharing"],
} as const satisfies Record<ReferralKind, readonly string[]>;
export type SectionKey = (typeof SECTIONS)[ReferralKind][number];

export const SECTION_SCHEMAS = {
  referrer: referrerSchema,
  children: childrenSchema,
  family: familySchema,
  professionals: professionalsSchema,
  worries: worriesSchema,
  needs: needsSchema,
  support: supportSchema,
  informationSharing: informationSharingSchema,
} as const satisfies Record<SectionKey, z.ZodType>;

export const SECTION_TITLES: Record<SectionKey, string> = {
  referrer: "About you",
  children: "The children",
  family: "Family and household",
  professionals: "Other professionals and services",
  worries: "Your worries",
  needs: "Level of need",
  support: "Needs and support tried",
  informationSharing: "Consent and information sharing",
};

/** GET /api/v1/referrals/{id}: path parameter. */
export const referralIdSchema = z.uuid("Not found");

/** The Idempotency-Key header: any client-chosen string that identifies one submission. */
export const idempotencyKeySchema = z.string().trim().min(8, "The Idempotency-Key must be 8 to 200 characters").max(200, "The Idempotency-Key must be 8 to 200 characters");

// --- Drafts ----------------------------------------------------------------------------------------------

/** What a draft holds: each page's answers exactly as typed (valid or not), so nothing is ever lost. */
export type DraftAnswers = {
  sections: Partial<Record<SectionKey, unknown>>;
  phonedMash?: "YES" | "NO";
};

export const draftAnswersSchema = z.object({
  sections: z.record(z.string(), z.unknown()).default({}),
  phonedMash: z.enum(["YES", "NO"]).optional(),
});

export type SectionStatus = "COMPLETED" | "IN_PROGRESS" | "NOT_STARTED";

export function sectionStatusOf(section: SectionKey, raw: unknown): SectionStatus {
  if (raw === undefined || raw === null) return "NOT_STARTED";
  return SECTION_SCHEMAS[section].safeParse(raw).success ? "COMPLETED" : "IN_PROGRESS";
}

/** The whole referral a draft would submit, for referralSubmissionSchema to judge. */
export function submissionFromDraft(kind: ReferralKind, answers: DraftAnswers, declaration: boolean): Record<string, unknown> {
  const { sections } = answers;
  const children = (sections.children as { children?: unknown } | undefined)?.children;
  const common = {
    kind,
    referrer: sections.referrer,
    children,
    family: sections.family,
    needs: sections.needs,
    informationSharing: sections.informationSharing,
    declaration,
  };
  return kind === "MASH"
    ? { ...common, phonedMash: answers.phonedMash ?? "NO", professionals: sections.professionals, worries: sections.worries }
    : { ...common, support: sections.support };
}
