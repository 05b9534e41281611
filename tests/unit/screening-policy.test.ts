import { describe, expect, it } from "vitest";
import { describeScreeningEvent, effectOf, isScreenable, stanceError } from "@/lib/screening/policy";
import { SCREENING_OUTCOMES } from "@/lib/screening/schema";

describe("screening policy", () => {
  it("closes every outcome but Partnership Support and a strategy discussion", () => {
    const closing = SCREENING_OUTCOMES.filter((outcome) => effectOf(outcome).kind === "CLOSE");
    expect(closing).toEqual(["NO_FURTHER_ACTION", "SIGNPOST", "CHILD_AND_FAMILY_ASSESSMENT", "ALREADY_OPEN", "RETURN_FOR_CONSENT"]);
    expect(effectOf("ALREADY_OPEN")).toEqual({ kind: "CLOSE", status: "PASSED_TO_TEAM" });
    expect(effectOf("PARTNERSHIP_SUPPORT")).toEqual({ kind: "TO_CFSS" });
  });

  it("lets only the allocated worker screen an open Red or Amber contact", () => {
    const open = { rating: "AMBER", closedAt: null, allocatedToId: "me" };
    expect(isScreenable(open, "me")).toBe(true);
    expect(isScreenable(open, "you")).toBe(false);
    expect(isScreenable({ ...open, rating: "GREEN" }, "me")).toBe(false);
    expect(isScreenable({ ...open, closedAt: new Date() }, "me")).toBe(false);
  });

  it("agrees a stance with the ladder", () => {
    expect(stanceError("PARTNERSHIP_SUPPORT", "SIGNPOST", "STEPPED_DOWN")).toBeNull();
    expect(stanceError("PARTNERSHIP_SUPPORT", "SIGNPOST", "STEPPED_UP")).toContain("stepping down");
    expect(stanceError("RETURN_FOR_CONSENT", "RETURN_FOR_CONSENT", "ENDORSED")).toBeNull();
    expect(stanceError("RETURN_FOR_CONSENT", "SIGNPOST", "ENDORSED")).not.toBeNull();
  });

  it("words each audit event for the timeline", () => {
    expect(describeScreeningEvent("screening.decided", { stance: "STEPPED_UP", outcome: "STRATEGY_DISCUSSION", rationale: "Harm." })).toEqual({
      what: "Management decision: stepped up, Strategy discussion (section 47, child protection)",
      why: [{ label: "Rationale", text: "Harm." }],
    });
    expect(describeScreeningEvent("challenge.escalated", { reason: "Unsafe." })?.why).toEqual([{ label: "Reason", text: "Unsafe." }]);
    expect(describeScreeningEvent("contact.rated", {})).toBeNull();
  });
});
