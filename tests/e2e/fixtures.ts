import AxeBuilder from "@axe-core/playwright";
import { createHash } from "node:crypto";
import { appendFile, readFile } from "node:fs/promises";
import path from "node:path";
import { test as base, expect, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/demo/demo-data";

// Every page a test visits must pass an axe-core WCAG 2.2 AA check: the `page` fixture records each
// document the browser loads, `expectAccessible` checks the current one (unless a page of its route with
// the same kinds of element passed already), and the test fails at the end if it loaded a page it never
// checked.

const checked = new WeakMap<Page, Set<string>>();

function pageKey(url: string): string {
  const { pathname } = new URL(url);
  return pathname;
}

/** A route with record ids left out: /contacts/:id. */
function routeOf(url: string): string {
  return new URL(url).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id");
}

/**
 * The kinds of element on the page: each element as its parent's tag, its own tag, its attribute names, the
 * values of the attributes axe's rules read (ids, labels, roles, classes and so on, with record ids left
 * out) and whether it has text of its own. The words and the data in a page do not change what axe checks.
 */
async function elementKindsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const recordId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    const named = new Set(["id", "for", "role", "class", "type", "name", "alt", "lang", "scope", "headers", "tabindex", "hidden", "disabled", "autocomplete"]);
    const kinds = new Set<string>();
    for (const element of document.querySelectorAll("*")) {
      let kind = `${element.parentElement?.tagName ?? ""}>${element.tagName}`;
      for (const { name, value } of element.attributes) {
        kind += named.has(name) || name.startsWith("aria-") ? ` ${name}=${value.replace(recordId, ":id")}` : ` ${name}`;
      }
      if ([...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())) kind += " +text";
      kinds.add(kind);
    }
    return [...kinds];
  });
}

/**
 * The kinds of element already checked with axe in this run, by route, shared by the workers through a file a
 * route (playwright.config.ts names the folder). A page is checked again only when it has a kind of element its
 * route has not shown before: the long journeys pass the same pages many times (a task list after each
 * section, say), and axe takes one to four seconds a page on a busy machine. Two workers checking the same
 * new page at once both run axe, which costs time, never a check.
 */
const checkedDir = process.env.MASH_E2E_AXE_DIR;

function checkedFile(route: string): string | null {
  return checkedDir ? path.join(checkedDir, `${createHash("sha256").update(route).digest("hex")}.txt`) : null;
}

async function checkedKindsOn(route: string): Promise<Set<string>> {
  const file = checkedFile(route);
  const text = file ? await readFile(file, "utf8").catch(() => "") : "";
  return new Set([...text.split("\n").filter(Boolean), ...(localKinds.get(route) ?? [])]);
}

async function recordChecked(route: string, kinds: string[]) {
  localKinds.set(route, new Set([...(localKinds.get(route) ?? []), ...kinds]));
  const file = checkedFile(route);
  if (file) await appendFile(file, kinds.map((kind) => `${kind.replaceAll("\n", " ")}\n`).join(""));
}

/** This worker's own, for a run without the shared folder. */
const localKinds = new Map<string, Set<string>>();

/**
 * Checks the current page with axe-core against WCAG 2.2 AA, unless every kind of element on it passed on
 * this route already in this worker (see elementKindsOf). A violation fails the test with the rule and
 * the elements.
 */
export async function expectAccessible(page: Page) {
  await page.waitForLoadState("domcontentloaded");
  const route = routeOf(page.url());
  const kinds = (await elementKindsOf(page)).map((kind) => kind.replaceAll("\n", " "));
  const checkedHere = await checkedKindsOn(route);
  if (!kinds.every((kind) => checkedHere.has(kind))) {
    const started = Date.now();
    // Only violations are read: axe then skips collecting the details of every passing element. (`options`
    // replaces the options object, so it goes before `withTags`, which adds the rules to run to it.)
    const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
    if (process.env.AXE_TIMING) console.log(`axe ${page.url()} ${Date.now() - started} ms`);
    await recordChecked(route, kinds);
  }
  checked.get(page)?.add(pageKey(page.url()));
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

/**
 * Signs in through the sign-in page, as a person does: for the tests of signing in itself. Lands on
 * `callbackUrl`'s page (home by default).
 */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await expectAccessible(page);
  // The sign-in form needs JavaScript (next-auth): typing before React has hydrated it would post the page.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  await expectAccessible(page);
}

/**
 * Signs in without the sign-in page (which has tests of its own): the same next-auth call its form makes,
 * from the page's browser context, so the session cookie is the browser's. Then opens `path` (home).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/") {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: path, json: "true" } });
  const { url } = (await response.json()) as { url: string };
  expect(new URL(url).searchParams.get("error"), `signing in as ${email}`).toBeNull();
  await page.goto(path);
  await expect(page).toHaveURL((address) => address.pathname === path.split("?")[0]);
  await expectAccessible(page);
}

/** Another person, in a browser context of their own, signed in and on `path`. */
export async function signedInAt(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD, path);
  return page;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await expectAccessible(page);
}

/** A row of a GOV.UK summary list, by its key. */
export function summaryRow(scope: Page | Locator, key: string): Locator {
  // A `has` locator is matched inside each row, so it must start from the page, not from `scope`.
  const page = "goto" in scope ? scope : scope.page();
  return scope.locator("dl > div").filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${key}$`) }) });
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
