import { apiError, apiRoute } from "@/lib/api/handler";
import { revokeApiToken } from "@/lib/auth/mutations";
import { revokeApiTokenSchema } from "@/lib/auth/schema";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ tokenId: string }>({ permission: "tokens:own" }, async ({ user, params, requestId }) => {
  const parsed = revokeApiTokenSchema.safeParse({ tokenId: params.tokenId });
  if (!parsed.success || !(await revokeApiToken(parsed.data.tokenId, { actor: user, requestId }))) return apiError("NOT_FOUND");
  return new Response(null, { status: 204 });
});
