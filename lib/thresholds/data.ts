import nscp2022 from "@/thresholds/nscp-2022.json";
import rhrt2025 from "@/thresholds/rhrt-2025.json";
import { checkChosenLevel, suggestLevel, type Suggestion, type TickedIndicator } from "./policy";
import { levelCheckFromSearchParams, thresholdDocumentSchema, type Indicator, type Level, type ThresholdDocument } from "./schema";

// The published threshold documents, validated once when the module loads: a malformed file stops the app
// at start-up rather than misleading a practitioner later. Newest first.
const DOCUMENTS: readonly ThresholdDocument[] = [rhrt2025, nscp2022].map((raw) => thresholdDocumentSchema.parse(raw));

export type ThresholdVersion = Pick<ThresholdDocument, "id" | "title" | "status" | "publishedOn">;

export function listThresholdVersions(): ThresholdVersion[] {
  return DOCUMENTS.map(({ id, title, status, publishedOn }) => ({ id, title, status, publishedOn }));
}

export function findThresholdDocument(id: string): ThresholdDocument | null {
  return DOCUMENTS.find((d) => d.id === id) ?? null;
}

export function findCurrentThresholdDocument(): ThresholdDocument {
  const current = DOCUMENTS.find((d) => d.status === "current");
  if (!current) throw new Error("No current threshold document");
  return current;
}

export type LocatedIndicator = Indicator & { domainId: string; domainName: string; level: Level };

/** Every indicator of a document with its domain and level, in the document's order. */
export function listIndicators(document: ThresholdDocument): LocatedIndicator[] {
  return document.domains.flatMap((domain) =>
    domain.cells.flatMap((cell) => cell.indicators.map((indicator) => ({ ...indicator, domainId: domain.id, domainName: domain.name, level: cell.level }))),
  );
}

/**
 * The indicators behind a list of ids, for the level check and for referrals. Unknown ids are returned
 * separately so the caller can refuse them with a clear message.
 */
export function findTickedIndicators(document: ThresholdDocument, ids: readonly string[]): { found: TickedIndicator[]; unknown: string[] } {
  const byId = new Map(listIndicators(document).map((i) => [i.id, i]));
  const found: TickedIndicator[] = [];
  const unknown: string[] = [];
  for (const id of new Set(ids)) {
    const indicator = byId.get(id);
    if (indicator) found.push({ id, text: indicator.text, domainId: indicator.domainId, domainName: indicator.domainName, level: indicator.level, s47: indicator.s47 });
    else unknown.push(id);
  }
  return { found, unknown };
}

export type IndicatorAssessment = { document: ThresholdDocument; found: TickedIndicator[]; unknown: string[]; suggestedLevel: Level | null };

/**
 * The ticked indicators of a version and the level they suggest: the one place a referral's suggested level
 * is worked out, on the server, never taken from the browser (the draft page shows it; the submission checks
 * a different chosen level against it). Null when the version is not a published one.
 */
export function assessIndicators(version: string, ids: readonly string[]): IndicatorAssessment | null {
  const document = findThresholdDocument(version);
  if (!document) return null;
  const { found, unknown } = findTickedIndicators(document, ids);
  return { document, found, unknown, suggestedLevel: suggestLevel(found).level };
}

/** The Section 47 indicators as the API reports them: the document's own list, or its flagged indicators. */
export function listSection47Indicators(document: ThresholdDocument): { id: string; text: string }[] {
  if (document.section47List.length > 0) return document.section47List;
  return listIndicators(document)
    .filter((i) => i.s47)
    .map(({ id, text }) => ({ id, text }));
}

export type ResolvedLevelCheck =
  | { ok: true; document: ThresholdDocument; ticked: TickedIndicator[]; suggestion: Suggestion; chosenLevel: Level; reason: string | null }
  | { ok: false; problem: string; backTo: { version: string; indicatorIds: string[] } | null };

/**
 * A level check as carried in an address (the record page, and later the referral forms): the version and
 * ticked ids are checked against the published data and the suggestion is recomputed, never taken on trust.
 */
export function resolveLevelCheck(params: Record<string, string | string[] | undefined>): ResolvedLevelCheck {
  const parsed = levelCheckFromSearchParams(params);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? "The check is incomplete", backTo: null };
  const { version, indicatorIds, chosenLevel, reason } = parsed.data;
  const backTo = { version, indicatorIds };
  const document = findThresholdDocument(version);
  if (!document) return { ok: false, problem: "That version of the guidance does not exist", backTo: null };
  const { found, unknown } = findTickedIndicators(document, indicatorIds);
  if (unknown.length > 0) return { ok: false, problem: "Some ticked indicators are not in that version of the guidance", backTo };
  const suggestion = suggestLevel(found);
  const choice = checkChosenLevel(suggestion.level, chosenLevel, reason);
  if (!choice.ok) return { ok: false, problem: choice.message, backTo };
  return { ok: true, document, ticked: found, suggestion, chosenLevel, reason };
}
