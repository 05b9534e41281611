import { CONTACTS } from "@/lib/thresholds/pathways";
import { DRAFT_KEPT_DAYS } from "./policy";

// The words of the e-mails a referral sends. E-mail is not a secure channel: these name the reference, never
// the child or the worry; the referrer opens the service to read more.

const londonDate = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long" });
const londonDateTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" });

export function appUrl(): string {
  return (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

export const WHAT_HAPPENS_NEXT = {
  MASH: [
    "A MASH manager will review your referral and give it a rating that sets how quickly it is screened: within 1 hour where a child may need protection, 24 hours, or 5 days.",
    "The MASH may contact you for more information while it screens the referral with police, health, education and other partners.",
    "You will be told the outcome in writing.",
  ],
  EARLY_HELP: [
    "Your request goes to the CFSS Partnership Support team.",
    "A partnership coordinator will contact you within 3 working days.",
    "You will be told the outcome in writing.",
  ],
} as const;

export function acknowledgementEmail(referral: { to: string; name: string; reference: string; kind: "MASH" | "EARLY_HELP"; submittedAt: Date }): { to: string; subject: string; body: string } {
  const what = referral.kind === "MASH" ? "MASH referral" : "early-help request";
  return {
    to: referral.to,
    subject: `${referral.kind === "MASH" ? "Referral" : "Early-help request"} ${referral.reference} received`,
    body: [
      `Dear ${referral.name},`,
      "",
      `We received your ${what} on ${londonDateTime.format(referral.submittedAt)}. Its reference is ${referral.reference}.`,
      "",
      "What happens next",
      ...WHAT_HAPPENS_NEXT[referral.kind].map((line) => `- ${line}`),
      "",
      `You can see it, and its outcome when there is one, under My referrals: ${appUrl()}/referrals`,
      "",
      `If a child is in immediate danger, phone 999. To speak to the MASH, phone ${CONTACTS.mash.phone} (${CONTACTS.mash.hours}); out of hours, ${CONTACTS.outOfHours.phone}.`,
      "",
      "Northamptonshire Multi-Agency Safeguarding Hub",
    ].join("\n"),
  };
}

/**
 * The reminder's words. E-mail is not a secure channel, so, like the acknowledgement, it never names the
 * child: the kind of draft and when it was last saved are enough for the practitioner to find it.
 */
export function draftReminderEmail(draft: { to: string; name: string; kind: "MASH" | "EARLY_HELP"; updatedAt: Date; expiresAt: Date }): { to: string; subject: string; body: string } {
  const what = draft.kind === "MASH" ? "MASH referral" : "early-help request";
  const deletedOn = londonDate.format(draft.expiresAt);
  return {
    to: draft.to,
    subject: `Your draft ${what} will be deleted on ${deletedOn}`,
    body: [
      `Dear ${draft.name},`,
      "",
      `Your draft ${what}, last saved on ${londonDate.format(draft.updatedAt)}, will be deleted on ${deletedOn}. Drafts are kept for ${DRAFT_KEPT_DAYS} days after they were last saved.`,
      "",
      `To keep it, open it from My referrals and save or send it: ${appUrl()}/referrals`,
      "",
      "If you no longer need it, you do not need to do anything.",
      "",
      "Northamptonshire Multi-Agency Safeguarding Hub",
    ].join("\n"),
  };
}
