import { describe, expect, it } from "vitest";
import {
  findCurrentThresholdDocument,
  findThresholdDocument,
  findTickedIndicators,
  listIndicators,
  listSection47Indicators,
  listThresholdVersions,
  resolveLevelCheck,
} from "@/lib/thresholds/data";

describe("threshold documents", () => {
  it("has exactly one current version, and every superseded one names its successor", () => {
    const versions = listThresholdVersions();
    expect(versions.filter((v) => v.status === "current").map((v) => v.id)).toEqual(["rhrt-2025"]);
    expect(findCurrentThresholdDocument().id).toBe("rhrt-2025");
    for (const version of versions.filter((v) => v.status === "superseded")) {
      const successor = findThresholdDocument(version.id)!.supersededBy;
      expect(successor && findThresholdDocument(successor), `${version.id} → ${successor}`).toBeTruthy();
    }
  });

  it("gives every indicator an id unique across all versions, prefixed by its version", () => {
    const all = listThresholdVersions().flatMap((v) => listIndicators(findThresholdDocument(v.id)!).map((i) => ({ version: v.id, id: i.id })));
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const { version, id } of all) expect(id.startsWith(`${version}/`)).toBe(true);
  });

  it("takes rhrt-2025's Section 47 indicators from items that exist in the 2022 Section 47 list, at Level 4 only", () => {
    const rhrt = findThresholdDocument("rhrt-2025")!;
    const list = new Set(findThresholdDocument("nscp-2022")!.section47List.map((item) => item.id));
    const flagged = listIndicators(rhrt).filter((i) => i.s47);
    expect(flagged.length).toBeGreaterThan(0);
    for (const indicator of listIndicators(rhrt)) {
      if (indicator.s47) {
        expect(indicator.level, indicator.id).toBe(4);
        expect(indicator.s47Basis.length, indicator.id).toBeGreaterThan(0);
        for (const basis of indicator.s47Basis) expect(list, `${indicator.id} → ${basis}`).toContain(basis);
      } else {
        expect(indicator.s47Basis, indicator.id).toEqual([]);
      }
    }
    expect(listSection47Indicators(rhrt).map((i) => i.id)).toEqual(flagged.map((i) => i.id));
    expect(listSection47Indicators(findThresholdDocument("nscp-2022")!).length).toBe(list.size);
  });

  it("names the harms the issue lists among rhrt-2025's Section 47 indicators", () => {
    const texts = listSection47Indicators(findThresholdDocument("rhrt-2025")!).map((i) => i.text.toLowerCase());
    for (const harm of ["disclosure of sexual abuse", "non accidental injury", "fabricated", "female genital mutilation"]) {
      expect(texts.some((t) => t.includes(harm)), harm).toBe(true);
    }
  });

  it("finds ticked indicators with their domain and level, and reports unknown ids", () => {
    const document = findCurrentThresholdDocument();
    const { found, unknown } = findTickedIndicators(document, ["rhrt-2025/health/4/10", "rhrt-2025/health/4/10", "rhrt-2025/nowhere/1/01"]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: "rhrt-2025/health/4/10", domainId: "health", domainName: "Health and Wellbeing", level: 4, s47: true });
    expect(unknown).toEqual(["rhrt-2025/nowhere/1/01"]);
  });
});

describe("resolveLevelCheck (a check carried in an address)", () => {
  const nai = "rhrt-2025/health/4/10";

  it("recomputes the suggestion instead of trusting the address", () => {
    const check = resolveLevelCheck({ version: "rhrt-2025", i: [nai], suggested: "1", chosen: "4" });
    expect(check).toMatchObject({ ok: true, chosenLevel: 4, reason: null });
    expect(check.ok && check.suggestion.level).toBe(4);
  });

  it("needs a reason when the chosen level differs from the suggestion", () => {
    expect(resolveLevelCheck({ version: "rhrt-2025", i: nai, chosen: "2" })).toMatchObject({ ok: false, problem: "Explain why you chose Level 2 rather than the suggested Level 4" });
    expect(resolveLevelCheck({ version: "rhrt-2025", i: nai, chosen: "2", reason: "Known to the GP; explained" })).toMatchObject({ ok: true, chosenLevel: 2 });
  });

  it("refuses unknown versions, unknown indicators, nothing ticked and a missing level", () => {
    expect(resolveLevelCheck({ version: "rhrt-1999", i: nai, chosen: "4" })).toMatchObject({ ok: false, problem: "That version of the guidance does not exist" });
    expect(resolveLevelCheck({ version: "rhrt-2025", i: "rhrt-2025/health/4/99", chosen: "4" })).toMatchObject({ ok: false, problem: "Some ticked indicators are not in that version of the guidance" });
    expect(resolveLevelCheck({ version: "rhrt-2025", chosen: "4" })).toMatchObject({ ok: false, problem: "Tick at least one indicator" });
    expect(resolveLevelCheck({ version: "rhrt-2025", i: nai })).toMatchObject({ ok: false });
    expect(resolveLevelCheck({ version: "rhrt-2025", i: nai, chosen: "7" })).toMatchObject({ ok: false });
  });
});
