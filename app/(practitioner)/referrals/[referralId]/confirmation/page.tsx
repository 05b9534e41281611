import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { WHAT_HAPPENS_NEXT } from "@/lib/referral/messages";
import { CONTACTS } from "@/lib/thresholds/pathways";
import { loadMyReferral } from "../../draft-loader";

export const dynamic = "force-dynamic";

type Params = Promise<{ referralId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const referral = await loadMyReferral((await params).referralId);
  return { title: titleIfFound(referral, referral?.kind === "EARLY_HELP" ? "Request sent" : "Referral sent") };
}

export default async function ConfirmationPage({ params }: { params: Params }) {
  const { referralId } = await params;
  await requirePermission(`/referrals/${referralId}/confirmation`, "referrals:create");
  const referral = await loadMyReferral(referralId);
  if (!referral) notFound();
  const mash = referral.kind === "MASH";

  return (
    <div className="max-w-3xl">
      <div className="mb-8 bg-success p-6 text-center text-white md:p-8">
        <h1 className="mb-4 text-3xl font-bold md:text-5xl">{mash ? "Referral sent" : "Request sent"}</h1>
        <p className="text-xl md:text-2xl">
          Your reference number
          <br />
          <strong className="font-bold" data-testid="reference">
            {referral.reference}
          </strong>
        </p>
      </div>
      <p className="mb-6">We have sent you an e-mail confirming this. It gives the reference, but not the child&apos;s name or your worries.</p>
      <h2 className="mb-4 text-2xl font-bold">What happens next</h2>
      <ul className="mb-6 list-disc space-y-2 pl-5">
        {WHAT_HAPPENS_NEXT[referral.kind].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="mb-6">
        {mash ? (
          <>
            If anything changes, or a child is at immediate risk, phone the MASH on{" "}
            <a href={`tel:${CONTACTS.mash.phone.replace(/\s/g, "")}`} className="link font-bold">
              {CONTACTS.mash.phone}
            </a>{" "}
            ({CONTACTS.mash.hours}), quoting the reference, or{" "}
            <a href="tel:999" className="link font-bold">
              999
            </a>{" "}
            in an emergency.
          </>
        ) : (
          <>
            To ask about the request, contact {CONTACTS.cfss.label} on{" "}
            <a href={`tel:${CONTACTS.cfss.phone.replace(/\s/g, "")}`} className="link font-bold">
              {CONTACTS.cfss.phone}
            </a>
            , quoting the reference.
          </>
        )}
      </p>
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <Link href={`/referrals/${referral.id}`} className="link">
          View what you sent
        </Link>
        <Link href="/referrals" className="link">
          Go to My referrals
        </Link>
      </p>
    </div>
  );
}
