import { DEMO_USERS } from "@/lib/demo/demo-data";
import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";

// What each role must (and must not) find in the navigation at this stage of the product.
const EXPECTED_NAVIGATION: Record<string, { shows: string[]; hides: string[] }> = {
  PRACTITIONER: { shows: ["Home", "My referrals", "API tokens"], hides: ["Users", "Audit trail"] },
  MASH_OFFICER: { shows: ["Home", "API tokens"], hides: ["Users", "Audit trail", "My referrals"] },
  MASH_MANAGER: { shows: ["Home", "API tokens", "Audit trail"], hides: ["Users"] },
  SOCIAL_WORKER: { shows: ["Home", "API tokens"], hides: ["Users", "Audit trail"] },
  PARTNER_AGENCY: { shows: ["Home", "My referrals", "API tokens"], hides: ["Users", "Audit trail"] },
  CFSS_COORDINATOR: { shows: ["Home", "API tokens"], hides: ["Users", "Audit trail"] },
  DAAT_MANAGER: { shows: ["Home", "My referrals", "API tokens"], hides: ["Users", "Audit trail"] },
  SERVICE_MANAGER: { shows: ["Home", "API tokens", "Audit trail"], hides: ["Users"] },
  ADMIN: { shows: ["Home", "API tokens", "Users", "Audit trail"], hides: [] },
};

const oneUserPerRole = DEMO_USERS.filter((user, i) => DEMO_USERS.findIndex((other) => other.role === user.role) === i);

for (const user of oneUserPerRole) {
  test(`a ${user.role} signs in and sees their own navigation`, async ({ page }) => {
    await signIn(page, user.email);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name);
    const navigation = page.getByRole("navigation", { name: /main|primary|menu/i });
    const menuButton = page.getByRole("button", { name: /menu/i });
    if (await menuButton.isVisible()) await menuButton.click();
    for (const label of EXPECTED_NAVIGATION[user.role]!.shows) await expect(navigation.getByRole("link", { name: label, exact: true })).toBeVisible();
    for (const label of EXPECTED_NAVIGATION[user.role]!.hides) await expect(navigation.getByRole("link", { name: label, exact: true })).toHaveCount(0);
    await signOut(page);
    await expect(page.getByText("You have been signed out")).toBeVisible();
  });
}

test("the footer shows the emergency routes on every page, signed in or not", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  const footer = page.getByRole("contentinfo");
  await expect(footer).toContainText("999");
  await expect(footer).toContainText("0300 126 7000");
  await expect(footer).toContainText("01604 626938");
  await signIn(page, "teacher@example.org");
  await expect(page.getByRole("contentinfo")).toContainText("0300 126 7000");
});

test("a wrong password is refused with a plain-English error and nothing reveals whether the account exists", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill("teacher@example.org");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter a correct e-mail address and password");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page);
});

test("signed-out visitors are sent to sign in, and back afterwards", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expectAccessible(page);
  await page.getByLabel("E-mail address").fill("admin@example.org");
  await page.getByLabel("Password").fill("Safeguarding-Demo-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expectAccessible(page);
});
