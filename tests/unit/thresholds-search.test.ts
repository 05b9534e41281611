import { describe, expect, it } from "vitest";
import type { Indicator, ThresholdDocument } from "@/lib/thresholds/schema";
import {
  filterDocument,
  indicatorAnchorId,
  indicatorReference,
  isFiltered,
  MAX_QUERY_LENGTH,
  parseThresholdFilter,
  searchPatternFor,
  splitForHighlight,
  type ThresholdFilter,
} from "@/lib/thresholds/search";

// A small made-up matrix: two domains, every level, one indicator with sub-items.

function indicator(id: string, text: string, subItems: string[] = []): Indicator {
  return { id: `doc/${id}`, text, subItems, s47: false, s47Basis: [] };
}

const DOCUMENT: Pick<ThresholdDocument, "domains"> = {
  domains: [
    {
      id: "health",
      name: "Health",
      cells: [
        { level: 1, indicators: [indicator("health/1/01", "Meeting developmental milestones")] },
        { level: 2, indicators: [indicator("health/2/01", "Missed health appointments"), indicator("health/2/02", "Minor bruising, explained")] },
        { level: 3, indicators: [] },
        { level: 4, indicators: [indicator("health/4/01", "Unexplained BRUISING or bruising to a baby (non-mobile)")] },
      ],
    },
    {
      id: "family",
      name: "Family",
      cells: [
        { level: 1, indicators: [indicator("family/1/01", "Warm parenting")] },
        { level: 2, indicators: [] },
        { level: 3, indicators: [indicator("family/3/01", "Parent’s drug use affects the child")] },
        { level: 4, indicators: [indicator("family/4/01", "Chronic neglect:", ["Failure to supervise", "Refusing medical care"])] },
      ],
    },
  ],
};

const ALL: ThresholdFilter = { q: "", domain: null, level: null };

function shownIds(filter: ThresholdFilter) {
  return filterDocument(DOCUMENT, filter).domains.flatMap((d) => d.cells.flatMap((c) => c.indicators.map((i) => i.id)));
}

