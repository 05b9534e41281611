import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { formatDate } from "@/components/format-date";
import { formatDateTime } from "@/components/format-date-time";
import { SessionExpiryWarning } from "@/components/session-expiry-warning";
import { TaskList, type Task } from "@/components/task-list";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { staySignedInAction } from "@/lib/referral/actions";
import { ATTACHMENT_RULES, DRAFT_KEPT_DAYS } from "@/lib/referral/policy";
import { SECTION_TITLES, SECTIONS } from "@/lib/referral/schema";
import { KIND_NAMES, loadMyDraft } from "../../draft-loader";
import { draftPath, sectionPath } from "../../sections";

export const dynamic = "force-dynamic";

type Params = Promise<{ draftId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const draft = await loadMyDraft((await params).draftId);
  return { title: titleIfFound(draft, draft ? KIND_NAMES[draft.kind] : "") };
}

export default async function DraftTaskListPage({ params }: { params: Params }) {
  const { draftId } = await params;
  await requirePermission(draftPath(draftId), "referrals:create");
  const draft = await loadMyDraft(draftId);
  if (!draft) notFound();

  const sections = SECTIONS[draft.kind];
  const completed = sections.filter((section) => draft.status[section] === "COMPLETED").length;
  const allComplete = completed === sections.length;
  const tasks: Task[] = sections.map((section) => ({ id: `task-${section}`, title: SECTION_TITLES[section], href: sectionPath(draft.id, section), status: draft.status[section] }));
  const attachments = draft.attachments.length;
  const what = draft.kind === "MASH" ? "referral" : "request";

  return (
    <>
      <BackLink href="/referrals">Back to My referrals</BackLink>
      <h1 className="mb-4 text-3xl font-bold md:text-5xl">{KIND_NAMES[draft.kind]}</h1>
      {draft.answers.phonedMash === "YES" && (
        <div className="mb-6 border-l-[10px] border-brand bg-panel p-4">
          <p>This is the written follow-up to your phone call to the MASH. Send it within 24 hours of the call.</p>
        </div>
      )}
      <p className="mb-2">
        You have completed {completed} of {sections.length} sections.
      </p>
      <p className="mb-8 text-muted">
        Last saved {formatDateTime(draft.updatedAt)}. We keep a draft for {DRAFT_KEPT_DAYS} days after it was last saved: this one until {formatDate(draft.expiresAt)}.
        You can come back to it from My referrals on any device.
      </p>

      <h2 className="mb-4 text-2xl font-bold">{draft.kind === "MASH" ? "About the referral" : "About the request"}</h2>
      <TaskList tasks={tasks} />

      <h2 className="mb-4 text-2xl font-bold">Supporting documents</h2>
      <TaskList
        tasks={[
          {
            id: "task-attachments",
            title: "Attachments (optional)",
            hint:
              draft.kind === "MASH"
                ? `For example, an Early Help Assessment or plan. ${attachments} of ${ATTACHMENT_RULES.maxPerReferral} files attached.`
                : `The Early Help Assessment or support plan, and the notes of the last Team Around the Family meeting. ${attachments} of ${ATTACHMENT_RULES.maxPerReferral} files attached.`,
            href: `${draftPath(draft.id)}/attachments`,
            status: attachments > 0 ? "COMPLETED" : "NOT_STARTED",
          },
        ]}
      />

      <h2 className="mb-4 text-2xl font-bold">Send the {what}</h2>
      <TaskList
        tasks={[
          {
            id: "task-check",
            title: "Check your answers and send",
            hint: allComplete ? undefined : "Complete every section first.",
            href: allComplete ? `${draftPath(draft.id)}/check` : null,
            status: allComplete ? "NOT_STARTED" : "CANNOT_START",
          },
        ]}
      />

      <p>
        <Link href={`${draftPath(draft.id)}/delete`} className="link">
          Delete this draft
        </Link>
      </p>
      <SessionExpiryWarning staySignedIn={staySignedInAction} />
    </>
  );
}
