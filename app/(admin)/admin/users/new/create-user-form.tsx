"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { errorSummaryItemsFrom, showActionFailure } from "@/components/form-errors";
import { TextInput } from "@/components/text-input";
import { createUserAction } from "@/lib/auth/actions";
import { roleNeedsAgency } from "@/lib/auth/policy";
import { createUserSchema, type CreateUserInput } from "@/lib/auth/schema";
import { RoleAndAgencyFields, type AgencyOption } from "../role-and-agency-fields";

const FIELDS = ["email", "name", "jobTitle", "phone", "role", "agencyId", "password"] as const satisfies readonly (keyof CreateUserInput)[];
const AGENCY_REQUIRED = "Select the agency this person works for";

export function CreateUserForm({ agencies }: { agencies: AgencyOption[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema, undefined, { raw: true }),
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    // The error summary takes focus instead, as GOV.UK forms do.
    shouldFocusError: false,
    defaultValues: { email: "", name: "", jobTitle: "", phone: "", agencyId: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    // The server says the same; asking here saves a round trip.
    if (values.role && roleNeedsAgency(values.role) && !values.agencyId) {
      setError("agencyId", { type: "required", message: AGENCY_REQUIRED });
      return;
    }
    const result = await createUserAction(values);
    if (result.ok) {
      setSaved(true);
      router.push(`/admin/users?added=${encodeURIComponent(result.userId)}`);
      return;
    }
    showActionFailure(setError, result, FIELDS);
  });

  // Stays busy after saving too, while the list page loads, so nobody adds the same person twice.
  const busy = isSubmitting || saved;
  return (
    <div className="max-w-2xl">
      <ErrorSummary errors={errorSummaryItemsFrom(errors, FIELDS)} focusKey={submitCount} />
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Add a user</h1>
      <form noValidate onSubmit={onSubmit}>
        <TextInput id="email" label="E-mail address" hint="Their work address. They sign in with it." type="email" autoComplete="off" spellCheck={false} error={errors.email?.message} {...register("email")} />
        <TextInput id="name" label="Full name" autoComplete="off" spellCheck={false} error={errors.name?.message} {...register("name")} />
        <TextInput id="jobTitle" label="Job title (optional)" autoComplete="off" error={errors.jobTitle?.message} {...register("jobTitle")} />
        <TextInput id="phone" label="Phone number (optional)" type="tel" autoComplete="off" width="20" error={errors.phone?.message} {...register("phone")} />
        <RoleAndAgencyFields
          roleField={register("role")}
          agencyField={register("agencyId")}
          roleError={errors.role?.message}
          agencyError={errors.agencyId?.message}
          agencies={agencies}
        />
        <TextInput
          id="password"
          label="First password (optional)"
          hint="At least 12 characters. Give it to the person safely. Leave it blank if they sign in with their Microsoft account."
          type="password"
          autoComplete="new-password"
          width="20"
          error={errors.password?.message}
          {...register("password")}
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Add user"}
        </Button>
      </form>
    </div>
  );
}
