import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { thresholdDocumentSchema } from "@/lib/thresholds/schema";

// Transcription of seed 001_7fe43562cfbdd98b.txt (NSCP threshold guidance 2022), Appendix 1 and Appendix 2.
// The counts below were made by reading the seed, not by counting the JSON.

const raw: unknown = JSON.parse(readFileSync(path.join(process.cwd(), "thresholds/nscp-2022.json"), "utf8"));
const doc = thresholdDocumentSchema.parse(raw);

/** Indicators per domain, Level 1 to Level 4, as counted in Appendix 1 of the seed. */
const EXPECTED_COUNTS: Record<string, [number, number, number, number]> = {
  education: [5, 9, 8, 1],
  health: [6, 4, 7, 5],
  emotional: [10, 19, 17, 15],
  family: [14, 27, 25, 27],
};

/** The items Appendix 1 marks with * ("S47 strategy discussion required"). */
const STARRED_IDS = [
  "nscp-2022/health/4/01",
  "nscp-2022/health/4/03",
  "nscp-2022/emotional/4/02",
  "nscp-2022/emotional/4/03",
  "nscp-2022/emotional/4/04",
  "nscp-2022/emotional/4/06",
  "nscp-2022/emotional/4/09",
  "nscp-2022/emotional/4/10",
  "nscp-2022/family/4/03",
  "nscp-2022/family/4/05",
  "nscp-2022/family/4/06",
  "nscp-2022/family/4/07",
  "nscp-2022/family/4/09",
  "nscp-2022/family/4/13",
  "nscp-2022/family/4/14",
  "nscp-2022/family/4/15",
  "nscp-2022/family/4/24",
  "nscp-2022/family/4/25",
];

