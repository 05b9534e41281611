// `npm start`: the database (embedded unless DATABASE_URL is set), its migrations, the demo data (never in
// production: the demo users, and a few contacts in the MASH queue when it has none), a production build
// when the sources changed, then `next start`.
import { ensureAuthSecret } from "./auth-secret";
import { ensureBuild, ensurePrismaClient } from "./build-if-stale";
import { prepareDatabase } from "./prepare-database";
import { runNext } from "./run-next";

const production = process.env.NODE_ENV === "production";

async function main() {
  ensurePrismaClient();
  const database = await prepareDatabase({ seed: !production, demoContacts: !production });
  ensureBuild();
  const port = process.env.PORT ?? "3000";
  const env = {
    ...process.env,
    NEXTAUTH_SECRET: await ensureAuthSecret({ root: process.cwd(), production }),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    // The demo: e-mail goes to the demo mailbox unless SMTP_URL is set (lib/notify/policy.ts).
    ...(production ? {} : { MASH_DEMO: "1" }),
  };
  runNext("start", database, { port, env });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
