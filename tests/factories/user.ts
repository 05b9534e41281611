import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { roleNeedsAgency } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { createTestAgency } from "./agency";

/** Every test user's password. */
export const TEST_PASSWORD = "correct horse battery staple";

// argon2 takes tens of milliseconds a hash: hash the shared password once per test file.
let passwordHash: Promise<string> | undefined;
function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export type TestUser = { id: string; email: string; name: string; role: Role; agencyId: string | null; active: boolean };

export function uniqueEmail(label = "user"): string {
  return `${label}.${randomBytes(5).toString("hex")}@example.org`;
}

/**
 * A user with a unique e-mail address and the password TEST_PASSWORD. Roles that need an agency get a new
 * one unless `agencyId` is given; `agencyId: null` forces none.
 */
export async function createTestUser(options: { role?: Role; agencyId?: string | null; active?: boolean; name?: string; email?: string } = {}): Promise<TestUser> {
  const role = options.role ?? "PRACTITIONER";
  const agencyId = options.agencyId !== undefined ? options.agencyId : roleNeedsAgency(role) ? (await createTestAgency()).id : null;
  return db.user.create({
    data: {
      email: options.email ?? uniqueEmail(role.toLowerCase()),
      name: options.name ?? `Test ${role.toLowerCase()}`,
      role,
      agencyId,
      active: options.active ?? true,
      passwordHash: await testPasswordHash(),
    },
    select: { id: true, email: true, name: true, role: true, agencyId: true, active: true },
  });
}
