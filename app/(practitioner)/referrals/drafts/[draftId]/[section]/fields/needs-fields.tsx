import Link from "next/link";
import { useEffect } from "react";
import { Radios } from "@/components/radios";
import { IndicatorWording } from "@/components/indicator-wording";
import { Textarea } from "@/components/textarea";
import type { ReferralKind } from "@/lib/referral/schema";
import { suggestLevel, type TickedIndicator } from "@/lib/thresholds/policy";
import { QUESTIONS } from "../../../../questions";
import type { FieldKit } from "../field-kit";

const Q = QUESTIONS.needs;

export type NeedsIndicator = TickedIndicator & { subItems: string[] };

export type NeedsContext = {
  document: { id: string; title: string; superseded: boolean };
  levels: { level: number; name: string }[];
  indicators: NeedsIndicator[];
};

const levelName = (levels: NeedsContext["levels"], level: number | null | undefined) => levels.find((l) => l.level === level)?.name ?? "";

/**
 * The threshold indicators and the level. The indicators this form is for come first (Level 4 and
 * Section 47 for the MASH; Levels 2 and 3 for early help); any other can be ticked from the fold below.
 * The suggestion is worked out as the boxes are ticked, and again on the server, which is the one kept.
 */
export function NeedsFields({ kit, kind, values, context }: { kit: FieldKit; kind: ReferralKind; values: Record<string, unknown>; context?: NeedsContext }) {
  const ticked = kit.current("indicatorIds");
  const tickedIds = new Set(Array.isArray(ticked) ? ticked.filter((id): id is string => typeof id === "string") : typeof ticked === "string" ? [ticked] : []);
  const indicators = context?.indicators ?? [];
  const tickedIndicators = indicators.filter((i) => tickedIds.has(i.id));
  const serverSuggestion = Number(values.suggestedLevel) || null;
  const suggested = kit.scripted ? suggestLevel(tickedIndicators).level : serverSuggestion;
  const chosen = Number(kit.current("chosenLevel")) || null;
  const { set } = kit;

  // The schema asks for a reason when the chosen level differs from the suggestion: keep it current.
  useEffect(() => {
    if (kit.scripted) set("suggestedLevel", suggested ? String(suggested) : undefined);
  }, [set, suggested, kit.scripted]);

  if (!context) return <p className="mb-6">The threshold guidance for this draft could not be found.</p>;
  const firstForm = (i: NeedsIndicator) => (kind === "MASH" ? i.level === 4 || i.s47 : i.level === 2 || i.level === 3);
  const primary = indicators.filter(firstForm);
  const others = indicators.filter((i) => !firstForm(i));
  const anyOtherTicked = others.some((i) => tickedIds.has(i.id));

  return (
    <>
      <input type="hidden" {...kit.hidden("thresholdVersion")} />
      {tickedIndicators.length > 0 && (
        <div className="mb-8 border-l-[10px] border-brand bg-panel p-4">
          <h2 className="mb-2 text-xl font-bold">The indicators you have ticked</h2>
          <p className="mb-2">
            Using {context.document.title}
            {context.document.superseded ? " (superseded)" : ""}. You ticked:
          </p>
          <ul className="mb-2 list-disc space-y-1 pl-5">
            {tickedIndicators.map((i) => (
              <li key={i.id}>
                {i.text} <span className="text-muted">({i.domainName}, Level {i.level})</span>
              </li>
            ))}
          </ul>
          {chosen && (
            <p className="mb-2">
              Your judgement: Level {chosen}: {levelName(context.levels, chosen)}
            </p>
          )}
          <p>You can change the ticks and the level below. A check from &ldquo;Check the level of need&rdquo; arrives here already ticked.</p>
        </div>
      )}

      <p className="mb-2" role="status" data-testid="needs-suggestion">
        {suggested ? (
          <>
            Suggested level from the indicators ticked: <strong>Level {suggested}: {levelName(context.levels, suggested)}</strong>
          </>
        ) : (
          "Tick the indicators that describe the child's situation."
        )}
      </p>
      <p className="mb-6 text-muted">The guidance supports your professional judgement; it never replaces it.</p>

      <div className={`mb-8 ${kit.error("indicatorIds") ? "border-l-[5px] border-error pl-4" : ""}`}>
        <fieldset aria-describedby={kit.error("indicatorIds") ? "indicatorIds-error" : undefined}>
          <legend className="mb-2 text-2xl font-bold">{Q.indicatorIds}</legend>
          {kit.error("indicatorIds") && (
            <p id="indicatorIds-error" className="mb-3 font-bold text-error">
              <span className="sr-only">Error: </span>
              {kit.error("indicatorIds")}
            </p>
          )}
          <IndicatorGroups kit={kit} indicators={primary} levels={context.levels} firstId="indicatorIds" />
          {others.length > 0 && (
            <details open={anyOtherTicked} className="mt-4">
              <summary className="link cursor-pointer font-bold">
                {kind === "MASH" ? "Indicators at Levels 1 to 3 (without a Section 47 strategy discussion)" : "Indicators at Level 1 and Level 4"}
              </summary>
              <div className="mt-4">
                <IndicatorGroups kit={kit} indicators={others} levels={context.levels} />
              </div>
            </details>
          )}
        </fieldset>
      </div>

      {kind === "MASH" ? (
        <div className="mb-8">
          <input type="hidden" {...kit.hidden("chosenLevel")} />
          <h2 className="mb-2 text-xl font-bold">{Q.chosenLevel}</h2>
          <p>
            Level 4: {levelName(context.levels, 4)}. A MASH referral is for Level 4 needs. If you judge the needs to be at Level 2 or 3,{" "}
            <Link href="/referrals/new?kind=EARLY_HELP" className="link">
              ask CFSS for early help
            </Link>{" "}
            instead.
          </p>
        </div>
      ) : (
        <Radios
          legend={Q.chosenLevel}
          hint="Level 4 needs go to the MASH as a referral instead."
          options={[2, 3].map((level) => ({ value: String(level), label: `Level ${level}: ${levelName(context.levels, level)}${level === suggested ? " (suggested)" : ""}` }))}
          {...kit.choice("chosenLevel")}
        />
      )}
      <Textarea label={`${Q.levelReason} (if you do)`} hint="Needed only if your judgement differs from the suggested level" rows={4} {...kit.text("levelReason")} />
    </>
  );
}

