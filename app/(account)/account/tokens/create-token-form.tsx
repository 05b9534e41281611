"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/button";
import { CopyButton } from "@/components/copy-button";
import { ErrorSummary } from "@/components/error-summary";
import { errorSummaryItemsFrom, showActionFailure } from "@/components/form-errors";
import { formatDateTime } from "@/components/format-date-time";
import { TextInput } from "@/components/text-input";
import { WarningText } from "@/components/warning-text";
import { createApiTokenAction } from "@/lib/auth/actions";
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } from "@/lib/auth/policy";
import { createApiTokenSchema, type CreateApiTokenInput } from "@/lib/auth/schema";

const FIELDS = ["name", "expiresInDays"] as const satisfies readonly (keyof CreateApiTokenInput)[];

type NewToken = { name: string; token: string; expiresAt: string };

/** The create form, and the one and only showing of a new token. `children` is the page's heading and intro. */
export function CreateTokenForm({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [created, setCreated] = useState<NewToken | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<CreateApiTokenInput>({
    resolver: zodResolver(createApiTokenSchema, undefined, { raw: true }),
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    // The error summary takes focus instead, as GOV.UK forms do.
    shouldFocusError: false,
    defaultValues: { name: "", expiresInDays: String(API_TOKEN_DEFAULT_DAYS) },
  });

  const onSubmit = handleSubmit(async (values) => {
    setCreated(null);
    const result = await createApiTokenAction(values);
    if (!result.ok) {
      showActionFailure(setError, result, FIELDS);
      return;
    }
    setCreated({ name: String(values.name).trim(), token: result.token, expiresAt: result.expiresAt });
    reset();
    router.refresh();
  });

  return (
    <>
      <ErrorSummary errors={errorSummaryItemsFrom(errors, FIELDS)} focusKey={submitCount} />
      {created && <NewTokenPanel token={created} onDone={() => setCreated(null)} />}
      {children}
      <h2 className="mb-4 text-2xl font-bold md:text-3xl">Create a token</h2>
      <form noValidate onSubmit={onSubmit} className="max-w-2xl">
        <TextInput
          id="name"
          label="Token name"
          hint="So you can tell your tokens apart, for example “Weekly report script”."
          autoComplete="off"
          error={errors.name?.message}
          {...register("name")}
        />
        <TextInput
          id="expiresInDays"
          label="How many days should it last?"
          hint={`From 1 to ${API_TOKEN_MAX_DAYS} days. A short life limits the harm if it leaks.`}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          width="4"
          suffix="days"
          error={errors.expiresInDays?.message}
          {...register("expiresInDays")}
        />
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating token…" : "Create token"}
        </Button>
      </form>
    </>
  );
}

function NewTokenPanel({ token, onDone }: { token: NewToken; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} data-focus-ring role="region" aria-labelledby="new-token-title" className="mb-10 border-[5px] border-success">
      <h2 id="new-token-title" className="bg-success px-4 pt-1 pb-2 text-xl font-bold text-white md:text-2xl">
        Your new token “{token.name}”
      </h2>
      <div className="space-y-4 p-4">
        <WarningText>Copy this token now. It will not be shown again.</WarningText>
        <p>
          <label htmlFor="new-token-value" className="mb-1 block font-bold">
            Token
          </label>
          <input
            id="new-token-value"
            readOnly
            value={token.token}
            onFocus={(event) => event.currentTarget.select()}
            className="block h-10 w-full rounded-none border-2 border-ink bg-panel px-1 font-mono text-base"
          />
        </p>
        <p>It expires on {formatDateTime(token.expiresAt)}.</p>
        <div className="flex flex-wrap items-center gap-4">
          <CopyButton text={token.token} label="Copy token" />
          <Button variant="secondary" onClick={onDone}>
            I have copied it
          </Button>
        </div>
      </div>
    </div>
  );
}
