import { apiError, apiJson, apiRoute } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { listMyReferrals, REFERRAL_STATUS_LABELS, type ReferralSummary } from "@/lib/referral/data";
import { submitReferral } from "@/lib/referral/mutations";
import { idempotencyKeySchema } from "@/lib/referral/schema";

export const dynamic = "force-dynamic";

const linksOf = (referral: Pick<ReferralSummary, "id">) => ({ self: `/api/v1/referrals/${referral.id}` });

export const GET = apiRoute({ permission: "referrals:create" }, async ({ user }) => {
  const { referrals } = await listMyReferrals(user);
  return apiJson({ referrals: referrals.map((referral) => ({ ...referral, links: linksOf(referral) })) });
});

export const POST = apiRoute({ permission: "referrals:create" }, async ({ user, request, requestId }) => {
  const header = request.headers.get("idempotency-key");
  const key = header === null ? null : idempotencyKeySchema.safeParse(header);
  if (key && !key.success) return apiError("INVALID", { fields: { "Idempotency-Key": key.error.issues[0]!.message } });

  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return apiError("BAD_REQUEST");
  }
  // The whole referral is parsed by submitReferral itself: the consent gate and the level rules need all of it.
  const result = await submitReferral(user, json, { idempotencyKey: key?.data ?? null, requestId });
  if (!result.ok && result.reason === "CONFLICT") {
    return apiError("CONFLICT", { message: "This Idempotency-Key was used before with a different referral. Send a new referral with a new key." });
  }
  if (!result.ok) return respondWith(result, () => null);

  const { referralId: id, reference, kind, level, status, submittedAt, created } = result;
  return apiJson({ id, reference, kind, level, status, statusLabel: REFERRAL_STATUS_LABELS[status], submittedAt, created, links: linksOf({ id }) }, created ? 201 : 200);
});
