import { describe, expect, it } from "vitest";
import { durationInWords, mayAskAbout, overdueWords, requestState, whyNoRequests } from "@/lib/requests/policy";

const due = new Date("2026-11-25T11:00:00Z");
const before = new Date("2026-11-25T10:30:00Z");
const after = new Date("2026-11-25T12:05:00Z");

describe("requestState", () => {
  it("is DUE until the due time, OVERDUE after it while unanswered", () => {
    expect(requestState(due, null, before)).toBe("DUE");
    expect(requestState(due, null, due)).toBe("DUE");
    expect(requestState(due, null, after)).toBe("OVERDUE");
  });

  it("is ANSWERED when answered in time, ANSWERED_LATE after, whatever the time now", () => {
    expect(requestState(due, before, after)).toBe("ANSWERED");
    expect(requestState(due, due, after)).toBe("ANSWERED");
    expect(requestState(due, after, before)).toBe("ANSWERED_LATE");
  });
});

describe("overdue in words", () => {
  it("says how long a request has been overdue, and nothing when it is not", () => {
    expect(overdueWords(due, null, after)).toBe("Overdue by 1 hour 5 minutes");
    expect(overdueWords(due, null, before)).toBeNull();
    expect(overdueWords(due, after, after)).toBeNull();
  });

  it("counts minutes, hours and days", () => {
    expect(durationInWords(30_000)).toBe("1 minute");
    expect(durationInWords(45 * 60_000)).toBe("45 minutes");
    expect(durationInWords(2 * 3_600_000)).toBe("2 hours");
    expect(durationInWords(26 * 3_600_000 + 60_000)).toBe("1 day 2 hours");
  });
});

describe("who may ask, about what", () => {
  const contact = { rating: "RED" as const, closedAt: null, deadlineAt: due, allocatedToId: "sw-1" };

  it("lets a MASH manager and the allocated social worker ask, nobody else", () => {
    expect(mayAskAbout({ id: "m", role: "MASH_MANAGER" }, contact)).toBe(true);
    expect(mayAskAbout({ id: "sw-1", role: "SOCIAL_WORKER" }, contact)).toBe(true);
    expect(mayAskAbout({ id: "sw-2", role: "SOCIAL_WORKER" }, contact)).toBe(false);
    expect(mayAskAbout({ id: "sw-1", role: "DAAT_MANAGER" }, contact)).toBe(false);
  });

  it("allows only open Red and Amber contacts", () => {
    expect(whyNoRequests(contact)).toBeNull();
    expect(whyNoRequests({ ...contact, rating: "AMBER" })).toBeNull();
    expect(whyNoRequests({ ...contact, rating: "GREEN" })).toContain("Green");
    expect(whyNoRequests({ ...contact, rating: null, deadlineAt: null })).toContain("Rate this contact");
    expect(whyNoRequests({ ...contact, closedAt: due })).toContain("closed");
  });
});
