// `npm run audit:verify`: checks the audit trail's hash chain. Uses DATABASE_URL when set, otherwise the
// embedded PostgreSQL the app runs on (.data/postgres, database "mash"), started for the check and stopped
// after. Exit code 0: intact; 1: broken; 2: the check could not run.
import { existsSync } from "node:fs";
import path from "node:path";
import { verifyAuditChain } from "@/lib/audit/verify";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";

const DATA_DIR = path.join(".data", "postgres");

async function main(): Promise<number> {
  let url = process.env.DATABASE_URL;
  let server: EmbeddedDatabase | null = null;
  if (!url) {
    if (!existsSync(path.join(DATA_DIR, "PG_VERSION"))) {
      console.error(`DATABASE_URL is not set and there is no embedded database in ${DATA_DIR}: nothing to verify.`);
      return 2;
    }
    server = await startEmbeddedPostgres({ dataDir: DATA_DIR });
    url = server.url("mash");
  }
  try {
    const result = await verifyAuditChain(url);
    if (result.ok) {
      console.log(`Audit trail intact: ${result.checked} events checked.`);
      return 0;
    }
    console.error(`Audit trail broken at event ${result.brokenAt.id}: ${result.brokenAt.problem}`);
    return 1;
  } finally {
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("The audit trail could not be verified:", error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
