import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The secret that signs session cookies: NEXTAUTH_SECRET when set (required in production), otherwise one
 * made once and kept in .data/, so sessions survive a restart of the demo.
 */
export async function ensureAuthSecret(options: { root: string; production: boolean }): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (options.production) throw new Error("Set NEXTAUTH_SECRET: a long random string that signs session cookies.");
  const file = path.join(options.root, ".data", "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
