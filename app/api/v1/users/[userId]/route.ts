import { apiError, apiJson, apiRoute, parseBody } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { recordView } from "@/lib/audit/mutations";
import { findUserForAdmin } from "@/lib/auth/data";
import { updateUser } from "@/lib/auth/mutations";
import { updateUserBodySchema } from "@/lib/auth/schema";
import { z } from "zod";

export const dynamic = "force-dynamic";

type Params = { userId: string };

export const GET = apiRoute<Params>({ permission: "users:manage" }, async ({ user, params, requestId }) => {
  const found = z.uuid().safeParse(params.userId).success ? await findUserForAdmin(user, params.userId) : null;
  if (!found) return apiError("NOT_FOUND");
  await recordView({ actorId: user.id, entityType: "User", entityId: found.id, requestId });
  const { passwordHash, ...rest } = found;
  return apiJson({ ...rest, hasPassword: passwordHash !== null });
});

export const PUT = apiRoute<Params>({ permission: "users:manage" }, async ({ user, params, request, requestId }) => {
  if (!z.uuid().safeParse(params.userId).success) return apiError("NOT_FOUND");
  const body = await parseBody(request, updateUserBodySchema);
  if (!body.ok) return body.response;
  return respondWith(await updateUser({ ...body.data, userId: params.userId }, { actor: user, requestId }), () => ({ id: params.userId }));
});
