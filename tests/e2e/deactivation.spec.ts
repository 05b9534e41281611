import { randomBytes } from "node:crypto";
import { expect, expectAccessible, mintTokenInBrowser, signIn, test } from "./fixtures";

test("deactivating a user ends their open session and their API token at once", async ({ page, browser }) => {
  // An administrator adds a person of their own for this test, so no demo account is changed.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@example.org");
  const adminToken = await mintTokenInBrowser(admin, "admin token");
  const email = `leaver.${randomBytes(4).toString("hex")}@example.org`;
  const password = "a-temporary-passphrase";
  const agencies = (await (await admin.request.get("/api/v1/agencies", { headers: { Authorization: `Bearer ${adminToken}` } })).json()) as { agencies: { id: string; name: string }[] };
  const created = await admin.request.post("/api/v1/users", {
    headers: { Authorization: `Bearer ${adminToken}` },
    data: { email, name: "Lee Leaver", role: "SOCIAL_WORKER", agencyId: agencies.agencies.find((a) => a.name === "Children's Social Care")!.id, password },
  });
  expect(created.status()).toBe(201);

  // Lee is signed in and has a token.
  await signIn(page, email, password);
  const token = await mintTokenInBrowser(page, "Lee's script");
  expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);

  // The administrator deactivates Lee.
  await admin.goto("/admin/users");
  await expectAccessible(admin);
  await admin.getByRole("link", { name: /Lee Leaver/ }).click();
  await expectAccessible(admin);
  await admin.getByLabel("Account is active").uncheck();
  await admin.getByRole("button", { name: /save/i }).click();
  await expect(admin.getByText(/saved|updated/i).first()).toBeVisible();
  await expectAccessible(admin);
  await adminContext.close();

  // Lee's next request finds the session ended, and the token no longer works.
  await page.goto("/account/tokens");
  await expect(page).toHaveURL(/\/sign-in\?expired=1/);
  await expect(page.getByText(/session has ended/i)).toBeVisible();
  await expectAccessible(page);
  expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);

  // And Lee cannot sign in again.
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Enter a correct e-mail address and password");
  await expectAccessible(page);
});
