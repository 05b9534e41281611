import { describe, expect, it } from "vitest";
import { deliveryModeFor, describeDeliveryError, MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MINUTES } from "@/lib/notify/policy";

const now = new Date("2026-03-29T00:30:00Z");
const minutesAfterNow = (date: Date | null) => (date ? (date.getTime() - now.getTime()) / 60_000 : null);

describe("nextAttemptAt", () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 15],
    [4, 60],
    [5, 240],
    [6, 720],
    [7, 1440],
  ])("waits after failed attempt %i for %i minutes", (attempts, minutes) => {
    expect(minutesAfterNow(nextAttemptAt(attempts, now))).toBe(minutes);
  });

  it("gives up after the last attempt", () => {
    expect(MAX_ATTEMPTS).toBe(RETRY_DELAYS_MINUTES.length + 1);
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, now)).not.toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS + 3, now)).toBeNull();
  });

  it("never waits less than a minute, even for a count of nought", () => {
    expect(minutesAfterNow(nextAttemptAt(0, now))).toBe(1);
  });

  it("waits longer each time", () => {
    const waits = RETRY_DELAYS_MINUTES.map((_, i) => minutesAfterNow(nextAttemptAt(i + 1, now))!);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(new Set(waits).size).toBe(waits.length);
  });
});

describe("deliveryModeFor", () => {
  it("sends through SMTP whenever SMTP_URL is set", () => {
    expect(deliveryModeFor({ SMTP_URL: "smtp://mail.example.org:587", NODE_ENV: "production" })).toBe("smtp");
    expect(deliveryModeFor({ SMTP_URL: "smtp://localhost:2525", NODE_ENV: "development" })).toBe("smtp");
    expect(deliveryModeFor({ SMTP_URL: "smtps://user:pass@mail.example.org" })).toBe("smtp");
  });

  it("uses the demo mailbox outside production when SMTP_URL is not set", () => {
    expect(deliveryModeFor({})).toBe("mailbox");
    expect(deliveryModeFor({ NODE_ENV: "development" })).toBe("mailbox");
    expect(deliveryModeFor({ NODE_ENV: "test", SMTP_URL: "" })).toBe("mailbox");
    expect(deliveryModeFor({ SMTP_URL: null })).toBe("mailbox");
  });

  it("uses the demo mailbox on the demo, which next start runs as production", () => {
    expect(deliveryModeFor({ NODE_ENV: "production", MASH_DEMO: "1" })).toBe("mailbox");
    expect(deliveryModeFor({ NODE_ENV: "production", MASH_DEMO: "1", SMTP_URL: "smtp://mail.example.org" })).toBe("smtp");
  });

  it("does not pretend in production: without SMTP_URL nothing is delivered", () => {
    expect(deliveryModeFor({ NODE_ENV: "production" })).toBe("none");
    expect(deliveryModeFor({ NODE_ENV: "production", SMTP_URL: "   " })).toBe("none");
  });
});

describe("describeDeliveryError", () => {
  it("keeps an error's message on one line", () => {
    expect(describeDeliveryError(new Error("Can't send mail - all recipients were rejected:\n550 No such user"))).toBe(
      "Can't send mail - all recipients were rejected: 550 No such user",
    );
  });

  it("copes with things that are not errors, and with nothing at all", () => {
    expect(describeDeliveryError("ECONNREFUSED")).toBe("ECONNREFUSED");
    expect(describeDeliveryError(new Error(""))).toBe("Unknown error");
  });

  it("cuts a very long message short", () => {
    const text = describeDeliveryError(new Error("x".repeat(5000)));
    expect(text).toHaveLength(500);
    expect(text.endsWith("…")).toBe(true);
  });
});
