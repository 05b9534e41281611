import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/demo/demo-data";

// Every page a test visits must pass an axe-core WCAG 2.2 AA check: the `page` fixture records each
// document the browser loads, `expectAccessible` checks the current one, and the test fails at the end if
// it loaded a page it never checked.

const checked = new WeakMap<Page, Set<string>>();

function pageKey(url: string): string {
  const { pathname } = new URL(url);
  return pathname;
}

/** Pages already checked in this worker, by route (ids left out) and whether they showed errors. */
const checkedRoutes = new Set<string>();

function routeKey(url: string): string {
  return new URL(url).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id");
}

/**
 * Whether a page like this one (same route, ids left out; same `variant`; with or without an error summary)
 * has been checked with axe in this worker already. The long referral flows pass the same pages many times,
 * and axe takes one to three seconds a page. Counts this page as checked from now on.
 */
export async function seenBefore(page: Page, variant: string): Promise<boolean> {
  await page.waitForLoadState("domcontentloaded");
  const withErrors = (await page.getByRole("alert").filter({ hasText: "There is a problem" }).count()) > 0;
  const key = `${variant} ${routeKey(page.url())} ${withErrors ? "errors" : "clean"}`;
  if (checkedRoutes.has(key)) return true;
  checkedRoutes.add(key);
  return false;
}

/** expectAccessible, once per page like this one in this worker (see seenBefore). */
export async function expectAccessibleOnce(page: Page, variant: string) {
  if (await seenBefore(page, variant)) checked.get(page)?.add(pageKey(page.url()));
  else await expectAccessible(page);
}

export async function expectAccessible(page: Page) {
  await page.waitForLoadState("domcontentloaded");
  const started = Date.now();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
  checked.get(page)?.add(pageKey(page.url()));
  if (process.env.AXE_TIMING) console.log(`axe ${page.url()} ${Date.now() - started} ms`);
}

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, provide) => {
    const visited = new Set<string>();
    checked.set(page, new Set());
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith("http")) visited.add(pageKey(frame.url()));
    });
    await provide(page);
    const unchecked = [...visited].filter((p) => !checked.get(page)!.has(p));
    expect(unchecked, "pages visited without an accessibility check").toEqual([]);
  },
});

export { expect };

// The empty sign-in page is the same for every test: check it once per worker, not once per sign-in.
let emptySignInPageChecked = false;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  if (emptySignInPageChecked) checked.get(page)?.add("/sign-in");
  else await expectAccessible(page);
  emptySignInPageChecked = true;
  // The sign-in form needs JavaScript (next-auth): typing before React has hydrated it would post the page.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await expectAccessible(page);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await expectAccessible(page);
}

/** Mints an API token through the API tokens page and returns it. */
export async function mintTokenInBrowser(page: Page, name = "End-to-end test"): Promise<string> {
  await page.goto("/account/tokens");
  await expectAccessible(page);
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = page.getByRole("region", { name: /Your new token/ }).getByLabel("Token", { exact: true });
  await expect(token).toHaveValue(/^mash_/);
  await expectAccessible(page);
  return (await token.inputValue()).trim();
}
