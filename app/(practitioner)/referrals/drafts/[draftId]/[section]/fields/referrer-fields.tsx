import { TextInput } from "@/components/text-input";
import { QUESTIONS } from "../../../../questions";
import type { FieldKit } from "../field-kit";

const Q = QUESTIONS.referrer;

export function ReferrerFields({ kit }: { kit: FieldKit }) {
  return (
    <>
      <p className="mb-6">
        These details come from your account. Correct them if they have changed. Professionals cannot refer anonymously: the MASH will contact you about
        this referral and tell you the outcome in writing.
      </p>
      <TextInput label={Q.name} autoComplete="name" spellCheck={false} {...kit.text("name")} />
      <TextInput label={Q.jobTitle} autoComplete="organization-title" {...kit.text("jobTitle")} />
      <TextInput label={Q.agency} autoComplete="organization" {...kit.text("agency")} />
      <TextInput label={Q.email} type="email" autoComplete="email" spellCheck={false} {...kit.text("email")} />
      <TextInput label={Q.phone} hint="A number the MASH can reach you on during the day" type="tel" autoComplete="tel" width="20" {...kit.text("phone")} />
    </>
  );
}
