import type { Role } from "@/lib/db/generated/enums";

// Who may do what. Pure functions: every server action and API route asks these, and the unit tests cover
// every role. Record-level rules (which contact a partner may see) live in each domain's data.ts `where`.

export const ROLES = [
  "PRACTITIONER",
  "MASH_OFFICER",
  "MASH_MANAGER",
  "SOCIAL_WORKER",
  "PARTNER_AGENCY",
  "CFSS_COORDINATOR",
  "DAAT_MANAGER",
  "SERVICE_MANAGER",
  "ADMIN",
] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  PRACTITIONER: "Practitioner",
  MASH_OFFICER: "MASH officer",
  MASH_MANAGER: "MASH manager",
  SOCIAL_WORKER: "Social worker",
  PARTNER_AGENCY: "Partner agency",
  CFSS_COORDINATOR: "CFSS coordinator",
  DAAT_MANAGER: "DAAT manager",
  SERVICE_MANAGER: "Service manager",
  ADMIN: "Administrator",
};

export type Permission =
  /** Create users, change their role or agency, deactivate them. */
  | "users:manage"
  /** Read the audit trail: who did what, who opened which record. */
  | "audit:read"
  /** Mint and revoke one's own API tokens. */
  | "tokens:own"
  /** Write and send referrals and early-help requests, and see one's own. */
  | "referrals:create"
  /** Open contacts: which ones is decided by lib/contacts/policy.ts#contactScope (a manager sees all). */
  | "contacts:read"
  /** Apply and review RAG ratings, allocate, return for consent, close or pass on a contact. */
  | "contacts:manage"
  /** Record a phone contact to the MASH. */
  | "contacts:record-phone"
  /** Send a police protection notification from a police system (a police partner's token). */
  | "contacts:notify-police"
  /** Ask partner agencies for what they hold on a child (the decision maker; a MASH manager). */
  | "requests:make"
  /** Answer the information requests made to one's own agency. */
  | "requests:answer"
  /** Record the screening and recommend an outcome (the allocated social worker). */
  | "screening:record"
  /** Endorse, or step up or down, a screening's recommendation (the MASH manager). */
  | "screening:decide"
  /** Challenge a MASH decision one thinks unsafe (seed 002 §10). */
  | "challenges:raise"
  /** Escalate a challenge to the service manager: the partner who raised it, or the MASH manager. */
  | "challenges:escalate"
  /** Decide an escalated challenge; the service manager's decision is final. */
  | "challenges:decide"
  /** Agree and record the Red strategy discussion (the DAAT manager). */
  | "strategy:record"
  /** Triage Green contacts and early-help requests (a CFSS partnership coordinator). */
  | "cfss:triage"
  /** Give the management oversight some CFSS closures need. */
  | "cfss:oversee";

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  PRACTITIONER: ["tokens:own", "referrals:create"],
  MASH_OFFICER: ["tokens:own", "contacts:read", "contacts:record-phone"],
  MASH_MANAGER: ["tokens:own", "audit:read", "contacts:read", "contacts:manage", "contacts:record-phone", "requests:make", "screening:decide", "challenges:escalate", "cfss:oversee"],
  SOCIAL_WORKER: ["tokens:own", "contacts:read", "requests:make", "screening:record"],
  PARTNER_AGENCY: ["tokens:own", "referrals:create", "contacts:notify-police", "requests:answer", "challenges:raise", "challenges:escalate"],
  CFSS_COORDINATOR: ["tokens:own", "contacts:read", "cfss:triage"],
  DAAT_MANAGER: ["tokens:own", "referrals:create", "contacts:read", "strategy:record"],
  SERVICE_MANAGER: ["tokens:own", "audit:read", "contacts:read", "challenges:decide", "cfss:oversee"],
  ADMIN: ["tokens:own", "audit:read", "users:manage"],
};

export type Actor = { id: string; role: Role; agencyId: string | null };

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  return actor ? PERMISSIONS[actor.role].includes(permission) : false;
}

/** A partner-agency user belongs to an agency; so does every practitioner (professionals are never anonymous). */
export function roleNeedsAgency(role: Role): boolean {
  return role === "PARTNER_AGENCY" || role === "PRACTITIONER";
}

// Sessions ---------------------------------------------------------------------------------------------

export const SESSION_IDLE_MINUTES = 30;
/** lastSeenAt is written at most this often, so browsing does not write on every request. */
export const SESSION_TOUCH_SECONDS = 60;

export type SessionState = { lastSeenAt: Date; endedAt: Date | null; userActive: boolean };

export type SessionVerdict = { valid: true; touch: boolean } | { valid: false; reason: "ENDED" | "IDLE" | "DEACTIVATED" };

export function judgeSession(session: SessionState, now: Date): SessionVerdict {
  if (session.endedAt) return { valid: false, reason: "ENDED" };
  if (!session.userActive) return { valid: false, reason: "DEACTIVATED" };
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  if (idleMs > SESSION_IDLE_MINUTES * 60_000) return { valid: false, reason: "IDLE" };
  return { valid: true, touch: idleMs > SESSION_TOUCH_SECONDS * 1000 };
}

// Sign-in throttling ---------------------------------------------------------------------------------

export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_LOCK_MINUTES = 15;

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null } | null;

export function isSignInLocked(state: ThrottleState, now: Date): boolean {
  return Boolean(state?.lockedUntil && state.lockedUntil > now);
}

/** The throttle row after one more failed attempt at `now`. */
export function afterFailedSignIn(state: ThrottleState, now: Date): NonNullable<ThrottleState> {
  const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < SIGN_IN_WINDOW_MINUTES * 60_000;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const lockedUntil = failures >= SIGN_IN_MAX_FAILURES ? new Date(now.getTime() + SIGN_IN_LOCK_MINUTES * 60_000) : null;
  return { failures, windowStartedAt, lockedUntil };
}

// API tokens -----------------------------------------------------------------------------------------

export const API_TOKEN_DEFAULT_DAYS = 30;
export const API_TOKEN_MAX_DAYS = 365;

export type TokenState = { expiresAt: Date; revokedAt: Date | null; userActive: boolean };

export function isTokenUsable(token: TokenState, now: Date): boolean {
  return token.userActive && tokenState(token, now) === "ACTIVE";
}

/** A token's own state: revoked outranks expired, because it was a choice. */
export function tokenState(token: Pick<TokenState, "expiresAt" | "revokedAt">, now: Date): "REVOKED" | "EXPIRED" | "ACTIVE" {
  if (token.revokedAt) return "REVOKED";
  if (token.expiresAt <= now) return "EXPIRED";
  return "ACTIVE";
}