describe("parseThresholdFilter", () => {
  const domainIds = ["health", "family"];

  it("reads the search words, domain and level", () => {
    expect(parseThresholdFilter({ q: "bruising", domain: "family", level: "4" }, domainIds)).toEqual({ q: "bruising", domain: "family", level: 4 });
  });

  it("means everything when nothing is asked for", () => {
    expect(parseThresholdFilter({}, domainIds)).toEqual(ALL);
    expect(parseThresholdFilter({ q: "", domain: "", level: "" }, domainIds)).toEqual(ALL);
  });

  it("trims the search words, and treats spaces alone as no search", () => {
    expect(parseThresholdFilter({ q: "  neglect \n" }, domainIds).q).toBe("neglect");
    expect(parseThresholdFilter({ q: "   " }, domainIds).q).toBe("");
  });

  it("takes the first value when a parameter is repeated", () => {
    expect(parseThresholdFilter({ q: ["one", "two"], level: ["2", "3"] }, domainIds)).toMatchObject({ q: "one", level: 2 });
  });

  it("ignores a domain the document does not have and a level that does not exist", () => {
    expect(parseThresholdFilter({ domain: "schooling", level: "5" }, domainIds)).toEqual(ALL);
    expect(parseThresholdFilter({ level: "0" }, domainIds).level).toBeNull();
    expect(parseThresholdFilter({ level: "two" }, domainIds).level).toBeNull();
    expect(parseThresholdFilter({ level: "2.5" }, domainIds).level).toBeNull();
  });

  it("cuts an overlong query", () => {
    expect(parseThresholdFilter({ q: "a".repeat(500) }, domainIds).q).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe("isFiltered", () => {
  it("is false only when nothing narrows the guidance", () => {
    expect(isFiltered(ALL)).toBe(false);
    expect(isFiltered({ ...ALL, q: "x" })).toBe(true);
    expect(isFiltered({ ...ALL, domain: "health" })).toBe(true);
    expect(isFiltered({ ...ALL, level: 1 })).toBe(true);
  });
});

describe("searchPatternFor", () => {
  it("gives no pattern for an empty or blank query", () => {
    expect(searchPatternFor("")).toBeNull();
    expect(searchPatternFor("  ")).toBeNull();
  });

  it("treats regex characters literally", () => {
    const pattern = searchPatternFor("(non-mobile)")!;
    expect("a baby (non-mobile)".match(pattern)).toEqual(["(non-mobile)"]);
    expect("non-mobile").not.toMatch(searchPatternFor("(non-mobile)")!);
    expect("a.b").toMatch(searchPatternFor("a.b")!);
    expect("axb").not.toMatch(searchPatternFor("a.b")!);
    expect(() => searchPatternFor("[*+?^${}|\\")).not.toThrow();
    expect("x [*+?^${}|\\ y").toMatch(searchPatternFor("[*+?^${}|\\")!);
  });

  it("lets a straight apostrophe or quote find a curly one, and the other way round", () => {
    expect("Parent’s drug use").toMatch(searchPatternFor("parent's")!);
    expect("Parent's drug use").toMatch(searchPatternFor("parent’s")!);
    expect("so-called “discipline”").toMatch(searchPatternFor('"discipline"')!);
  });

  it("lets a run of spaces match any white space", () => {
    expect("drug\n use").toMatch(searchPatternFor("drug   use")!);
    expect(searchPatternFor("drug   use")!.source).toBe("drug\\s+use");
  });
});

describe("filterDocument", () => {
  it("shows everything without a filter, and counts it", () => {
    const result = filterDocument(DOCUMENT, ALL);
    expect(result.domains.map((d) => d.id)).toEqual(["health", "family"]);
    expect(result.domains[0]!.cells.map((c) => c.level)).toEqual([1, 2, 3, 4]);
    expect(result.matchCount).toBe(7);
    expect(result.totalCount).toBe(7);
    expect(result.domains.map((d) => d.matchCount)).toEqual([4, 3]);
  });

  it("keeps a domain with an empty level when not searching", () => {
    const result = filterDocument(DOCUMENT, { ...ALL, level: 2 });
    expect(result.domains.map((d) => d.id)).toEqual(["health", "family"]);
    expect(result.domains[1]!.cells).toEqual([{ level: 2, indicators: [] }]);
  });

  it("hides the other domains when filtered by domain", () => {
    const result = filterDocument(DOCUMENT, { ...ALL, domain: "family" });
    expect(result.domains.map((d) => d.id)).toEqual(["family"]);
    expect(result.matchCount).toBe(3);
    expect(result.totalCount).toBe(7);
  });

  it("hides the other levels when filtered by level", () => {
    const result = filterDocument(DOCUMENT, { ...ALL, level: 4 });
    expect(result.domains.every((d) => d.cells.length === 1 && d.cells[0]!.level === 4)).toBe(true);
    expect(shownIds({ ...ALL, level: 4 })).toEqual(["doc/health/4/01", "doc/family/4/01"]);
  });

  it("combines domain and level", () => {
    expect(shownIds({ ...ALL, domain: "health", level: 2 })).toEqual(["doc/health/2/01", "doc/health/2/02"]);
  });

  it("searches case-insensitively and keeps only the matches", () => {
    expect(shownIds({ ...ALL, q: "BRUISING" })).toEqual(["doc/health/2/02", "doc/health/4/01"]);
  });

  it("finds an indicator by one of its sub-items", () => {
    expect(shownIds({ ...ALL, q: "supervise" })).toEqual(["doc/family/4/01"]);
  });

  it("drops the domains with no match but keeps the empty levels of a domain that has one", () => {
    const result = filterDocument(DOCUMENT, { ...ALL, q: "bruising" });
    expect(result.domains.map((d) => d.id)).toEqual(["health"]);
    expect(result.domains[0]!.cells.map((c) => [c.level, c.indicators.length])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
      [4, 1],
    ]);
    expect(result.matchCount).toBe(2);
  });

  it("combines the search with the domain and level filters", () => {
    expect(shownIds({ q: "bruising", domain: "health", level: 4 })).toEqual(["doc/health/4/01"]);
    expect(shownIds({ q: "bruising", domain: "family", level: null })).toEqual([]);
  });

  it("finds nothing for words that are not there, and says how many there were", () => {
    const result = filterDocument(DOCUMENT, { ...ALL, q: "zzz" });
    expect(result.domains).toEqual([]);
    expect(result.matchCount).toBe(0);
    expect(result.totalCount).toBe(7);
  });

  it("does not change the document it is given", () => {
    const before = JSON.stringify(DOCUMENT);
    filterDocument(DOCUMENT, { q: "bruising", domain: "health", level: 2 });
    expect(JSON.stringify(DOCUMENT)).toBe(before);
  });
});

describe("splitForHighlight", () => {
  it("marks every occurrence, whatever the case, keeping the text's own case", () => {
    expect(splitForHighlight("Unexplained BRUISING or bruising", "Bruising")).toEqual([
      { text: "Unexplained ", match: false },
      { text: "BRUISING", match: true },
      { text: " or ", match: false },
      { text: "bruising", match: true },
    ]);
  });

  it("handles a match at the very start and end", () => {
    expect(splitForHighlight("neglect", "neglect")).toEqual([{ text: "neglect", match: true }]);
    expect(splitForHighlight("neglect and neglect", "NEGLECT")).toEqual([
      { text: "neglect", match: true },
      { text: " and ", match: false },
      { text: "neglect", match: true },
    ]);
  });

  it("leaves the text whole when nothing matches or there is no query", () => {
    expect(splitForHighlight("Warm parenting", "neglect")).toEqual([{ text: "Warm parenting", match: false }]);
    expect(splitForHighlight("Warm parenting", "")).toEqual([{ text: "Warm parenting", match: false }]);
    expect(splitForHighlight("Warm parenting", "   ")).toEqual([{ text: "Warm parenting", match: false }]);
  });

  it("gives nothing for empty text", () => {
    expect(splitForHighlight("", "x")).toEqual([]);
    expect(splitForHighlight("", "")).toEqual([]);
  });

  it("trims the query and treats regex characters literally", () => {
    expect(splitForHighlight("a baby (non-mobile)", "  (non-mobile) ")).toEqual([
      { text: "a baby ", match: false },
      { text: "(non-mobile)", match: true },
    ]);
    expect(splitForHighlight("a+b a b", "a+b")).toEqual([
      { text: "a+b", match: true },
      { text: " a b", match: false },
    ]);
  });

  it("marks markup-like text as plain text", () => {
    expect(splitForHighlight("<script>alert(1)</script>", "<script>")).toEqual([
      { text: "<script>", match: true },
      { text: "alert(1)</script>", match: false },
    ]);
  });

  it("gives back the text unchanged when the parts are joined", () => {
    const text = "Parent’s drug use affects the child’s care";
    const parts = splitForHighlight(text, "child's");
    expect(parts.map((p) => p.text).join("")).toBe(text);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(["child’s"]);
  });
});

describe("indicator permalinks", () => {
  it("derives the fragment id from the indicator id", () => {
    expect(indicatorAnchorId("rhrt-2025/health/4/03")).toBe("i-health-4-03");
    expect(indicatorAnchorId("rhrt-2025/extra-familial/2/11")).toBe("i-extra-familial-2-11");
  });

  it("gives the reference people cite", () => {
    expect(indicatorReference("rhrt-2025/health/4/03")).toBe("health 4.03");
    expect(indicatorReference("rhrt-2025/extra-familial/2/11")).toBe("extra-familial 2.11");
  });
});
