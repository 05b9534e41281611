import { db } from "@/lib/db/client";

export type DatabaseHealth = { ok: true; latencyMs: number; migrations: number } | { ok: false; error: string };

/** A round trip to the database and the count of applied migrations, for /api/v1/health. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    const rows = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return { ok: true, latencyMs: Math.round(performance.now() - started), migrations: Number(rows[0]?.count ?? 0) };
  } catch {
    return { ok: false, error: "The database is not reachable." };
  }
}
