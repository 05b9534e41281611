import type { UseFormRegisterReturn } from "react-hook-form";
import { Radios } from "@/components/radios";
import { Select } from "@/components/select";
import { ROLE_LABELS, ROLES } from "@/lib/auth/policy";

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export type AgencyOption = { id: string; name: string };

type RoleAndAgencyFieldsProps = {
  roleField: UseFormRegisterReturn<"role">;
  agencyField: UseFormRegisterReturn<"agencyId">;
  roleError?: string;
  agencyError?: string;
  agencies: AgencyOption[];
};

/** The two choices that set what a person may do; shared by "Add a user" and "Change user". */
export function RoleAndAgencyFields({ roleField, agencyField, roleError, agencyError, agencies }: RoleAndAgencyFieldsProps) {
  return (
    <>
      <Radios id="role" legend="Role" hint="What the person does in the service. This sets what they can see and do." error={roleError} options={ROLE_OPTIONS} small {...roleField} />
      <Select
        id="agencyId"
        label="Agency"
        hint="Required for practitioners and partner agency staff."
        placeholder="Select an agency"
        error={agencyError}
        options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        {...agencyField}
      />
    </>
  );
}
