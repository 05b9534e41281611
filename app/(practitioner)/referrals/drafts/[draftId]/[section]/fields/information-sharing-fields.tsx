import { Radios } from "@/components/radios";
import { TextInput } from "@/components/text-input";
import { Textarea } from "@/components/textarea";
import type { ReferralKind } from "@/lib/referral/schema";
import { CONSENT_METHOD_LABELS, CONSENT_STATUS_LABELS, EXCEPTION_OPTIONS, QUESTIONS, YES_NO } from "../../../../questions";
import { ConsentGateExplanation } from "../../../../consent-gate-explanation";
import type { FieldKit } from "../field-kit";

const Q = QUESTIONS.informationSharing;

/**
 * Consent and information sharing. The questions for going ahead without consent apply to both "refused"
 * and "not asked", so they sit below the choice (shown for either once JavaScript runs, always without it),
 * rather than twice inside it.
 */
export function InformationSharingFields({ kit, kind, chosenLevel, hasChildAged13OrOver }: { kit: FieldKit; kind: ReferralKind; chosenLevel: number | null; hasChildAged13OrOver: boolean }) {
  const status = kit.current("consent.status");
  const withoutConsentHidden = kit.scripted && status !== "REFUSED" && status !== "NOT_SOUGHT";
  const asksForException = kind === "MASH" || chosenLevel === 4;
  return (
    <>
      <ConsentGateExplanation kind={kind} />
      <Radios
        legend={Q["consent.status"]}
        options={[
          {
            value: "GIVEN",
            label: CONSENT_STATUS_LABELS.GIVEN,
            conditional: (
              <>
                <TextInput label={Q["consent.givenBy"]} autoComplete="off" spellCheck={false} width="two-thirds" {...kit.text("consent.givenBy")} />
                <TextInput label={Q["consent.relationship"]} hint="For example, mother" autoComplete="off" width="20" {...kit.text("consent.relationship")} />
                <TextInput label={Q["consent.givenAt"]} hint="For example, 2026-11-24" type="date" width="10" {...kit.text("consent.givenAt")} />
                <Radios
                  legend={Q["consent.method"]}
                  options={Object.entries(CONSENT_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
                  small
                  {...kit.choice("consent.method")}
                 
                />
              </>
            ),
          },
          { value: "REFUSED", label: CONSENT_STATUS_LABELS.REFUSED },
          { value: "NOT_SOUGHT", label: CONSENT_STATUS_LABELS.NOT_SOUGHT },
        ]}
        {...kit.choice("consent.status")}
      />
      <section id="without-consent" hidden={withoutConsentHidden} aria-labelledby="without-consent-heading" className="mb-8 border-l-4 border-rule pl-6">
        <h2 id="without-consent-heading" className="mb-4 text-xl font-bold">
          If the family refused, or you have not asked them
        </h2>
        {asksForException && (
          <Radios legend={Q["consent.exceptionReason"]} hint="Choose the reason that applies. Without one, the referral cannot be sent without consent." options={EXCEPTION_OPTIONS} {...kit.choice("consent.exceptionReason")} />
        )}
        <Textarea
          label={Q["consent.rationale"]}
          hint={asksForException ? "Why the child would be at risk of significant harm, and why you could not, or did not, ask for consent" : "Why the request should go ahead without the family's agreement"}
          rows={5}
          {...kit.text("consent.rationale")}
        />
        <Textarea label={Q["consent.effortsOrViews"]} hint="If you asked: when, how and what they said. If you did not: what you tried, or why you could not." rows={5} {...kit.text("consent.effortsOrViews")} />
      </section>
      <Textarea
        label={Q.youngPersonViews}
        hint={hasChildAged13OrOver ? "A child in this referral is 13 or older: record their own views about it. You need to answer this to send it." : "Young people aged 13 or over should give their own views and consent where they are able to."}
        rows={4}
        {...kit.text("youngPersonViews")}
      />
      <Radios
        legend={Q.familyInformed}
        hint="Tell the family about the referral unless doing so would put the child or anyone else at greater risk."
        options={YES_NO.map((option) => (option.value === "NO" ? { ...option, conditional: <Textarea label={Q.reasonNotInformed} rows={3} {...kit.text("reasonNotInformed")} /> } : option))}
        {...kit.choice("familyInformed")}
      />
    </>
  );
}
