import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "./current-user";
import { isSessionCookieName, signInPathFor } from "./navigation";
import { can, type Permission } from "./policy";

// The page-side gate. Every protected page calls one of these on the server; proxy.ts only turns away
// requests with no cookie at all, so this is where the real check happens.

/**
 * The signed-in user, or a redirect to the sign-in page that brings them back to `path`. A cookie with no
 * live session behind it (idle for 30 minutes, signed out elsewhere, deactivated) means the session ended,
 * and the sign-in page says so.
 */
export async function requireUser(path: string) {
  const user = await getCurrentUser();
  if (user) return user;
  const hadSession = (await cookies()).getAll().some((cookie) => isSessionCookieName(cookie.name));
  redirect(signInPathFor(path, { expired: hadSession }));
}

/** As requireUser, and a plain "Page not found" for anyone without the permission: never confirm the page exists. */
export async function requirePermission(path: string, permission: Permission) {
  const user = await requireUser(path);
  if (!can(user, permission)) notFound();
  return user;
}

const NOT_FOUND_TITLE = "Page not found";

/**
 * A protected page's title: its own only for someone allowed to see the page. Next.js keeps a page's
 * title when the page calls notFound(), and "Users" on a "Page not found" page would confirm it exists.
 */
export async function titleIfPermitted(permission: Permission, title: string): Promise<string> {
  return can(await getCurrentUser(), permission) ? title : NOT_FOUND_TITLE;
}

/** For pages about one record: its title when the record was found, "Page not found" otherwise. */
export function titleIfFound(found: unknown, title: string): string {
  return found ? title : NOT_FOUND_TITLE;
}
