import pg from "pg";

// Walks the hash chain the foundation migration builds (see audit_event_chain()) and recomputes every
// digest with the database's own audit_event_digest(), so the rule lives in one place. Rows are read in
// keyset batches, so memory stays flat however long the trail grows.
//
// What it can catch: a row whose content changed (its hash no longer matches), and a row deleted or
// slipped in (the next row's prevHash no longer matches). What it cannot: events cut from the very end,
// or a rewrite that recomputes every later hash; only a copy of the latest hash kept elsewhere shows those.

export type AuditChainResult = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: { id: string; problem: string } };

const BATCH_SIZE = 5_000;
const GENESIS = "genesis";

type ChainRow = { id: string; prev_hash: string; hash: string; digest: string };

const SELECT_ROWS = `SELECT e."id"::text AS id, e."prevHash" AS prev_hash, e."hash" AS hash, audit_event_digest(e) AS digest FROM "AuditEvent" e`;

/** The next `size` events after `lastId` (from the first when null), in id order, with their recomputed digest. */
async function readBatch(client: pg.Client, lastId: string | null, size: number): Promise<ChainRow[]> {
  const { rows } =
    lastId === null
      ? await client.query<ChainRow>(`${SELECT_ROWS} ORDER BY e."id" LIMIT $1`, [size])
      : await client.query<ChainRow>(`${SELECT_ROWS} WHERE e."id" > $1::bigint ORDER BY e."id" LIMIT $2`, [lastId, size]);
  return rows;
}

export async function verifyAuditChain(connectionString: string, batchSize = BATCH_SIZE): Promise<AuditChainResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // One snapshot for the whole walk, so batches read while events are being added still fit together.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    let checked = 0;
    let previousHash = GENESIS;
    let lastId: string | null = null;
    for (;;) {
      const rows = await readBatch(client, lastId, batchSize);
      for (const row of rows) {
        if (row.prev_hash !== previousHash) {
          const problem =
            checked === 0
              ? `it is the first event but does not start the chain (prevHash is not "${GENESIS}"): events before it were deleted`
              : "its prevHash does not match the hash of the event before it: an event was deleted or inserted";
          return { ok: false, checked, brokenAt: { id: row.id, problem } };
        }
        if (row.hash !== row.digest) {
          return { ok: false, checked, brokenAt: { id: row.id, problem: "its content does not match its hash: the event was altered" } };
        }
        previousHash = row.hash;
        checked += 1;
      }
      if (rows.length < batchSize) return { ok: true, checked };
      lastId = rows[rows.length - 1]?.id ?? null;
    }
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end();
  }
}
