import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

const MINIMUM_SERVER_VERSION = 150000;

export type PreparedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

/**
 * Starts the embedded PostgreSQL when DATABASE_URL is unset, then migrates and (outside production) seeds.
 * `seed` adds the demo users; `demoContacts` (with `seed`) also a few contacts for the MASH queue, into a
 * database without any. Only `npm start` asks for the contacts: the end-to-end server (serve-test.ts) seeds
 * the users alone, so its tests see only the contacts they make.
 */
export async function prepareDatabase(options: { seed: boolean; demoContacts?: boolean; dataDir?: string; quiet?: boolean }): Promise<PreparedDatabase> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    const dataDir = options.dataDir ?? path.join(process.cwd(), ".data", "postgres");
    if (!options.quiet) console.log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${path.relative(process.cwd(), dataDir)}`);
    const server = await startEmbeddedPostgres({ dataDir });
    await server.createDatabase("mash");
    url = server.url("mash");
    stop = server.stop;
  }

  await checkServerVersion(url);
  const { applied } = await migrate(url);
  if (!options.quiet && applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

  process.env.DATABASE_URL = url;
  if (options.seed) {
    const { db } = await import("@/lib/db/client");
    const { seedDemoContacts, seedDemoData } = await import("@/lib/demo/mutations");
    const { created } = await seedDemoData(db);
    if (!options.quiet && created > 0) console.log(`Seeded ${created} demo users (see README for the logins).`);
    if (options.demoContacts) {
      // The demo is still worth starting without them: say why, and go on.
      try {
        const { created: contacts } = await seedDemoContacts();
        if (!options.quiet && contacts > 0) console.log(`Seeded ${contacts} demo contacts in the MASH queue (sign in as mash.manager@example.org).`);
      } catch (error) {
        console.warn(`The demo contacts could not be seeded: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await db.$disconnect();
  }
  return { url, embedded, stop };
}

async function checkServerVersion(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < MINIMUM_SERVER_VERSION) throw new Error(`PostgreSQL 15 or newer is needed; this server is ${version}.`);
  } finally {
    await client.end();
  }
}
