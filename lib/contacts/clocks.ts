import { PgBoss } from "pg-boss";
import { ringClock, ringDueClocks, type ClockAlert } from "./clocks/mutations";
import { alertOverdueFollowUps } from "./phone/mutations";

// The RAG clocks' timers: a pg-boss job at each rating's warning time and another at its deadline, and a
// sweep every minute for any a job missed. The jobs live in PostgreSQL, so they survive a restart and
// every app instance shares them. Whoever runs first rings the alert; ringClock makes sure nobody rings it
// twice. See docs/decisions/0007-rag-clocks.md. The same sweep alerts phone contacts' overdue written
// follow-ups (alertOverdueFollowUps), which need no job of their own.

export { ringClock, ringDueClocks };

const QUEUES: Record<ClockAlert, string> = { warning: "clock-warning", breach: "clock-breach" };
const SWEEP = "clock-sweep";
const EVERY_MINUTE = "* * * * *";

// A queue keeps the options it was first created with (createQueue does nothing for a queue that exists);
// changing these needs updateQueue.
const ALERT_QUEUE = {
  // At most one queued job a singletonKey: the same clock scheduled twice waits once.
  policy: "short",
  // Ringing takes milliseconds; a failure (the database away) is tried again, and the sweep is behind that.
  expireInSeconds: 60,
  retryLimit: 5,
  retryDelay: 5,
  retryBackoff: true,
} as const;
// One sweep at a time across the instances; a failed one is not retried, the next minute's is.
const SWEEP_QUEUE = { policy: "singleton", expireInSeconds: 5 * 60, retryLimit: 0 } as const;

export type ClockSchedule = { ratingId: string; contactId: string; warningAt: Date; deadlineAt: Date };
type ClockJob = { ratingId: string };

export type ClockOptions = {
  /** Default: DATABASE_URL. */
  connectionString?: string;
  /**
   * Default true: this process's one instance, which scheduleClock sends through; starting it again
   * returns the running one. False: an instance of its own, as a second app instance would have (tests).
   */
  shared?: boolean;
  /** How often each worker looks for jobs that are due, in seconds. pg-boss's minimum is 0.5; default 2. */
  pollingIntervalSeconds?: number;
};

type Running = { boss: PgBoss; stop: () => Promise<void> };
type Shared = { started: Promise<Running>; boss?: PgBoss; stop: () => Promise<void> };

// On globalThis, not in a module variable: Next.js dev mode can load this module more than once, and the
// rating mutation's copy must find the instance instrumentation.ts started.
const sharedKey = Symbol.for("mash.clocks");
const globalState = globalThis as unknown as { [sharedKey]?: Shared };

/**
 * Starts pg-boss in this process: creates the clock queues, works them, and schedules the sweep. Returns a
 * function that stops it, waiting for alerts being rung to finish. pg-boss installs its own tables, in
 * the "pgboss" schema, on first start.
 */
export async function startClocks(options: ClockOptions = {}): Promise<() => Promise<void>> {
  if (options.shared === false) return (await launch(options)).stop;

  const existing = globalState[sharedKey];
  if (existing) {
    await existing.started;
    return existing.stop;
  }
  const shared: Shared = {
    started: launch(options).then((running) => {
      shared.boss = running.boss;
      return running;
    }),
    stop: async () => {
      if (globalState[sharedKey] === shared) delete globalState[sharedKey];
      const running = await shared.started.catch(() => null);
      await running?.stop();
    },
  };
  globalState[sharedKey] = shared;
  try {
    await shared.started;
  } catch (error) {
    if (globalState[sharedKey] === shared) delete globalState[sharedKey];
    throw error;
  }
  return shared.stop;
}

async function launch(options: ClockOptions): Promise<Running> {
  const boss = new PgBoss({ connectionString: options.connectionString ?? process.env.DATABASE_URL, schema: "pgboss", application_name: "mash-clocks" });
  // An "error" event nobody listens to would throw, and take the server down with it.
  boss.on("error", (error) => console.error("[clocks] pg-boss reported an error:", error));
  boss.on("warning", (warning) => console.warn(`[clocks] pg-boss: ${warning.message}`));
  await boss.start();
  try {
    await boss.createQueue(QUEUES.warning, ALERT_QUEUE);
    await boss.createQueue(QUEUES.breach, ALERT_QUEUE);
    await boss.createQueue(SWEEP, SWEEP_QUEUE);
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    for (const kind of ["warning", "breach"] as const) {
      await boss.work<ClockJob>(QUEUES[kind], polling, (jobs) => ringEach(kind, jobs.map((job) => job.data)));
    }
    await boss.work(SWEEP, polling, sweep);
    // The same schedule from every instance is one row, and pg-boss sends one job a minute for it.
    await boss.schedule(SWEEP, EVERY_MINUTE);
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}

/** A job's handler. Throwing fails the job, and pg-boss tries it again (ALERT_QUEUE). */
async function ringEach(kind: ClockAlert, jobs: ClockJob[]): Promise<void> {
  for (const { ratingId } of jobs) {
    try {
      await ringClock(String(ratingId), kind);
    } catch (error) {
      console.error(`[clocks] The ${kind} of rating ${ratingId} could not be rung; pg-boss will try again.`, error);
      throw error;
    }
  }
}

/**
 * Every minute: the RAG clocks a job missed, then the phone contacts' overdue written follow-ups. Each has
 * its own catch, so one failing does not keep the other from running; the job still fails, so pg-boss
 * records it, and the next minute's sweep tries both again.
 */
async function sweep(): Promise<void> {
  let failure: unknown = null;
  try {
    await ringDueClocks();
  } catch (error) {
    console.error("[clocks] The sweep for due clocks failed; it runs again in a minute.", error);
    failure = error;
  }
  try {
    await alertOverdueFollowUps();
  } catch (error) {
    console.error("[clocks] The sweep for overdue phone follow-ups failed; it runs again in a minute.", error);
    failure ??= error;
  }
  if (failure) throw failure;
}

/**
 * Sets a new rating's warning and deadline ringing, through this process's pg-boss. Called after the
 * rating commits. Never throws and never waits for pg-boss to start: without it (tests, background work
 * off, the database briefly away) the sweep rings the clock within a minute of its time instead.
 */
export async function scheduleClock(clock: ClockSchedule): Promise<void> {
  const boss = globalState[sharedKey]?.boss;
  if (!boss) return;
  const data: ClockJob = { ratingId: clock.ratingId };
  try {
    await boss.send(QUEUES.warning, data, { startAfter: clock.warningAt, singletonKey: `${clock.ratingId}:warning` });
    await boss.send(QUEUES.breach, data, { startAfter: clock.deadlineAt, singletonKey: `${clock.ratingId}:breach` });
  } catch (error) {
    console.warn(`[clocks] The clock of contact ${clock.contactId} (rating ${clock.ratingId}) could not be scheduled; the sweep will ring it.`, error);
  }
}
