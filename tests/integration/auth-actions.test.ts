import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiTokenAction, createUserAction, revokeApiTokenAction, updateUserAction } from "@/lib/auth/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { startSession } from "@/lib/auth/mutations";
import { resolveApiToken, resolveSession } from "@/lib/auth/resolve";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { createTestAgency } from "@/tests/factories/agency";
import { createTestUser, uniqueEmail, type TestUser } from "@/tests/factories/user";

// Only the cookie reading is replaced: getCurrentUser() normally reads the next-auth cookie through Next's
// request context, which Vitest lacks. It still resolves a real session against the real database.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let signedInSession: string | null = null;
beforeEach(() => {
  signedInSession = null;
  vi.mocked(getCurrentUser).mockImplementation(() => resolveSession(signedInSession));
});

async function signInAs(role: Role, options: { agencyId?: string | null } = {}): Promise<TestUser> {
  const user = await createTestUser({ role, ...options });
  signedInSession = await startSession(user.id, "password");
  return user;
}

async function signInAsExisting(user: TestUser) {
  signedInSession = await startSession(user.id, "password");
}

function updateOf(user: TestUser) {
  return { userId: user.id, name: user.name, role: user.role, agencyId: user.agencyId ?? undefined, active: user.active };
}

async function storedUser(id: string) {
  return db.user.findUniqueOrThrow({ where: { id }, select: { name: true, role: true, agencyId: true, active: true, jobTitle: true, updatedAt: true } });
}

