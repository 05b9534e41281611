import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/forms/form-data";
import { childrenSchema } from "@/lib/referral/schema";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("formDataToObject", () => {
  it("rebuilds nested answers from dotted names, lists from numbered positions", () => {
    const data = form([
      ["children.0.firstName", "Ada"],
      ["children.0.postcode", "nn1 1ed"],
      ["children.1.firstName", "Bo"],
      ["consent.status", "GIVEN"],
      ["familyInformed", "YES"],
    ]);
    expect(formDataToObject(data)).toEqual({
      children: [
        { firstName: "Ada", postcode: "nn1 1ed" },
        { firstName: "Bo" },
      ],
      consent: { status: "GIVEN" },
      familyInformed: "YES",
    });
  });

  it("keeps list order by position, not by the order the browser sent them, and closes gaps", () => {
    const data = form([
      ["carers.10.name", "Third"],
      ["carers.2.name", "Second"],
      ["carers.0.name", "First"],
    ]);
    expect(formDataToObject(data)).toEqual({ carers: [{ name: "First" }, { name: "Second" }, { name: "Third" }] });
  });

  it("leaves out React's and Next.js's own fields, files and the fields it is told to omit", () => {
    const data = form([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", '{"id":"abc","bound":"$@1"}'],
      ["$ACTION_KEY", "k123"],
      ["draftId", "d-1"],
      ["intent", "continue"],
      ["upload", new Blob(["%PDF-1.7"], { type: "application/pdf" })],
      ["name", "Sam"],
    ]);
    expect(formDataToObject(data, { omit: ["draftId", "intent"] })).toEqual({ name: "Sam" });
  });

  it("turns a group of checkboxes into a list: none ticked, one ticked, several ticked", () => {
    expect(formDataToObject(form([]), { arrays: ["indicatorIds"] })).toEqual({ indicatorIds: [] });
    expect(formDataToObject(form([["indicatorIds", "rhrt-2025/health/4/10"]]), { arrays: ["indicatorIds"] })).toEqual({ indicatorIds: ["rhrt-2025/health/4/10"] });
    expect(
      formDataToObject(
        form([
          ["indicatorIds", "rhrt-2025/health/4/10"],
          ["indicatorIds", "rhrt-2025/family/4/01"],
        ]),
        { arrays: ["indicatorIds"] },
      ),
    ).toEqual({ indicatorIds: ["rhrt-2025/health/4/10", "rhrt-2025/family/4/01"] });
  });

  it("reads a single checkbox as true when sent and false when not", () => {
    expect(formDataToObject(form([["declaration", "on"]]), { checkboxes: ["declaration"] })).toEqual({ declaration: true });
    expect(formDataToObject(form([]), { checkboxes: ["declaration"] })).toEqual({ declaration: false });
  });

  it("keeps text exactly as typed: the schemas trim and check it", () => {
    expect(formDataToObject(form([["whatHappened", "  Line one\r\nLine two  "]]))).toEqual({ whatHappened: "  Line one\r\nLine two  " });
  });

  it("refuses names that would reach Object.prototype or build a huge list", () => {
    const data = form([
      ["__proto__.polluted", "yes"],
      ["children.0.constructor.prototype.polluted", "yes"],
      ["children.100000000.firstName", "Huge"],
      ["a..b", "empty segment"],
      ["ok", "kept"],
    ]);
    const result = formDataToObject(data);
    expect(result).toEqual({ ok: "kept" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("gives the shared schema what it expects: a posted children page parses to the same answers as the API sends", () => {
    const data = form([
      ["children.0.firstName", "Ada"],
      ["children.0.lastName", "Example"],
      ["children.0.otherNames", ""],
      ["children.0.unborn", "NO"],
      ["children.0.dateOfBirth", "2019-04-02"],
      ["children.0.expectedDueDate", ""],
      ["children.0.sex", "FEMALE"],
      ["children.0.interpreterNeeded", "NO"],
      ["children.0.learningDifficultyOrDisability", "NO"],
      ["children.0.nhsNumber", "943 476 5919"],
      ["children.0.address", "1 Example Street, Northampton"],
      ["children.0.postcode", "nn1 1ed"],
    ]);
    const parsed = childrenSchema.parse(formDataToObject(data));
    expect(parsed.children[0]).toMatchObject({ firstName: "Ada", postcode: "NN1 1ED", nhsNumber: "9434765919" });
  });
});
