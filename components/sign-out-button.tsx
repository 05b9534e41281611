"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [signingOut, setSigningOut] = useState(false);
  return (
    <button
      type="button"
      disabled={signingOut}
      onClick={() => {
        setSigningOut(true);
        void signOut({ callbackUrl: "/sign-in?signedOut=1" });
      }}
      className="cursor-pointer font-bold text-white underline underline-offset-[0.1578em] hover:decoration-[3px] disabled:cursor-wait"
    >
      {signingOut ? "Signing out…" : "Sign out"}
    </button>
  );
}
