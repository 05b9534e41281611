import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { thresholdDocumentSchema, type ThresholdDocument } from "@/lib/thresholds/schema";

// Transcription of seed 000_5524dedbce3ef9ac.txt ("Right Help, Right Time – A continuum of need", NSCP 2025).
// Referrals store indicator ids forever, so these tests pin the ids, the counts and the wording.

const raw: unknown = JSON.parse(readFileSync(path.join(process.cwd(), "thresholds/rhrt-2025.json"), "utf8"));

function load(): ThresholdDocument {
  return thresholdDocumentSchema.parse(raw);
}

function indicator(doc: ThresholdDocument, id: string) {
  const found = doc.domains.flatMap((d) => d.cells.flatMap((c) => c.indicators)).find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

// Counted by hand from the seed, cell by cell (Level 1, 2, 3, 4). Not derived from the JSON.
const EXPECTED_COUNTS: Record<string, [number, number, number, number]> = {
  health: [4, 7, 8, 11],
  education: [2, 8, 8, 6],
  family: [1, 4, 9, 11],
  "extra-familial": [2, 7, 8, 11],
};

// Level 4 indicators naming the same harm as an item of the 2022 Appendix 2 Section 47 list (seed 001).
const EXPECTED_S47: Record<string, string[]> = {
  "rhrt-2025/health/4/06": ["nscp-2022/s47/14", "nscp-2022/s47/15"],
  "rhrt-2025/health/4/07": ["nscp-2022/s47/14", "nscp-2022/s47/15"],
  "rhrt-2025/health/4/08": ["nscp-2022/s47/01"],
  "rhrt-2025/health/4/09": ["nscp-2022/s47/16"],
  "rhrt-2025/health/4/10": ["nscp-2022/s47/09", "nscp-2022/s47/14", "nscp-2022/s47/15", "nscp-2022/s47/17"],
  "rhrt-2025/health/4/11": ["nscp-2022/s47/11"],
  "rhrt-2025/education/4/05": ["nscp-2022/s47/15"],
  "rhrt-2025/family/4/01": ["nscp-2022/s47/15"],
  "rhrt-2025/family/4/02": ["nscp-2022/s47/10"],
  "rhrt-2025/family/4/03": ["nscp-2022/s47/14", "nscp-2022/s47/15"],
  "rhrt-2025/family/4/04": ["nscp-2022/s47/12"],
  "rhrt-2025/family/4/05": ["nscp-2022/s47/08"],
  "rhrt-2025/family/4/08": ["nscp-2022/s47/11"],
  "rhrt-2025/extra-familial/4/01": ["nscp-2022/s47/02", "nscp-2022/s47/04"],
  "rhrt-2025/extra-familial/4/02": ["nscp-2022/s47/02", "nscp-2022/s47/04"],
  "rhrt-2025/extra-familial/4/03": ["nscp-2022/s47/02", "nscp-2022/s47/04", "nscp-2022/s47/14"],
  "rhrt-2025/extra-familial/4/04": ["nscp-2022/s47/04"],
  "rhrt-2025/extra-familial/4/06": ["nscp-2022/s47/05"],
  "rhrt-2025/extra-familial/4/07": ["nscp-2022/s47/04"],
  "rhrt-2025/extra-familial/4/09": ["nscp-2022/s47/06"],
  "rhrt-2025/extra-familial/4/11": ["nscp-2022/s47/03"],
};

describe("thresholds/rhrt-2025.json", () => {
  it("conforms to the threshold document schema", () => {
    expect(() => load()).not.toThrow();
  });

  it("carries the document metadata", () => {
    const doc = load();
    expect(doc.id).toBe("rhrt-2025");
    expect(doc.title).toBe("Right Help, Right Time – A continuum of need");
    expect(doc.status).toBe("current");
    expect(doc.publishedOn).toBe("2025-01-01");
    expect(doc.publisher).toBe("Northamptonshire Safeguarding Children Partnership");
    expect(doc.source).toBe("seed 000_5524dedbce3ef9ac.txt");
    expect(doc.supersededBy).toBeNull();
    expect(doc.section47List).toEqual([]);
  });

  it("has the four levels with the seed's names, descriptors and responses", () => {
    const doc = load();
    expect(doc.levels.map((l) => [l.level, l.name])).toEqual([
      [1, "Universal Support"],
      [2, "Vulnerable Early Help/Family Help Support"],
      [3, "Complex Targeted Support"],
      [4, "Acute Protective Support"],
    ]);
    expect(doc.levels[0]).toMatchObject({
      descriptor: "Children, young people and families whose needs are met by universal services.",
      response: "Needs are being met and no additional response or services are required.",
    });
    expect(doc.levels[1]).toMatchObject({
      descriptor:
        "Children, young people and families who have unmet needs and may require focussed single agency support from Early Help/Family Help Services. Early Help/Family Help Assessment and support plan required if coordinated support required.",
      response:
        "A single need may be met through a single service, or support is required by a number of services and should trigger a co-ordinated partnership response through an Early Help/Family Help Assessment.",
    });
    expect(doc.levels[2]).toMatchObject({
      descriptor:
        "Children, young people and families who have multiple unmet needs and are experiencing difficulties that required a coordinated whole family response. Assessment and Support Plan is required from Early Help/Family Help Services.",
      response:
        "Children, young people and families receive a coordinated and targeted response through an Early Help/Family Help Assessment.",
    });
    expect(doc.levels[3]).toMatchObject({
      descriptor:
        "Children and young people who are in need of protection, protective action and support or urgent need of safeguarding - Social Care Assessment and Support Plan.",
      response: "A referral to MASH is required.",
    });
  });

  it("has the four domains in the seed's order with the seed's names", () => {
    const doc = load();
    expect(doc.domains.map((d) => [d.id, d.name])).toEqual([
      ["health", "Health and Wellbeing"],
      ["education", "Education and Learning"],
      ["family", "Family and Parenting"],
      ["extra-familial", "Extra Familial Harms"],
    ]);
    for (const domain of doc.domains) expect(domain.cells.map((c) => c.level)).toEqual([1, 2, 3, 4]);
  });

  it("has exactly the number of indicators counted in each domain × level cell of the seed", () => {
    const doc = load();
    const counts = Object.fromEntries(doc.domains.map((d) => [d.id, d.cells.map((c) => c.indicators.length)]));
    expect(counts).toEqual(EXPECTED_COUNTS);
    const total = Object.values(EXPECTED_COUNTS)
      .flat()
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(107);
  });

  it("gives every indicator a unique id matching its domain, level and position", () => {
    const doc = load();
    const ids: string[] = [];
    for (const domain of doc.domains) {
      for (const cell of domain.cells) {
        cell.indicators.forEach((ind, index) => {
          expect(ind.id).toMatch(/^rhrt-2025\/(health|education|family|extra-familial)\/[1-4]\/\d{2}$/);
          expect(ind.id).toBe(`rhrt-2025/${domain.id}/${cell.level}/${String(index + 1).padStart(2, "0")}`);
          ids.push(ind.id);
        });
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(107);
  });

  it("keeps the seed's wording (spot checks)", () => {
    const doc = load();
    const expectText: Record<string, string> = {
      // Health and Wellbeing
      "rhrt-2025/health/1/01": "Meeting developmental milestones",
      "rhrt-2025/health/2/02":
        "Not registered with a GP and/or not being brought to medical appointments, or over-reliance on emergency care settings",
      "rhrt-2025/health/3/04":
        "Challenging and unexplained behaviours having a significant impact upon the child's development, wellbeing or relationships which may be indicative of trauma, distress or unmet health need. Including escalation of self-harming.",
      "rhrt-2025/health/4/04":
        "Acute and high risk mental health needs posing a risk of significant harm to self or others",
      "rhrt-2025/health/4/05": "Persistent and significant drug or alcohol use severely impairing safety and development",
      "rhrt-2025/health/4/07": "Disclosure of sexual abuse",
      "rhrt-2025/health/4/10":
        "Suspected non accidental injury including Injury and bruising in babies and children who are not independently mobile.( Link to guidance)",
      // Education and Learning
      "rhrt-2025/education/2/04":
        "Not accessing their 2, 3 or 4 year old early years place entitlement where there are other identified vulnerabilities.",
      "rhrt-2025/education/3/01":
        "Additional emotional, behavioural or attainment related targeted support required in school, and / or Special Educational Needs/Education, Health and Care Plan / out of school activities which require the support of the targeted short breaks or inclusion service in social care.",
      "rhrt-2025/education/4/02":
        "Persistent school avoidance (or excluded from school) if in conjunction with other safeguarding and/or child protection concerns.",
      "rhrt-2025/education/4/06":
        "Will require specialist educational provision/resources either within mainstream/special school.",
      // Family and Parenting
      "rhrt-2025/family/1/01":
        "Parental relationships prioritise and promote the child's emotional and physical wellbeing.",
      "rhrt-2025/family/3/05":
        "Concern about prospective parenting ability, requiring pre-birth support to build skills and capacity",
      "rhrt-2025/family/4/04":
        "Letting known risky adults provide care for the child (sex offenders, violent offenders etc)",
      "rhrt-2025/family/4/11": "Extreme poverty/debt impacting on ability to care for child",
      // Extra Familial Harms
      "rhrt-2025/extra-familial/2/01":
        "Use of CERAF document identifies LOW risk of exploitation- child is vulnerable/susceptible to grooming/exploitation. Follow CERAF low risk pathway.",
      "rhrt-2025/extra-familial/3/07":
        "Young persons' relationships are cause for concern eg. Age inappropriate or patterns of coercive or controlling behaviours between peers",
      "rhrt-2025/extra-familial/4/06":
        "Persistent and frequent missing episodes, or missing for long periods of time, including concerns over distance from home and non-familial ‘pull’ factors.",
      "rhrt-2025/extra-familial/4/11": "Child/young person appears to have been trafficked either into or within the UK",
    };
    for (const [id, text] of Object.entries(expectText)) expect(indicator(doc, id).text, id).toBe(text);
  });

  it("keeps the kinds of chronic neglect as sub-items of one indicator", () => {
    const doc = load();
    const neglect = indicator(doc, "rhrt-2025/family/4/01");
    expect(neglect.text).toBe(
      "Chronic and longstanding neglect for whatever reason (substance use, learning needs, mental health, parenting skill etc):",
    );
    expect(neglect.subItems).toEqual([
      "Consistently not meeting a child’s basic needs, such as food, clothing or shelter",
      "Failure to supervise or provide safety",
      "Failure to provide a child with any real opportunity for education",
      "Failure to nurture and stimulate, for example by ignoring, humiliating, intimidating or isolating",
      "Refusing appropriate medical or dental care or ignoring medical advice",
    ]);
    const others = doc.domains
      .flatMap((d) => d.cells.flatMap((c) => c.indicators))
      .filter((i) => i.id !== neglect.id && i.subItems.length > 0);
    expect(others).toEqual([]);
  });

  it("marks exactly the Level 4 indicators that match the 2022 Appendix 2 list as Section 47", () => {
    const doc = load();
    const all = doc.domains.flatMap((d) => d.cells.flatMap((c) => c.indicators.map((i) => ({ ...i, level: c.level }))));
    const s47 = all.filter((i) => i.s47);
    expect(Object.fromEntries(s47.map((i) => [i.id, i.s47Basis]))).toEqual(EXPECTED_S47);
    for (const i of s47) {
      expect(i.level, i.id).toBe(4);
      expect(i.s47Basis.length, i.id).toBeGreaterThan(0);
      for (const b of i.s47Basis) {
        expect(b).toMatch(/^nscp-2022\/s47\/\d{2}$/);
        expect(Number(b.slice(-2))).toBeGreaterThanOrEqual(1);
        expect(Number(b.slice(-2))).toBeLessThanOrEqual(20);
      }
    }
    for (const i of all.filter((x) => !x.s47)) expect(i.s47Basis, i.id).toEqual([]);
  });
});
