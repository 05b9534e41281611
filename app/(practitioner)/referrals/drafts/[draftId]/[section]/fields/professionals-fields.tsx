import { Radios } from "@/components/radios";
import { Textarea } from "@/components/textarea";
import { EARLY_HELP_OPTIONS, QUESTIONS, YES_NO_NOT_KNOWN } from "../../../../questions";
import type { FieldKit } from "../field-kit";

const Q = QUESTIONS.professionals;

export function ProfessionalsFields({ kit }: { kit: FieldKit }) {
  return (
    <>
      <Textarea label={Q.professionals} hint="For each: name, role, organisation and how to contact them. For example, the GP, health visitor, school nurse or youth worker." rows={5} {...kit.text("professionals")} />
      <Radios legend={Q.earlyHelp} hint="If there is, attach it on the attachments page." options={EARLY_HELP_OPTIONS} {...kit.choice("earlyHelp")} />
      <Radios legend={Q.openToSocialCare} options={YES_NO_NOT_KNOWN} small {...kit.choice("openToSocialCare")} />
      <Radios legend={Q.openToEarlyHelp} options={YES_NO_NOT_KNOWN} small {...kit.choice("openToEarlyHelp")} />
    </>
  );
}
