import { recordAudit } from "@/lib/audit/mutations";
import { findSessionUserById, findUserIdByEmail, type SessionUser } from "@/lib/auth/data";
import { hashPassword } from "@/lib/auth/password";
import { allocateContact, rateContact } from "@/lib/contacts/mutations";
import { db, type Db } from "@/lib/db/client";
import { submitReferral } from "@/lib/referral/mutations";
import { todayInLondon } from "@/lib/referral/policy";
import { makeRequests } from "@/lib/requests/mutations";
import type { ActionResult } from "@/lib/result";
import { DEMO_CONTACTS, DEMO_MASH_MANAGER } from "./demo-contacts";
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";

/**
 * Creates the demo agencies and users when they are missing; leaves existing rows as they are, so a
 * restart neither duplicates nor undoes what someone changed in the admin pages.
 */
export async function seedDemoData(db: Db): Promise<{ created: number }> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Demo data is never seeded in production.");
  }
  const existing = new Set((await db.user.findMany({ select: { email: true } })).map((u) => u.email));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  const passwordHash = missing.length > 0 ? await hashPassword(DEMO_PASSWORD) : "";

  return db.$transaction(async (tx) => {
    const agencies = new Map<string, string>();
    for (const agency of DEMO_AGENCIES) {
      const row = await tx.agency.upsert({ where: { name: agency.name }, update: {}, create: agency });
      agencies.set(agency.name, row.id);
    }
    for (const user of missing) {
      await tx.user.upsert({
        where: { email: user.email },
        update: {},
        create: {
          email: user.email,
          name: user.name,
          jobTitle: user.jobTitle,
          role: user.role,
          agencyId: agencies.get(user.agency) ?? null,
          passwordHash,
        },
      });
    }
    if (missing.length > 0) {
      await recordAudit(tx, { actorId: null, action: "demo.seeded", entityType: "System", details: { users: missing.map((u) => u.email) } });
    }
    return { created: missing.length };
  });
}

/**
 * Sends the demo referrals of lib/demo/demo-contacts.ts as the demo practitioners and takes the MASH's steps
 * on them as the demo manager and social worker, through the same functions the forms and the API use, so
 * every contact has its consent record, ratings, clocks, notifications and audit trail like a real one.
 * Only into a database without contacts: a restart adds nothing, and contacts someone made are never joined
 * by made-up ones. An attempt that fails part-way is not finished later (the database then has contacts);
 * start again from an empty database (the embedded one: delete .data/postgres) to get the whole set.
 *
 * The ratings' clocks: rateContact asks scheduleClock to queue pg-boss jobs, and that does nothing here,
 * before the server (instrumentation.ts) has started pg-boss in its own process. Nothing is lost: the
 * clocks are on the contacts, and the server's one-minute sweep rings each warning and breach when it
 * comes (lib/contacts/clocks.ts). None is due for hours (with the shipped timeframes, Amber's warning is 21
 * hours away), which is also why there is no Red contact: its 1-hour clock would breach and alert during
 * every new demo.
 */
export async function seedDemoContacts(): Promise<{ created: number }> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Demo contacts are never seeded in production.");
  }
  if (await db.contact.findFirst({ select: { id: true } })) return { created: 0 };

  const people = await findDemoUsers([
    DEMO_MASH_MANAGER,
    ...DEMO_CONTACTS.flatMap((contact) => [contact.referrerEmail, ...(contact.allocation ? [contact.allocation.socialWorkerEmail] : [])]),
  ]);
  const manager = people.get(DEMO_MASH_MANAGER)!;
  const today = todayInLondon(new Date());
  const references: string[] = [];
  for (const plan of DEMO_CONTACTS) {
    const referrer = people.get(plan.referrerEmail)!;
    const aboutYou = { name: referrer.name, jobTitle: referrer.jobTitle ?? "", agency: referrer.agencyName ?? "", email: referrer.email, phone: referrer.phone ?? "01604 000000" };
    const submitted = succeeded("send the referral", await submitReferral(referrer, { ...plan.referral(today), referrer: aboutYou }, { idempotencyKey: null }));
    references.push(submitted.reference);
    if (!plan.rating) continue;

    // A MASH referral for one child makes one contact.
    const contact = await db.contact.findFirstOrThrow({ where: { referralId: submitted.referralId }, select: { id: true, version: true } });
    const rated = succeeded("rate", await rateContact(manager, contact.id, { ...plan.rating, expectedVersion: contact.version }));
    if (!plan.allocation) continue;
    const socialWorker = people.get(plan.allocation.socialWorkerEmail)!;
    succeeded("allocate", await allocateContact(manager, contact.id, { socialWorkerId: socialWorker.id, expectedVersion: rated.version }));
    succeeded("ask partner agencies about", await makeRequests(socialWorker, contact.id, plan.allocation.requests));
  }

  await db.$transaction((tx) => recordAudit(tx, { actorId: null, action: "demo.contacts-seeded", entityType: "System", details: { references } }));
  return { created: references.length };
}

/** The demo users by e-mail address, as signed in; every one must exist and be active. */
async function findDemoUsers(emails: string[]): Promise<Map<string, SessionUser>> {
  const people = new Map<string, SessionUser>();
  for (const email of new Set(emails)) {
    const found = await findUserIdByEmail(email);
    const user = found ? await findSessionUserById(found.id) : null;
    if (!user) throw new Error(`The demo user ${email} is missing or deactivated.`);
    people.set(email, user);
  }
  return people;
}

/** The success of a step, or an error naming the step and why it was refused: the demo data is wrong. */
function succeeded<T>(step: string, result: ActionResult<T>): T & { ok: true } {
  if (!result.ok) throw new Error(`Could not ${step} a demo contact: ${JSON.stringify(result)}`);
  return result;
}
