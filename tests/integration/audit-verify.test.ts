import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/mutations";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db } from "@/lib/db/client";

// The tests share this file's database and run in order. Each tampering test repairs what it broke (with
// triggers off, as the tampering itself), so the next test starts from an intact chain again.

const url = () => process.env.DATABASE_URL!;

type StoredEvent = { id: string; occurredAt: Date; actorId: string | null; action: string; entityType: string; entityId: string | null; requestId: string | null; details: unknown; prevHash: string; hash: string };

/** Runs SQL as the superuser with triggers disabled for the session, as an attacker with database access could. */
async function withTriggersOff<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    return await work(client);
  } finally {
    await client.end();
  }
}

async function addEvents(count: number, label: string) {
  for (let n = 0; n < count; n++) {
    await db.$transaction((tx) => recordAudit(tx, { actorId: null, action: `test.${label}`, entityType: "Test", entityId: String(n), details: { n, note: "ä ✓ \"quoted\"" } }));
  }
}

async function eventIds(): Promise<string[]> {
  return (await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id.toString());
}

function runScript(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { env, cwd: process.cwd(), timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe("verifyAuditChain", () => {
  beforeAll(async () => {
    await addEvents(12, "seed");
  });

  it("passes an intact chain and counts every event", async () => {
    expect(await verifyAuditChain(url())).toEqual({ ok: true, checked: 12 });
  });

  it("walks the chain in batches", async () => {
    expect(await verifyAuditChain(url(), 5)).toEqual({ ok: true, checked: 12 });
    expect(await verifyAuditChain(url(), 1)).toEqual({ ok: true, checked: 12 });
  });

  it("passes a chain written by concurrent transactions", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, n) => db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "test.concurrent", entityType: "Test", details: { n } }))),
    );
    expect(await verifyAuditChain(url(), 3)).toEqual({ ok: true, checked: 20 });
  });

  it("catches an altered event, even in a later batch", async () => {
    const ids = await eventIds();
    const target = ids[7]!;
    const original = await withTriggersOff(async (client) => {
      const { rows } = await client.query<{ details: string }>(`SELECT details::text AS details FROM "AuditEvent" WHERE id = $1`, [target]);
      await client.query(`UPDATE "AuditEvent" SET details = '{"n": 999}' WHERE id = $1`, [target]);
      return rows[0]!.details;
    });

    for (const batchSize of [5_000, 3]) {
      expect(await verifyAuditChain(url(), batchSize)).toEqual({
        ok: false,
        checked: 7,
        brokenAt: { id: target, problem: "its content does not match its hash: the event was altered" },
      });
    }

    await withTriggersOff((client) => client.query(`UPDATE "AuditEvent" SET details = $2::jsonb WHERE id = $1`, [target, original]));
    expect(await verifyAuditChain(url())).toEqual({ ok: true, checked: 20 });
  });

  it("catches a deleted event at the one after it", async () => {
    const ids = await eventIds();
    const deleted = await withTriggersOff(async (client) => {
      const { rows } = await client.query<StoredEvent>(`DELETE FROM "AuditEvent" WHERE id = $1 RETURNING *`, [ids[4]]);
      return rows[0]!;
    });

    expect(await verifyAuditChain(url())).toEqual({
      ok: false,
      checked: 4,
      brokenAt: { id: ids[5], problem: "its prevHash does not match the hash of the event before it: an event was deleted or inserted" },
    });

    await restore(deleted);
    expect(await verifyAuditChain(url())).toEqual({ ok: true, checked: 20 });
  });

  it("catches the first event being deleted", async () => {
    const ids = await eventIds();
    const deleted = await withTriggersOff(async (client) => (await client.query<StoredEvent>(`DELETE FROM "AuditEvent" WHERE id = $1 RETURNING *`, [ids[0]])).rows[0]!);

    const result = await verifyAuditChain(url());
    expect(result).toMatchObject({ ok: false, checked: 0, brokenAt: { id: ids[1] } });
    expect(result.ok || result.brokenAt.problem).toMatch(/first event but does not start the chain/);

    await restore(deleted);
  });

  it("catches a forged event slipped into the chain, even with a well-formed hash", async () => {
    const ids = await eventIds();
    const [after, next] = [ids[2]!, ids[3]!];
    // The chain trigger draws a second id for each row, so there are free ids between events.
    const forgedId = (BigInt(after) + 1n).toString();
    expect(forgedId).not.toBe(next);
    await withTriggersOff(async (client) => {
      await client.query(
        `INSERT INTO "AuditEvent" (id, action, "entityType", "prevHash", hash)
         SELECT $1::bigint, 'user.created', 'User', hash, '' FROM "AuditEvent" WHERE id = $2::bigint`,
        [forgedId, after],
      );
      await client.query(`UPDATE "AuditEvent" e SET hash = audit_event_digest(e) WHERE id = $1::bigint`, [forgedId]);
    });

    expect(await verifyAuditChain(url())).toEqual({
      ok: false,
      checked: 4,
      brokenAt: { id: next, problem: "its prevHash does not match the hash of the event before it: an event was deleted or inserted" },
    });

    await withTriggersOff((client) => client.query(`DELETE FROM "AuditEvent" WHERE id = $1::bigint`, [forgedId]));
    expect(await verifyAuditChain(url())).toEqual({ ok: true, checked: 20 });
  });
});

describe("npm run audit:verify", () => {
  it("prints the count and exits 0 for an intact trail, the broken event and 1 for a tampered one", async () => {
    await addEvents(2, "script");
    const env = { ...process.env, DATABASE_URL: url(), NODE_OPTIONS: "" };
    const count = await db.auditEvent.count();

    const intact = await runScript(env);
    expect(intact).toMatchObject({ code: 0, stderr: "" });
    expect(intact.stdout.trim()).toBe(`Audit trail intact: ${count} events checked.`);

    const ids = await eventIds();
    const target = ids.at(-2)!;
    await withTriggersOff((client) => client.query(`UPDATE "AuditEvent" SET action = 'forged', "requestId" = $2 WHERE id = $1`, [target, randomUUID()]));

    const broken = await runScript(env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe("");
    expect(broken.stderr.trim()).toBe(`Audit trail broken at event ${target}: its content does not match its hash: the event was altered`);
  }, 60_000);
});

async function restore(event: StoredEvent) {
  await withTriggersOff((client) =>
    client.query(
      `INSERT INTO "AuditEvent" (id, "occurredAt", "actorId", action, "entityType", "entityId", "requestId", details, "prevHash", hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
      [event.id, event.occurredAt, event.actorId, event.action, event.entityType, event.entityId, event.requestId, JSON.stringify(event.details), event.prevHash, event.hash],
    ),
  );
}
