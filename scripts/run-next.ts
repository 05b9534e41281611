import { spawn } from "node:child_process";
import path from "node:path";
import type { PreparedDatabase } from "./prepare-database";

/**
 * Runs `next start` or `next dev` against a prepared database, and stops the embedded database with it
 * (Ctrl-C, SIGTERM, or the server exiting).
 */
export function runNext(command: "start" | "dev", database: PreparedDatabase, options: { port: string; host?: string; env: NodeJS.ProcessEnv }) {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const args = [nextBin, command, "-p", options.port, ...(options.host ? ["-H", options.host] : [])];
  const server = spawn(process.execPath, args, { stdio: "inherit", env: { ...options.env, DATABASE_URL: database.url } });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) server.kill("SIGTERM");
    await database.stop().catch(() => {});
    process.exit(code);
  };
  server.on("exit", (code) => void stop(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
}
