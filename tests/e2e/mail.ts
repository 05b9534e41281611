import { readFile } from "node:fs/promises";
import { e2eMailLog, type ReceivedEmail } from "@/tests/support/smtp";
import { expect } from "./fixtures";

// The e-mail the app sent during the end-to-end tests, as the test SMTP server received it
// (scripts/serve-test.ts writes one JSON message a line).

const mailLog = e2eMailLog(process.env.E2E_PORT ?? "3107");

async function receivedEmails(): Promise<ReceivedEmail[]> {
  const text = await readFile(mailLog, "utf8").catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? "" : Promise.reject(error)));
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedEmail);
}

/**
 * The e-mail to `to` with this subject, once the outbox has sent it to the SMTP server (the worker polls every
 * few seconds). Fails after 30 seconds.
 */
export async function expectEmail(to: string, subject: string): Promise<ReceivedEmail> {
  let found: ReceivedEmail | undefined;
  await expect
    .poll(
      async () => {
        found = (await receivedEmails()).find((message) => message.envelopeTo.includes(to) && message.headers.subject === subject);
        return found !== undefined;
      },
      { message: `an e-mail to ${to} with the subject "${subject}"`, timeout: 30_000, intervals: [500, 1_000] },
    )
    .toBe(true);
  return found!;
}