describe.each(["PRACTITIONER", "MASH_MANAGER"] as const)("a %s managing users", (role) => {
  it("is refused updateUserAction, and nothing changes", async () => {
    await signInAs(role);
    const target = await createTestUser({ role: "MASH_OFFICER" });
    const before = await storedUser(target.id);
    const auditBefore = await db.auditEvent.count();

    expect(await updateUserAction({ ...updateOf(target), role: "ADMIN", name: "Promoted" })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await storedUser(target.id)).toEqual(before);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it("is refused createUserAction, and nobody is created", async () => {
    await signInAs(role);
    const email = uniqueEmail("new");
    expect(await createUserAction({ email, name: "New Person", role: "ADMIN" })).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("signed out", () => {
  it("gets UNAUTHENTICATED from every action", async () => {
    const target = await createTestUser();
    expect(await createUserAction({ email: uniqueEmail(), name: "X", role: "ADMIN" })).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await updateUserAction(updateOf(target))).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await createApiTokenAction({ name: "t" })).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await revokeApiTokenAction({ tokenId: "6a0ba0b4-6d7e-4a28-9c8e-6f2a2b1c0d11" })).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
  });
});

describe("an administrator", () => {
  it("updates a user, with a user.updated audit event listing the changes, written in the same transaction", async () => {
    const admin = await signInAs("ADMIN");
    const agency = await createTestAgency();
    const target = await createTestUser({ role: "MASH_OFFICER" });

    const result = await updateUserAction({ ...updateOf(target), name: "Renamed Person", jobTitle: "Team lead", role: "PRACTITIONER", agencyId: agency.id });
    expect(result).toEqual({ ok: true });
    expect(await storedUser(target.id)).toMatchObject({ name: "Renamed Person", jobTitle: "Team lead", role: "PRACTITIONER", agencyId: agency.id, active: true });

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.updated", entityId: target.id } });
    expect(event).toMatchObject({ actorId: admin.id, entityType: "User", requestId: expect.any(String) });
    expect(event.details).toEqual({
      changed: {
        name: { from: target.name, to: "Renamed Person" },
        jobTitle: { from: null, to: "Team lead" },
        role: { from: "MASH_OFFICER", to: "PRACTITIONER" },
        agencyId: { from: null, to: agency.id },
      },
    });
    // Rows written by one transaction carry its id.
    const [xids] = await db.$queryRaw<{ user: string; audit: string }[]>`
      SELECT (SELECT xmin::text FROM "User" WHERE id = ${target.id}::uuid) AS "user",
             (SELECT xmin::text FROM "AuditEvent" WHERE id = ${event.id}) AS audit`;
    expect(xids!.user).toBe(xids!.audit);
  });

  it("creates a user, with a user.created audit event", async () => {
    const admin = await signInAs("ADMIN");
    const agency = await createTestAgency();
    const email = uniqueEmail("created");

    const result = await createUserAction({ email: `  ${email.toUpperCase()} `, name: "Created Person", role: "PARTNER_AGENCY", agencyId: agency.id, password: "a-long-temporary-passphrase" });
    expect(result).toEqual({ ok: true, userId: expect.any(String) });
    const created = await db.user.findUniqueOrThrow({ where: { email } });
    expect(created).toMatchObject({ name: "Created Person", role: "PARTNER_AGENCY", agencyId: agency.id, active: true, passwordHash: expect.stringMatching(/^\$argon2id\$/) });
    expect(await db.auditEvent.findFirst({ where: { action: "user.created", entityId: created.id }, select: { actorId: true, details: true } })).toEqual({
      actorId: admin.id,
      details: { email, role: "PARTNER_AGENCY", agencyId: agency.id },
    });
  });

  it("gets plain-English field errors for invalid input, and nothing changes", async () => {
    await signInAs("ADMIN");
    const usersBefore = await db.user.count();

    expect(await createUserAction({ email: "not-an-email", name: "  ", role: "WIZARD" as Role, password: "short" })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: {
        email: "Enter an e-mail address in the correct format, like name@example.org",
        name: "Enter the person's full name",
        role: "Select a role",
        password: "Password must be at least 12 characters",
      },
    });
    expect(await db.user.count()).toBe(usersBefore);

    const target = await createTestUser({ role: "MASH_OFFICER" });
    const before = await storedUser(target.id);
    expect(await updateUserAction({ ...updateOf(target), name: "", agencyId: "not-a-uuid" })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { name: "Enter the person's full name", agencyId: "Select an agency" },
    });
    expect(await storedUser(target.id)).toEqual(before);
  });

  it("must give a practitioner an agency", async () => {
    await signInAs("ADMIN");
    const email = uniqueEmail("no-agency");
    expect(await createUserAction({ email, name: "No Agency", role: "PRACTITIONER" })).toEqual({ ok: false, reason: "INVALID", fieldErrors: { agencyId: "Select the agency this person works for" } });
    expect(await db.user.count({ where: { email } })).toBe(0);

    const target = await createTestUser({ role: "MASH_OFFICER" });
    expect(await updateUserAction({ ...updateOf(target), role: "PRACTITIONER" })).toEqual({ ok: false, reason: "INVALID", fieldErrors: { agencyId: "Select the agency this person works for" } });
    expect(await storedUser(target.id)).toMatchObject({ role: "MASH_OFFICER" });
  });

  it("cannot pick an agency that does not exist, nor reuse an e-mail address", async () => {
    const admin = await signInAs("ADMIN");
    expect(await createUserAction({ email: uniqueEmail(), name: "X", role: "PRACTITIONER", agencyId: "6a0ba0b4-6d7e-4a28-9c8e-6f2a2b1c0d11" })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { agencyId: "Select an agency from the list" },
    });
    expect(await createUserAction({ email: admin.email, name: "X", role: "ADMIN" })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { email: "A user with this e-mail address already exists" },
    });
  });

  it("gets NOT_FOUND for a user who does not exist", async () => {
    await signInAs("ADMIN");
    expect(await updateUserAction({ userId: "6a0ba0b4-6d7e-4a28-9c8e-6f2a2b1c0d11", name: "Ghost", role: "ADMIN", active: true })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("cannot deactivate themself or give up the administrator role", async () => {
    const admin = await signInAs("ADMIN");
    const refusal = { ok: false, reason: "INVALID", fieldErrors: { role: "You cannot remove your own administrator access. Ask another administrator." } };
    expect(await updateUserAction({ ...updateOf(admin), active: false })).toEqual(refusal);
    expect(await updateUserAction({ ...updateOf(admin), role: "MASH_MANAGER" })).toEqual(refusal);
    expect(await storedUser(admin.id)).toMatchObject({ role: "ADMIN", active: true });
    // Still signed in.
    expect(await updateUserAction({ ...updateOf(admin), name: "Still Admin" })).toEqual({ ok: true });
  });

  it("deactivates a user whose session then stops working for actions at once", async () => {
    const admin = await signInAs("ADMIN");
    const user = await createTestUser({ role: "MASH_OFFICER" });
    await signInAsExisting(user);
    const adminSession = await startSession(admin.id, "password");
    const userSession = signedInSession;

    expect(await createApiTokenAction({ name: "before" })).toMatchObject({ ok: true });

    signedInSession = adminSession;
    expect(await updateUserAction({ ...updateOf(user), active: false })).toEqual({ ok: true });

    signedInSession = userSession;
    expect(await createApiTokenAction({ name: "after" })).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await db.apiToken.count({ where: { userId: user.id, name: "after" } })).toBe(0);
  });
});

describe("API token actions", () => {
  it("create a token for the caller and revoke it", async () => {
    const user = await signInAs("PARTNER_AGENCY");
    const created = await createApiTokenAction({ name: "  Nightly export ", expiresInDays: "7" });
    if (!created.ok) throw new Error(`expected success, got ${created.reason}`);
    expect(created).toEqual({ ok: true, token: expect.stringMatching(/^mash_/), tokenId: expect.any(String), expiresAt: expect.any(String) });
    expect(await resolveApiToken(created.token)).toMatchObject({ id: user.id });
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: created.tokenId }, select: { name: true } })).toEqual({ name: "Nightly export" });

    expect(await revokeApiTokenAction({ tokenId: created.tokenId })).toEqual({ ok: true });
    expect(await resolveApiToken(created.token)).toBeNull();
  });

  it("refuse an invalid expiry in plain English", async () => {
    await signInAs("MASH_OFFICER");
    expect(await createApiTokenAction({ name: "", expiresInDays: 400 })).toEqual({
      ok: false,
      reason: "INVALID",
      fieldErrors: { name: "Enter a name for the token, so you can tell it apart later", expiresInDays: "A token can last at most 365 days" },
    });
  });

  it("treat someone else's token as not found", async () => {
    const owner = await signInAs("MASH_OFFICER");
    const created = await createApiTokenAction({ name: "mine" });
    if (!created.ok) throw new Error(`expected success, got ${created.reason}`);

    await signInAs("ADMIN");
    expect(await revokeApiTokenAction({ tokenId: created.tokenId })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await resolveApiToken(created.token)).toMatchObject({ id: owner.id });
  });
});
