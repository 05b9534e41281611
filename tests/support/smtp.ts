import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";

// A real SMTP server for tests: the outbox's integration tests start one per test, and the end-to-end
// server (scripts/serve-test.ts) starts one for the app to send to, writing each message it receives to a
// file the browser tests read (tests/e2e/mail.ts).

export type ReceivedEmail = { envelopeTo: string[]; headers: Record<string, string>; body: string };

/**
 * A real SMTP server on a free port of 127.0.0.1 that keeps what it receives (and hands each message to
 * `onMessage`), or refuses every recipient.
 */
export async function startSmtpServer(options: { rejectRecipients?: boolean; onMessage?: (message: ReceivedEmail) => void } = {}) {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on the loopback: nodemailer would otherwise try STARTTLS against a self-signed certificate.
    hideSTARTTLS: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (options.rejectRecipients) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const message = { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), ...parseMessage(Buffer.concat(chunks).toString("utf8")) };
        received.push(message);
        options.onMessage?.(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Just enough of RFC 5322 and MIME for nodemailer's plain-text messages: unfolded headers and a decoded body. */
function parseMessage(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const headers: Record<string, string> = {};
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.slice(split + 4);
  if (headers["content-transfer-encoding"] === "quoted-printable") {
    const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    body = Buffer.from(bytes, "latin1").toString("utf8");
  }
  return { headers, body: body.replace(/\r\n/g, "\n").replace(/\n$/, "") };
}

/** Where the end-to-end server writes what its SMTP server received: one JSON message a line. */
export function e2eMailLog(port: string | number): string {
  return path.join(tmpdir(), `mash-e2e-${port}-mail.jsonl`);
}
