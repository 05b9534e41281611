import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { formatDateTime } from "@/components/format-date-time";
import { PrintButton } from "@/components/print-button";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { KIND_NAMES, loadMyReferral } from "../../draft-loader";

export const dynamic = "force-dynamic";

type Params = Promise<{ referralId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const referral = await loadMyReferral((await params).referralId);
  return { title: titleIfFound(referral?.outcomeLetter ? referral : null, referral ? `Outcome letter for ${referral.reference}` : "") };
}

/**
 * The outcome letter on its own, to print or save as a PDF for the child's file: the page prints as the
 * letter alone (the header, menu and this page's controls are hidden on paper, app/globals.css). Only the
 * referrer sees it; a referral without a letter yet is "not found" here.
 */
export default async function OutcomeLetterPage({ params }: { params: Params }) {
  const { referralId } = await params;
  await requirePermission(`/referrals/${referralId}/letter`, "referrals:create");
  const referral = await loadMyReferral(referralId);
  if (!referral?.outcomeLetter) notFound();

  return (
    <>
      <div data-print-hide="">
        <BackLink href={`/referrals/${referral.id}`}>Back to {referral.reference}</BackLink>
      </div>
      <h1 className="mb-2 text-3xl font-bold md:text-4xl">
        <span className="mb-1 block text-lg text-muted md:text-2xl">{KIND_NAMES[referral.kind]}</span>
        Outcome letter for {referral.reference}
      </h1>
      {referral.outcomeSentAt && <p className="mb-6 text-muted">Sent {formatDateTime(referral.outcomeSentAt)}</p>}
      <div className="mb-8 max-w-prose whitespace-pre-wrap">{referral.outcomeLetter}</div>
      <PrintButton>Print this letter</PrintButton>
    </>
  );
}
