// What the benchmarks (bench-submit, bench-queue) share: the production server they start and stop, running
// requests with a fixed number of clients, the things to undo at the end, and the percentile tables.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

export type Run = { count: number; seconds: number; latencies: number[] };

/** Whether `npm run build` has been run: the benchmarks measure a production build, never the dev server. */
export function hasProductionBuild(): boolean {
  return existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
}

/** Runs `work(0)` … `work(count - 1)` with `concurrency` clients, each taking the next number when it is free. */
export async function runConcurrently(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await work(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { count, seconds: (performance.now() - started) / 1000, latencies };
}

// --- The things to undo -----------------------------------------------------------------------------------

/**
 * A stack of clean-ups, run last-in first-out by `cleanUp()` and on Ctrl-C or SIGTERM, so a benchmark that
 * fails or is stopped leaves no server, database or folder behind.
 */
export function cleanUpOnExit(): { add: (cleanup: () => Promise<void>) => void; cleanUp: () => Promise<void> } {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => console.error(error));
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  process.once("SIGTERM", () => void cleanUp().then(() => process.exit(143)));
  return { add: (cleanup) => void cleanups.push(cleanup), cleanUp };
}

// --- The server -------------------------------------------------------------------------------------------

export function startServer(databaseUrl: string, port: number): { process: ChildProcess; output: string[] } {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const output: string[] = [];
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "bench-secret-not-for-production-use-0000000000000",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      // The e-mail worker would compete with the requests being measured.
      MASH_BACKGROUND_WORK: "off",
    },
  });
  // The last 50 lines, to show if the server fails to start.
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - 50));
  };
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  return { process: server, output };
}

export async function waitUntilHealthy(baseUrl: string, server: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${output.join("\n")}`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy within 60 seconds:\n${output.join("\n")}`);
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

// --- Reporting --------------------------------------------------------------------------------------------

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** Rows of cells as aligned text: the first column left-aligned, the others right-aligned. */
export function formatTable(table: string[][]): string {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  return table.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}
