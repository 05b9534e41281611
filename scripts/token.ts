// `npm run token -- <email>` or `npm run token -- --role MASH_MANAGER`: mints a 30-day API token for a
// demo (or any) active user. The token alone is the last line printed, so scripts can take it with `tail -1`.
import { ROLES } from "@/lib/auth/policy";
import type { Role } from "@/lib/db/generated/enums";
import { prepareDatabase } from "./prepare-database";

async function main() {
  const args = process.argv.slice(2);
  const roleIndex = args.indexOf("--role");
  const role = roleIndex >= 0 ? args[roleIndex + 1]?.toUpperCase() : undefined;
  const email = roleIndex >= 0 ? undefined : args[0]?.toLowerCase();
  if (!email && !role) throw new Error("Usage: npm run token -- <email>   or   npm run token -- --role MASH_MANAGER");
  if (role && !(ROLES as readonly string[]).includes(role)) throw new Error(`Unknown role ${role}. Roles: ${ROLES.join(", ")}`);

  const database = await prepareDatabase({ seed: process.env.NODE_ENV !== "production", quiet: true });
  try {
    const { findFirstActiveUserByRole, findUserIdByEmail, findSessionUserById } = await import("@/lib/auth/data");
    const { createApiToken } = await import("@/lib/auth/mutations");
    const found = role ? await findFirstActiveUserByRole(role as Role) : await findUserIdByEmail(email!);
    const user = found ? await findSessionUserById(found.id) : null;
    if (!user) throw new Error(role ? `No active user has the role ${role}.` : `No active user has the e-mail address ${email}.`);
    const created = await createApiToken({ name: "Command line", expiresInDays: 30 }, { actor: user, requestId: null });
    console.log(`API token for ${user.email} (${user.role}), expires ${created.expiresAt.toISOString()}:`);
    console.log(created.token);
    const { db } = await import("@/lib/db/client");
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
