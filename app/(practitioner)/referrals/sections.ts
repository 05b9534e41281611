import type { SectionKey } from "@/lib/referral/schema";

// The addresses of a draft's pages. Section keys are the schema's names; the address uses plain words.

export const SECTION_SLUGS: Record<SectionKey, string> = {
  referrer: "about-you",
  children: "children",
  family: "family",
  professionals: "professionals",
  worries: "worries",
  needs: "level-of-need",
  support: "support",
  informationSharing: "consent",
};

export function sectionFromSlug(slug: string): SectionKey | null {
  const entry = Object.entries(SECTION_SLUGS).find(([, value]) => value === slug);
  return entry ? (entry[0] as SectionKey) : null;
}

export function draftPath(draftId: string): string {
  return `/referrals/drafts/${encodeURIComponent(draftId)}`;
}

export function sectionPath(draftId: string, section: SectionKey): string {
  return `${draftPath(draftId)}/${SECTION_SLUGS[section]}`;
}

/** A page of the form, scrolled to one answer: where a "Change" link or an error message leads. */
export function fieldPath(draftId: string, section: SectionKey, field?: string): string {
  return field ? `${sectionPath(draftId, section)}#${encodeURIComponent(field)}` : sectionPath(draftId, section);
}

