// `npm run bench:submit`: how fast referrals go in through the API, against the floor of writing the same
// rows with plain SQL. A production build (`npm run build` first) is started on 127.0.0.1 against its own
// temporary embedded PostgreSQL; 2,000 MASH referrals (1–2 children each) are sent through
// POST /api/v1/referrals by 10 concurrent clients, then the same rows are inserted with `pg` over 10
// connections, one transaction a referral. Aims: at least half the plain-SQL throughput, and p95 under 150 ms.
// Everything it starts is stopped, and its folder removed, at the end (also on failure or Ctrl-C).
// BENCH_REFERRALS=200 makes a quick trial run.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { freePort } from "@/lib/db/embedded";
import { acknowledgementEmail } from "@/lib/referral/messages";
import { referenceFor, todayInLondon } from "@/lib/referral/policy";
import { referralSubmissionSchema, type ReferralSubmission } from "@/lib/referral/schema";
import { childInput, mashReferralInput, siblingInput, type MashReferralInput } from "@/tests/factories/referral";
import { prepareDatabase, type PreparedDatabase } from "./prepare-database";

const REFERRALS = Number(process.env.BENCH_REFERRALS ?? 2000);
const CONCURRENCY = 10;
const WARM_UP = 50;
const AIM_RATIO = 0.5;
const AIM_P95_MS = 150;
const PRACTITIONER = "teacher@example.org";

type Run = { count: number; seconds: number; latencies: number[] };

// --- What to send -----------------------------------------------------------------------------------------

function referralNumber(i: number): MashReferralInput {
  const children = i % 2 === 0 ? [childInput()] : [childInput(), siblingInput()];
  return mashReferralInput({ children, worries: { whatHappened: `Bench referral ${i}: Alex arrived at school with bruising to both upper arms.` } });
}

// --- The API run ------------------------------------------------------------------------------------------

async function runConcurrently(count: number, work: (i: number) => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await work(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { count, seconds: (performance.now() - started) / 1000, latencies };
}

async function postReferral(baseUrl: string, token: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/referrals`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status === 404) throw new Error("The build has no POST /api/v1/referrals: it is older than the referral API. Run `npm run build` first.");
  if (response.status !== 201) throw new Error(`POST /api/v1/referrals answered ${response.status}: ${text.slice(0, 500)}`);
}

// --- The plain-SQL floor: the rows submitReferral writes (lib/referral/mutations.ts), and nothing else --------

async function insertWithSql(client: pg.PoolClient, referrerId: string, submission: ReferralSubmission & { kind: "MASH" }, email: { to: string; name: string }): Promise<void> {
  const now = new Date();
  const id = randomUUID();
  const requestId = randomUUID();
  const { needs, informationSharing: sharing, children } = submission;
  const { consent } = sharing;
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ number: number }>(`SELECT nextval('"Referral_number_seq"')::int AS "number"`);
    const number = rows[0]!.number;
    const reference = referenceFor("MASH", Number(todayInLondon(now).slice(0, 4)), number);
    const answers = JSON.stringify(submission);
    await client.query(
      `INSERT INTO "Referral" ("id", "number", "reference", "kind", "level", "referrerId", "idempotencyKey", "requestHash", "answers", "thresholdVersion", "suggestedLevel", "submittedAt")
       VALUES ($1, $2, $3, 'MASH', 4, $4, $5, $6, $7, $8, $9, $10)`,
      [id, number, reference, referrerId, randomUUID(), createHash("sha256").update(answers).digest("hex"), answers, needs.thresholdVersion, needs.suggestedLevel ?? null, now],
    );
    await client.query(
      `INSERT INTO "ConsentRecord" ("id", "referralId", "status", "givenBy", "relationship", "givenAt", "method", "exceptionReason", "rationale", "effortsOrViews", "youngPersonViews", "familyInformed", "reasonNotInformed", "recordedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        randomUUID(), id, consent.status, consent.givenBy || null, consent.relationship || null, consent.givenAt || null, consent.method || null,
        consent.exceptionReason || null, consent.rationale || null, consent.effortsOrViews || null, sharing.youngPersonViews || null,
        sharing.familyInformed === "YES", sharing.reasonNotInformed || null, now,
      ],
    );
    const indicatorIds = [...new Set(needs.indicatorIds)];
    await client.query(`INSERT INTO "ReferralIndicator" ("referralId", "indicatorId", "thresholdVersion") SELECT $1, unnest($2::text[]), $3`, [id, indicatorIds, needs.thresholdVersion]);
    const contactIds = children.map(() => randomUUID());
    await client.query(
      `INSERT INTO "Contact" ("id", "referralId", "childIndex", "childName", "dateOfBirth", "nhsNumber", "postcode", "receivedAt")
       SELECT unnest($1::uuid[]), $2, unnest($3::int[]), unnest($4::text[]), unnest($5::date[]), unnest($6::text[]), unnest($7::text[]), $8`,
      [
        contactIds, id, children.map((_, i) => i), children.map((c) => `${c.firstName} ${c.lastName}`), children.map((c) => c.dateOfBirth),
        children.map((c) => c.nhsNumber || null), children.map((c) => c.postcode), now,
      ],
    );
    const message = acknowledgementEmail({ to: email.to, name: email.name, reference, kind: "MASH", submittedAt: now });
    await client.query(`INSERT INTO "OutboxMessage" ("to", "subject", "body") VALUES ($1, $2, $3)`, [message.to, message.subject, message.body]);
    // Last, as in the mutation: the audit trigger serialises writers on a lock held until COMMIT.
    const events = [
      { action: "referral.submitted", entityType: "Referral", entityId: id, details: { reference, kind: "MASH", level: 4, children: children.length, consent: consent.status, attachments: 0, draftId: null } },
      ...contactIds.map((contactId) => ({ action: "contact.created", entityType: "Contact", entityId: contactId, details: { referralId: id, reference, channel: "ONLINE" } })),
    ];
    await client.query(
      `INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "requestId", "details")
       SELECT $1, unnest($2::text[]), unnest($3::text[]), unnest($4::text[]), $5, unnest($6::jsonb[])`,
      [referrerId, events.map((e) => e.action), events.map((e) => e.entityType), events.map((e) => e.entityId), requestId, events.map((e) => JSON.stringify(e.details))],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

// --- The server -------------------------------------------------------------------------------------------

function startServer(databaseUrl: string, port: number): { process: ChildProcess; output: string[] } {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const output: string[] = [];
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "bench-secret-not-for-production-use-0000000000000",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      // The e-mail worker would compete with the requests being measured.
      MASH_BACKGROUND_WORK: "off",
    },
  });
  // The last 50 lines, to show if the server fails to start.
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - 50));
  };
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  return { process: server, output };
}

