import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { DEFAULT_MAIL_FROM } from "./policy";

export type MailSender = {
  send(message: { to: string; subject: string; body: string }): Promise<void>;
  close(): void;
};

/**
 * An SMTP sender for SMTP_URL: smtp://user:password@host:587 (STARTTLS when the server offers it) or
 * smtps://…:465 (TLS from the start); nodemailer's URL options (?tls.rejectUnauthorized=false …) work too.
 * The timeouts are well inside the outbox's claim lease (policy.ts), so a hung server is a failed attempt,
 * not a message claimed twice.
 */
export function createSmtpSender(smtpUrl: string, from: string = DEFAULT_MAIL_FROM): MailSender {
  const options: SMTPTransport.Options & { url: string } = { url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
  const transporter = nodemailer.createTransport(options, { from });
  return {
    async send(message) {
      await transporter.sendMail({ to: message.to, subject: message.subject, text: message.body });
    },
    close() {
      transporter.close();
    },
  };
}
