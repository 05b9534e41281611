import { findApiTokenWithUser, findSessionWithUser, findThrottle, findUserForSignIn, type SessionUser } from "./data";
import { clearFailedSignIns, endSession, recordFailedSignIn, touchApiToken, touchSession } from "./mutations";
import { verifyPassword } from "./password";
import { isSignInLocked, isTokenUsable, judgeSession } from "./policy";
import { isUuid } from "@/lib/ids";

// The three ways the server learns who is asking: a password at sign-in, a session id from the signed
// cookie, a bearer token. Each checks the database every time, so deactivation and role changes bite at once.


export type PasswordResult = { ok: true; user: { id: string; email: string; name: string } } | { ok: false; reason: "INVALID" | "LOCKED" };

export async function authenticateWithPassword(email: string, password: string, now = new Date()): Promise<PasswordResult> {
  const key = email.trim().toLowerCase();
  if (isSignInLocked(await findThrottle(key), now)) return { ok: false, reason: "LOCKED" };
  const user = await findUserForSignIn(key);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) {
    const { locked } = await recordFailedSignIn(key, user?.id ?? null, now);
    return { ok: false, reason: locked ? "LOCKED" : "INVALID" };
  }
  await clearFailedSignIns(key);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** The signed-in user behind a session id, or null when the session has ended, idled out or the user is deactivated. */
export async function resolveSession(sessionId: string | undefined | null, now = new Date()): Promise<(SessionUser & { sessionId: string }) | null> {
  if (!sessionId || !isUuid(sessionId)) return null;
  const session = await findSessionWithUser(sessionId);
  if (!session) return null;
  const verdict = judgeSession(session, now);
  if (!verdict.valid) {
    if (verdict.reason !== "ENDED") await endSession(session.id, verdict.reason === "IDLE" ? "idle" : "deactivated", null);
    return null;
  }
  if (verdict.touch) await touchSession(session.id, now);
  return { ...session.user, sessionId: session.id };
}

/** The user behind a bearer token, or null when it is unknown, revoked, expired or its user deactivated. */
export async function resolveApiToken(token: string | undefined | null, now = new Date()): Promise<SessionUser | null> {
  if (!token) return null;
  const row = await findApiTokenWithUser(token);
  if (!row || !isTokenUsable(row, now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) await touchApiToken(row.id, now);
  return row.user;
}
