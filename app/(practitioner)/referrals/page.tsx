import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, ButtonGroup } from "@/components/button";
import { formatDate } from "@/components/format-date";
import { formatDateTime } from "@/components/format-date-time";
import { NotificationBanner } from "@/components/notification-banner";
import { Tag, type TagColour } from "@/components/tag";
import { requirePermission, titleIfPermitted } from "@/lib/auth/require-user";
import { listMyReferrals, type ReferralSummary } from "@/lib/referral/data";
import { KIND_NAMES } from "./draft-loader";
import { draftPath } from "./sections";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await titleIfPermitted("referrals:create", "My referrals") };
}

type SearchParams = Record<string, string | string[] | undefined>;

const STATUS_COLOURS: Record<ReferralSummary["status"], TagColour> = { RECEIVED: "blue", SCREENING: "yellow", OUTCOME_SENT: "green" };

export default async function MyReferralsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("/referrals", "referrals:create");
  const [{ drafts, referrals }, params] = await Promise.all([listMyReferrals(user), searchParams]);
  // The banner names a draft from the person's own list, so a made-up id in the address shows nothing.
  const saved = drafts.find((draft) => draft.id === params.saved);

  return (
    <>
      {saved && (
        <NotificationBanner type="success">
          Your draft has been saved. We will keep it until {formatDate(saved.expiresAt)}.
        </NotificationBanner>
      )}
      {params.deleted === "1" && <NotificationBanner type="success">The draft has been deleted</NotificationBanner>}
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">My referrals</h1>
      <p className="mb-6 max-w-prose">
        Your MASH referrals and early-help requests: drafts you can finish on any device, and what happened to the ones you sent. Nobody else&apos;s
        referrals are shown here.
      </p>
      <div className="mb-10">
        <ButtonGroup>
          <ButtonLink href="/referrals/new?kind=MASH">Start a MASH referral</ButtonLink>
          <ButtonLink href="/referrals/new?kind=EARLY_HELP" variant="secondary">
            Ask CFSS for early help
          </ButtonLink>
        </ButtonGroup>
        <p className="mt-4">
          Not sure which?{" "}
          <Link href="/thresholds/check" className="link">
            Check the level of need
          </Link>{" "}
          first.
        </p>
      </div>

      <section aria-labelledby="drafts-heading" className="mb-12">
        <h2 id="drafts-heading" className="mb-4 text-2xl font-bold md:text-3xl">
          Drafts
        </h2>
        {drafts.length === 0 ? (
          <p>You have no drafts.</p>
        ) : (
          <ul className="border-t border-rule">
            {drafts.map((draft) => (
              <li key={draft.id} className="border-b border-rule py-4">
                <h3 className="mb-1 text-xl font-bold">
                  {KIND_NAMES[draft.kind]}
                  {draft.childNames ? `: ${draft.childNames}` : ""}
                </h3>
                <p className="mb-2 text-muted">
                  Last saved {formatDateTime(draft.updatedAt)}. Kept until {formatDate(draft.expiresAt)}.
                </p>
                <p className="flex flex-wrap gap-x-6 gap-y-2">
                  <Link href={draftPath(draft.id)} className="link">
                    Continue<span className="sr-only"> the draft {KIND_NAMES[draft.kind].toLowerCase()}{draft.childNames ? ` about ${draft.childNames}` : ""}</span>
                  </Link>
                  <Link href={`${draftPath(draft.id)}/delete`} className="link">
                    Delete<span className="sr-only"> the draft {KIND_NAMES[draft.kind].toLowerCase()}{draft.childNames ? ` about ${draft.childNames}` : ""}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading" className="mb-4 text-2xl font-bold md:text-3xl">
          Sent
        </h2>
        {referrals.length === 0 ? (
          <p>You have not sent any referrals yet.</p>
        ) : (
          <table className="w-full border-collapse text-left text-base">
            <caption className="sr-only">Referrals and requests you have sent, newest first</caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-4">
                  Reference
                </th>
                <th scope="col" className="py-2 pr-4">
                  Children
                </th>
                <th scope="col" className="hidden py-2 pr-4 md:table-cell">
                  Sent
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((referral) => (
                <tr key={referral.id} className="border-b border-rule align-top">
                  <th scope="row" className="py-3 pr-4 font-normal">
                    <Link href={`/referrals/${referral.id}`} className="link font-bold">
                      {referral.reference}
                    </Link>
                    <span className="block text-muted">{KIND_NAMES[referral.kind]}</span>
                  </th>
                  <td className="py-3 pr-4">{referral.childNames}</td>
                  <td className="hidden py-3 pr-4 md:table-cell">{formatDateTime(referral.submittedAt)}</td>
                  <td className="py-3 pr-4">
                    <Tag colour={STATUS_COLOURS[referral.status]}>{referral.statusLabel}</Tag>
                    {referral.hasOutcome && (
                      <Link href={`/referrals/${referral.id}#outcome`} className="link mt-1 block">
                        Read the outcome letter<span className="sr-only"> for {referral.reference}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
