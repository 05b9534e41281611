import type { Metadata } from "next";
import { formatDateTime } from "@/components/format-date-time";
import { requireUser } from "@/lib/auth/require-user";
import { listMailbox } from "@/lib/notify/data";
import { deliveryModeFor } from "@/lib/notify/policy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Demo mailbox" };

export default async function MailboxPage() {
  const user = await requireUser("/mailbox");
  const mode = deliveryModeFor(process.env);
  const messages = await listMailbox(user);

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Demo mailbox</h1>
      {mode === "mailbox" && (
        <p className="mb-4 max-w-3xl">
          This copy of the service is not connected to a mail server, so the e-mails it sends you, such as the acknowledgement of a referral,
          arrive here instead. On a real deployment they go to your e-mail address through SMTP.
        </p>
      )}
      {mode === "smtp" && (
        <p className="mb-4 max-w-3xl">
          The demo mailbox is not in use: this service sends e-mail to your address through its mail server. Messages from before it was
          connected are still listed below.
        </p>
      )}
      {mode === "none" && (
        <p className="mb-4 max-w-3xl">
          The demo mailbox is not in use, and this service is not yet connected to a mail server: e-mails are kept until it is, then sent to your
          address.
        </p>
      )}
      <p className="mb-8 max-w-3xl">
        Showing e-mails to <strong className="break-words">{user.email}</strong>, newest first.
      </p>

      <h2 className="mt-12 mb-4 text-2xl font-bold md:text-3xl">Your e-mails</h2>
      {messages.length === 0 ? (
        <p>There are no e-mails for you here.</p>
      ) : (
        <ul className="border-t border-rule">
          {messages.map((message) => (
            <li key={message.id} className="border-b border-rule py-4">
              <article aria-labelledby={`message-${message.id}`}>
                <h3 id={`message-${message.id}`} className="mb-2 text-lg font-bold break-words">
                  {message.subject}
                </h3>
                <p className="mb-3 text-base">
                  <span className="font-bold">Sent: </span>
                  <time dateTime={message.sentAt.toISOString()}>{formatDateTime(message.sentAt)}</time>
                </p>
                <pre className="font-sans text-base break-words whitespace-pre-wrap">{message.body}</pre>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
