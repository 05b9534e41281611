import { expect, expectAccessible, test } from "./fixtures";

test("a visitor who is not signed in sees what the service is, how to sign in and the emergency routes", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
  await expect(page.getByRole("main").getByRole("link", { name: /sign in/i }).or(page.getByRole("main").getByRole("button", { name: /sign in/i })).first()).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("999");
  await expectAccessible(page);
});

test("the home page works on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test("the health endpoint reports the app and the database", async ({ request }) => {
  const response = await request.get("/api/v1/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database.ok).toBe(true);
  expect(body.database.migrations).toBeGreaterThanOrEqual(1);
});

test("the OpenAPI document is served", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.openapi).toBe("3.1.0");
  expect(Object.keys(body.paths)).toContain("/api/v1/users");
});
