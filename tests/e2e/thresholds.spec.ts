import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

const NAI = /Suspected non accidental injury including Injury and bruising in babies/;

/** The scripts the page fetched, compressed as sent and uncompressed, from the Resource Timing API. */
async function scriptBytes(page: Page): Promise<{ encoded: number; decoded: number }> {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => {
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => e.initiatorType === "script");
    return { encoded: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0), decoded: scripts.reduce((sum, e) => sum + e.decodedBodySize, 0) };
  });
}

test.describe("check the level of need", () => {
  test("searching 'bruising' finds the non-accidental injury indicator; ticking it suggests a MASH referral with the phone routes (out of hours)", async ({ page }) => {
    // A Saturday: the MASH line is closed, so the out-of-hours number is the one to call.
    await page.clock.setFixedTime(new Date("2026-01-17T12:00:00Z"));
    await page.goto("/thresholds/check");
    await expectAccessible(page);
    await page.getByLabel("Search the indicators").fill("bruising");
    const indicator = page.getByRole("checkbox", { name: NAI });
    await expect(indicator).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Showing 1 of");
    await indicator.check();

    await expect(page.getByTestId("suggested-level")).toHaveText("Level 4: Acute Protective Support");
    await expect(page.getByText(/A referral to the MASH is required/)).toBeVisible();
    const phoneNow = page.getByRole("region", { name: /immediate risk/ });
    await expect(phoneNow.getByRole("link", { name: "999" })).toHaveAttribute("href", "tel:999");
    await expect(page.getByTestId("mash-line-status")).toContainText("The MASH line is closed now");
    await expect(page.getByTestId("mash-line-status")).toContainText("01604 626938");
    await expect(page.getByText(/never a verdict/)).toBeVisible();
    await expectAccessible(page);

    // Searching again and filtering keeps the tick.
    await page.getByLabel("Search the indicators").fill("");
    await page.getByLabel("Level", { exact: true }).selectOption("2");
    await expect(page.getByRole("status")).toContainText("1 ticked");
    await page.reload();
    await expect(page.getByTestId("suggested-level")).toHaveText("Level 4: Acute Protective Support");
    await expectAccessible(page);
  });

  test("in MASH hours it says the line is open now", async ({ page }) => {
    // Wednesday 10:30 in London (BST): 09:30 UTC.
    await page.clock.setFixedTime(new Date("2026-06-17T09:30:00Z"));
    await page.goto("/thresholds/check");
    await page.getByLabel("Search the indicators").fill("bruising");
    await page.getByRole("checkbox", { name: NAI }).check();
    await expect(page.getByTestId("mash-line-status")).toContainText("The MASH line is open now");
    await expectAccessible(page);
  });

  test("choosing another level needs a reason, and Continue carries the check to its record", async ({ page }) => {
    await page.goto("/thresholds/check");
    await page.getByLabel("Search the indicators").fill("bruising");
    await page.getByRole("checkbox", { name: NAI }).check();
    await page.getByRole("radio", { name: /Level 3/ }).check();
    await page.getByRole("link", { name: "Continue" }).click();
    await expect(page.getByText("Explain why you chose Level 3 rather than the suggested Level 4")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Why do you judge it to be Level 3?").fill("The injury was explained by a GP and the family is already working with us.");
    await page.getByRole("link", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/thresholds\/check\/record\?/);
    await expect(page.getByTestId("record-suggested")).toHaveText("Level 4: Acute Protective Support");
    await expect(page.getByTestId("record-chosen")).toHaveText("Level 3: Complex Targeted Support");
    await expect(page.getByText("The injury was explained by a GP")).toBeVisible();
    await expect(page.getByText("rhrt-2025")).toBeVisible();
    expect(new URL(page.url()).searchParams.getAll("i")).toEqual(["rhrt-2025/health/4/10"]);
    await expectAccessible(page);
  });

  test("the record refuses a changed level without a reason, whatever the address says", async ({ page }) => {
    await page.goto("/thresholds/check/record?version=rhrt-2025&i=rhrt-2025/health/4/10&suggested=1&chosen=1");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your level of need check is incomplete");
    await expect(page.getByText("Explain why you chose Level 1 rather than the suggested Level 4")).toBeVisible();
    await expectAccessible(page);
  });

  test("works on a 320-pixel-wide phone", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto("/thresholds/check");
    await page.getByLabel("Search the indicators").fill("bruising");
    await page.getByRole("checkbox", { name: NAI }).check();
    await expect(page.getByTestId("suggested-level")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});

test.describe("the threshold matrix", () => {
  test("is public and searchable with highlighted matches, and adds almost no JavaScript to the framework's own", async ({ page }) => {
    await page.goto("/thresholds?q=bruising");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Right Help, Right Time");
    await expect(page.locator("mark", { hasText: /^bruising$/i }).first()).toBeVisible();
    await expectAccessible(page);
    const matrix = await scriptBytes(page);

    // The lightest page there is: the layout alone. Its scripts are React's and Next.js's runtime, which
    // every App Router page loads.
    await page.goto("/no-such-page");
    await expectAccessible(page);
    const baseline = await scriptBytes(page);
    console.log(`/thresholds: ${matrix.encoded} bytes of JavaScript sent (${matrix.decoded} uncompressed); the layout alone: ${baseline.encoded} (${baseline.decoded})`);
    expect(matrix.encoded - baseline.encoded, "JavaScript the matrix page adds, compressed bytes").toBeLessThan(10 * 1024);
  });

  test("older versions are reachable and marked superseded", async ({ page }) => {
    await page.goto("/thresholds/nscp-2022");
    await expect(page.getByText(/superseded/i).first()).toBeVisible();
    await expectAccessible(page);
  });

  test("serves the versions and the matrix through the public API", async ({ request }) => {
    const versions = await (await request.get("/api/v1/thresholds")).json();
    expect(versions.versions.map((v: { id: string; status: string }) => `${v.id}:${v.status}`)).toEqual(["rhrt-2025:current", "nscp-2022:superseded"]);
    const document = await request.get("/api/v1/thresholds/rhrt-2025");
    expect(document.headers()["cache-control"]).toContain("public");
    const body = await document.json();
    expect(body.domains.map((d: { id: string }) => d.id)).toEqual(["health", "education", "family", "extra-familial"]);
    const assess = await request.post("/api/v1/thresholds/rhrt-2025/assess", { data: { indicatorIds: ["rhrt-2025/health/4/10"] } });
    expect(assess.status()).toBe(200);
    expect((await assess.json()).level).toBe(4);
    const bad = await request.post("/api/v1/thresholds/rhrt-2025/assess", { data: { indicatorIds: ["rhrt-2025/health/9/99"] } });
    expect(bad.status()).toBe(422);
    expect((await request.get("/api/v1/thresholds/no-such-version")).status()).toBe(404);
  });
});
