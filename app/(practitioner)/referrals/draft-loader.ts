import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { findMyDraft, findMyReferral } from "@/lib/referral/data";

// Read once per request, for both a page's title and the page. Someone else's draft or referral, or anyone
// without the permission, gets nothing: the page then says "Page not found".

export const loadMyDraft = cache(async (draftId: string) => {
  const user = await getCurrentUser();
  if (!user || !can(user, "referrals:create")) return null;
  return findMyDraft(user, draftId);
});

export const loadMyReferral = cache(async (referralId: string) => {
  const user = await getCurrentUser();
  if (!user || !can(user, "referrals:create")) return null;
  return findMyReferral(user, referralId);
});

export const KIND_NAMES = { MASH: "MASH referral", EARLY_HELP: "Early-help request" } as const;
