// The server Playwright tests: a production build on 127.0.0.1 against a fresh embedded PostgreSQL in a
// temporary folder, migrated and seeded with the demo data. Stopped (and the folder removed) with the tests.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "./prepare-database";

async function main() {
  delete process.env.DATABASE_URL;
  const dir = await mkdtemp(path.join(tmpdir(), "mash-e2e-"));
  await chmod(dir, 0o755);
  const database = await prepareDatabase({ seed: true, dataDir: path.join(dir, "postgres"), quiet: true });
  const port = process.env.E2E_PORT ?? "3107";
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000000000",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  });
  const stop = async () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    await database.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true }).catch(() => {});
    process.exit(0);
  };
  server.on("exit", () => void stop());
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
