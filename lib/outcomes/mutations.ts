import { recordAudit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/notify/mutations";
import { appUrl } from "@/lib/referral/messages";
import { composeOutcomeLetter, outcomeEmail } from "./policy";

// The outcome in writing (issue 7 part 6). Called inside the transaction of whatever decision ends the
// MASH's part (a management decision, a return for consent, CFSS triage), so the letter exists exactly when
// the decision does.

/**
 * Writes the outcome letter for one contact and keeps it on the record. A contact has one letter: a second
 * call returns null and changes nothing. When every contact (child) of a referral has its letter, the
 * referral shows them in "My referrals" and the referrer gets an e-mail naming only the reference. A phone
 * contact has no referral and no account to send to: the letter is kept on the contact only.
 */
export async function writeOutcomeLetter(tx: Tx, input: { contactId: string; outcome: string; reasons: string; now: Date }): Promise<{ id: string } | null> {
  const { contactId, outcome, reasons, now } = input;
  // Serialise letters for one referral's children, so the last one to be written sees all the others.
  const rows = await tx.$queryRaw<{ referralId: string | null }[]>`
    SELECT c."referralId" FROM "Contact" c WHERE c."id" = ${contactId}::uuid FOR UPDATE`;
  if (rows.length === 0) return null;
  const referralId = rows[0]!.referralId;
  if (referralId) await tx.$queryRaw`SELECT 1 FROM "Referral" WHERE "id" = ${referralId}::uuid FOR UPDATE`;
  if (await tx.outcomeLetter.findUnique({ where: { contactId }, select: { id: true } })) return null;

  const contact = await tx.contact.findUniqueOrThrow({
    where: { id: contactId },
    select: {
      childName: true,
      referral: { select: { id: true, reference: true, referrer: { select: { email: true, active: true } } } },
      phoneContact: { select: { reference: true } },
    },
  });
  const reference = contact.referral?.reference ?? contact.phoneContact?.reference ?? "";
  const body = composeOutcomeLetter({ reference, childName: contact.childName, outcome, reasons, decidedAt: now });
  const sentTo = contact.referral?.referrer.active ? contact.referral.referrer.email : null;
  const letter = await tx.outcomeLetter.create({ data: { contactId, outcome, body, sentTo, sentAt: now }, select: { id: true } });

  let referralComplete = false;
  if (contact.referral) {
    const letters = await tx.outcomeLetter.findMany({
      where: { contact: { referralId: contact.referral.id } },
      orderBy: { contact: { childIndex: "asc" } },
      select: { body: true },
    });
    const children = await tx.contact.count({ where: { referralId: contact.referral.id } });
    if (letters.length === children) {
      referralComplete = true;
      await tx.referral.update({
        where: { id: contact.referral.id },
        data: { outcomeLetter: letters.map((l) => l.body).join("\n\n---\n\n"), outcomeSentAt: now, status: "OUTCOME_SENT" },
      });
      if (sentTo) await enqueueEmail(tx, outcomeEmail(sentTo, reference, `${appUrl()}/referrals/${contact.referral.id}`));
    }
  }
  await recordAudit(tx, {
    actorId: null,
    action: "outcome.sent",
    entityType: "Contact",
    entityId: contactId,
    details: { outcome, letterId: letter.id, sentTo: referralComplete ? sentTo : null, referralComplete },
  });
  return letter;
}
