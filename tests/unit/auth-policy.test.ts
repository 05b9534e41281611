import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import {
  afterFailedSignIn,
  can,
  isSignInLocked,
  isTokenUsable,
  tokenState,
  judgeSession,
  roleNeedsAgency,
  ROLES,
  type Permission,
  type ThrottleState,
} from "@/lib/auth/policy";

const MINUTE = 60_000;
const now = new Date("2026-03-29T00:30:00.000Z"); // the night the clocks go forward in the UK
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

// Written out rather than derived from the policy, so a change to who may do what shows up here.
const COLUMNS: Permission[] = [
  "users:manage", "audit:read", "tokens:own", "referrals:create", "contacts:read", "contacts:manage", "contacts:record-phone", "contacts:notify-police",
  "requests:make", "requests:answer", "screening:record", "screening:decide", "challenges:raise", "challenges:escalate", "challenges:decide", "strategy:record", "cfss:triage", "cfss:oversee",
];
type Bit = 0 | 1;
// prettier-ignore
const TABLE: Record<Role, Bit[]> = {
  //                users audit tokens referrals | contacts: read manage phone police | requests: make answer | screening: record decide | challenges: raise escalate decide | strategy | cfss: triage oversee
  PRACTITIONER:     [0, 0, 1, 1,   0, 0, 0, 0,   0, 0,   0, 0,   0, 0, 0,   0,   0, 0],
  MASH_OFFICER:     [0, 0, 1, 0,   1, 0, 1, 0,   0, 0,   0, 0,   0, 0, 0,   0,   0, 0],
  MASH_MANAGER:     [0, 1, 1, 0,   1, 1, 1, 0,   1, 0,   0, 1,   0, 1, 0,   0,   0, 1],
  SOCIAL_WORKER:    [0, 0, 1, 0,   1, 0, 0, 0,   1, 0,   1, 0,   0, 0, 0,   0,   0, 0],
  PARTNER_AGENCY:   [0, 0, 1, 1,   0, 0, 0, 1,   0, 1,   0, 0,   1, 1, 0,   0,   0, 0],
  CFSS_COORDINATOR: [0, 0, 1, 0,   1, 0, 0, 0,   0, 0,   0, 0,   0, 0, 0,   0,   1, 0],
  DAAT_MANAGER:     [0, 0, 1, 1,   1, 0, 0, 0,   0, 0,   0, 0,   0, 0, 0,   1,   0, 0],
  SERVICE_MANAGER:  [0, 1, 1, 0,   1, 0, 0, 0,   0, 0,   0, 0,   0, 0, 1,   0,   0, 1],
  ADMIN:            [1, 1, 1, 0,   0, 0, 0, 0,   0, 0,   0, 0,   0, 0, 0,   0,   0, 0],
};
const PERMISSIONS_BY_ROLE = Object.fromEntries(
  Object.entries(TABLE).map(([role, row]) => [role, Object.fromEntries(COLUMNS.map((permission, i) => [permission, row[i] === 1]))]),
) as Record<Role, Record<Permission, boolean>>;

const CASES = ROLES.flatMap((role) =>
  (Object.entries(PERMISSIONS_BY_ROLE[role]) as [Permission, boolean][]).map(([permission, allowed]) => ({ role, permission, allowed })),
);

describe("can", () => {
  it("covers every role", () => {
    expect(Object.keys(PERMISSIONS_BY_ROLE).sort()).toEqual([...ROLES].sort());
  });

  it.each(CASES)("$role may $permission: $allowed", ({ role, permission, allowed }) => {
    expect(can({ role }, permission)).toBe(allowed);
  });

  it("refuses everything to nobody", () => {
    expect(can(null, "tokens:own")).toBe(false);
    expect(can(undefined, "audit:read")).toBe(false);
  });
});

describe("roleNeedsAgency", () => {
  it.each(ROLES.map((role) => ({ role, needed: role === "PRACTITIONER" || role === "PARTNER_AGENCY" })))("$role: $needed", ({ role, needed }) => {
    expect(roleNeedsAgency(role)).toBe(needed);
  });
});

