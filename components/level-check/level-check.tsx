"use client";

import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { Select } from "@/components/select";
import { IndicatorWording } from "@/components/indicator-wording";
import { TextInput } from "@/components/text-input";
import { checkChosenLevel, suggestLevel, type TickedIndicator } from "@/lib/thresholds/policy";
import { PATHWAYS } from "@/lib/thresholds/pathways";
import { levelCheckToSearchParams, type Level } from "@/lib/thresholds/schema";
import { matchesIndicator, searchPatternFor } from "@/lib/thresholds/search";
import { levelEdgeClass } from "@/components/threshold-matrix/level-heading";
import { MashLineStatus } from "./mash-line-status";
import { PathwayPanel } from "./pathway-panel";

export type CheckIndicator = TickedIndicator & { subItems: string[] };

type Props = {
  version: { id: string; title: string; superseded: boolean };
  levels: { level: Level; name: string }[];
  domains: { id: string; name: string }[];
  indicators: CheckIndicator[];
  initialTicked: string[];
};

/**
 * Tick the indicators that apply → a suggested level with its reasons → the practitioner's chosen level
 * (with a reason when it differs) → the pathway, and "Continue" carrying it all in the URL. Ticks survive
 * searching, filtering and a reload (they are kept in the address).
 */
export function LevelCheck({ version, levels, domains, indicators, initialTicked }: Props) {
  const known = useMemo(() => new Set(indicators.map((i) => i.id)), [indicators]);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(initialTicked.filter((id) => known.has(id))));
  const [query, setQuery] = useState("");
  const [domain, setDomain] = useState("");
  const [level, setLevel] = useState("");
  const [chosen, setChosen] = useState<Level | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(query.trim());

  const tickedIndicators = useMemo(() => indicators.filter((i) => ticked.has(i.id)), [indicators, ticked]);
  const suggestion = useMemo(() => suggestLevel(tickedIndicators), [tickedIndicators]);
  const chosenLevel = chosen ?? suggestion.level;

  // Keep the ticks in the address, so a reload or a shared link keeps them.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    params.delete("i");
    for (const id of ticked) params.append("i", id);
    window.history.replaceState(null, "", `${window.location.pathname}?${params}`);
  }, [ticked]);

  // The same search as the matrix page: literal, case-insensitive, straight and curly quotes alike.
  const pattern = searchPatternFor(deferredQuery);
  const visible = indicators.filter((i) => (!domain || i.domainId === domain) && (!level || String(i.level) === level) && (!pattern || matchesIndicator(pattern, i)));

  function toggle(id: string) {
    setTicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const continueHref =
    chosenLevel !== null
      ? `/thresholds/check/record?${levelCheckToSearchParams({ version: version.id, indicatorIds: [...ticked], suggestedLevel: suggestion.level, chosenLevel, reason: reason.trim() || null })}`
      : null;

  function onContinue(event: React.MouseEvent<HTMLAnchorElement>) {
    if (chosenLevel === null) return;
    const check = checkChosenLevel(suggestion.level, chosenLevel, reason.trim() || null);
    if (!check.ok) {
      event.preventDefault();
      setReasonError(check.message);
      document.getElementById("reason")?.focus();
    }
  }

  return (
    <div className="grid gap-8 pb-16 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:pb-0">
      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading" className="mb-4 text-2xl font-bold">
          1. Tick what applies to the child
        </h2>
        <div className="mb-6 grid gap-4 bg-panel p-4 md:grid-cols-3" role="search" aria-label="Search and filter the indicators">
          <div className="md:col-span-3">
            <TextInput id="check-search" label="Search the indicators" type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <Select
            id="check-domain"
            label="Domain"
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
            placeholder="All domains"
            options={domains.map((d) => ({ value: d.id, label: d.name }))}
          />
          <Select
            id="check-level"
            label="Level"
            value={level}
            onChange={(e) => setLevel(e.target.value)}
            placeholder="All levels"
            options={levels.map((l) => ({ value: String(l.level), label: `Level ${l.level}: ${l.name}` }))}
          />
        </div>
        <p className="mb-4" role="status">
          Showing {visible.length} of {indicators.length} indicators. {ticked.size} ticked.
        </p>

        {domains.map((d) => {
          const inDomain = visible.filter((i) => i.domainId === d.id);
          if (inDomain.length === 0) return null;
          return (
            <fieldset key={d.id} className="mb-8">
              <legend className="mb-3 text-xl font-bold">{d.name}</legend>
              {levels.map((l) => {
                const cell = inDomain.filter((i) => i.level === l.level);
                if (cell.length === 0) return null;
                return (
                  <div key={l.level} className={`mb-4 border-l-[6px] pl-3 ${levelEdgeClass(l.level)}`}>
                    <p className="mb-2 font-bold">
                      Level {l.level}: {l.name}
                    </p>
                    <ul className="space-y-3">
                      {cell.map((i) => (
                        <li key={i.id} className="flex items-start gap-3">
                          <input id={`tick-${i.id}`} type="checkbox" checked={ticked.has(i.id)} onChange={() => toggle(i.id)} className="mt-0.5 size-7 shrink-0 cursor-pointer accent-ink" />
                          <label htmlFor={`tick-${i.id}`} className="cursor-pointer pt-1 break-words">
                            <IndicatorWording indicator={i} />
                          </label>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="suggestion-heading" className="lg:sticky lg:top-4 lg:self-start">
        <h2 id="suggestion-heading" className="mb-4 text-2xl font-bold">
          2. Suggested level of need
        </h2>
        <div aria-live="polite" className="mb-4">
          {suggestion.level === null ? (
            <p>Tick the indicators that describe the child&apos;s situation. The suggestion appears here.</p>
          ) : (
            <div className={`border-l-[10px] p-4 ${levelEdgeClass(suggestion.level)} bg-panel`}>
              <p className="text-xl font-bold" data-testid="suggested-level">
                Level {suggestion.level}: {levels.find((l) => l.level === suggestion.level)?.name}
              </p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {suggestion.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <p className="mb-6 text-muted">
          This is guidance to support your professional judgement, never a verdict. Talk to your designated safeguarding lead, and to the family, as you
          would anyway.
        </p>

        {suggestion.referToMash && (
          <div className="mb-6 border-[5px] border-error p-4" role="region" aria-labelledby="immediate-risk-heading">
            <h3 id="immediate-risk-heading" className="mb-2 text-xl font-bold">
              Is the child at immediate risk of harm? Phone now
            </h3>
            <p className="mb-2">
              Call{" "}
              <a className="link font-bold" href="tel:999">
                999
              </a>{" "}
              if a child is in immediate danger.
            </p>
            <MashLineStatus />
            <p className="mt-2">Follow a phone call up in writing on the online referral within 24 hours.</p>
          </div>
        )}

        {suggestion.level !== null && chosenLevel !== null && (
          <>
            <h2 className="mb-4 text-2xl font-bold">3. Your decision</h2>
            <fieldset className="mb-4">
              <legend className="mb-2 font-bold">Which level of need do you judge this to be?</legend>
              <div className="space-y-2">
                {levels.map((l) => (
                  <div key={l.level} className="flex items-start gap-3">
                    <input
                      id={`chosen-${l.level}`}
                      type="radio"
                      name="chosen"
                      value={l.level}
                      checked={chosenLevel === l.level}
                      onChange={() => {
                        setChosen(l.level);
                        setReasonError(null);
                      }}
                      className="mt-0.5 size-7 shrink-0 cursor-pointer accent-ink"
                    />
                    <label htmlFor={`chosen-${l.level}`} className="cursor-pointer pt-1">
                      Level {l.level}: {l.name}
                      {l.level === suggestion.level ? " (suggested)" : ""}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            {chosenLevel !== suggestion.level && (
              <div className={`mb-6 ${reasonError ? "border-l-[5px] border-error pl-4" : ""}`}>
                <label htmlFor="reason" className="mb-1 block font-bold">
                  Why do you judge it to be Level {chosenLevel}?
                </label>
                {reasonError && (
                  <p id="reason-error" className="mb-1 font-bold text-error">
                    <span className="sr-only">Error: </span>
                    {reasonError}
                  </p>
                )}
                <textarea
                  id="reason"
                  rows={4}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  aria-describedby={reasonError ? "reason-error" : undefined}
                  aria-invalid={reasonError ? true : undefined}
                  className="block w-full rounded-none border-2 border-ink p-1"
                />
              </div>
            )}
            <PathwayPanel pathway={PATHWAYS[chosenLevel]} />
            {continueHref && (
              <a href={continueHref} onClick={onContinue} className="mt-4 inline-flex min-h-10 items-center bg-success px-3 py-1.5 text-white no-underline shadow-[0_2px_0_#002d18]">
                Continue
              </a>
            )}
          </>
        )}
        {version.superseded && <p className="mt-4 font-bold">You are using superseded guidance ({version.title}).</p>}
        {/* On a phone the suggestion sits below a long list: keep it one tap away. */}
        {suggestion.level !== null && (
          <div className="fixed inset-x-0 bottom-0 z-10 flex items-center justify-between gap-4 border-t-4 border-brand bg-ink px-4 py-3 text-white lg:hidden print:hidden">
            <span>
              {ticked.size} ticked · suggested Level {suggestion.level}
            </span>
            <a href="#suggestion-heading" className="link-inverse font-bold">
              See the suggestion
            </a>
          </div>
        )}
        <noscript>
          <p className="mt-4">This check needs JavaScript. Without it, use the threshold guidance pages to judge the level.</p>
        </noscript>
      </section>
    </div>
  );
}