const allIndicators = doc.domains.flatMap((domain) => domain.cells.flatMap((cell) => cell.indicators));
const textOf = (id: string) => {
  const found = allIndicators.find((indicator) => indicator.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found.text;
};

describe("thresholds/nscp-2022.json", () => {
  it("describes the superseded 2022 NSCP document", () => {
    expect(doc.id).toBe("nscp-2022");
    expect(doc.title).toBe("Revised NSCP Threshold Guidance");
    expect(doc.status).toBe("superseded");
    expect(doc.supersededBy).toBe("rhrt-2025");
    expect(doc.publishedOn).toBe("2022-04-11");
    expect(doc.publisher).toBe("Northamptonshire Safeguarding Children Partnership");
    expect(doc.source).toBe("seed 001_7fe43562cfbdd98b.txt");
  });

  it("has the four levels of the 2022 guidance, in order", () => {
    expect(doc.levels.map((level) => level.level)).toEqual([1, 2, 3, 4]);
    expect(doc.levels.map((level) => level.name)).toEqual([
      "Universal Support",
      "Vulnerable",
      "Complex Needs",
      "Statutory Intervention (Immediate safeguarding)",
    ]);
    expect(doc.levels[0]!.descriptor).toBe("Children with no additional needs, whose needs are met by universal services.");
    expect(doc.levels[3]!.response).toMatch(/^Immediate referral should be made to the Multi Agency Safeguarding Hub \(MASH\)\./);
  });

  it("has Appendix 1's own four domains in the seed's order", () => {
    expect(doc.domains.map((domain) => [domain.id, domain.name])).toEqual([
      ["education", "Education and Learning Needs"],
      ["health", "Health Needs"],
      ["emotional", "Emotional Health and Behaviour Needs"],
      ["family", "Family and Parenting Needs"],
    ]);
  });

  it("has exactly the number of indicators the seed lists in each domain × level cell", () => {
    const counts = Object.fromEntries(doc.domains.map((domain) => [domain.id, domain.cells.map((cell) => cell.indicators.length)]));
    expect(counts).toEqual(EXPECTED_COUNTS);
    expect(allIndicators).toHaveLength(199);
  });

  it("gives every indicator a unique id naming its domain, level and position in the cell", () => {
    const ids = allIndicators.map((indicator) => indicator.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const domain of doc.domains) {
      domain.cells.forEach((cell, cellIndex) => {
        expect(cell.level).toBe(cellIndex + 1);
        cell.indicators.forEach((indicator, position) => {
          expect(indicator.id).toBe(`nscp-2022/${domain.id}/${cell.level}/${String(position + 1).padStart(2, "0")}`);
        });
      });
    }
  });

  it("marks exactly the starred items as needing a Section 47 strategy discussion, with the * removed", () => {
    expect(allIndicators.filter((indicator) => indicator.s47).map((indicator) => indicator.id)).toEqual(STARRED_IDS);
    for (const indicator of allIndicators) {
      expect(indicator.s47Basis).toEqual([]);
      expect(indicator.subItems).toEqual([]);
      expect(indicator.text).not.toMatch(/[*•]|\s{2}|^\s|\s$/);
    }
  });

  it("keeps the seed's wording (spot checks, at least two per domain)", () => {
    expect(textOf("nscp-2022/education/1/01")).toBe("Enjoys and participates in learning activities");
    expect(textOf("nscp-2022/education/3/03")).toBe(
      "Has identified Special Educational Needs and Disability (SEND) requiring both additional support and the involvement of outside agencies, family support is required to enable the child to engage in education",
    );
    expect(textOf("nscp-2022/education/4/01")).toBe(
      "Persistent school refusal (or excluded from school) if in conjunction with other complex and significant needs",
    );
    expect(textOf("nscp-2022/health/3/01")).toBe("Health/dental worries not accepted or addressed – treatment not being sought/adhered to");
    expect(textOf("nscp-2022/health/4/01")).toBe(
      "Severe/chronic health problems, developmental delay or disability where treatment not being sought or adhered to",
    );
    expect(textOf("nscp-2022/health/4/04")).toBe(
      "Repeat dental extraction under general anaesthetic (or multiple dental extractions) due to neglect",
    );
    expect(textOf("nscp-2022/emotional/1/05")).toBe("Responds appropriately to boundaries and constructive guidance");
    expect(textOf("nscp-2022/emotional/3/06")).toBe(
      "Missing from home or change in behaviour/routine suggesting development of inappropriate relationship",
    );
    expect(textOf("nscp-2022/emotional/4/12")).toBe("Persistent poor and inappropriate self-presentation");
    expect(textOf("nscp-2022/emotional/4/13")).toBe(
      "Acute mental health problems e.g. severe depression; threat of suicide; psychotic episode",
    );
    expect(textOf("nscp-2022/family/1/08")).toBe(
      "Provides for child’s physical needs, e.g. food, drink, appropriate clothing, hygiene, medical and dental care",
    );
    expect(textOf("nscp-2022/family/3/06")).toBe("Difficult to engage parents/carer – reject advice/support");
    expect(textOf("nscp-2022/family/4/01")).toBe("Parents consistently unable to provide ‘positive enough’ parenting that is adequate and safe");
    expect(textOf("nscp-2022/family/4/11")).toBe(
      "Involving a child in crime or significant anti-social behaviour/drugs/crime/illegal activities",
    );
    expect(textOf("nscp-2022/family/4/24")).toBe("Subject to physical, emotional or sexual abuse or neglect");
  });

  it("lists Appendix 2's Section 47 indicators in the seed's order", () => {
    expect(doc.section47List).toHaveLength(20);
    doc.section47List.forEach((item, index) => {
      expect(item.id).toBe(`nscp-2022/s47/${String(index + 1).padStart(2, "0")}`);
    });
    const s47Text = (n: number) => doc.section47List[n - 1]!.text;
    expect(s47Text(1)).toBe("Pregnancy or Sexually Transmitted Infection (STI) or sexual abuse of a child under 13");
    expect(s47Text(6)).toBe("Participates in extremist action in language and behaviour");
    expect(s47Text(14)).toBe("Allegations or suspicion about a serious injury or sexual abuse to a child, including online abuse");
    expect(s47Text(17)).toBe("Inconsistent explanations or an admission about a clear non-accidental injury");
    expect(s47Text(20)).toBe(
      "Any suspicious injury or allegation involving a child subject of a current Child Protection (CP) plan or looked after by a local authority",
    );
  });
});
