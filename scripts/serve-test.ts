// The server Playwright tests: a production build on 127.0.0.1 against a fresh embedded PostgreSQL in a
// temporary folder, migrated and seeded with the demo data. Stopped (and the folder removed) with the tests.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "./prepare-database";
import { runNext } from "./run-next";

async function main() {
  delete process.env.DATABASE_URL;
  const dir = await mkdtemp(path.join(tmpdir(), "mash-e2e-"));
  await chmod(dir, 0o755);
  const database = await prepareDatabase({ seed: true, dataDir: path.join(dir, "postgres"), quiet: true });
  const port = process.env.E2E_PORT ?? "3107";
  const removeAfterwards = {
    ...database,
    stop: async () => {
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  runNext("start", removeAfterwards, {
    port,
    host: "127.0.0.1",
    env: { ...process.env, MASH_DEMO: "1", NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000000000", NEXTAUTH_URL: `http://127.0.0.1:${port}` },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
