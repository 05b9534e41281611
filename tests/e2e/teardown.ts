import { rm } from "node:fs/promises";

/** After the run: removes the folder in which the workers shared their axe checks (playwright.config.ts). */
export default async function teardown() {
  if (process.env.MASH_E2E_AXE_DIR) await rm(process.env.MASH_E2E_AXE_DIR, { recursive: true, force: true });
}
