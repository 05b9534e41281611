import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/data";
import { recordAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db/client";
import { createTestUser } from "@/tests/factories/user";

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

describe("listAuditEvents", () => {
  async function record(actorId: string | null, entityType: string, entityId: string, n: number) {
    await db.$transaction((tx) => recordAudit(tx, { actorId, action: "test.listed", entityType, entityId, details: { n } }));
  }

  it("gives nothing to a role without audit:read", async () => {
    const [practitioner, admin] = await Promise.all([createTestUser({ role: "PRACTITIONER" }), createTestUser({ role: "ADMIN" })]);
    await record(admin.id, "ListedNone", "1", 1);
    expect(await listAuditEvents(practitioner, { entityType: "ListedNone" })).toEqual({ events: [], nextCursor: null });
    expect(await listAuditEvents(admin, { entityType: "ListedNone" })).toMatchObject({ events: [{ entityType: "ListedNone" }] });
  });

  it("pages newest first with a cursor, ids as strings, without gaps or repeats", async () => {
    const manager = await createTestUser({ role: "MASH_MANAGER" });
    for (let n = 1; n <= 7; n++) await record(manager.id, "ListedPaged", String(n), n);

    const first = await listAuditEvents(manager, { entityType: "ListedPaged", limit: 3 });
    expect(first.events.map((e) => e.details)).toEqual([{ n: 7 }, { n: 6 }, { n: 5 }]);
    expect(typeof first.events[0]?.id).toBe("string");
    expect(first.nextCursor).toBe(first.events[2]?.id);

    const second = await listAuditEvents(manager, { entityType: "ListedPaged", limit: 3, before: first.nextCursor! });
    expect(second.events.map((e) => e.details)).toEqual([{ n: 4 }, { n: 3 }, { n: 2 }]);
    const third = await listAuditEvents(manager, { entityType: "ListedPaged", limit: 3, before: second.nextCursor! });
    expect(third).toMatchObject({ events: [{ details: { n: 1 } }], nextCursor: null });

    // A page that ends exactly at the last event has no next page.
    expect((await listAuditEvents(manager, { entityType: "ListedPaged", limit: 7 })).nextCursor).toBeNull();
  });

  it("filters by entity and actor", async () => {
    const [auditor, someoneElse] = await Promise.all([createTestUser({ role: "SERVICE_MANAGER" }), createTestUser({ role: "ADMIN" })]);
    await record(auditor.id, "ListedFiltered", "a", 1);
    await record(someoneElse.id, "ListedFiltered", "a", 2);
    await record(someoneElse.id, "ListedFiltered", "b", 3);

    const byEntity = await listAuditEvents(auditor, { entityType: "ListedFiltered", entityId: "a" });
    expect(byEntity.events.map((e) => e.details)).toEqual([{ n: 2 }, { n: 1 }]);
    const byActor = await listAuditEvents(auditor, { entityType: "ListedFiltered", actorId: someoneElse.id });
    expect(byActor.events.map((e) => e.details)).toEqual([{ n: 3 }, { n: 2 }]);
  });

  it("caps a page at 100 events and ignores a cursor that is not an event id", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    await db.$transaction(async (tx) => {
      for (let n = 0; n < 101; n++) await recordAudit(tx, { actorId: admin.id, action: "test.listed", entityType: "ListedMany", details: { n } });
    });
    const page = await listAuditEvents(admin, { entityType: "ListedMany", limit: 500 });
    expect(page.events).toHaveLength(100);
    expect(page.nextCursor).not.toBeNull();
    expect(await listAuditEvents(admin, { entityType: "ListedMany", before: "1 OR 1=1" })).toEqual({ events: [], nextCursor: null });
  });
});
