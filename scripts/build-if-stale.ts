import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const SOURCES = ["app", "components", "lib", "thresholds", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function run(args: string[]) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed`);
}

/** Generates the Prisma client when it is missing or older than the schema. */
export function ensurePrismaClient() {
  const generated = path.join(root, "lib", "db", "generated", "client.ts");
  if (existsSync(generated) && statSync(generated).mtimeMs >= statSync(path.join(root, "prisma", "schema.prisma")).mtimeMs) return;
  run([path.join(root, "scripts", "prisma-generate.mjs")]);
}

/** Builds for production when there is no build, or a source file is newer than it. */
export function ensureBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (built > changed) return;
  console.log(built ? "Sources changed since the last build: rebuilding…" : "Building the app (first start takes a minute or two)…");
  run([path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"]);
}
