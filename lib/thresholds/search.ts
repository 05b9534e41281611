import { LEVELS, type Indicator, type Level, type ThresholdDocument } from "./schema";

// Searching and filtering the threshold matrix for the public guidance page. Pure, so every branch is unit
// tested; the page reads the document through data.ts and hands it in.

export type ThresholdFilter = {
  /** The trimmed search words; "" when not searching. */
  q: string;
  /** A domain id of the document, or null for every domain. */
  domain: string | null;
  level: Level | null;
};

export type FilteredCell = { level: Level; indicators: Indicator[] };
export type FilteredDomain = { id: string; name: string; cells: FilteredCell[]; matchCount: number };

export type FilteredDocument = {
  domains: FilteredDomain[];
  /** Indicators shown, over every domain and level shown. */
  matchCount: number;
  /** Indicators in the whole document. */
  totalCount: number;
};

export type HighlightSegment = { text: string; match: boolean };

/** Long enough for any phrase in the guidance; a longer query is cut rather than refused. */
export const MAX_QUERY_LENGTH = 100;

type SearchParams = Record<string, string | string[] | undefined>;

function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/**
 * The filter from the page's query string. Anything unknown (a domain the document lacks, level "5") means
 * "all" rather than an error: the form only offers valid choices, and a hand-edited URL still shows guidance.
 */
export function parseThresholdFilter(params: SearchParams, domainIds: readonly string[]): ThresholdFilter {
  const q = firstValue(params.q).trim().slice(0, MAX_QUERY_LENGTH).trim();
  const domain = firstValue(params.domain);
  const level = Number(firstValue(params.level));
  return {
    q,
    domain: domainIds.includes(domain) ? domain : null,
    level: LEVELS.find((l) => l === level) ?? null,
  };
}

const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|]/g;
// The guidance is typeset with curly quotes ("child’s"); people type straight ones.
const APOSTROPHES = "'‘’";
const QUOTES = "\"“”";

/**
 * A global, case-insensitive pattern for the query, or null when there is nothing to search for. The query
 * is matched literally: regex characters are escaped, any run of spaces matches any run of white space, and
 * straight and curly quotes match each other.
 */
export function searchPatternFor(q: string): RegExp | null {
  const words = q.trim();
  if (!words) return null;
  let source = "";
  for (const char of words) {
    if (APOSTROPHES.includes(char)) source += `[${APOSTROPHES}]`;
    else if (QUOTES.includes(char)) source += `[${QUOTES}]`;
    else if (/\s/u.test(char)) source += source.endsWith("\\s+") ? "" : "\\s+";
    else source += char.replace(REGEXP_SYNTAX, "\\$&");
  }
  return new RegExp(source, "giu");
}

export function matchesIndicator(pattern: RegExp, indicator: Pick<Indicator, "text" | "subItems">): boolean {
  const test = (text: string) => {
    pattern.lastIndex = 0; // a global pattern remembers where it stopped
    return pattern.test(text);
  };
  return test(indicator.text) || indicator.subItems.some(test);
}

/**
 * The domains, levels and indicators to show. A domain or level filter hides the others; a search keeps
 * only the matching indicators and drops the domains with none, but keeps each shown domain's level
 * columns (empty ones included) so the reader still sees where on the continuum the matches sit.
 */
export function filterDocument(document: Pick<ThresholdDocument, "domains">, filter: ThresholdFilter): FilteredDocument {
  const pattern = searchPatternFor(filter.q);
  const keep = (indicator: Indicator) => !pattern || matchesIndicator(pattern, indicator);

  const domains: FilteredDomain[] = [];
  let totalCount = 0;
  for (const domain of document.domains) {
    totalCount += domain.cells.reduce((sum, cell) => sum + cell.indicators.length, 0);
    if (filter.domain && domain.id !== filter.domain) continue;
    const cells = domain.cells
      .filter((cell) => !filter.level || cell.level === filter.level)
      .map((cell) => ({ level: cell.level, indicators: cell.indicators.filter(keep) }));
    const matchCount = cells.reduce((sum, cell) => sum + cell.indicators.length, 0);
    if (pattern && matchCount === 0) continue;
    domains.push({ id: domain.id, name: domain.name, cells, matchCount });
  }
  return { domains, matchCount: domains.reduce((sum, d) => sum + d.matchCount, 0), totalCount };
}

/** Whether the filter narrows the guidance at all. */
export function isFiltered(filter: ThresholdFilter): boolean {
  return filter.q !== "" || filter.domain !== null || filter.level !== null;
}

/**
 * The text cut into the parts that match the query and the parts that do not, in order, for <mark>.
 * Every occurrence is found; joined together the parts give back the text unchanged.
 */
export function splitForHighlight(text: string, q: string): HighlightSegment[] {
  const pattern = searchPatternFor(q);
  if (!pattern || !text) return text ? [{ text, match: false }] : [];
  const segments: HighlightSegment[] = [];
  let from = 0;
  for (const found of text.matchAll(pattern)) {
    if (found.index > from) segments.push({ text: text.slice(from, found.index), match: false });
    segments.push({ text: found[0], match: true });
    from = found.index + found[0].length;
  }
  if (from < text.length) segments.push({ text: text.slice(from), match: false });
  return segments;
}

/**
 * The fragment id of an indicator on the guidance page: "rhrt-2025/health/4/03" → "i-health-4-03". The
 * document id is left out because the page shows one document; the full permalink names it in the path.
 */
export function indicatorAnchorId(indicatorId: string): string {
  const [, domain, level, position] = indicatorId.split("/");
  return `i-${domain}-${level}-${position}`;
}

/** How people cite an indicator: "rhrt-2025/health/4/03" → "health 4.03". */
export function indicatorReference(indicatorId: string): string {
  const [, domain, level, position] = indicatorId.split("/");
  return `${domain} ${level}.${position}`;
}
