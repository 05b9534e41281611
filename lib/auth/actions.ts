"use server";

import { agencyExists, findUserForAdmin, findUserIdByEmail } from "./data";
import { invalid, NOT_FOUND, userAction } from "./action";
import { createApiToken, createUser, revokeApiToken, updateUser } from "./mutations";
import { roleNeedsAgency } from "./policy";
import { createApiTokenSchema, createUserSchema, revokeApiTokenSchema, updateUserSchema } from "./schema";

const AGENCY_REQUIRED = "Select the agency this person works for";

export const createUserAction = userAction({ schema: createUserSchema, permission: "users:manage" }, async (input, { user, requestId }) => {
  if (roleNeedsAgency(input.role) && !input.agencyId) return invalid({ agencyId: AGENCY_REQUIRED });
  if (input.agencyId && !(await agencyExists(input.agencyId))) return invalid({ agencyId: "Select an agency from the list" });
  if (await findUserIdByEmail(input.email)) return invalid({ email: "A user with this e-mail address already exists" });
  const created = await createUser(input, { actor: user, requestId });
  return { ok: true, userId: created.id };
});

export const updateUserAction = userAction({ schema: updateUserSchema, permission: "users:manage" }, async (input, { user, requestId }) => {
  if (input.userId === user.id && (!input.active || input.role !== "ADMIN")) {
    return invalid({ role: "You cannot remove your own administrator access. Ask another administrator." });
  }
  if (roleNeedsAgency(input.role) && !input.agencyId) return invalid({ agencyId: AGENCY_REQUIRED });
  if (input.agencyId && !(await agencyExists(input.agencyId))) return invalid({ agencyId: "Select an agency from the list" });
  if (!(await findUserForAdmin(user, input.userId))) return NOT_FOUND;
  const updated = await updateUser(input, { actor: user, requestId });
  return updated ? { ok: true } : NOT_FOUND;
});

export const createApiTokenAction = userAction({ schema: createApiTokenSchema, permission: "tokens:own" }, async (input, { user, requestId }) => {
  const created = await createApiToken(input, { actor: user, requestId });
  return { ok: true, token: created.token, tokenId: created.id, expiresAt: created.expiresAt.toISOString() };
});

export const revokeApiTokenAction = userAction({ schema: revokeApiTokenSchema, permission: "tokens:own" }, async (input, { user, requestId }) => {
  return (await revokeApiToken(input.tokenId, { actor: user, requestId })) ? { ok: true } : NOT_FOUND;
});
