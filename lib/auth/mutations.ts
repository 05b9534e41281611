import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/mutations";
import { db, type Tx } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { invalid, NOT_FOUND, type ActionFailure, type ActionResult } from "@/lib/result";
import { hashApiToken } from "./data";
import { hashPassword } from "./password";
import { afterFailedSignIn, roleNeedsAgency, type Actor } from "./policy";
import type { createApiTokenSchema, createUserSchema, updateUserSchema } from "./schema";
import type { z } from "zod";

type Context = { actor: Actor; requestId?: string | null };

// Sessions ---------------------------------------------------------------------------------------------

export async function startSession(userId: string, method: "password" | "oidc", requestId?: string | null): Promise<string> {
  return db.$transaction(async (tx) => {
    const session = await tx.userSession.create({ data: { userId }, select: { id: true } });
    await recordAudit(tx, { actorId: userId, action: "auth.signed_in", entityType: "UserSession", entityId: session.id, requestId, details: { method } });
    return session.id;
  });
}

export async function touchSession(sessionId: string, now: Date): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } });
}

export type SessionEndReason = "signed_out" | "idle" | "deactivated" | "role_changed";

export async function endSession(sessionId: string, reason: SessionEndReason, actorId: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
    if (count > 0) await recordAudit(tx, { actorId, action: `auth.session_ended`, entityType: "UserSession", entityId: sessionId, details: { reason } });
  });
}

// Sign-in throttling -----------------------------------------------------------------------------------

export async function recordFailedSignIn(key: string, userId: string | null, now: Date): Promise<{ locked: boolean }> {
  return db.$transaction(async (tx) => {
    // Create the row if needed, then lock it, so concurrent failures each count.
    await tx.$executeRaw`INSERT INTO "SignInThrottle" ("key", "failures", "windowStartedAt") VALUES (${key}, 0, now()) ON CONFLICT ("key") DO NOTHING`;
    const rows = await tx.$queryRaw<{ failures: number; windowStartedAt: Date; lockedUntil: Date | null }[]>`
      SELECT "failures", "windowStartedAt", "lockedUntil" FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE`;
    const current = rows[0] && rows[0].failures > 0 ? rows[0] : null;
    const next = afterFailedSignIn(current, now);
    await tx.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    await recordAudit(tx, { actorId: userId, action: "auth.sign_in_failed", entityType: "User", entityId: userId, details: { failures: next.failures, locked: Boolean(next.lockedUntil) } });
    return { locked: Boolean(next.lockedUntil) };
  });
}

export async function clearFailedSignIns(key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

// Users (admin) --------------------------------------------------------------------------------------

const AGENCY_REQUIRED = "Select the agency this person works for";
const AGENCY_UNKNOWN = "Select an agency from the list";

async function checkAgency(tx: Tx, role: Role, agencyId: string | null): Promise<ActionFailure | null> {
  if (roleNeedsAgency(role) && !agencyId) return invalid({ agencyId: AGENCY_REQUIRED });
  if (agencyId && (await tx.agency.count({ where: { id: agencyId } })) === 0) return invalid({ agencyId: AGENCY_UNKNOWN });
  return null;
}

export async function createUser(input: z.output<typeof createUserSchema>, { actor, requestId }: Context): Promise<ActionResult<{ userId: string }>> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.$transaction(async (tx) => {
    const agencyProblem = await checkAgency(tx, input.role, input.agencyId);
    if (agencyProblem) return agencyProblem;
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      return invalid({ email: "A user with this e-mail address already exists" });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, jobTitle: input.jobTitle, phone: input.phone, role: input.role, agencyId: input.agencyId, passwordHash },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.created", entityType: "User", entityId: user.id, requestId, details: { email: input.email, role: input.role, agencyId: input.agencyId } });
    return { ok: true, userId: user.id };
  });
}

/**
 * Changes a user. A role or agency change, or a deactivation, ends every session the user has at once,
 * so nobody keeps powers they no longer hold. (API tokens follow the user's current role and active flag
 * on every request.)
 */
export async function updateUser(input: z.output<typeof updateUserSchema>, { actor, requestId }: Context): Promise<ActionResult> {
  if (input.userId === actor.id && (!input.active || input.role !== "ADMIN")) {
    return invalid({ role: "You cannot remove your own administrator access. Ask another administrator." });
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, agencyId: true, active: true, name: true, jobTitle: true, phone: true } });
    if (!before) return NOT_FOUND;
    const agencyProblem = await checkAgency(tx, input.role, input.agencyId);
    if (agencyProblem) return agencyProblem;
    const after = { name: input.name, jobTitle: input.jobTitle, phone: input.phone, role: input.role, agencyId: input.agencyId, active: input.active };
    await tx.user.update({ where: { id: input.userId }, data: after });
    const changed = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    );
    const powersChanged = before.role !== after.role || before.agencyId !== after.agencyId;
    const deactivated = before.active && !after.active;
    if (powersChanged || deactivated) {
      await tx.userSession.updateMany({
        where: { userId: input.userId, endedAt: null },
        data: { endedAt: new Date(), endReason: deactivated ? "deactivated" : "role_changed" },
      });
    }
    await recordAudit(tx, { actorId: actor.id, action: "user.updated", entityType: "User", entityId: input.userId, requestId, details: { changed } });
    return { ok: true };
  });
}

// API tokens -----------------------------------------------------------------------------------------

const TOKEN_PREFIX = "mash_";

export async function createApiToken(input: z.output<typeof createApiTokenSchema>, { actor, requestId }: Context, now = new Date()) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60_000);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { userId: actor.id, name: input.name, tokenHash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6), expiresAt },
      select: { id: true, name: true, prefix: true, expiresAt: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "api_token.created", entityType: "ApiToken", entityId: created.id, requestId, details: { name: input.name, expiresAt: expiresAt.toISOString() } });
    return created;
  });
  // The token itself is shown once and never stored.
  return { ...row, token };
}

/** Revokes one of the actor's own tokens; someone else's token is "not found". */
export async function revokeApiToken(tokenId: string, { actor, requestId }: Context): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0) await recordAudit(tx, { actorId: actor.id, action: "api_token.revoked", entityType: "ApiToken", entityId: tokenId, requestId });
    return count > 0;
  });
}

export async function touchApiToken(tokenId: string, now: Date): Promise<void> {
  await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: now } });
}
