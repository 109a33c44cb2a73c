import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { env } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import { queryLogEnabled, queryLogger } from "./query-log.server.ts";
import * as schema from "./schema/index.ts";
import { noteStatement } from "./write-watch.server.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; every module function that writes accepts either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

const writeWatchLogger = { logQuery: (sql: string) => noteStatement(sql) };
const watchedQueryLogger = {
  logQuery(sql: string, params: unknown[]) {
    noteStatement(sql);
    queryLogger.logQuery(sql, params);
  },
};

export type DatabaseTarget =
  | { url: string }
  | { dataDir: string }
  /** in memory; `loadDataDir` starts from a dump of a migrated database (the tests' template) */
  | { memory: true; loadDataDir?: Blob };

function findMigrationsFolder() {
  // Works from app/db (tests, scripts) and from build/server (bundled) alike.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, "db", "migrations");
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve("db/migrations");
}

/**
 * PGlite has no lock of its own and two processes on one folder lose rows silently,
 * so we refuse a second process with a lock file holding our pid and its start time. After a
 * crash the pid may belong to another process (containers reuse small pids): a lock whose pid
 * runs with another start time is stale and taken over.
 */
function takeLock(dataDir: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = lockPathFor(dataDir);
  const mine = `${process.pid} ${processStartTime(process.pid) ?? ""}`.trim();
  try {
    fs.writeFileSync(lockPath, mine, { flag: "wx" });
  } catch {
    const holder = liveLockHolder(dataDir);
    if (holder) {
      throw new Error(
        `De database in ${dataDir} is al in gebruik door proces ${holder}. ` +
          "Stop dat proces eerst (of gebruik PostgreSQL via DATABASE_URL voor meerdere processen). " +
          `Draait er zeker geen Knooppunt meer op deze map, verwijder dan ${lockPath}.`,
      );
    }
    fs.writeFileSync(lockPath, mine);
  }
  return () => fs.rmSync(lockPath, { force: true });
}

const lockPathFor = (dataDir: string) =>
  path.join(path.resolve(dataDir), "..", `${path.basename(dataDir)}.lock`);

/** The pid of another live process holding the PGlite folder, or null when free or stale. */
export function liveLockHolder(dataDir: string) {
  let content: string;
  try {
    content = fs.readFileSync(lockPathFor(dataDir), "utf8");
  } catch {
    return null;
  }
  const [pidText, startedText] = content.trim().split(/\s+/);
  const holder = Number(pidText);
  return holder && holder !== process.pid && isSameProcess(holder, startedText) ? holder : null;
}

/** Start time of a process in clock ticks since boot (Linux); undefined where /proc is absent. */
function processStartTime(pid: number) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function isSameProcess(pid: number, recordedStart: string | undefined) {
  if (!isAlive(pid)) return false;
  const start = processStartTime(pid);
  if (recordedStart && start) return recordedStart === start;
  return true;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const migrationsFolder = findMigrationsFolder();
  // Always a logger: write-watch keeps in-process caches (the session cache) honest.
  const logger = queryLogEnabled() ? watchedQueryLogger : writeWatchLogger;
  if ("url" in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    pool.on("error", (error) => log.error("db.idle_client_error", { error: error.message }));
    const db = drizzlePostgres(pool, { schema, logger }) as unknown as Db;
    // Several app processes may start at once: one migrates, the others wait.
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock(774411)");
      await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock(774411)").catch(() => {});
      client.release();
    }
    return { db, kind: "postgres", close: () => pool.end() };
  }
  const releaseLock = "dataDir" in target ? takeLock(target.dataDir) : () => {};
  try {
    // The search indexes (trigram, accent-free) are the same on both databases.
    // (Options go in the first argument: PGlite ignores a second one after an undefined dataDir.)
    const client = new PGlite({
      dataDir: "dataDir" in target ? target.dataDir : undefined,
      loadDataDir: "loadDataDir" in target ? target.loadDataDir : undefined,
      extensions: { pg_trgm, unaccent },
    });
    const db = drizzlePglite(client, { schema, logger });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

let shared: Promise<Database> | undefined;

/** The process-wide database, opened on first use from DATABASE_URL or DATA_DIR. */
export function getDatabase(): Promise<Database> {
  if (!shared) {
    const { DATABASE_URL, DATA_DIR } = env();
    shared = openDatabase(DATABASE_URL ? { url: DATABASE_URL } : { dataDir: DATA_DIR });
  }
  return shared;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase() {
  if (!shared) return;
  const database = await shared;
  shared = undefined;
  await database.close();
}
