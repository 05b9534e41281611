import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a MASH manager reads the audit trail, including their own sign-in, and can filter it", async ({ page }) => {
  await signIn(page, "mash.manager2@example.org");
  await page.getByRole("navigation", { name: /main|primary|menu/i }).getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  const events = page.getByRole("list", { name: "Audit events" });
  await expect(events.getByText("auth.signed_in").first()).toBeVisible();
  await expect(events).toContainText("David Kerr");
  await expectAccessible(page);

  await page.getByLabel("Record type").fill("NoSuchRecord");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No events match.")).toBeVisible();
  await expectAccessible(page);
});

test("a practitioner cannot open the audit trail", async ({ page }) => {
  await signIn(page, "health.visitor@example.org");
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(404);
  await expectAccessible(page);
});
