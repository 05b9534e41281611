import Link from "next/link";

/**
 * A form, not a script: it works before the page's JavaScript loads and without next-auth's client code.
 * Without a CSRF token (rare: the cookie is set at sign-in), next-auth's own sign-out page asks to confirm.
 */
export function SignOutButton({ csrfToken }: { csrfToken: string | null }) {
  const className = "cursor-pointer font-bold text-white underline underline-offset-[0.1578em] hover:decoration-[3px]";
  if (!csrfToken) {
    return (
      <Link href="/api/auth/signout" prefetch={false} className={className}>
        Sign out
      </Link>
    );
  }
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value="/sign-in?signedOut=1" />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
