import { describe, expect, it } from "vitest";
import { isMashLineOpen, suggestLevel, type TickedIndicator } from "@/lib/thresholds/policy";
import type { Level } from "@/lib/thresholds/schema";

let n = 0;
function ticked(level: Level, domainId = "health", s47 = false): TickedIndicator {
  n += 1;
  return { id: `test/${domainId}/${level}/${String(n).padStart(2, "0")}`, text: `Indicator ${n}`, domainId, domainName: domainId, level, s47 };
}

describe("suggestLevel", () => {
  it("suggests nothing when nothing is ticked", () => {
    const s = suggestLevel([]);
    expect(s.level).toBeNull();
    expect(s.pathway).toBeNull();
    expect(s.referToMash).toBe(false);
  });

  it("Level 1 only: universal services", () => {
    expect(suggestLevel([ticked(1), ticked(1, "family")])).toMatchObject({ level: 1, pathway: "universal", referToMash: false });
  });

  it("a single Level 2 need: single-agency support", () => {
    const s = suggestLevel([ticked(1), ticked(2)]);
    expect(s).toMatchObject({ level: 2, pathway: "single-agency", referToMash: false });
    expect(s.reasons.join(" ")).toMatch(/single agency/);
  });

  it("several Level 2 needs in one domain: still single-agency", () => {
    expect(suggestLevel([ticked(2, "health"), ticked(2, "health")]).pathway).toBe("single-agency");
  });

  it("several Level 2 needs across domains: a coordinated Early Help Assessment", () => {
    const s = suggestLevel([ticked(2, "health"), ticked(2, "education")]);
    expect(s).toMatchObject({ level: 2, pathway: "early-help-assessment" });
    expect(s.reasons.join(" ")).toMatch(/2 domains.*Early Help\/Family Help Assessment/);
  });

  it("any Level 3: the highest level wins, with an EHA and a CFSS request", () => {
    const s = suggestLevel([ticked(2, "health"), ticked(2, "education"), ticked(3, "family")]);
    expect(s).toMatchObject({ level: 3, pathway: "cfss-request", referToMash: false });
    expect(s.reasons[0]).toMatch(/^Level 3 indicator/);
  });

  it("any Level 4: refer to the MASH, and phone now if the child is at immediate risk", () => {
    const s = suggestLevel([ticked(1), ticked(3), ticked(4, "family")]);
    expect(s).toMatchObject({ level: 4, pathway: "mash-referral", referToMash: true });
    expect(s.reasons.join(" ")).toMatch(/referral to the MASH is required.*999.*0300 126 7000/);
  });

  it("any Section 47 indicator: refer to the MASH and name the strategy discussion, even below Level 4", () => {
    const s47 = ticked(3, "health", true);
    const s = suggestLevel([ticked(2), s47]);
    expect(s).toMatchObject({ level: 4, pathway: "mash-referral", referToMash: true });
    expect(s.section47).toEqual([s47]);
    expect(s.reasons.join(" ")).toMatch(/Section 47 strategy discussion/);
  });
});

describe("isMashLineOpen (09:00–17:00 Monday to Friday, UK time)", () => {
  it.each([
    ["Wednesday 09:00 GMT", "2026-01-14T09:00:00Z", true],
    ["Wednesday 08:59 GMT", "2026-01-14T08:59:00Z", false],
    ["Wednesday 16:59 GMT", "2026-01-14T16:59:00Z", true],
    ["Wednesday 17:00 GMT", "2026-01-14T17:00:00Z", false],
    ["Saturday midday", "2026-01-17T12:00:00Z", false],
    ["Sunday midday", "2026-01-18T12:00:00Z", false],
    // In British Summer Time 09:00 in London is 08:00 UTC.
    ["Monday 09:00 BST", "2026-06-15T08:00:00Z", true],
    ["Monday 08:30 BST", "2026-06-15T07:30:00Z", false],
    ["Friday 16:30 BST", "2026-06-19T15:30:00Z", true],
    ["Friday 17:00 BST", "2026-06-19T16:00:00Z", false],
  ])("%s → %s", (_label, iso, open) => {
    expect(isMashLineOpen(new Date(iso))).toBe(open);
  });
});
