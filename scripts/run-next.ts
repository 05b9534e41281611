import { spawn } from "node:child_process";
import path from "node:path";
import type { PreparedDatabase } from "./prepare-database";

/**
 * Runs `next start` or `next dev` against a prepared database, and stops the embedded database with it
 * (Ctrl-C, SIGTERM, or the server exiting).
 */
export function runNext(command: "start" | "dev", database: PreparedDatabase, options: { port: string; host?: string; env: NodeJS.ProcessEnv }) {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  // Keep idle connections longer than the usual 60 s of a proxy or client in front (Node's default is 5 s),
  // so a client never reuses a connection at the moment the server closes it (ECONNRESET, seen in e2e).
  const keepAlive = command === "start" ? ["--keepAliveTimeout", "65000"] : [];
  const args = [nextBin, command, "-p", options.port, ...(options.host ? ["-H", options.host] : []), ...keepAlive];
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
