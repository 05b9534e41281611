"use server";

import { NOT_FOUND } from "@/lib/result";
import { userAction } from "./action";
import { createApiToken, createUser, revokeApiToken, updateUser } from "./mutations";
import { createApiTokenSchema, createUserSchema, revokeApiTokenSchema, updateUserSchema } from "./schema";

export const createUserAction = userAction({ schema: createUserSchema, permission: "users:manage" }, (input, { user, requestId }) =>
  createUser(input, { actor: user, requestId }),
);

export const updateUserAction = userAction({ schema: updateUserSchema, permission: "users:manage" }, (input, { user, requestId }) =>
  updateUser(input, { actor: user, requestId }),
);

export const createApiTokenAction = userAction({ schema: createApiTokenSchema, permission: "tokens:own" }, async (input, { user, requestId }) => {
  const created = await createApiToken(input, { actor: user, requestId });
  return { ok: true, token: created.token, tokenId: created.id, expiresAt: created.expiresAt.toISOString() };
});

export const revokeApiTokenAction = userAction({ schema: revokeApiTokenSchema, permission: "tokens:own" }, async (input, { user, requestId }) => {
  return (await revokeApiToken(input.tokenId, { actor: user, requestId })) ? { ok: true } : NOT_FOUND;
});
