import Link from "next/link";
import type { ReferralKind } from "@/lib/referral/schema";

/**
 * The consent gate in plain words (seed 000 consent guidance; MASH procedures §5–6b), for the consent page
 * and "Check your answers": what is needed, why, and what to do instead.
 */
export function ConsentGateExplanation({ kind, level }: { kind: ReferralKind; level?: number | null }) {
  return (
    <div className="mb-8 border-l-[10px] border-rule bg-panel p-4">
      <h2 className="mb-3 text-xl font-bold">{kind === "MASH" ? "Consent and the MASH referral" : "Consent and the early-help request"}</h2>
      {kind === "MASH" ? (
        <div className="space-y-3">
          <p>Talk to the family about your worries and ask for their consent to this referral, unless doing so would put the child or anyone else at greater risk.</p>
          <p>
            You can refer without consent if you have reasonable cause to suspect the child is suffering, or likely to suffer, significant harm: there is a
            duty to share. Say which reason applies, explain your decision, and describe what you did to get consent, or the family&apos;s views if they
            refused.
          </p>
          <p>
            <strong>A referral without consent, and without such a reason, cannot be sent.</strong> The MASH would not accept it: it would contact you and ask
            you to seek consent first, and tell you the outcome in writing. Ask the family, then come back and record their answer.
          </p>
        </div>
      ) : (
        <div className="space-y-3">
          <p>
            <strong>A Level 2 request needs the parents&apos; consent. There is no way around it.</strong> Talk to the family first; if they agree, record their
            consent here.
          </p>
          <p>At Level 3, if the family do not agree but the child&apos;s welfare needs the request to go ahead, record the family&apos;s views and your reasons.</p>
          <p>
            If you believe the child is at risk of significant harm, do not wait for consent:{" "}
            <Link href="/referrals/new?kind=MASH" className="link">
              make a MASH referral
            </Link>{" "}
            instead.
          </p>
          {level === 2 && <p>This request is at Level 2, so it can only be sent with the parents&apos; consent.</p>}
        </div>
      )}
    </div>
  );
}
