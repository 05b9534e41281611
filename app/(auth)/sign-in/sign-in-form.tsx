"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/button";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/error-summary";
import { NotificationBanner } from "@/components/notification-banner";
import { TextInput } from "@/components/text-input";
import { signInSchema, type SignInInput } from "@/lib/auth/schema";

// next-auth's error codes, in plain English. A wrong e-mail address and a wrong password read the same, so
// the page never confirms who has an account.
const WRONG_CREDENTIALS = "Enter a correct e-mail address and password";

function describeSignInError(code: string): { message: string; field?: "email" } {
  switch (code) {
    case "CredentialsSignin":
      return { message: WRONG_CREDENTIALS, field: "email" };
    case "TooManyAttempts":
      return { message: "Too many failed attempts. Wait 15 minutes, then try again." };
    case "AccessDenied":
      return { message: "Your Microsoft account is not set up to use this service. Ask an administrator to add you." };
    default:
      return { message: "Sign-in did not work. Try again." };
  }
}

type SignInFormProps = {
  callbackUrl: string;
  entraIdEnabled: boolean;
  notice: "signedOut" | "expired" | null;
  initialErrorCode: string | null;
};

export function SignInForm({ callbackUrl, entraIdEnabled, notice, initialErrorCode }: SignInFormProps) {
  const router = useRouter();
  const [signedIn, setSignedIn] = useState(false);
  const initialError = initialErrorCode ? describeSignInError(initialErrorCode) : null;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema, undefined, { raw: true }),
    // Check on submit only, as GOV.UK forms do: errors appearing mid-typing would move focus about.
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    // The error summary takes focus instead, as GOV.UK forms do.
    shouldFocusError: false,
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        setSignedIn(true);
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      const failure = describeSignInError(result?.error ?? "");
      if (failure.field) setError(failure.field, { type: "server", message: failure.message });
      else setError("root.server", { type: "server", message: failure.message });
    } catch {
      setError("root.server", { type: "server", message: "Sign-in did not work. Check your connection, then try again." });
    }
  });

  // An error carried in the address (from a Microsoft sign-in) shows until the person tries again.
  const carried = submitCount === 0 ? initialError : null;
  const formError = errors.root?.server?.message ?? (carried && !carried.field ? carried.message : undefined);
  const emailError = errors.email?.message ?? (carried?.field === "email" ? carried.message : undefined);
  const summary: ErrorSummaryItem[] = [];
  if (formError) summary.push({ message: formError });
  if (emailError) summary.push({ message: emailError, fieldId: "email" });
  if (errors.password?.message) summary.push({ message: errors.password.message, fieldId: "password" });
  const busy = isSubmitting || signedIn;

  return (
    <div className="max-w-xl">
      <ErrorSummary errors={summary} focusKey={submitCount} />
      {notice === "signedOut" && summary.length === 0 && <NotificationBanner type="success">You have been signed out</NotificationBanner>}
      {notice === "expired" && <NotificationBanner>Your session has ended. Sign in again.</NotificationBanner>}
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Sign in</h1>
      <form method="post" noValidate onSubmit={onSubmit}>
        <TextInput
          id="email"
          label="E-mail address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          error={emailError}
          {...register("email")}
        />
        <TextInput
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          width="20"
          error={errors.password?.message}
          {...register("password")}
        />
        <Button type="submit" disabled={busy} aria-disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {entraIdEnabled && (
        <div className="mt-8 border-t border-rule pt-6">
          <h2 className="mb-4 text-xl font-bold md:text-2xl">Or use your organisation&apos;s account</h2>
          <Button variant="secondary" disabled={busy} onClick={() => void signIn("azure-ad", { callbackUrl })}>
            Sign in with Microsoft
          </Button>
        </div>
      )}
    </div>
  );
}
