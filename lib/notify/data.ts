import type { SessionUser } from "@/lib/auth/data";
import { db } from "@/lib/db/client";

export type MailboxMessage = { id: string; subject: string; body: string; sentAt: Date };

/**
 * The demo mailbox: e-mails the worker delivered there (no SMTP server configured) to the signed-in user's
 * own address, newest first. Nobody sees another person's mail.
 */
export async function listMailbox(user: Pick<SessionUser, "email">, limit = 50): Promise<MailboxMessage[]> {
  const rows = await db.outboxMessage.findMany({
    where: { deliveredVia: "mailbox", sentAt: { not: null }, to: { equals: user.email, mode: "insensitive" } },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, subject: true, body: true, sentAt: true },
  });
  // A bigint id cannot cross to a client component or JSON; a string can.
  return rows.map((row) => ({ id: row.id.toString(), subject: row.subject, body: row.body, sentAt: row.sentAt! }));
}
