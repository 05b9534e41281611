import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/button";
import { PathwayPanel } from "@/components/level-check/pathway-panel";
import { resolveLevelCheck } from "@/lib/thresholds/data";
import { PATHWAYS } from "@/lib/thresholds/pathways";
import { levelCheckToSearchParams } from "@/lib/thresholds/schema";

export const metadata: Metadata = { title: "Your level of need check" };

type SearchParams = Record<string, string | string[] | undefined>;

// Where "Continue" lands: the server re-reads the check from the address, recomputes the suggestion (it never
// trusts the one in the URL) and shows the record to take into a referral or an early-help request.
export default async function LevelCheckRecordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const check = resolveLevelCheck(await searchParams);
  if (!check.ok) {
    const back = check.backTo ? `/thresholds/check?${levelCheckToSearchParams(check.backTo)}` : "/thresholds/check";
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold md:text-5xl">Your level of need check is incomplete</h1>
        <p className="mb-4">{check.problem}.</p>
        <p>
          <Link className="link" href={back}>
            Go back to the check
          </Link>
        </p>
      </>
    );
  }

  const { document, ticked, suggestion, chosenLevel, reason } = check;
  const levelName = (level: number | null) => document.levels.find((l) => l.level === level)?.name ?? "";
  const pathway = PATHWAYS[chosenLevel];
  // The referral forms take the check with them in the address, and check it again on arrival.
  const carried = levelCheckToSearchParams({ version: document.id, indicatorIds: ticked.map((i) => i.id), suggestedLevel: suggestion.level, chosenLevel, reason });
  const formKind = pathway.next === "mash-referral" ? "MASH" : pathway.next === "early-help-request" ? "EARLY_HELP" : null;
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Your level of need check</h1>
      <dl className="mb-8 max-w-3xl divide-y divide-rule border-y border-rule">
        <div className="py-3 md:grid md:grid-cols-3 md:gap-4">
          <dt className="font-bold">Guidance</dt>
          <dd className="md:col-span-2">
            {document.title} ({document.id}
            {document.status === "superseded" ? ", superseded" : ""})
          </dd>
        </div>
        <div className="py-3 md:grid md:grid-cols-3 md:gap-4">
          <dt className="font-bold">Suggested level</dt>
          <dd className="md:col-span-2" data-testid="record-suggested">
            Level {suggestion.level}: {levelName(suggestion.level)}
          </dd>
        </div>
        <div className="py-3 md:grid md:grid-cols-3 md:gap-4">
          <dt className="font-bold">Your judgement</dt>
          <dd className="md:col-span-2" data-testid="record-chosen">
            Level {chosenLevel}: {levelName(chosenLevel)}
          </dd>
        </div>
        {reason && (
          <div className="py-3 md:grid md:grid-cols-3 md:gap-4">
            <dt className="font-bold">Your reason</dt>
            <dd className="md:col-span-2 whitespace-pre-wrap">{reason}</dd>
          </div>
        )}
        <div className="py-3 md:grid md:grid-cols-3 md:gap-4">
          <dt className="font-bold">Indicators ticked</dt>
          <dd className="md:col-span-2">
            <ul className="list-disc space-y-1 pl-5">
              {ticked.map((i) => (
                <li key={i.id}>
                  {i.text} <span className="text-muted">({i.domainName}, Level {i.level})</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <div className="max-w-3xl">
        <PathwayPanel pathway={pathway} />
        <p className="mt-6">
          {pathway.next === "mash-referral"
            ? "The online MASH referral form will take this check with it: the version, the indicators you ticked and your judgement."
            : pathway.next === "early-help-request"
              ? "The early-help request to CFSS will take this check with it: the version, the indicators you ticked and your judgement."
              : "No referral is needed at this level."}{" "}
          Keep this page&apos;s address: it holds your check.
        </p>
        {formKind && (
          <p className="mt-6">
            <ButtonLink href={`/referrals/new?kind=${formKind}&${carried}`} start>
              {formKind === "MASH" ? "Continue to the MASH referral" : "Continue to the early-help request"}
            </ButtonLink>
          </p>
        )}
        <p className="mt-4">
          <Link className="link" href={`/thresholds/check?${levelCheckToSearchParams({ version: document.id, indicatorIds: ticked.map((i) => i.id) })}`}>
            Change your answers
          </Link>
        </p>
      </div>
    </>
  );
}
