import { describe, expect, it } from "vitest";
import { checkConsent, checkFamilyInformed, CONSENT_EXCEPTIONS, type ConsentAnswers, type ConsentException, type ReferralLevel } from "@/lib/consent/policy";

const GIVEN_DETAILS = { givenBy: "Sarah Jones", relationship: "Mother", givenAt: "2026-11-24", method: "VERBAL" as const };

describe("the consent gate, case by case", () => {
  it("asks whether consent was given at all", () => {
    expect(checkConsent(4, { status: null })).toEqual({ ok: false, reason: "INVALID", fieldErrors: { "consent.status": "Say whether the family has given consent" } });
  });

  it("accepts consent given at every level, once who, relationship, when and how are recorded", () => {
    for (const level of [2, 3, 4] as const) expect(checkConsent(level, { status: "GIVEN", ...GIVEN_DETAILS })).toEqual({ ok: true });
  });

  it("names each missing detail of consent given", () => {
    const verdict = checkConsent(4, { status: "GIVEN" });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toBe("INVALID");
    expect(!verdict.ok && Object.keys(verdict.fieldErrors).sort()).toEqual(["consent.givenAt", "consent.givenBy", "consent.method", "consent.relationship"]);
  });

  it("never lets a Level 2 request go without the parents' consent, whatever the reason", () => {
    const verdict = checkConsent(2, { status: "REFUSED", exceptionReason: "SIGNIFICANT_HARM", rationale: "x", effortsOrViews: "y" });
    expect(verdict).toEqual({ ok: false, reason: "CONSENT_REQUIRED", fieldErrors: { "consent.status": expect.stringMatching(/needs the parents' consent/) } });
  });

  it("lets a Level 3 request go without consent with the family's views and a rationale", () => {
    expect(checkConsent(3, { status: "REFUSED", rationale: "The children's needs are escalating", effortsOrViews: "Mother says she can manage" })).toEqual({ ok: true });
    expect(checkConsent(3, { status: "REFUSED", rationale: "  " })).toMatchObject({ ok: false, reason: "CONSENT_REQUIRED", fieldErrors: { "consent.effortsOrViews": expect.any(String), "consent.rationale": expect.any(String) } });
  });

  it("blocks a MASH referral without consent and without a reason, explaining what is missing", () => {
    expect(checkConsent(4, { status: "NOT_SOUGHT" })).toEqual({
      ok: false,
      reason: "CONSENT_REQUIRED",
      fieldErrors: {
        "consent.exceptionReason": "Choose why the referral must go without consent, or record the family's consent",
        "consent.rationale": "Explain your decision to refer without consent",
        "consent.effortsOrViews": "Describe the efforts made to obtain consent, or the family's views if they refused",
      },
    });
  });

  it.each(Object.keys(CONSENT_EXCEPTIONS))("lets a MASH referral go without consent for %s, with a rationale and the efforts made", (reason) => {
    expect(checkConsent(4, { status: "NOT_SOUGHT", exceptionReason: reason as ConsentException, rationale: "Bruising on a non-mobile baby", effortsOrViews: "Not asked: father is the alleged perpetrator" })).toEqual({ ok: true });
  });
});

describe("the consent gate, every combination", () => {
  const levels: ReferralLevel[] = [2, 3, 4];
  const statuses = ["GIVEN", "REFUSED", "NOT_SOUGHT"] as const;
  const reasons: (ConsentException | null)[] = [null, ...(Object.keys(CONSENT_EXCEPTIONS) as ConsentException[])];
  const texts = [null, "", "   ", "Recorded"];

  // The rule, stated once from the seeds: consent given (with its details) always passes; without it, Level 2
  // never passes, Level 3 needs views and rationale, Level 4 needs a reason, a rationale and the efforts.
  function expected(level: ReferralLevel, a: ConsentAnswers, detailsComplete: boolean): boolean {
    const has = (s: string | null | undefined) => Boolean(s && s.trim());
    if (a.status === "GIVEN") return detailsComplete;
    if (level === 2) return false;
    if (level === 3) return has(a.rationale) && has(a.effortsOrViews);
    return Boolean(a.exceptionReason) && has(a.rationale) && has(a.effortsOrViews);
  }

  let count = 0;
  for (const level of levels)
    for (const status of statuses)
      for (const exceptionReason of reasons)
        for (const rationale of texts)
          for (const effortsOrViews of texts)
            for (const detailsComplete of [true, false]) {
              count += 1;
              const answers: ConsentAnswers = { status, exceptionReason, rationale, effortsOrViews, ...(detailsComplete ? GIVEN_DETAILS : {}) };
              it(`level ${level}, ${status}, reason ${exceptionReason}, rationale ${JSON.stringify(rationale)}, efforts ${JSON.stringify(effortsOrViews)}, details ${detailsComplete}`, () => {
                const verdict = checkConsent(level, answers);
                expect(verdict.ok).toBe(expected(level, answers, detailsComplete));
                if (!verdict.ok) expect(verdict.reason).toBe(status === "GIVEN" ? "INVALID" : "CONSENT_REQUIRED");
              });
            }
  it("covers them all", () => expect(count).toBe(3 * 3 * 5 * 4 * 4 * 2));
});

describe("telling the family", () => {
  it("needs an answer, and a reason when the family has not been told", () => {
    expect(checkFamilyInformed({ familyInformed: null })).toHaveProperty("familyInformed");
    expect(checkFamilyInformed({ familyInformed: true })).toEqual({});
    expect(checkFamilyInformed({ familyInformed: false })).toHaveProperty("reasonNotInformed");
    expect(checkFamilyInformed({ familyInformed: false, reasonNotInformed: "It would put the mother at risk from her partner" })).toEqual({});
  });
});
