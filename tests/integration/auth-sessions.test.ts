import { describe, expect, it } from "vitest";
import { endSession, startSession, updateUser } from "@/lib/auth/mutations";
import { authenticateWithPassword, resolveSession } from "@/lib/auth/resolve";
import { db } from "@/lib/db/client";
import { createTestUser, TEST_PASSWORD, uniqueEmail, type TestUser } from "@/tests/factories/user";

async function sessionRow(id: string) {
  return db.userSession.findUniqueOrThrow({ where: { id }, select: { endedAt: true, endReason: true, lastSeenAt: true } });
}

/** The fields updateUser needs, unchanged, so a test states only what it changes. */
function asUpdate(user: TestUser) {
  return { userId: user.id, name: user.name, jobTitle: null, phone: null, role: user.role, agencyId: user.agencyId, active: user.active };
}

describe("authenticateWithPassword", () => {
  it("signs in with the right password, whatever the case and spacing of the e-mail address", async () => {
    const user = await createTestUser();
    expect(await authenticateWithPassword(`  ${user.email.toUpperCase()} `, TEST_PASSWORD)).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name } });
  });

  it("refuses a wrong password", async () => {
    const user = await createTestUser();
    expect(await authenticateWithPassword(user.email, "not the password")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("refuses an unknown e-mail address the same way", async () => {
    expect(await authenticateWithPassword(uniqueEmail("nobody"), TEST_PASSWORD)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("refuses a deactivated user, even with the right password", async () => {
    const user = await createTestUser({ active: false });
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD)).toEqual({ ok: false, reason: "INVALID" });
  });

  it("locks the account after 5 failures, even against the right password, and audits each failure", async () => {
    const user = await createTestUser();
    for (let n = 0; n < 5; n++) await authenticateWithPassword(user.email, `wrong ${n}`);
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD)).toEqual({ ok: false, reason: "LOCKED" });

    const failures = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", entityId: user.id }, orderBy: { id: "asc" }, select: { actorId: true, entityType: true, details: true } });
    expect(failures).toHaveLength(5);
    expect(failures[0]).toEqual({ actorId: user.id, entityType: "User", details: { failures: 1, locked: false } });
    expect(failures[4]).toEqual({ actorId: user.id, entityType: "User", details: { failures: 5, locked: true } });
  });

  it("says LOCKED on the 5th failure and unlocks after 15 minutes", async () => {
    const user = await createTestUser();
    const start = new Date();
    for (let n = 0; n < 4; n++) expect(await authenticateWithPassword(user.email, "wrong", start)).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticateWithPassword(user.email, "wrong", start)).toEqual({ ok: false, reason: "LOCKED" });
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, new Date(start.getTime() + 15 * 60_000 - 1))).toEqual({ ok: false, reason: "LOCKED" });
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, new Date(start.getTime() + 15 * 60_000))).toMatchObject({ ok: true });
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await createTestUser();
    for (let n = 0; n < 4; n++) await authenticateWithPassword(user.email, "wrong");
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD)).toMatchObject({ ok: true });
    expect(await db.signInThrottle.count({ where: { key: user.email } })).toBe(0);
    expect(await authenticateWithPassword(user.email, "wrong")).toEqual({ ok: false, reason: "INVALID" });
  });
});

