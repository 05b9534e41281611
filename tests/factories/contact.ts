import { findSessionUserById, type SessionUser } from "@/lib/auth/data";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { submitReferral } from "@/lib/referral/mutations";
import { mashReferralInput, type MashReferralInput } from "./referral";
import { createTestUser } from "./user";

// Contacts as the MASH receives them: a practitioner's MASH referral, sent through the real submission, with
// one contact a child.

type Overrides = Parameters<typeof mashReferralInput>[0];

export type TestContact = { id: string; version: number; referralId: string; reference: string; childName: string; referrer: SessionUser };

/** A session user in `role` (the shape server actions and API handlers receive). */
export async function createSessionUser(role: Role, options: { agencyId?: string | null; name?: string } = {}): Promise<SessionUser> {
  const user = await createTestUser({ role, ...options });
  return (await findSessionUserById(user.id))!;
}

/** Sends a MASH referral (one child unless `children` is overridden) and returns its contacts. */
export async function createTestContacts(overrides: Overrides = {}, referrer?: SessionUser): Promise<TestContact[]> {
  const by = referrer ?? (await createSessionUser("PRACTITIONER"));
  const result = await submitReferral(by, mashReferralInput(overrides) satisfies MashReferralInput, { idempotencyKey: null });
  if (!result.ok) throw new Error(`The test referral was refused: ${JSON.stringify(result)}`);
  const contacts = await db.contact.findMany({ where: { referralId: result.referralId }, orderBy: { childIndex: "asc" }, select: { id: true, version: true, childName: true } });
  return contacts.map((contact) => ({ ...contact, referralId: result.referralId, reference: result.reference, referrer: by }));
}

export async function createTestContact(overrides: Overrides = {}, referrer?: SessionUser): Promise<TestContact> {
  return (await createTestContacts(overrides, referrer))[0]!;
}

/** A MASH referral sent without consent, for a reason the gate accepts (asking would increase the risk). */
export const WITHOUT_CONSENT: Overrides = {
  informationSharing: {
    consent: { status: "NOT_SOUGHT", givenBy: "", relationship: "", givenAt: "", method: "", exceptionReason: "INCREASED_RISK", rationale: "Asking would alert the mother's partner.", effortsOrViews: "Not sought, for the reason given." },
    familyInformed: "NO",
    reasonNotInformed: "Telling them could place the child at greater risk.",
  },
};
