import { startClocks } from "@/lib/contacts/clocks";
import { deleteExpiredDrafts, remindAboutDrafts } from "@/lib/referral/mutations";
import { claimDueMessages, markMessageFailed, markMessageSent } from "./mutations";
import { DEFAULT_MAIL_FROM, deliveryModeFor, describeDeliveryError, type DeliveryMode } from "./policy";
import { createSmtpSender } from "./transport";

export type DeliveryOptions = {
  now?: Date;
  /** Most messages to take in this run. */
  limit?: number;
  /** Default: SMTP_URL. Null or empty: no SMTP (the demo mailbox, or nothing in production). */
  smtpUrl?: string | null;
  /** Default: MAIL_FROM, else "Northamptonshire MASH <no-reply@mash.example.org>". */
  from?: string;
  /** Default: NODE_ENV === "production". */
  production?: boolean;
  /** Default: MASH_DEMO=1, the demo started by `npm start` (delivers to the demo mailbox without SMTP). */
  demo?: boolean;
};

export type DeliveryReport = { mode: DeliveryMode; sent: number; failed: number };

let warnedNoTransport = false;

/**
 * One pass over the outbox: claims the messages that are due (worker-safe, see claimDueMessages), sends each
 * through SMTP or into the demo mailbox, and records the outcome. A failed message waits by the backoff
 * in policy.ts; the others still go.
 */
export async function deliverOutbox(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const {
    now = new Date(),
    limit = 20,
    smtpUrl = process.env.SMTP_URL,
    from = process.env.MAIL_FROM || DEFAULT_MAIL_FROM,
    production = process.env.NODE_ENV === "production",
    demo = process.env.MASH_DEMO === "1",
  } = options;
  const mode = deliveryModeFor({ SMTP_URL: smtpUrl, NODE_ENV: production ? "production" : undefined, MASH_DEMO: demo ? "1" : undefined });
  if (mode === "none") {
    if (!warnedNoTransport) {
      warnedNoTransport = true;
      console.warn("[outbox] SMTP_URL is not set: e-mail stays in the outbox, unsent, until it is.");
    }
    return { mode, sent: 0, failed: 0 };
  }

  const messages = await claimDueMessages(now, limit);
  if (messages.length === 0) return { mode, sent: 0, failed: 0 };
  if (mode === "mailbox") {
    // The demo mailbox is the outbox row itself, marked as delivered there.
    for (const message of messages) await markMessageSent(message.id, "mailbox", now);
    return { mode, sent: messages.length, failed: 0 };
  }

  // Building the sender never fails (a bad SMTP_URL fails each send instead), so every message is settled below.
  const sender = createSmtpSender(smtpUrl!, from);
  let sent = 0;
  try {
    for (const message of messages) {
      try {
        await sender.send(message);
      } catch (error) {
        await markMessageFailed(message, describeDeliveryError(error), now);
        continue;
      }
      await markMessageSent(message.id, "smtp", now);
      sent += 1;
    }
  } finally {
    sender.close();
  }
  return { mode, sent, failed: messages.length - sent };
}

// Background work ----------------------------------------------------------------------------------------

const OUTBOX_EVERY_MS = 5_000;
const RETENTION_EVERY_MS = 10 * 60_000;

// On globalThis, not in a module variable: Next.js dev mode can load this module more than once.
const running = Symbol.for("mash.backgroundWork");
const globalState = globalThis as unknown as { [running]?: () => Promise<void> };

/**
 * Runs `task` now and then `everyMs` after each run ends (never two at once). A failure is logged and the
 * next run goes ahead: background work must never take the server down. Returns a stop function that
 * resolves when the run in progress, if any, has finished.
 */
function repeat(name: string, everyMs: number, task: () => Promise<unknown>): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const run = () => {
    current = (async () => {
      try {
        await task();
      } catch (error) {
        console.error(`[background] ${name} failed; trying again in ${Math.round(everyMs / 1000)} s`, error);
      }
      if (!stopped) timer = setTimeout(run, everyMs).unref();
    })();
  };
  timer = setTimeout(run, 0).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}

/**
 * Starts pg-boss and the RAG clocks on it (lib/contacts/clocks.ts), without waiting for them. If they
 * cannot start, nothing else rings a clock: no warning or breach alert goes until they do, so it is logged
 * as an error, and the rest of the background work carries on.
 */
function startClocksInBackground(): () => Promise<void> {
  const stopping = startClocks().catch((error: unknown) => {
    console.error("[background] The RAG clocks did not start: no clock warning or breach alert will be sent until the server restarts with the database reachable.", error);
    return async () => {};
  });
  return async () => (await stopping)();
}

/**
 * Starts, once per process, the outbox delivery (every 5 seconds), the draft retention (every 10
 * minutes) and the RAG clocks, and returns a function that stops them all. The timers never keep the
 * process alive (pg-boss's connections do, until stopped), and SIGTERM or SIGINT stops them; a message
 * being sent as the process exits stays claimed until its lease ends, then goes again, and a clock job
 * being run is run again by another instance or after the restart.
 */
export function startBackgroundWork(): () => Promise<void> {
  const existing = globalState[running];
  if (existing) return existing;

  const stops = [
    repeat("outbox delivery", OUTBOX_EVERY_MS, () => deliverOutbox()),
    repeat("draft retention", RETENTION_EVERY_MS, async () => {
      const now = new Date();
      await remindAboutDrafts(now);
      await deleteExpiredDrafts(now);
    }),
    startClocksInBackground(),
  ];
  const onSignal = (signal: NodeJS.Signals) => {
    void stop();
    // Listening for a signal replaces Node's default of exiting. Next.js listens too, and exits; where
    // nothing else does, the default must still happen.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const stop = async () => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    if (globalState[running] === stop) delete globalState[running];
    await Promise.all(stops.map((stopOne) => stopOne()));
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  globalState[running] = stop;
  return stop;
}
