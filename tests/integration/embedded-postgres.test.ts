import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

describe("the embedded PostgreSQL", () => {
  it("keeps its data across a restart, and a second command shares the running cluster", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mash-embedded-"));
    await chmod(dir, 0o755);
    try {
      const first = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), quiet: true });
      await first.createDatabase("mash");
      const client = new pg.Client({ connectionString: first.url("mash") });
      await client.connect();
      await client.query("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
      await client.end();

      // While it runs, another command (npm run token) reuses it instead of failing on the lock.
      const second = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), quiet: true });
      expect(second.url("mash")).toBe(first.url("mash"));
      await second.stop(); // does not stop the shared cluster
      const stillUp = new pg.Client({ connectionString: first.url("mash") });
      await stillUp.connect();
      await stillUp.end();

      await first.stop();
      const restarted = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), quiet: true });
      const again = new pg.Client({ connectionString: restarted.url("mash") });
      await again.connect();
      const { rows } = await again.query<{ note: string }>("SELECT note FROM kept");
      await again.end();
      await restarted.stop();
      expect(rows).toEqual([{ note: "still here" }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
