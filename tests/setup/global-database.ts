import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

// One PostgreSQL for the run: the embedded one in a temporary folder, or the server named by
// TEST_DATABASE_URL (a role allowed to CREATE DATABASE). A template database is migrated once; every test
// file then gets a fresh copy of it (tests/setup/file-database.ts).

export const TEMPLATE = "mash_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let teardown = async () => {};
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), "mash-test-pg-"));
    await chmod(dir, 0o755); // run as root, PostgreSQL runs as the `postgres` user and must reach its folder
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), quiet: true });
    adminUrl = server.url("postgres");
    teardown = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE}`;
  await migrate(url.toString());

  project.provide("adminDatabaseUrl", adminUrl);
  return teardown;
}
