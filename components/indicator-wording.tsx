import { Tag } from "@/components/tag";

/** An indicator's words as a tick box's label shows them: its text, its sub-items, and the Section 47 flag. */
export function IndicatorWording({ indicator }: { indicator: { text: string; subItems: readonly string[]; s47: boolean } }) {
  return (
    <>
      {indicator.text}
      {indicator.subItems.length > 0 && (
        <span className="mt-1 block text-muted">
          {indicator.subItems.map((s) => (
            <span key={s} className="block">
              – {s}
            </span>
          ))}
        </span>
      )}
      {indicator.s47 && (
        <span className="mt-1 block">
          <Tag colour="red">Section 47 strategy discussion</Tag>
        </span>
      )}
    </>
  );
}
