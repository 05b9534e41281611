// `npm start`: the database (embedded unless DATABASE_URL is set), its migrations, the demo data (never in
// production), a production build when the sources changed, then `next start`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ensureBuild, ensurePrismaClient } from "./build-if-stale";
import { prepareDatabase } from "./prepare-database";

const root = process.cwd();
const production = process.env.NODE_ENV === "production";

async function authSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (production) throw new Error("Set NEXTAUTH_SECRET: a long random string that signs session cookies.");
  const file = path.join(root, ".data", "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  ensurePrismaClient();
  const database = await prepareDatabase({ seed: !production });
  ensureBuild();

  const port = process.env.PORT ?? "3000";
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: await authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit", env });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) server.kill("SIGTERM");
    await database.stop();
    process.exit(code);
  };
  server.on("exit", (code) => void stop(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

