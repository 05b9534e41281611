import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export type HeaderUser = { name: string; roleLabel: string; agencyName: string | null };

export function ServiceHeader({ user, signOutCsrfToken }: { user: HeaderUser | null; signOutCsrfToken: string | null }) {
  return (
    <header className="border-b-[10px] border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-8 gap-y-3 px-4 py-3 md:px-8">
        <Link href="/" className="text-xl font-bold text-white no-underline hover:underline md:text-2xl">
          Northamptonshire MASH
        </Link>
        {user ? (
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-base">
            <p>
              <span className="font-bold">{user.name}</span>
              <span className="block text-[#f3f2f1]">
                {user.roleLabel}
                {user.agencyName ? `, ${user.agencyName}` : ""}
              </span>
            </p>
            <SignOutButton csrfToken={signOutCsrfToken} />
          </div>
        ) : (
          <Link href="/sign-in" className="link-inverse text-base font-bold">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
