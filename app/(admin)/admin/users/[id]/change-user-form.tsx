"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/button";
import { Checkbox } from "@/components/checkbox";
import { ErrorSummary } from "@/components/error-summary";
import { errorSummaryItemsFrom, showActionFailure } from "@/components/form-errors";
import { SummaryList } from "@/components/summary-list";
import { TextInput } from "@/components/text-input";
import { updateUserAction } from "@/lib/auth/actions";
import type { Role } from "@/lib/db/generated/enums";
import { roleNeedsAgency } from "@/lib/auth/policy";
import { updateUserSchema, type UpdateUserInput } from "@/lib/auth/schema";
import { RoleAndAgencyFields, type AgencyOption } from "../role-and-agency-fields";

const FIELDS = ["name", "jobTitle", "phone", "role", "agencyId", "active"] as const satisfies readonly (keyof UpdateUserInput)[];

export type EditableUser = {
  id: string;
  email: string;
  name: string;
  jobTitle: string | null;
  phone: string | null;
  role: Role;
  agencyId: string | null;
  active: boolean;
};

export function ChangeUserForm({ user, isSelf, agencies }: { user: EditableUser; isSelf: boolean; agencies: AgencyOption[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<UpdateUserInput>({
    resolver: zodResolver(updateUserSchema, undefined, { raw: true }),
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    // The error summary takes focus instead, as GOV.UK forms do.
    shouldFocusError: false,
    defaultValues: {
      userId: user.id,
      name: user.name,
      jobTitle: user.jobTitle ?? "",
      phone: user.phone ?? "",
      role: user.role,
      agencyId: user.agencyId ?? "",
      active: user.active,
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    if (roleNeedsAgency(values.role) && !values.agencyId) {
      setError("agencyId", { type: "required", message: "Select the agency this person works for" });
      return;
    }
    const result = await updateUserAction(values);
    if (result.ok) {
      setSaved(true);
      router.push(`/admin/users?updated=${encodeURIComponent(user.id)}`);
      return;
    }
    showActionFailure(setError, result, FIELDS, "This user no longer exists. Go back to the list of users.");
  });

  const busy = isSubmitting || saved;
  return (
    <div className="max-w-2xl">
      <ErrorSummary errors={errorSummaryItemsFrom(errors, FIELDS)} focusKey={submitCount} />
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">
        <span className="mb-1 block text-lg text-muted md:text-2xl">Change user</span>
        {user.name}
      </h1>
      <SummaryList rows={[{ key: "E-mail address", value: user.email }]} />
      {isSelf && <p className="mb-6">This is your own account. You cannot remove your own administrator access or deactivate yourself.</p>}
      <form noValidate onSubmit={onSubmit}>
        <input type="hidden" {...register("userId")} />
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
        <Checkbox
          id="active"
          label="Account is active"
          hint="Deactivating ends the person's sessions and API tokens at once"
          error={errors.active?.message}
          {...register("active")}
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save changes"}
        </Button>
      </form>
    </div>
  );
}
