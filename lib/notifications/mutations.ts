import { db, type Tx } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/notify/mutations";
import { appUrl } from "@/lib/referral/messages";

// In-app notifications, each with its e-mail. Written inside the caller's transaction, so a message exists
// exactly when the decision or breach it reports does, and a retried job that finds the work done sends none.

export type NotificationKind =
  | "contact.red"
  | "contact.allocated"
  | "contact.returned"
  | "clock.warning"
  | "clock.breached"
  | "followUp.overdue"
  | "request.made"
  | "request.answered"
  | "screening.recorded"
  | "challenge.raised"
  | "challenge.escalated"
  | "challenge.decided"
  | "strategy.agreed"
  | "cfss.escalated"
  | "cfss.oversight";

export type NotificationMessage = {
  kind: NotificationKind;
  contactId: string | null;
  /** One line: shown in the list and used as the e-mail's subject. E-mail is not secure: a reference, never a name. */
  title: string;
  /** Plain text. The same rule: no child's name, no detail of the worry. */
  body: string;
  /** The page to open, relative to the app (the e-mail carries the full address). */
  path?: string;
};

export type Recipient = { id: string; email: string };

/** One notification and one e-mail for each recipient (deduplicated by id). Returns how many were sent. */
export async function notifyUsers(tx: Tx, recipients: readonly Recipient[], message: NotificationMessage, now = new Date()): Promise<number> {
  const unique = [...new Map(recipients.map((recipient) => [recipient.id, recipient])).values()];
  if (unique.length === 0) return 0;
  // A page of this app only: the Notifications page links to it.
  if (message.path !== undefined && !/^\/(?!\/)/.test(message.path)) throw new Error(`A notification's path must be within the app: ${message.path}`);
  await tx.notification.createMany({
    data: unique.map((recipient) => ({ userId: recipient.id, contactId: message.contactId, kind: message.kind, title: message.title, body: message.body, path: message.path ?? null, createdAt: now })),
  });
  const link = message.path ? `\n\nOpen it: ${appUrl()}${message.path}` : "";
  for (const recipient of unique) {
    await enqueueEmail(tx, { to: recipient.email, subject: message.title, body: `${message.body}${link}\n\nNorthamptonshire MASH` });
  }
  return unique.length;
}

/** Marks one's own notifications read; someone else's are left alone (and not reported). */
export async function markNotificationsRead(userId: string, ids: readonly string[] | "all", now = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: now },
  });
  return count;
}
