import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { SessionExpiryWarning } from "@/components/session-expiry-warning";
import { WarningText } from "@/components/warning-text";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { checkConsent, type ConsentAnswers } from "@/lib/consent/policy";
import { staySignedInAction } from "@/lib/referral/actions";
import { SECTION_TITLES, SECTIONS } from "@/lib/referral/schema";
import { AnswerSummary } from "../../../answer-summary";
import { ConsentGateExplanation } from "../../../consent-gate-explanation";
import { KIND_NAMES, loadMyDraft } from "../../../draft-loader";
import { formatFileSize } from "../../../file-size";
import { draftPath, fieldPath, sectionPath } from "../../../sections";
import { SubmitForm } from "./submit-form";

export const dynamic = "force-dynamic";

type Params = Promise<{ draftId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: titleIfFound(await loadMyDraft((await params).draftId), "Check your answers") };
}

const record = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

export default async function CheckAnswersPage({ params }: { params: Params }) {
  const { draftId } = await params;
  const path = `${draftPath(draftId)}/check`;
  await requirePermission(path, "referrals:create");
  const draft = await loadMyDraft(draftId);
  if (!draft) notFound();

  const unfinished = SECTIONS[draft.kind].filter((section) => draft.status[section] !== "COMPLETED");
  // The gate, judged here too so the page can explain it before "Send" rather than only after.
  const level = draft.kind === "MASH" ? 4 : Number(record(draft.answers.sections.needs).chosenLevel);
  const consent = record(record(draft.answers.sections.informationSharing).consent);
  const gate =
    level === 2 || level === 3 || level === 4
      ? checkConsent(level, {
          status: (consent.status as ConsentAnswers["status"]) ?? null,
          givenBy: consent.givenBy as string,
          relationship: consent.relationship as string,
          givenAt: consent.givenAt as string,
          method: (consent.method as ConsentAnswers["method"]) || null,
          exceptionReason: (consent.exceptionReason as ConsentAnswers["exceptionReason"]) || null,
          rationale: consent.rationale as string,
          effortsOrViews: consent.effortsOrViews as string,
        })
      : null;
  const blockedByConsent = gate !== null && !gate.ok && gate.reason === "CONSENT_REQUIRED";
  const what = draft.kind === "MASH" ? "referral" : "request";

  return (
    <>
      <BackLink href={draftPath(draft.id)}>Back to the task list</BackLink>
      <SubmitForm draftId={draft.id} kind={draft.kind} permalink={path}>
        <h1 className="mb-6 text-3xl font-bold md:text-5xl">
          <span className="mb-1 block text-lg text-muted md:text-2xl">{KIND_NAMES[draft.kind]}</span>
          Check your answers before sending your {what}
        </h1>
        {draft.answers.phonedMash === "YES" && <p className="mb-6">This referral follows up your phone call to the MASH. Send it within 24 hours of the call.</p>}
        {unfinished.length > 0 && (
          <div className="mb-8">
            <WarningText>Some sections are not finished yet. Finish them before you send the {what}.</WarningText>
            <ul className="list-disc space-y-1 pl-5">
              {unfinished.map((section) => (
                <li key={section}>
                  <Link href={sectionPath(draft.id, section)} className="link">
                    {SECTION_TITLES[section]}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        {blockedByConsent && (
          <section aria-labelledby="consent-gate-heading" className="mb-8 border-[5px] border-error p-4">
            <h2 id="consent-gate-heading" className="mb-3 text-2xl font-bold">
              This {what} cannot be sent yet
            </h2>
            <p className="mb-3">It has no consent from the family, and not everything needed to send it without consent:</p>
            <ul className="mb-4 list-disc space-y-1 pl-5">
              {Object.entries(gate.fieldErrors).map(([field, message]) => (
                <li key={field}>
                  <Link href={fieldPath(draft.id, "informationSharing", field)} className="link">
                    {message}
                  </Link>
                </li>
              ))}
            </ul>
            <ConsentGateExplanation kind={draft.kind} level={level} />
          </section>
        )}
        <AnswerSummary kind={draft.kind} sections={draft.answers.sections} changeHref={(section, field) => fieldPath(draft.id, section, field)} />
        <section aria-labelledby="summary-attachments" className="mb-10">
          <h2 id="summary-attachments" className="mb-4 text-2xl font-bold">
            Attachments
          </h2>
          {draft.attachments.length === 0 ? (
            <p className="mb-2">No files attached.</p>
          ) : (
            <ul className="mb-2 list-disc space-y-1 pl-5">
              {draft.attachments.map((attachment) => (
                <li key={attachment.id}>
                  {attachment.fileName} <span className="text-muted">({formatFileSize(attachment.size)})</span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href={`${draftPath(draft.id)}/attachments`} className="link">
              Change<span className="sr-only"> the attachments</span>
            </Link>
          </p>
        </section>
      </SubmitForm>
      <SessionExpiryWarning staySignedIn={staySignedInAction} />
    </>
  );
}
