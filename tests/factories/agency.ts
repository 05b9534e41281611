import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { AgencyKind } from "@/lib/db/generated/enums";

export type TestAgency = { id: string; name: string; kind: AgencyKind };

/** An agency with a unique name, so tests sharing a file's database never collide. */
export async function createTestAgency(options: { name?: string; kind?: AgencyKind } = {}): Promise<TestAgency> {
  return db.agency.create({
    data: { name: options.name ?? `Test agency ${randomBytes(4).toString("hex")}`, kind: options.kind ?? "EDUCATION" },
    select: { id: true, name: true, kind: true },
  });
}
