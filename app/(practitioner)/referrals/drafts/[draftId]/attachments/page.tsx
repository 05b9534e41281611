import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { Button, ButtonLink } from "@/components/button";
import { NotificationBanner } from "@/components/notification-banner";
import { SessionExpiryWarning } from "@/components/session-expiry-warning";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { removeAttachmentAction, staySignedInAction } from "@/lib/referral/actions";
import { ATTACHMENT_RULES } from "@/lib/referral/policy";
import { loadMyDraft } from "../../../draft-loader";
import { draftPath } from "../../../sections";
import { formatFileSize } from "../../../file-size";
import { UploadForm } from "./upload-form";

export const dynamic = "force-dynamic";

type Params = Promise<{ draftId: string }>;
type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: titleIfFound(await loadMyDraft((await params).draftId), "Attachments") };
}

const TYPE_NAMES = Object.values(ATTACHMENT_RULES.types);

export default async function AttachmentsPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { draftId } = await params;
  const path = `${draftPath(draftId)}/attachments`;
  await requirePermission(path, "referrals:create");
  const draft = await loadMyDraft(draftId);
  if (!draft) notFound();
  const query = await searchParams;
  const added = draft.attachments.find((attachment) => attachment.id === query.added);
  const rules = `${TYPE_NAMES.slice(0, -1).join(", ")} or ${TYPE_NAMES.at(-1)}. Each file must be smaller than ${formatFileSize(ATTACHMENT_RULES.maxBytes)}, and you can attach up to ${ATTACHMENT_RULES.maxPerReferral} files.`;

  return (
    <>
      <BackLink href={draftPath(draft.id)}>Back to the task list</BackLink>
      {added && <NotificationBanner type="success">{added.fileName} has been attached</NotificationBanner>}
      {query.removed === "1" && <NotificationBanner type="success">The file has been removed</NotificationBanner>}
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Attachments</h1>
      <div className="mb-8 max-w-prose space-y-3">
        <p>
          {draft.kind === "MASH"
            ? "Attach anything that helps the MASH understand your worries, such as an Early Help Assessment or plan, or a chronology."
            : "Attach the Early Help Assessment or support plan, and the notes of the last Team Around the Family or professionals meeting."}
        </p>
        <p>The files go with the referral and only you and the people handling it can open them.</p>
      </div>

      <UploadForm draftId={draft.id} permalink={path} hint={rules} full={draft.attachments.length >= ATTACHMENT_RULES.maxPerReferral} />

      <h2 className="mb-4 text-2xl font-bold">
        Files attached ({draft.attachments.length} of {ATTACHMENT_RULES.maxPerReferral})
      </h2>
      {draft.attachments.length === 0 ? (
        <p className="mb-8">No files attached yet.</p>
      ) : (
        <ul className="mb-8 border-t border-rule">
          {draft.attachments.map((attachment) => (
            <li key={attachment.id} className="flex flex-wrap items-center justify-between gap-4 border-b border-rule py-3">
              <span className="min-w-0 break-words">
                <a href={`/referrals/attachments/${attachment.id}`} className="link">
                  {attachment.fileName}
                </a>{" "}
                <span className="text-muted">
                  ({ATTACHMENT_RULES.types[attachment.mediaType as keyof typeof ATTACHMENT_RULES.types] ?? attachment.mediaType}, {formatFileSize(attachment.size)})
                </span>
              </span>
              <form action={removeAttachmentAction}>
                <input type="hidden" name="draftId" value={draft.id} />
                <input type="hidden" name="attachmentId" value={attachment.id} />
                <Button type="submit" variant="secondary">
                  Remove<span className="sr-only"> {attachment.fileName}</span>
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <ButtonLink href={draftPath(draft.id)}>Return to the task list</ButtonLink>
      <SessionExpiryWarning staySignedIn={staySignedInAction} />
    </>
  );
}
