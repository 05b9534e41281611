import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSchemaDrift } from "@/lib/db/drift";

// This file's database is a throwaway copy of the migrated template, so the test may drift it on purpose.
const url = () => process.env.DATABASE_URL!;

async function runSql(sql: string) {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("schema drift", () => {
  // First, before anything is altered: a migration that forgets a column, an index or a key fails here.
  it("finds none between schema.prisma and the migrated database", async () => {
    expect(await findSchemaDrift(url())).toEqual([]);
  });

  describe("against a schema that asks for more than the migrations made", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "mash-drift-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("names each missing table, column, enum value, index and foreign key", async () => {
      const schema = (await readFile("prisma/schema.prisma", "utf8"))
        .replace("  ADMIN\n}", "  ADMIN\n  AUDITOR\n}")
        .replace("  phone        String?\n", '  phone        String?\n  nickname     String? @map("nick_name") @db.VarChar(40)\n')
        .replace("  @@index([role])\n", "  @@index([role])\n  @@index([name, email(sort: Desc)])\n")
        .concat(`
model Note {
  id       Int    @id @default(autoincrement())
  agencyId String @db.Uuid
  agency   Agency @relation(fields: [agencyId], references: [id], onDelete: Cascade)
}
`)
        .replace("  users     User[]\n", "  users     User[]\n  notes     Note[]\n");
      const schemaPath = path.join(dir, "schema.prisma");
      await writeFile(schemaPath, schema);

      const drift = await findSchemaDrift(url(), schemaPath);
      expect(drift).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Enum "Role": the schema has values \(.*ADMIN, AUDITOR\)/),
          'Column "User"."nick_name" is missing from the database.',
          'Index "User_name_email_idx" on "User" (name, email) is missing from the database.',
          'Table "Note" is missing from the database.',
          'Primary key "Note_pkey" on "Note" (id) is missing from the database.',
          'Foreign key "Note_agencyId_fkey" on "Note" (agencyId) referencing "Agency" is missing from the database.',
        ]),
      );
      expect(drift).toHaveLength(6);
    });
  });

  describe("after the database is altered by hand", () => {
    beforeAll(async () => {
      await runSql(`
        ALTER TABLE "User" ALTER COLUMN "name" DROP NOT NULL;
        ALTER TABLE "Agency" ALTER COLUMN "name" TYPE varchar(50);
        DROP INDEX "User_role_idx";
        ALTER TABLE "UserSession" ADD COLUMN "ipAddress" text;
        CREATE INDEX "ApiToken_prefix_idx" ON "ApiToken" ("prefix");
        DROP INDEX "AuditEvent_entityType_entityId_idx";
        CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent" ("entityId", "entityType");
        ALTER TABLE "ApiToken" DROP CONSTRAINT "ApiToken_userId_fkey";
        ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        ALTER TYPE "AgencyKind" ADD VALUE 'PRIVATE';
        CREATE TABLE "Scratch" ("id" integer PRIMARY KEY);
      `);
    });

    it("reports each difference, naming the table and column", async () => {
      const drift = await findSchemaDrift(url());
      expect(drift).toEqual([
        'Enum "AgencyKind": the schema has values (EDUCATION, HEALTH, POLICE, PROBATION, YOUTH_JUSTICE, CFSS, CHILDRENS_SOCIAL_CARE, DRUG_AND_ALCOHOL, VOLUNTARY), the database has (EDUCATION, HEALTH, POLICE, PROBATION, YOUTH_JUSTICE, CFSS, CHILDRENS_SOCIAL_CARE, DRUG_AND_ALCOHOL, VOLUNTARY, PRIVATE).',
        'Column "Agency"."name": the schema says text, the database has character varying(50).',
        'Column "User"."name": the schema says NOT NULL (required), the database has it nullable.',
        'Column "UserSession"."ipAddress" is in the database but not in the schema.',
        'Table "Scratch" is in the database but not in the schema.',
        'Index "User_role_idx" on "User" (role) is missing from the database.',
        'Index "AuditEvent_entityType_entityId_idx" on "AuditEvent" (entityType, entityId): the database index is on (entityId, entityType).',
        expect.stringMatching(/^Index "ApiToken_prefix_idx" on "ApiToken" \(prefix\) is in the database but not in the schema\.$/),
        'Foreign key "ApiToken_userId_fkey" on "ApiToken" (userId): the schema says ON DELETE Cascade, the database Restrict.',
      ]);
    });
  });
});
