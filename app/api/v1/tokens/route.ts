import { apiJson, apiRoute, parseBody } from "@/lib/api/handler";
import { listApiTokensForUser } from "@/lib/auth/data";
import { createApiToken } from "@/lib/auth/mutations";
import { createApiTokenSchema } from "@/lib/auth/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "tokens:own" }, async ({ user }) => apiJson({ tokens: await listApiTokensForUser(user) }));

export const POST = apiRoute({ permission: "tokens:own" }, async ({ user, request, requestId }) => {
  const body = await parseBody(request, createApiTokenSchema);
  if (!body.ok) return body.response;
  const created = await createApiToken(body.data, { actor: user, requestId });
  return apiJson({ id: created.id, name: created.name, token: created.token, expiresAt: created.expiresAt }, 201);
});