describe("judgeSession", () => {
  const open = (lastSeenAt: Date) => ({ lastSeenAt, endedAt: null, userActive: true });

  it("keeps a session used up to exactly 30 minutes ago", () => {
    expect(judgeSession(open(ago(30 * MINUTE)), now)).toEqual({ valid: true, touch: true });
  });

  it("ends a session idle for longer than 30 minutes", () => {
    expect(judgeSession(open(ago(30 * MINUTE + 1)), now)).toEqual({ valid: false, reason: "IDLE" });
  });

  it("touches lastSeenAt only when more than a minute has passed", () => {
    expect(judgeSession(open(now), now)).toEqual({ valid: true, touch: false });
    expect(judgeSession(open(ago(MINUTE)), now)).toEqual({ valid: true, touch: false });
    expect(judgeSession(open(ago(MINUTE + 1)), now)).toEqual({ valid: true, touch: true });
  });

  it("refuses an ended session, whatever else holds", () => {
    expect(judgeSession({ lastSeenAt: now, endedAt: ago(1), userActive: false }, now)).toEqual({ valid: false, reason: "ENDED" });
  });

  it("refuses the session of a deactivated user", () => {
    expect(judgeSession({ lastSeenAt: now, endedAt: null, userActive: false }, now)).toEqual({ valid: false, reason: "DEACTIVATED" });
  });
});

describe("sign-in throttling", () => {
  function failures(count: number, everyMs: number, from: Date): { state: ThrottleState; at: Date } {
    let state: ThrottleState = null;
    let at = from;
    for (let n = 0; n < count; n++) {
      at = new Date(from.getTime() + n * everyMs);
      state = afterFailedSignIn(state, at);
    }
    return { state, at };
  }

  it("starts a window at the first failure", () => {
    expect(afterFailedSignIn(null, now)).toEqual({ failures: 1, windowStartedAt: now, lockedUntil: null });
  });

  it("does not lock after 4 failures", () => {
    const { state, at } = failures(4, MINUTE, now);
    expect(state).toEqual({ failures: 4, windowStartedAt: now, lockedUntil: null });
    expect(isSignInLocked(state, at)).toBe(false);
  });

  it("locks for 15 minutes after 5 failures within 15 minutes", () => {
    const { state, at } = failures(5, 3 * MINUTE + 30_000, now); // the 5th at 14 minutes
    expect(state).toEqual({ failures: 5, windowStartedAt: now, lockedUntil: new Date(at.getTime() + 15 * MINUTE) });
    expect(isSignInLocked(state, at)).toBe(true);
    expect(isSignInLocked(state, new Date(at.getTime() + 15 * MINUTE - 1))).toBe(true);
    expect(isSignInLocked(state, new Date(at.getTime() + 15 * MINUTE))).toBe(false);
  });

  it("starts a new window 15 minutes after the last one started", () => {
    const { state } = failures(4, MINUTE, now);
    expect(afterFailedSignIn(state, later(15 * MINUTE - 1))).toMatchObject({ failures: 5, windowStartedAt: now });
    expect(afterFailedSignIn(state, later(15 * MINUTE))).toEqual({ failures: 1, windowStartedAt: later(15 * MINUTE), lockedUntil: null });
  });

  it("is not locked without a throttle row or once the lock has passed", () => {
    expect(isSignInLocked(null, now)).toBe(false);
    expect(isSignInLocked({ failures: 2, windowStartedAt: now, lockedUntil: null }, now)).toBe(false);
    expect(isSignInLocked({ failures: 5, windowStartedAt: ago(20 * MINUTE), lockedUntil: ago(1) }, now)).toBe(false);
  });
});

describe("isTokenUsable", () => {
  const usable = { expiresAt: later(1), revokedAt: null, userActive: true };

  it("accepts a live token of an active user", () => {
    expect(isTokenUsable(usable, now)).toBe(true);
  });

  it("refuses an expired token, from the moment it expires", () => {
    expect(isTokenUsable({ ...usable, expiresAt: now }, now)).toBe(false);
    expect(isTokenUsable({ ...usable, expiresAt: ago(1) }, now)).toBe(false);
  });

  it("refuses a revoked token", () => {
    expect(isTokenUsable({ ...usable, revokedAt: ago(MINUTE) }, now)).toBe(false);
  });

  it("refuses the token of a deactivated user", () => {
    expect(isTokenUsable({ ...usable, userActive: false }, now)).toBe(false);
  });
});

describe("tokenState", () => {
  it("says revoked before expired, and active otherwise", () => {
    expect(tokenState({ expiresAt: ago(1), revokedAt: ago(MINUTE) }, now)).toBe("REVOKED");
    expect(tokenState({ expiresAt: now, revokedAt: null }, now)).toBe("EXPIRED");
    expect(tokenState({ expiresAt: later(1), revokedAt: null }, now)).toBe("ACTIVE");
  });
});
