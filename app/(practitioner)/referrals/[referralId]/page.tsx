import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { formatDateTime } from "@/components/format-date-time";
import { SummaryList } from "@/components/summary-list";
import { Tag } from "@/components/tag";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { AnswerSummary, sentReferralSections } from "../answer-summary";
import { KIND_NAMES, loadMyReferral } from "../draft-loader";
import { formatFileSize } from "../file-size";

export const dynamic = "force-dynamic";

type Params = Promise<{ referralId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const referral = await loadMyReferral((await params).referralId);
  return { title: titleIfFound(referral, referral ? referral.reference : "") };
}

export default async function ReferralPage({ params }: { params: Params }) {
  const { referralId } = await params;
  await requirePermission(`/referrals/${referralId}`, "referrals:create");
  const referral = await loadMyReferral(referralId);
  if (!referral) notFound();

  return (
    <>
      <BackLink href="/referrals">Back to My referrals</BackLink>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">
        <span className="mb-1 block text-lg text-muted md:text-2xl">{KIND_NAMES[referral.kind]}</span>
        {referral.reference}
      </h1>
      <SummaryList
        rows={[
          { key: "Status", value: <Tag colour={referral.status === "OUTCOME_SENT" ? "green" : referral.status === "SCREENING" ? "yellow" : "blue"}>{referral.statusLabel}</Tag> },
          { key: "Children", value: referral.childNames },
          { key: "Sent", value: formatDateTime(referral.submittedAt) },
          { key: "Level of need", value: `Level ${referral.level}` },
        ]}
      />
      <section id="outcome" aria-labelledby="outcome-heading" className="mb-10">
        <h2 id="outcome-heading" className="mb-4 text-2xl font-bold">
          Outcome
        </h2>
        {referral.outcomeLetter ? (
          <>
            {referral.outcomeSentAt && <p className="mb-3 text-muted">Sent {formatDateTime(referral.outcomeSentAt)}</p>}
            <div className="mb-4 border-l-[10px] border-rule bg-panel p-4 whitespace-pre-wrap">{referral.outcomeLetter}</div>
            <a href={`/referrals/${referral.id}/letter`} className="link">
              Print or save the letter<span className="sr-only"> for {referral.reference}</span>
            </a>
          </>
        ) : (
          <p>
            {referral.kind === "MASH"
              ? "The MASH has not decided yet. You will be told the outcome in writing, and it will show here."
              : "CFSS Partnership Support has not replied yet. A partnership coordinator will contact you within 3 working days of the request."}
          </p>
        )}
      </section>
      <h2 className="mb-6 text-2xl font-bold md:text-3xl">What you sent</h2>
      <AnswerSummary kind={referral.kind} sections={sentReferralSections(referral.answers)} />
      <section aria-labelledby="attachments-heading" className="mb-10">
        <h2 id="attachments-heading" className="mb-4 text-2xl font-bold">
          Attachments
        </h2>
        {referral.attachments.length === 0 ? (
          <p>No files were attached.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {referral.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/referrals/attachments/${attachment.id}`} className="link">
                  {attachment.fileName}
                </a>{" "}
                <span className="text-muted">({formatFileSize(attachment.size)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
