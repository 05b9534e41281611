import { apiError, apiJson, apiRoute } from "@/lib/api/handler";
import { findMyReferral } from "@/lib/referral/data";
import { referralIdSchema } from "@/lib/referral/schema";

export const dynamic = "force-dynamic";

// Someone else's referral is "not found", exactly like one that does not exist.
export const GET = apiRoute<{ referralId: string }>({ permission: "referrals:create" }, async ({ user, params }) => {
  const referral = referralIdSchema.safeParse(params.referralId).success ? await findMyReferral(user, params.referralId) : null;
  if (!referral) return apiError("NOT_FOUND");
  return apiJson({
    ...referral,
    attachments: referral.attachments.map((attachment) => ({ ...attachment, links: { download: `/api/v1/attachments/${attachment.id}` } })),
    links: { self: `/api/v1/referrals/${referral.id}` },
  });
});