async function waitUntilHealthy(baseUrl: string, server: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${output.join("\n")}`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy within 60 seconds:\n${output.join("\n")}`);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

// --- Reporting --------------------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(run: Run) {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return { perSecond: run.count / run.seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), seconds: run.seconds };
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

// --- Main -------------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error("Run `npm run build` first: the benchmark measures a production build.");
    process.exitCode = 1;
    return;
  }

  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => console.error(error));
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  process.once("SIGTERM", () => void cleanUp().then(() => process.exit(143)));

  try {
    // Always a database of our own, never the one DATABASE_URL names.
    delete process.env.DATABASE_URL;
    const dir = await mkdtemp(path.join(tmpdir(), "mash-bench-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await chmod(dir, 0o755);
    console.log("Starting a temporary PostgreSQL…");
    const database: PreparedDatabase = await prepareDatabase({ seed: true, dataDir: path.join(dir, "postgres"), quiet: true });
    cleanups.push(database.stop);

    const { findSessionUserById, findUserIdByEmail } = await import("@/lib/auth/data");
    const { createApiToken } = await import("@/lib/auth/mutations");
    const { db } = await import("@/lib/db/client");
    const found = await findUserIdByEmail(PRACTITIONER);
    const user = found ? await findSessionUserById(found.id) : null;
    if (!user) throw new Error(`The demo practitioner ${PRACTITIONER} is missing.`);
    const { token } = await createApiToken({ name: "bench:submit", expiresInDays: 1 }, { actor: user, requestId: null });
    await db.$disconnect();

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    console.log(`Starting the production build on ${baseUrl}…`);
    const server = startServer(database.url, port);
    cleanups.push(() => stopServer(server.process));
    await waitUntilHealthy(baseUrl, server.process, server.output);

    const bodies = Array.from({ length: REFERRALS }, (_, i) => referralNumber(i));
    console.log(`Warming up (${WARM_UP} referrals)…`);
    await runConcurrently(WARM_UP, (i) => postReferral(baseUrl, token, referralNumber(REFERRALS + i)));

    console.log(`API: ${REFERRALS} referrals through POST /api/v1/referrals, ${CONCURRENCY} concurrent clients…`);
    const api = summarise(await runConcurrently(REFERRALS, (i) => postReferral(baseUrl, token, bodies[i])));
    await stopServer(server.process);

    console.log(`Plain SQL: the same rows, one transaction a referral, ${CONCURRENCY} connections…`);
    const submissions = bodies.map((body) => referralSubmissionSchema.parse(body) as ReferralSubmission & { kind: "MASH" });
    const pool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY, options: "-c TimeZone=UTC" });
    // PostgreSQL stopping at the end closes idle connections; that is expected, not a crash.
    pool.on("error", () => {});
    cleanups.push(() => pool.end());
    const clients = await Promise.all(Array.from({ length: CONCURRENCY }, () => pool.connect()));
    clients.forEach((client) => client.release());
    const sql = summarise(
      await runConcurrently(REFERRALS, async (i) => {
        const client = await pool.connect();
        try {
          await insertWithSql(client, user.id, submissions[i]!, { to: user.email, name: user.name });
        } finally {
          client.release();
        }
      }),
    );

    const expected = WARM_UP + 2 * REFERRALS;
    const { rows } = await pool.query<{ referrals: number; contacts: number }>(`SELECT (SELECT count(*) FROM "Referral")::int AS referrals, (SELECT count(*) FROM "Contact")::int AS contacts`);
    if (rows[0]!.referrals !== expected) throw new Error(`Expected ${expected} referrals in the database, found ${rows[0]!.referrals}.`);

    const ratio = api.perSecond / sql.perSecond;
    const table = [
      ["", "referrals/s", "p50 ms", "p95 ms", "seconds"],
      ["API (HTTP, production build)", fixed(api.perSecond), fixed(api.p50), fixed(api.p95), fixed(api.seconds)],
      ["Plain SQL (pg, one transaction each)", fixed(sql.perSecond), fixed(sql.p50), fixed(sql.p95), fixed(sql.seconds)],
    ];
    const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
    console.log("");
    console.log(`${REFERRALS} MASH referrals (${rows[0]!.contacts} contacts in all), ${CONCURRENCY} concurrent clients`);
    for (const row of table) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
    console.log("");
    console.log(`API / plain-SQL throughput: ${fixed(ratio, 2)} (aim: at least ${AIM_RATIO}) — ${ratio >= AIM_RATIO ? "met" : "NOT met"}`);
    console.log(`API p95: ${fixed(api.p95)} ms (aim: under ${AIM_P95_MS} ms) — ${api.p95 < AIM_P95_MS ? "met" : "NOT met"}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
