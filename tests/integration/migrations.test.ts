import { cp, mkdtemp, rm, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "@/lib/db/migrate";

// The migration runner against a real, empty database on the test server.
const adminUrl = new URL(process.env.DATABASE_URL!);

async function emptyDatabase(): Promise<string> {
  const name = `mash_migrate_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const created: string[] = [];
afterEach(async () => {
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("applies every migration once and records it the way Prisma does", async () => {
    const url = await emptyDatabase();
    const migrations = await listMigrations();
    expect((await migrate(url)).applied).toEqual(migrations.map((m) => m.name));
    expect((await migrate(url)).applied).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[i]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("migrates once when two instances start together", async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual((await listMigrations()).map((m) => m.name));
    const rows = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.count)).toBe((await listMigrations()).length);
  });

  it("refuses to start when an applied migration was edited, and rolls back a failing one whole", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mash-migrations-"));
    try {
      await cp(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
      const url = await emptyDatabase();
      await migrate(url, dir);
      const [first] = await listMigrations(dir);
      await appendFile(path.join(dir, first!.name, "migration.sql"), "\n-- edited afterwards\n");
      await expect(migrate(url, dir)).rejects.toThrow(/was changed after it was applied/);

      const fresh = await emptyDatabase();
      await cp(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true, force: true });
      await cp(path.join(dir, first!.name), path.join(dir, "99990101000000_broken"), { recursive: true });
      await writeFile(path.join(dir, "99990101000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";\n`);
      await expect(migrate(fresh, dir)).rejects.toThrow(/99990101000000_broken failed/);
      const tables = await query<{ exists: boolean }>(fresh, `SELECT to_regclass('"Half"') IS NOT NULL AS exists`);
      expect(tables[0]!.exists).toBe(false);
      const recorded = await query<{ migration_name: string }>(fresh, `SELECT migration_name FROM "_prisma_migrations"`);
      expect(recorded.map((r) => r.migration_name)).not.toContain("99990101000000_broken");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