describe("resolveSession", () => {
  it("resolves a session started at sign-in to its user, and audits the sign-in", async () => {
    const user = await createTestUser({ role: "MASH_OFFICER" });
    const sessionId = await startSession(user.id, "password");
    expect(await resolveSession(sessionId)).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      jobTitle: null,
      phone: null,
      role: "MASH_OFFICER",
      agencyId: null,
      agencyName: null,
      sessionId,
    });
    expect(await db.auditEvent.count({ where: { action: "auth.signed_in", entityId: sessionId, actorId: user.id } })).toBe(1);
  });

  it("stores the real instant, so the database's now() and the app's clock agree", async () => {
    // Guards against the driver adapter's time zone handling (see lib/db/client.ts): the test database
    // runs in Asia/Kathmandu, so a session-time-zone mix-up shifts this by 5 h 45 min.
    const user = await createTestUser();
    const sessionId = await startSession(user.id, "password");
    const [row] = await db.$queryRaw<{ seconds: number }[]>`SELECT extract(epoch FROM now() - "lastSeenAt")::float8 AS seconds FROM "UserSession" WHERE id = ${sessionId}::uuid`;
    expect(Math.abs(row!.seconds)).toBeLessThan(60);
  });

  it("returns null for no session id, an unknown one and one that is not a uuid", async () => {
    expect(await resolveSession(undefined)).toBeNull();
    expect(await resolveSession("6a0ba0b4-6d7e-4a28-9c8e-6f2a2b1c0d11")).toBeNull();
    expect(await resolveSession("not-a-uuid")).toBeNull();
  });

  it("moves lastSeenAt on when the session is used after more than a minute", async () => {
    const user = await createTestUser();
    const sessionId = await startSession(user.id, "password");
    const { lastSeenAt } = await sessionRow(sessionId);
    const twoMinutesOn = new Date(lastSeenAt.getTime() + 2 * 60_000);
    expect(await resolveSession(sessionId, twoMinutesOn)).toMatchObject({ id: user.id });
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(twoMinutesOn);
  });

  it("ends a session idle for 31 minutes", async () => {
    const user = await createTestUser();
    const sessionId = await startSession(user.id, "password");
    await db.$executeRaw`UPDATE "UserSession" SET "lastSeenAt" = now() - interval '31 minutes' WHERE id = ${sessionId}::uuid`;

    expect(await resolveSession(sessionId)).toBeNull();
    expect(await sessionRow(sessionId)).toMatchObject({ endedAt: expect.any(Date), endReason: "idle" });
    expect(await db.auditEvent.findFirst({ where: { action: "auth.session_ended", entityId: sessionId }, select: { details: true } })).toEqual({ details: { reason: "idle" } });
  });

  it("ends every session of a user deactivated by an administrator", async () => {
    const [admin, user] = await Promise.all([createTestUser({ role: "ADMIN" }), createTestUser()]);
    const sessions = await Promise.all([startSession(user.id, "password"), startSession(user.id, "oidc")]);
    await updateUser({ ...asUpdate(user), active: false }, { actor: admin });

    for (const sessionId of sessions) {
      expect(await resolveSession(sessionId)).toBeNull();
      expect(await sessionRow(sessionId)).toMatchObject({ endReason: "deactivated" });
    }
  });

  it("ends the sessions of a user whose role changes", async () => {
    const [admin, user] = await Promise.all([createTestUser({ role: "ADMIN" }), createTestUser({ role: "MASH_OFFICER" })]);
    const sessionId = await startSession(user.id, "password");
    await updateUser({ ...asUpdate(user), role: "MASH_MANAGER" }, { actor: admin });

    expect(await resolveSession(sessionId)).toBeNull();
    expect(await sessionRow(sessionId)).toMatchObject({ endReason: "role_changed" });
    // Signing in again gives a session with the new role.
    expect(await resolveSession(await startSession(user.id, "password"))).toMatchObject({ role: "MASH_MANAGER" });
  });

  it("keeps the sessions of a user whose name alone changes", async () => {
    const [admin, user] = await Promise.all([createTestUser({ role: "ADMIN" }), createTestUser()]);
    const sessionId = await startSession(user.id, "password");
    await updateUser({ ...asUpdate(user), name: "New Name" }, { actor: admin });
    expect(await resolveSession(sessionId)).toMatchObject({ name: "New Name" });
  });

  it("refuses a signed-out session", async () => {
    const user = await createTestUser();
    const sessionId = await startSession(user.id, "password");
    await endSession(sessionId, "signed_out", user.id);

    expect(await resolveSession(sessionId)).toBeNull();
    expect(await sessionRow(sessionId)).toMatchObject({ endReason: "signed_out" });
    expect(await db.auditEvent.count({ where: { action: "auth.session_ended", entityId: sessionId } })).toBe(1);
  });
});
