import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/require-user";
import type { SectionFormState } from "@/lib/referral/actions";
import { findMyDraft } from "@/lib/referral/data";
import { hasChildAged13OrOver, todayInLondon } from "@/lib/referral/policy";
import { SECTIONS, type ReferralKind, type SectionKey } from "@/lib/referral/schema";
import { findCurrentThresholdDocument, findThresholdDocument, listIndicators } from "@/lib/thresholds/data";
import { isFormPost } from "../../../form-post";
import { draftPath, sectionFromSlug, sectionPath } from "../../../sections";
import type { NeedsContext } from "./fields/needs-fields";
import { SectionForm, type SectionContext } from "./section-form";

export const dynamic = "force-dynamic";

type Params = Promise<{ draftId: string; section: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const section = sectionFromSlug((await params).section);
  // The form writes its own <title> ("Error: " first when a post comes back with problems, which metadata
  // cannot know without JavaScript); a second one from here would win, as the first in the document.
  return { title: section ? null : "Page not found" };
}

function needsContextFor(version: unknown): NeedsContext {
  const document = (typeof version === "string" && findThresholdDocument(version)) || findCurrentThresholdDocument();
  return {
    document: { id: document.id, title: document.title, superseded: document.status === "superseded" },
    levels: document.levels.map(({ level, name }) => ({ level, name })),
    indicators: listIndicators(document).map(({ id, text, subItems, s47, domainId, domainName, level }) => ({ id, text, subItems, s47, domainId, domainName, level })),
  };
}

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** A page's answers as saved, with the blanks a page starts from (one child, one carer, the current guidance). */
function startingValues(kind: ReferralKind, section: SectionKey, saved: unknown): Record<string, unknown> {
  const values = asRecord(saved);
  switch (section) {
    case "children":
      return Array.isArray(values.children) && values.children.length > 0 ? values : { ...values, children: [{}] };
    case "family":
      return Array.isArray(values.carers) && values.carers.length > 0 ? values : { ...values, carers: [{}] };
    case "needs":
      return {
        ...values,
        thresholdVersion: typeof values.thresholdVersion === "string" && findThresholdDocument(values.thresholdVersion) ? values.thresholdVersion : findCurrentThresholdDocument().id,
        indicatorIds: Array.isArray(values.indicatorIds) ? values.indicatorIds : [],
        // A MASH referral is for Level 4 needs; the page says so rather than asking.
        ...(kind === "MASH" ? { chosenLevel: "4" } : {}),
      };
    default:
      return values;
  }
}

function childrenForAgeCheck(saved: unknown): { unborn: string; dateOfBirth: string }[] {
  const children = asRecord(saved).children;
  if (!Array.isArray(children)) return [];
  return children.map((child) => asRecord(child)).map((child) => ({ unborn: String(child.unborn ?? ""), dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(String(child.dateOfBirth)) ? String(child.dateOfBirth) : "" }));
}

export default async function SectionPage({ params }: { params: Params }) {
  const { draftId, section: slug } = await params;
  const section = sectionFromSlug(slug);
  if (!section) notFound();
  const path = `${draftPath(draftId)}/${slug}`;

  const user = await getCurrentUser();
  if (!user) {
    // The session ended while this page was open and the form was posted (without JavaScript): show the
    // form again with what was typed (the action's answer) rather than lose it to the sign-in page.
    if (await isFormPost()) {
      const blank: SectionFormState = { key: "session-ended", kind: null, values: {}, fieldErrors: {}, message: null, sessionEnded: true, focusId: null };
      return <SectionForm draftId={draftId} section={section} permalink={path} initialState={blank} context={{ needs: needsContextFor(null) }} taskListHref={draftPath(draftId)} />;
    }
    await requireUser(path);
    return null;
  }
  if (!can(user, "referrals:create")) notFound();
  const draft = await findMyDraft(user, draftId);
  if (!draft || !(SECTIONS[draft.kind] as readonly SectionKey[]).includes(section)) notFound();

  const values = startingValues(draft.kind, section, draft.answers.sections[section]);
  const context: SectionContext = {};
  if (section === "needs") context.needs = needsContextFor(values.thresholdVersion);
  if (section === "informationSharing") {
    context.chosenLevel = draft.kind === "MASH" ? 4 : Number(asRecord(draft.answers.sections.needs).chosenLevel) || null;
    context.hasChildAged13OrOver = hasChildAged13OrOver(childrenForAgeCheck(draft.answers.sections.children), todayInLondon(new Date()));
  }
  const initialState: SectionFormState = { key: "initial", kind: draft.kind, values, fieldErrors: {}, message: null, sessionEnded: false, focusId: null };

  return (
    <>
      <BackLink href={draftPath(draft.id)}>Back to the task list</BackLink>
      <SectionForm draftId={draft.id} section={section} permalink={sectionPath(draft.id, section)} initialState={initialState} context={context} taskListHref={draftPath(draft.id)} />
    </>
  );
}
