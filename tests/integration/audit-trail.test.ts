import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db/client";

describe("audit trail", () => {
  it("chains each event's hash to the one before", async () => {
    await db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "test.first", entityType: "Test" }));
    await db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "test.second", entityType: "Test", details: { n: 2 } }));
    const [first, second] = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(first?.prevHash).toBe("genesis");
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second?.prevHash).toBe(first?.hash);
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "test.kept", entityType: "Test" }));
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { action: "test.kept" } })).toBe(1);
  });
});
