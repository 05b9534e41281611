import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/navigation";
import { entraIdEnabled } from "@/lib/auth/options";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (await getCurrentUser()) redirect("/");
  const params = await searchParams;
  const notice = single(params.signedOut) === "1" ? "signedOut" : single(params.expired) === "1" ? "expired" : null;
  return (
    <SignInForm
      callbackUrl={safeCallbackUrl(single(params.callbackUrl))}
      entraIdEnabled={entraIdEnabled}
      notice={notice}
      // next-auth sends people back here with ?error=… when a sign-in through Microsoft fails.
      initialErrorCode={single(params.error) ?? null}
    />
  );
}
