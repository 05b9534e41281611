// The consent gate (seed 000 "Guidance for consent"; seed 001 §8.1; seed 002 §5–6b). Pure: the unit tests
// cover every combination, and the referral forms, server actions and API all ask this one function.

export const CONSENT_STATUSES = ["GIVEN", "REFUSED", "NOT_SOUGHT"] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Why a referral may go without consent (seed 001 §8.1; seed 002 §6). */
export const CONSENT_EXCEPTIONS = {
  SIGNIFICANT_HARM: "There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm",
  INCREASED_RISK: "Asking for consent would place the child or someone else at increased risk",
  SERIOUS_CRIME: "Asking for consent could undermine the investigation of a serious crime",
  DELAY_RISK: "The delay in asking would put the child at further risk",
} as const;
export type ConsentException = keyof typeof CONSENT_EXCEPTIONS;

export const CONSENT_METHODS = ["VERBAL", "WRITTEN"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export type ConsentAnswers = {
  status: ConsentStatus | null;
  givenBy?: string | null;
  relationship?: string | null;
  givenAt?: string | null;
  method?: ConsentMethod | null;
  exceptionReason?: ConsentException | null;
  rationale?: string | null;
  /** The efforts made to obtain consent, or the family's views when they refused. */
  effortsOrViews?: string | null;
};

/** 2 and 3: an early-help request to CFSS; 4: a MASH referral. */
export type ReferralLevel = 2 | 3 | 4;

export type ConsentVerdict = { ok: true } | { ok: false; reason: "CONSENT_REQUIRED" | "INVALID"; fieldErrors: Record<string, string> };

const filled = (value: string | null | undefined) => Boolean(value && value.trim());

export const CONSENT_MESSAGES = {
  status: "Say whether the family has given consent",
  givenBy: "Enter the name of the person who gave consent",
  relationship: "Enter their relationship to the child",
  givenAt: "Enter when consent was given",
  method: "Say whether consent was given verbally or in writing",
  level2: "A Level 2 request needs the parents' consent. Talk to the family first; if they agree, record their consent.",
  exceptionReason: "Choose why the referral must go without consent, or record the family's consent",
  rationale: "Explain your decision to refer without consent",
  effortsOrViews: "Describe the efforts made to obtain consent, or the family's views if they refused",
  familyViews: "Record the family's views on support and the issues raised",
} as const;

/**
 * Whether a referral may be submitted with these consent answers.
 * - Consent given: who gave it, their relationship, when and how must be recorded.
 * - Level 2 (early help): parents must agree; there is no way around it.
 * - Level 3 (early help): without consent, the family's views and the rationale for going ahead.
 * - Level 4 (MASH): without consent, one of the exceptions, a rationale, and the efforts made (or the
 *   family's views if they refused). Otherwise the MASH would return it to seek consent (seed 002 §6b).
 */
export function checkConsent(level: ReferralLevel, consent: ConsentAnswers): ConsentVerdict {
  if (!consent.status) return { ok: false, reason: "INVALID", fieldErrors: { "consent.status": CONSENT_MESSAGES.status } };

  if (consent.status === "GIVEN") {
    const fieldErrors: Record<string, string> = {};
    if (!filled(consent.givenBy)) fieldErrors["consent.givenBy"] = CONSENT_MESSAGES.givenBy;
    if (!filled(consent.relationship)) fieldErrors["consent.relationship"] = CONSENT_MESSAGES.relationship;
    if (!filled(consent.givenAt)) fieldErrors["consent.givenAt"] = CONSENT_MESSAGES.givenAt;
    if (!consent.method) fieldErrors["consent.method"] = CONSENT_MESSAGES.method;
    return Object.keys(fieldErrors).length > 0 ? { ok: false, reason: "INVALID", fieldErrors } : { ok: true };
  }

  if (level === 2) return { ok: false, reason: "CONSENT_REQUIRED", fieldErrors: { "consent.status": CONSENT_MESSAGES.level2 } };

  const fieldErrors: Record<string, string> = {};
  if (level === 3) {
    if (!filled(consent.effortsOrViews)) fieldErrors["consent.effortsOrViews"] = CONSENT_MESSAGES.familyViews;
    if (!filled(consent.rationale)) fieldErrors["consent.rationale"] = CONSENT_MESSAGES.rationale;
  } else {
    if (!consent.exceptionReason) fieldErrors["consent.exceptionReason"] = CONSENT_MESSAGES.exceptionReason;
    if (!filled(consent.rationale)) fieldErrors["consent.rationale"] = CONSENT_MESSAGES.rationale;
    if (!filled(consent.effortsOrViews)) fieldErrors["consent.effortsOrViews"] = CONSENT_MESSAGES.effortsOrViews;
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, reason: "CONSENT_REQUIRED", fieldErrors } : { ok: true };
}

/** The family should be told about a referral unless that would put anyone at greater risk; if not, say why. */
export function checkFamilyInformed(answers: { familyInformed: boolean | null; reasonNotInformed?: string | null }): Record<string, string> {
  if (answers.familyInformed === null) return { familyInformed: "Say whether the family knows about this referral" };
  if (!answers.familyInformed && !filled(answers.reasonNotInformed)) return { reasonNotInformed: "Explain why the family has not been told about this referral" };
  return {};
}
