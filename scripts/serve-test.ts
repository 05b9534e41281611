// The server Playwright tests: a production build on 127.0.0.1 against a fresh embedded PostgreSQL in a
// temporary folder, migrated and seeded with the demo data, sending its e-mail over SMTP to a test SMTP
// server in this process, which writes each message to a file the tests read (tests/e2e/mail.ts). Stopped
// (and the folder and file removed) with the tests.
import { appendFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { e2eMailLog, startSmtpServer } from "../tests/support/smtp";
import { prepareDatabase } from "./prepare-database";
import { runNext } from "./run-next";

async function main() {
  delete process.env.DATABASE_URL;
  const port = process.env.E2E_PORT ?? "3107";
  const dir = await mkdtemp(path.join(tmpdir(), "mash-e2e-"));
  await chmod(dir, 0o755);
  const mailLog = e2eMailLog(port);
  await rm(mailLog, { force: true });
  const smtp = await startSmtpServer({ onMessage: (message) => appendFileSync(mailLog, `${JSON.stringify(message)}\n`) });
  const database = await prepareDatabase({ seed: true, dataDir: path.join(dir, "postgres"), quiet: true });
  const removeAfterwards = {
    ...database,
    stop: async () => {
      await database.stop();
      await smtp.close();
      await rm(dir, { recursive: true, force: true });
      await rm(mailLog, { force: true });
    },
  };
  runNext("start", removeAfterwards, {
    port,
    host: "127.0.0.1",
    env: {
      ...process.env,
      MASH_DEMO: "1",
      SMTP_URL: smtp.url,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-000000000000",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
