import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectAccessible, mintTokenInBrowser, signIn, test } from "./fixtures";

// The server refuses what a role may not do, whatever the browser sends: these tests go around the UI.

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string; filename?: string };

/** The id Next.js gave a server action at build time, and a page that hosts it. */
function serverAction(exportedName: string, filename: string): { id: string; page: string } {
  const manifestPath = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportedName && entry.filename?.endsWith(filename)) {
      const worker = Object.keys(entry.workers).find((w) => w.startsWith("app/"))!;
      return { id, page: worker };
    }
  }
  throw new Error(`No server action ${exportedName} from ${filename} in the build`);
}

async function callServerAction(page: Page, actionId: string, url: string, args: unknown[]) {
  // What React sends for a server action called with plain JSON arguments.
  return page.request.post(url, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: new URL(page.url()).origin },
    data: JSON.stringify(args),
  });
}

async function userByEmail(request: APIRequestContext, adminToken: string, email: string) {
  const response = await request.get("/api/v1/users", { headers: { Authorization: `Bearer ${adminToken}` } });
  expect(response.status()).toBe(200);
  const { users } = (await response.json()) as { users: { id: string; email: string; role: string; active: boolean; name: string; agencyId: string | null }[] };
  return users.find((u) => u.email === email)!;
}

test("a practitioner's token is refused by manager- and admin-only API routes", async ({ page }) => {
  await signIn(page, "health.visitor@example.org");
  const token = await mintTokenInBrowser(page, "practitioner token");
  const auth = { Authorization: `Bearer ${token}` };

  expect((await page.request.get("/api/v1/me", { headers: auth })).status()).toBe(200);
  const audit = await page.request.get("/api/v1/audit-events", { headers: auth });
  expect(audit.status()).toBe(403);
  expect((await audit.json()).error.code).toBe("FORBIDDEN");
  expect((await page.request.get("/api/v1/users", { headers: auth })).status()).toBe(403);
  const create = await page.request.post("/api/v1/users", { headers: auth, data: { email: "sneaky@example.org", name: "Sneaky", role: "ADMIN" } });
  expect(create.status()).toBe(403);
  expect((await page.request.get("/api/v1/users", { headers: { Authorization: "Bearer mash_not-a-real-token" } })).status()).toBe(401);
});

test("a practitioner calling the admin's change-user server action is refused by the server and nothing changes", async ({ page, browser }) => {
  const action = serverAction("updateUserAction", "lib/auth/actions.ts");

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, "admin@example.org");
  const adminToken = await mintTokenInBrowser(adminPage, "admin token");
  const target = await userByEmail(adminPage.request, adminToken, "social.worker@example.org");

  await signIn(page, "teacher@example.org");
  const response = await callServerAction(page, action.id, "/admin/users", [
    { userId: target.id, name: target.name, role: "ADMIN", agencyId: target.agencyId ?? "", active: false },
  ]);
  const body = await response.text();
  expect(body).toContain("FORBIDDEN");
  expect(body).not.toContain('"ok":true');

  const after = await userByEmail(adminPage.request, adminToken, "social.worker@example.org");
  expect(after.role).toBe("SOCIAL_WORKER");
  expect(after.active).toBe(true);
  await adminContext.close();
});

test("pages a role may not use are not found, not merely hidden", async ({ page }) => {
  await signIn(page, "teacher@example.org");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/not found/i);
  await expectAccessible(page);
});
