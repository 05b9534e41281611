import nscp2022 from "@/thresholds/nscp-2022.json";
import rhrt2025 from "@/thresholds/rhrt-2025.json";
import type { TickedIndicator } from "./policy";
import { thresholdDocumentSchema, type Indicator, type Level, type ThresholdDocument } from "./schema";

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

/** The Section 47 indicators as the API reports them: the document's own list, or its flagged indicators. */
export function listSection47Indicators(document: ThresholdDocument): { id: string; text: string }[] {
  if (document.section47List.length > 0) return document.section47List;
  return listIndicators(document)
    .filter((i) => i.s47)
    .map(({ id, text }) => ({ id, text }));
}
