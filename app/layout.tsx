import type { Metadata } from "next";
import { PhaseBanner } from "@/components/phase-banner";
import { ServiceFooter } from "@/components/service-footer";
import { ServiceHeader } from "@/components/service-header";
import { ServiceNavigation } from "@/components/service-navigation";
import { SkipLink } from "@/components/skip-link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { readSignOutCsrfToken } from "@/lib/auth/sign-out";
import { listNavigationItems } from "@/lib/auth/navigation";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { deliveryModeFor } from "@/lib/notify/policy";
import "./globals.css";

// The header shows who is signed in, read from the database on each request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Northamptonshire MASH", template: "%s – Northamptonshire MASH" },
  description: "Multi-Agency Safeguarding Hub: threshold guidance, referrals and contact handling.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [user, signOutCsrfToken] = await Promise.all([getCurrentUser(), readSignOutCsrfToken()]);
  const navigation = listNavigationItems(user?.role, { mailbox: deliveryModeFor(process.env) === "mailbox" });
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col bg-white font-sans text-ink antialiased">
        <SkipLink />
        <ServiceHeader user={user ? { name: user.name, roleLabel: ROLE_LABELS[user.role], agencyName: user.agencyName } : null} signOutCsrfToken={signOutCsrfToken} />
        {navigation.length > 0 && <ServiceNavigation items={navigation} />}
        <div className="mx-auto w-full max-w-5xl px-4 md:px-8">
          <PhaseBanner phase={process.env.NODE_ENV === "production" ? "beta" : "demo"} />
          <main id="main-content" tabIndex={-1} className="pt-6 pb-12 md:pt-8">
            {children}
          </main>
        </div>
        <ServiceFooter />
      </body>
    </html>
  );
}
