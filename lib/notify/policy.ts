// The outbox's rules, kept free of I/O so the unit tests cover every branch: how long to wait after a
// failed delivery, when to give up, and which way a message leaves.

const MINUTE = 60_000;

/** Waits after the 1st, 2nd, 3rd … failed attempt. A mail server that is down for a day still gets the message. */
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 240, 720, 1440] as const;

/** After this many failed attempts the message stays unsent, with its last error, for someone to look at. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/**
 * How long a worker holds the messages it has claimed. Longer than the SMTP timeouts in transport.ts, so a
 * message is only claimed again when the worker that held it has died (and then it is sent again: delivery is
 * at least once, never lost).
 */
export const CLAIM_LEASE_MS = 5 * MINUTE;

/** When to try again after the attempt that took the count to `attempts`; null means give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_MINUTES[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MINUTES.length) - 1]!;
  return new Date(now.getTime() + delay * MINUTE);
}

/** Error text worth keeping on the row: one line, not a stack, and not unbounded. */
export function describeDeliveryError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const oneLine = text.replace(/\s+/g, " ").trim() || "Unknown error";
  return oneLine.length > 500 ? `${oneLine.slice(0, 499)}…` : oneLine;
}

export type DeliveryMode = "smtp" | "mailbox" | "none";

/**
 * SMTP when SMTP_URL is set. Otherwise the demo mailbox on the demo (`npm start` without
 * NODE_ENV=production sets MASH_DEMO=1; `next start` itself always runs as production) and in development.
 * In a real production deployment nobody reads the demo mailbox, so pretending a message was delivered
 * would hide that e-mail is not set up: the messages wait in the outbox ("none") until SMTP_URL is set.
 */
export function deliveryModeFor(env: { SMTP_URL?: string | null; NODE_ENV?: string; MASH_DEMO?: string }): DeliveryMode {
  if (env.SMTP_URL?.trim()) return "smtp";
  return env.NODE_ENV === "production" && env.MASH_DEMO !== "1" ? "none" : "mailbox";
}

export const DEFAULT_MAIL_FROM = "Northamptonshire MASH <no-reply@mash.example.org>";
