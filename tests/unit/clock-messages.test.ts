import { describe, expect, it } from "vitest";
import { clockBreachMessage, clockWarningMessage, describeTimeLeft } from "@/lib/contacts/clocks/messages";

const MINUTE = 60_000;

describe("the time left, as an alert says it", () => {
  it.each([
    [15 * MINUTE, "15 minutes"],
    [15 * MINUTE - 1_000, "15 minutes"], // a warning a second late still says 15
    [14 * MINUTE + 20_000, "14 minutes"],
    [MINUTE, "1 minute"],
    [20_000, "less than a minute"],
    [60 * MINUTE, "1 hour"],
    [180 * MINUTE, "3 hours"],
    [179 * MINUTE, "2 hours 59 minutes"],
    [24 * 60 * MINUTE, "24 hours"],
    [4 * 24 * 60 * MINUTE, "4 days"],
  ])("%d ms is %s", (milliseconds, words) => expect(describeTimeLeft(milliseconds)).toBe(words));
});

describe("the alerts' words", () => {
  const clock = {
    contactId: "6f1c5d2e-0000-4000-8000-000000000001",
    reference: "MASH-2026-000123",
    ratedAt: new Date("2026-11-20T09:00:00Z"),
  };

  it("warns with the time left and the deadline in London time", () => {
    const message = clockWarningMessage({ ...clock, rating: "AMBER", deadlineAt: new Date("2026-11-21T09:00:00Z") }, new Date("2026-11-21T06:00:00Z"));
    expect(message).toMatchObject({ kind: "clock.warning", contactId: clock.contactId, title: "Amber contact MASH-2026-000123: screening due in 3 hours", path: `/contacts/${clock.contactId}` });
    expect(message.body).toBe("Contact MASH-2026-000123 was rated Amber on 20 November 2026 at 09:00. Its screening is due by 21 November 2026 at 09:00, in 3 hours.");
  });

  it.each([
    ["RED", "Red contact MASH-2026-000123: the 1-hour screening deadline has passed"],
    ["AMBER", "Amber contact MASH-2026-000123: the 24-hour screening deadline has passed"],
    ["GREEN", "Green contact MASH-2026-000123: the 5-working-day screening deadline has passed"],
  ] as const)("reports a %s breach with its timeframe", (rating, title) => {
    const message = clockBreachMessage({ ...clock, rating, deadlineAt: new Date("2026-11-20T10:00:00Z") });
    expect(message).toMatchObject({ kind: "clock.breached", title });
    expect(message.body).toContain("passed at 20 November 2026 at 10:00 with the contact still open");
  });
});
