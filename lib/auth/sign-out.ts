import { cookies } from "next/headers";

// Signing out is a plain form POST to next-auth's /api/auth/signout, so the layout ships no next-auth
// client code (every page would pay ~12 KB for it). next-auth checks the CSRF token against its cookie,
// which holds "<token>|<hash>"; the form sends the token part.
const CSRF_COOKIES = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"];

export async function readSignOutCsrfToken(): Promise<string | null> {
  const jar = await cookies();
  for (const name of CSRF_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return value.split("|")[0] ?? null;
  }
  return null;
}
