import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listApiTokensForUser } from "@/lib/auth/data";
import { createApiToken, revokeApiToken, updateUser } from "@/lib/auth/mutations";
import { resolveApiToken } from "@/lib/auth/resolve";
import { db } from "@/lib/db/client";
import { createTestUser } from "@/tests/factories/user";

const DAY = 24 * 60 * 60_000;

describe("API tokens", () => {
  it("returns the token once and stores only its SHA-256", async () => {
    const user = await createTestUser();
    const created = await createApiToken({ name: "Reporting script", expiresInDays: 30 }, { actor: user });
    expect(created.token).toMatch(/^mash_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 11));

    const [row] = await db.$queryRaw<{ tokenHash: string; everything: string }[]>`
      SELECT "tokenHash", row_to_json(t)::text AS everything FROM "ApiToken" t WHERE id = ${created.id}::uuid`;
    expect(row!.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(row!.everything).not.toContain(created.token);
    expect(row!.everything).not.toContain(created.token.slice(11));

    const listed = await listApiTokensForUser(user);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: "Reporting script", prefix: created.prefix })]);
    expect(JSON.stringify(listed)).not.toContain(row!.tokenHash);
    expect(await db.auditEvent.count({ where: { action: "api_token.created", entityId: created.id, actorId: user.id } })).toBe(1);
  });

  it("resolves to its user and records when it was last used", async () => {
    const user = await createTestUser({ role: "SOCIAL_WORKER" });
    const { token, id } = await createApiToken({ name: "t", expiresInDays: 1 }, { actor: user });
    expect(await resolveApiToken(token)).toMatchObject({ id: user.id, email: user.email, role: "SOCIAL_WORKER" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses no token, an unknown one and a near miss", async () => {
    const user = await createTestUser();
    const { token } = await createApiToken({ name: "t", expiresInDays: 1 }, { actor: user });
    expect(await resolveApiToken(undefined)).toBeNull();
    expect(await resolveApiToken("mash_unknown")).toBeNull();
    expect(await resolveApiToken(`${token}x`)).toBeNull();
  });

  it("refuses a revoked token", async () => {
    const user = await createTestUser();
    const { token, id } = await createApiToken({ name: "t", expiresInDays: 30 }, { actor: user });
    expect(await revokeApiToken(id, { actor: user })).toBe(true);
    expect(await resolveApiToken(token)).toBeNull();
    expect(await revokeApiToken(id, { actor: user })).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "api_token.revoked", entityId: id } })).toBe(1);
  });

  it("refuses an expired token", async () => {
    const user = await createTestUser();
    const fortyDaysAgo = new Date(Date.now() - 40 * DAY);
    const expired = await createApiToken({ name: "old", expiresInDays: 30 }, { actor: user }, fortyDaysAgo);
    expect(await resolveApiToken(expired.token)).toBeNull();

    const live = await createApiToken({ name: "new", expiresInDays: 1 }, { actor: user });
    expect(await resolveApiToken(live.token, new Date(live.expiresAt.getTime() - 1))).not.toBeNull();
    expect(await resolveApiToken(live.token, live.expiresAt)).toBeNull();
  });

  it("refuses the token of a deactivated user", async () => {
    const [admin, user] = await Promise.all([createTestUser({ role: "ADMIN" }), createTestUser()]);
    const { token } = await createApiToken({ name: "t", expiresInDays: 30 }, { actor: user });
    await updateUser({ userId: user.id, name: user.name, jobTitle: null, phone: null, role: user.role, agencyId: user.agencyId, active: false }, { actor: admin });
    expect(await resolveApiToken(token)).toBeNull();
  });

  it("will not revoke another user's token", async () => {
    const [owner, other] = await Promise.all([createTestUser(), createTestUser({ role: "ADMIN" })]);
    const { token, id } = await createApiToken({ name: "t", expiresInDays: 30 }, { actor: owner });

    expect(await revokeApiToken(id, { actor: other })).toBe(false);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    expect(await resolveApiToken(token)).toMatchObject({ id: owner.id });
    expect(await db.auditEvent.count({ where: { action: "api_token.revoked", entityId: id } })).toBe(0);
  });
});
