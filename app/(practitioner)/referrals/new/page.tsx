import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/back-link";
import { ButtonLink, ButtonGroup } from "@/components/button";
import { MashLineStatus } from "@/components/level-check/mash-line-status";
import { WarningText } from "@/components/warning-text";
import { requirePermission, titleIfPermitted } from "@/lib/auth/require-user";
import { resolveLevelCheck } from "@/lib/thresholds/data";
import { CONTACTS, LADO_NOTE, PATHWAYS } from "@/lib/thresholds/pathways";
import { levelCheckToSearchParams } from "@/lib/thresholds/schema";
import { KIND_NAMES } from "../draft-loader";
import { BeforeYouStartForm, type CarriedLevelCheck } from "./before-you-start-form";
import { PhonedForm } from "./phoned-form";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const stop = one((await searchParams).stop);
  const title = stop === "immediate-risk" ? "Phone now" : stop === "lado" ? "Contact the LADO" : "Before you start";
  return { title: await titleIfPermitted("referrals:create", title) };
}

const tel = (phone: string) => `tel:${phone.replace(/\s/g, "")}`;

export default async function NewReferralPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const kindParam = one(params.kind);
  const kind = kindParam === "MASH" || kindParam === "EARLY_HELP" ? kindParam : null;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : value ? [value] : []) query.append(key, v);
  await requirePermission(`/referrals/new${query.size ? `?${query}` : ""}`, "referrals:create");

  if (!kind) {
    return (
      <>
        <BackLink href="/referrals">Back to My referrals</BackLink>
        <h1 className="mb-6 text-3xl font-bold md:text-5xl">What do you want to send?</h1>
        <ul className="mb-6 max-w-prose list-disc space-y-3 pl-5">
          <li>
            <Link href="/referrals/new?kind=MASH" className="link">
              A MASH referral
            </Link>
            : for Level 4 needs, when a child needs protection or a social care assessment.
          </li>
          <li>
            <Link href="/referrals/new?kind=EARLY_HELP" className="link">
              An early-help request to CFSS
            </Link>
            : for Level 2 and 3 needs, when a family needs coordinated support.
          </li>
        </ul>
      </>
    );
  }

  // A level check from "Check the level of need" travels in the address. The server checks it again.
  const hasCheck = one(params.version) !== undefined;
  const resolved = hasCheck ? resolveLevelCheck(params) : null;
  const check: CarriedLevelCheck | null =
    resolved?.ok === true
      ? {
          version: resolved.document.id,
          indicatorIds: resolved.ticked.map((i) => i.id),
          suggested: resolved.suggestion.level ? String(resolved.suggestion.level) : null,
          chosen: String(resolved.chosenLevel),
          reason: resolved.reason,
        }
      : null;
  const checkQuery = check ? `&${levelCheckToSearchParams({ version: check.version, indicatorIds: check.indicatorIds, suggestedLevel: Number(check.suggested) || null, chosenLevel: Number(check.chosen), reason: check.reason })}` : "";
  const permalink = `/referrals/new?kind=${kind}${checkQuery}`;
  const stop = one(params.stop);

  if (stop === "immediate-risk") {
    return (
      <>
        <BackLink href={permalink}>Back</BackLink>
        <h1 className="mb-6 text-3xl font-bold md:text-5xl">Phone now: a child at immediate risk cannot wait for a written referral</h1>
        <div className="mb-8 max-w-3xl border-[5px] border-error p-4">
          <p className="mb-3 text-xl font-bold">
            If a child is in immediate danger, call{" "}
            <a href="tel:999" className="link">
              999
            </a>
            .
          </p>
          <p className="mb-3">
            {CONTACTS.mash.label}:{" "}
            <a href={tel(CONTACTS.mash.phone)} className="link font-bold">
              {CONTACTS.mash.phone}
            </a>{" "}
            ({CONTACTS.mash.hours}).
          </p>
          <MashLineStatus />
          <p className="mt-3">
            {CONTACTS.outOfHours.label}:{" "}
            <a href={tel(CONTACTS.outOfHours.phone)} className="link font-bold">
              {CONTACTS.outOfHours.phone}
            </a>
            .
          </p>
        </div>
        <div className="max-w-3xl">
          <h2 className="mb-3 text-2xl font-bold">After you have phoned</h2>
          <p className="mb-6">Follow the call up in writing with a MASH referral within 24 hours of the call. The referral will say it follows a phone call.</p>
          <PhonedForm kind={kind} check={check} permalink={`${permalink}&stop=immediate-risk`} />
        </div>
      </>
    );
  }

  if (stop === "lado") {
    return (
      <>
        <BackLink href={permalink}>Back</BackLink>
        <h1 className="mb-6 text-3xl font-bold md:text-5xl">Contact the LADO, not the MASH</h1>
        <div className="max-w-3xl space-y-4">
          <p>{LADO_NOTE}</p>
          <p>The Local Authority Designated Officer (LADO) manages allegations against adults who work with children, in paid or voluntary work. Tell your own designated safeguarding lead as well.</p>
          <p>
            If a child is in immediate danger, call{" "}
            <a href="tel:999" className="link font-bold">
              999
            </a>
            .
          </p>
          <p>
            If you are also worried about a child&apos;s safety at home, go back and answer &ldquo;No&rdquo; to the question about an adult who works with children
            to make a referral about that.
          </p>
          <p>
            <Link href="/referrals" className="link">
              Go to My referrals
            </Link>
          </p>
        </div>
      </>
    );
  }

  // A check at Levels 2–3 belongs to an early-help request, at Level 4 to a MASH referral.
  const pathway = resolved?.ok ? PATHWAYS[resolved.chosenLevel] : null;
  const wanted = kind === "MASH" ? "mash-referral" : "early-help-request";
  if (resolved?.ok && pathway && pathway.next !== wanted) {
    const otherKind = pathway.next === "mash-referral" ? "MASH" : pathway.next === "early-help-request" ? "EARLY_HELP" : null;
    return (
      <>
        <BackLink href="/referrals">Back to My referrals</BackLink>
        <h1 className="mb-6 text-3xl font-bold md:text-5xl">Your level of need check points to {otherKind ? (otherKind === "MASH" ? "the MASH referral" : "an early-help request") : "no referral"}</h1>
        <div className="max-w-3xl space-y-4">
          <p>
            You judged the child&apos;s needs to be at Level {resolved.chosenLevel}: {pathway.heading}.{" "}
            {kind === "MASH" ? "A MASH referral is for Level 4 needs." : "An early-help request is for Level 2 and 3 needs; Level 4 needs go to the MASH."}
          </p>
          {otherKind ? (
            <ButtonGroup>
              <ButtonLink href={`/referrals/new?kind=${otherKind}${checkQuery}`}>{otherKind === "MASH" ? "Start a MASH referral instead" : "Ask CFSS for early help instead"}</ButtonLink>
            </ButtonGroup>
          ) : (
            <p>At Level 1 the child&apos;s needs are met by universal services, and no referral is needed.</p>
          )}
          <p>
            <Link href={`/thresholds/check/record?${levelCheckToSearchParams({ version: resolved.document.id, indicatorIds: resolved.ticked.map((i) => i.id), suggestedLevel: resolved.suggestion.level, chosenLevel: resolved.chosenLevel, reason: resolved.reason })}`} className="link">
              Go back to your level of need check
            </Link>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <BackLink href="/referrals">Back to My referrals</BackLink>
      <BeforeYouStartForm kind={kind} check={check} permalink={permalink}>
        <h1 className="mb-6 text-3xl font-bold md:text-5xl">
          <span className="mb-1 block text-lg text-muted md:text-2xl">{KIND_NAMES[kind]}</span>
          Before you start
        </h1>
        {resolved && !resolved.ok && (
          <WarningText>Your level of need check could not be carried over ({resolved.problem}). You can tick the indicators inside the form instead.</WarningText>
        )}
        {check && (
          <p className="mb-6 max-w-prose">
            Your level of need check (Level {check.chosen}, {check.indicatorIds.length} {check.indicatorIds.length === 1 ? "indicator" : "indicators"}) will go
            into the form.
          </p>
        )}
        <p className="mb-6 max-w-prose">
          {kind === "MASH"
            ? "The referral takes about 30 minutes. Each page is saved as you go, so you can stop and come back to it from My referrals on any device for 30 days."
            : "The request takes about 20 minutes. Each page is saved as you go, so you can stop and come back to it from My referrals on any device for 30 days."}
        </p>
      </BeforeYouStartForm>
    </>
  );
}
