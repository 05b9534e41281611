import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests against a production build, on a throwaway embedded PostgreSQL seeded with the demo
// data (scripts/serve-test.ts). Debian's Chromium is used where present: these machines cannot download
// Playwright's own browsers.
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
const systemChromium = "/usr/bin/chromium";

// A folder for this run in which the workers share which kinds of page axe has checked (e2e/fixtures.ts).
// Set once here, in the runner, and inherited by the workers it starts.
if (!process.env.MASH_E2E_AXE_DIR) {
  process.env.MASH_E2E_AXE_DIR = mkdtempSync(path.join(tmpdir(), "mash-e2e-axe-"));
}

export default defineConfig({
  testDir: path.join(root, "tests", "e2e"),
  outputDir: path.join(root, "test-results"),
  globalTeardown: path.join(root, "tests", "e2e", "teardown.ts"),
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Generous: two workers, the server and axe share two cores, and a multi-user test signs in twice.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: existsSync(systemChromium)
          ? {
              executablePath: systemChromium,
              args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            }
          : {},
      },
    },
  ],
  webServer: {
    command: `node --import tsx scripts/serve-test.ts`,
    cwd: root,
    url: `${baseURL}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(port) },
    stdout: "pipe",
    stderr: "pipe",
  },
});