function IndicatorGroups({ kit, indicators, levels, firstId }: { kit: FieldKit; indicators: NeedsIndicator[]; levels: NeedsContext["levels"]; firstId?: string }) {
  const domains = [...new Map(indicators.map((i) => [i.domainId, i.domainName])).entries()];
  // The first box on the page carries the group's id, so the error summary's link lands on it.
  const firstShown = domains.flatMap(([domainId]) => levels.flatMap(({ level }) => indicators.filter((i) => i.domainId === domainId && i.level === level)))[0]?.id;
  return (
    <>
      {domains.map(([domainId, domainName]) => (
        <div key={domainId} className="mb-6">
          <h3 className="mb-3 text-xl font-bold">{domainName}</h3>
          {levels.map(({ level, name }) => {
            const cell = indicators.filter((i) => i.domainId === domainId && i.level === level);
            if (cell.length === 0) return null;
            return (
              <div key={level} className="mb-4">
                <p className="mb-2 font-bold">
                  Level {level}: {name}
                </p>
                <ul className="space-y-3">
                  {cell.map((i) => {
                    const id = firstId && i.id === firstShown ? firstId : `indicator-${i.id.replaceAll("/", "-")}`;
                    return (
                      <li key={i.id} className="flex items-start gap-3">
                        <input id={id} type="checkbox" value={i.id} className="mt-0.5 size-7 shrink-0 cursor-pointer accent-ink" {...kit.tick("indicatorIds", i.id)} />
                        <label htmlFor={id} className="cursor-pointer pt-1 break-words">
                          <IndicatorWording indicator={i} />
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      ))}
    </>
  );
}
