import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { Button, ButtonGroup } from "@/components/button";
import { formatDateTime } from "@/components/format-date-time";
import { WarningText } from "@/components/warning-text";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { deleteDraftAction } from "@/lib/referral/actions";
import { childNamesOf } from "@/lib/referral/data";
import { KIND_NAMES, loadMyDraft } from "../../../draft-loader";
import { draftPath } from "../../../sections";

export const dynamic = "force-dynamic";

type Params = Promise<{ draftId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: titleIfFound(await loadMyDraft((await params).draftId), "Delete this draft") };
}

export default async function DeleteDraftPage({ params }: { params: Params }) {
  const { draftId } = await params;
  await requirePermission(`${draftPath(draftId)}/delete`, "referrals:create");
  const draft = await loadMyDraft(draftId);
  if (!draft) notFound();
  const children = childNamesOf((draft.answers.sections.children as { children?: unknown } | undefined)?.children);
  return (
    <div className="max-w-2xl">
      <BackLink href={draftPath(draft.id)}>Back to the task list</BackLink>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Delete this draft?</h1>
      <p className="mb-4">
        {KIND_NAMES[draft.kind]}
        {children ? ` about ${children}` : ""}, last saved {formatDateTime(draft.updatedAt)}.
      </p>
      <WarningText>Deleting the draft removes its answers and attachments. You cannot undo this.</WarningText>
      <form action={deleteDraftAction}>
        <input type="hidden" name="draftId" value={draft.id} />
        <ButtonGroup>
          <Button type="submit" variant="warning">
            Yes, delete this draft
          </Button>
          <a href={draftPath(draft.id)} className="link">
            No, keep it
          </a>
        </ButtonGroup>
      </form>
    </div>
  );
}
