import { Textarea } from "@/components/textarea";
import { QUESTIONS } from "../../../../questions";
import type { FieldKit } from "../field-kit";

const Q = QUESTIONS.support;

export function SupportFields({ kit }: { kit: FieldKit }) {
  return (
    <>
      <Textarea label={Q.needsSummary} hint="What the children and family need, and why now. Keep what you saw or were told apart from your view of it." rows={6} {...kit.text("needsSummary")} />
      <Textarea
        label={Q.whatHasBeenTried}
        hint="Support from you, your organisation or others, how long for, and what changed. Attach the Early Help Assessment or support plan and the notes of the last Team Around the Family meeting on the attachments page."
        rows={6}
        {...kit.text("whatHasBeenTried")}
      />
      <Textarea label={Q.professionals} hint="Name, role, organisation and how to contact them" rows={4} {...kit.text("professionals")} />
    </>
  );
}
