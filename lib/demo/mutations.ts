import { recordAudit } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
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
