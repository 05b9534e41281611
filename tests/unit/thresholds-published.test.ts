import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// A published threshold document is never edited: referrals store its indicator ids and the MASH must be
// able to see exactly what a practitioner judged against. A change of guidance is a new file (a new id);
// the old one is only marked superseded, which is the one edit allowed, made together with updating its
// fingerprint here.
const PUBLISHED: Record<string, string> = {
  "nscp-2022.json": "4955318648c3e4d647e268f9a5815902e3c5b1e5947c0b0eb826bd1f946751a1",
  "rhrt-2025.json": "0e81012b674171282a3ff2428ae3323a384ad7501665d77f07f16452857f4245",
};

describe("published threshold documents", () => {
  it.each(Object.entries(PUBLISHED))("%s has not changed since publication", (file, fingerprint) => {
    const digest = createHash("sha256").update(readFileSync(`thresholds/${file}`)).digest("hex");
    expect(digest, `thresholds/${file} changed. Publish a new version instead of editing this one.`).toBe(fingerprint);
  });

  it("every document in thresholds/ is registered here", () => {
    expect(readdirSync("thresholds").filter((f) => f.endsWith(".json")).sort()).toEqual(Object.keys(PUBLISHED).sort());
  });
});
