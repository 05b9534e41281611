import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { can, type Actor } from "./policy";

export type SessionUser = Actor & {
  email: string;
  name: string;
  jobTitle: string | null;
  phone: string | null;
  agencyName: string | null;
};

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  jobTitle: true,
  phone: true,
  role: true,
  agencyId: true,
  active: true,
  agency: { select: { name: true } },
} as const;

type SelectedUser = { id: string; email: string; name: string; jobTitle: string | null; phone: string | null; role: Role; agencyId: string | null; active: boolean; agency: { name: string } | null };

function toSessionUser(user: SelectedUser): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    jobTitle: user.jobTitle,
    phone: user.phone,
    role: user.role,
    agencyId: user.agencyId,
    agencyName: user.agency?.name ?? null,
  };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The account behind a sign-in attempt, with its password hash. Inactive accounts are included: the caller decides. */
export async function findUserForSignIn(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, active: true, passwordHash: true } });
}

export async function findThrottle(key: string) {
  return db.signInThrottle.findUnique({ where: { key } });
}

export async function findSessionWithUser(sessionId: string) {
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { id: true, lastSeenAt: true, endedAt: true, user: { select: sessionUserSelect } },
  });
  if (!session) return null;
  return { id: session.id, lastSeenAt: session.lastSeenAt, endedAt: session.endedAt, userActive: session.user.active, user: toSessionUser(session.user) };
}

export async function findApiTokenWithUser(token: string) {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: sessionUserSelect } },
  });
  if (!row) return null;
  return { id: row.id, expiresAt: row.expiresAt, revokedAt: row.revokedAt, lastUsedAt: row.lastUsedAt, userActive: row.user.active, user: toSessionUser(row.user) };
}

/** The caller's own tokens, newest first; the hash never leaves the database. */
export async function listApiTokensForUser(actor: Actor) {
  return db.apiToken.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
}

/** Every user, for the admin page. Anyone else gets nothing. */
export async function listUsers(actor: Actor) {
  if (!can(actor, "users:manage")) return [];
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, jobTitle: true, phone: true, role: true, active: true, agencyId: true, agency: { select: { name: true } }, updatedAt: true },
  });
}

export async function findUserForAdmin(actor: Actor, userId: string) {
  if (!can(actor, "users:manage")) return null;
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, jobTitle: true, phone: true, role: true, active: true, agencyId: true, passwordHash: true },
  });
}

export async function listAgencies() {
  return db.agency.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } });
}

export async function agencyExists(agencyId: string): Promise<boolean> {
  return (await db.agency.count({ where: { id: agencyId } })) > 0;
}

export async function findFirstActiveUserByRole(role: Role) {
  return db.user.findFirst({ where: { role, active: true }, orderBy: { createdAt: "asc" }, select: { id: true, email: true } });
}

export async function findUserIdByEmail(email: string) {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true, active: true } });
}

/** An active user as the server sees them, or null when unknown or deactivated. */
export async function findSessionUserById(userId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: sessionUserSelect });
  return user?.active ? toSessionUser(user) : null;
}

/** Names for a set of user ids, for showing who did what (audit trail). */
export async function findUserNames(ids: string[]): Promise<Map<string, { name: string; email: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, { name: u.name, email: u.email }]));
}
