import { defineConfig } from "prisma/config";

// The CLI is used here only for `prisma generate` (offline) and, where Prisma's schema engine can be
// downloaded, `prisma migrate deploy`. The app applies the same migrations itself: lib/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
