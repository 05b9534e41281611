// `npm run dev`: as `npm start` (embedded database unless DATABASE_URL is set, migrations, demo data), but
// runs `next dev` with hot reload instead of a production build. Never for production.
import { ensureAuthSecret } from "./auth-secret";
import { ensurePrismaClient } from "./build-if-stale";
import { prepareDatabase } from "./prepare-database";
import { runNext } from "./run-next";

async function main() {
  if (process.env.NODE_ENV === "production") throw new Error("npm run dev is for development; use `npm start` in production.");
  ensurePrismaClient();
  const database = await prepareDatabase({ seed: true, demoContacts: true });
  const port = process.env.PORT ?? "3000";
  const env = {
    ...process.env,
    NEXTAUTH_SECRET: await ensureAuthSecret({ root: process.cwd(), production: false }),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  runNext("dev", database, { port, env });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
