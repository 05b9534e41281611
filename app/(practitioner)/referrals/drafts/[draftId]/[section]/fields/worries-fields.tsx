import { Radios } from "@/components/radios";
import { Textarea } from "@/components/textarea";
import { QUESTIONS, REQUEST_TYPE_OPTIONS } from "../../../../questions";
import type { FieldKit } from "../field-kit";

const Q = QUESTIONS.worries;

const SCALE = Array.from({ length: 11 }, (_, n) => ({
  value: String(n),
  label: n === 0 ? "0: the child is not safe at all" : n === 10 ? "10: the child is safe and their needs are met" : String(n),
}));

/** Signs of Safety: what we are worried about, what is working well, what needs to happen, and the scale. */
export function WorriesFields({ kit }: { kit: FieldKit }) {
  return (
    <>
      <p className="mb-6">Keep what you saw or were told (facts) apart from what you think it means (your view). Write as the child and family would understand it.</p>
      <Textarea label={Q.whatHappened} hint="What happened, who saw it, and when. Use the child's and adults' own words where you can." rows={8} {...kit.text("whatHappened")} />
      <Textarea label={Q.howYouKnow} hint="What you saw or heard yourself, and who told you what." rows={5} {...kit.text("howYouKnow")} />
      <Textarea label={Q.yourAnalysis} hint="Your professional view of what the facts mean for the child, kept apart from the facts above." rows={5} {...kit.text("yourAnalysis")} />
      <Textarea label={Q.workingWell} hint="Strengths and safety: who looks after the child well, and when things go well." rows={5} {...kit.text("workingWell")} />
      <Textarea label={Q.needsToHappen} hint="What needs to happen to keep the child safe, and what you would like the MASH to do." rows={5} {...kit.text("needsToHappen")} />
      <Radios legend={Q.scale} hint="0 means the child is not safe at all; 10 means the child is safe and their needs are met." options={SCALE} small {...kit.choice("scale")} />
      <Textarea label={Q.childsVoice} hint="Their own words, what a day is like for them, and who they trust." rows={5} {...kit.text("childsVoice")} />
      <Textarea label={Q.parentsView} rows={4} {...kit.text("parentsView")} />
      <Radios legend={Q.requestType} options={REQUEST_TYPE_OPTIONS} {...kit.choice("requestType")} />
    </>
  );
}
