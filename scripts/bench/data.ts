// The data sets of `./knooppunt bench`: one database per database kind and scale, generated once
// and kept (with --reuse) next to a small JSON file naming the personas and the large network.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../app/db/client.server.ts";
import { generate } from "../generate.ts";
import { isEmpty, seedDemoData } from "../seed.ts";
import { parseScale } from "./report.ts";

interface Personas {
  member: string;
  facilitator: string;
  coordinator: string;
  schoolLeader: string;
}

export interface DataSet {
  scale: string;
  generator: "generate";
  personas: Personas;
  largeNetworkId: string;
  counts: Record<string, number>;
  generatedAt: string;
  seconds: number;
}

type Progress = (message: string) => void;
type Db = Awaited<ReturnType<typeof openDatabase>>["db"];

/** The demo data (the generator builds on its programmes and regions), then the generated country. */
async function fill(db: Db, scale: string, onProgress: Progress) {
  const { name, factor } = parseScale(scale);
  if (await isEmpty(db)) await seedDemoData(db);
  const result = await generate(db, name, {
    seed: 1,
    factor,
    onProgress: (p) => onProgress(`${p.table} ${p.done}/${p.total}`),
  });
  return { ...result, generator: "generate" as const };
}

async function generateInto(db: Db, scale: string, onProgress: Progress): Promise<DataSet> {
  const started = Date.now();
  const result = await fill(db, scale, onProgress);
  return {
    scale,
    ...result,
    generatedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

function readMarker(file: string): DataSet | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as DataSet;
  } catch {
    return null;
  }
}

/** A scale as part of a file name: "national/10" has a slash. */
const fileSafe = (scale: string) => scale.replace(/[^a-z0-9*]/gi, "_");

export async function preparePglite(
  workDir: string,
  scale: string,
  reuse: boolean,
  onProgress: Progress,
): Promise<{ dataDir: string; data: DataSet }> {
  const dataDir = path.join(workDir, `pglite-${fileSafe(scale)}`);
  const marker = `${dataDir}.json`;
  const kept = reuse ? readMarker(marker) : null;
  if (kept && fs.existsSync(dataDir)) return { dataDir, data: kept };
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(marker, { force: true });
  const database = await openDatabase({ dataDir });
  try {
    const data = await generateInto(database.db, scale, onProgress);
    fs.writeFileSync(marker, JSON.stringify(data, null, 2));
    return { dataDir, data };
  } finally {
    await database.close();
  }
}

export async function preparePostgres(
  serverUrl: string,
  workDir: string,
  scale: string,
  reuse: boolean,
  onProgress: Progress,
): Promise<{ url: string; data: DataSet }> {
  const name = `knooppunt_bench_${scale.replace(/[^a-z0-9]/gi, "_")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Not by port: the bench's own cluster gets a new port each run, and --reuse must find it.
  const marker = path.join(workDir, `postgres-${fileSafe(scale)}.json`);
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = (await client.query("select 1 from pg_database where datname = $1", [name]))
      .rowCount;
    const kept = reuse ? readMarker(marker) : null;
    if (kept && exists) return { url: url.toString(), data: kept };
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  fs.rmSync(marker, { force: true });
  const database = await openDatabase({ url: url.toString() });
  try {
    const data = await generateInto(database.db, scale, onProgress);
    fs.writeFileSync(marker, JSON.stringify(data, null, 2));
    return { url: url.toString(), data };
  } finally {
    await database.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The bench's own PostgreSQL (like scripts/test-postgres.sh, but its folder is kept for --reuse):
 * its own so that pinning its processes to the server's core disturbs nobody else's.
 */
export async function startOwnPostgres(dir: string) {
  const bin = fs
    .readdirSync("/usr/lib/postgresql")
    .sort((a, b) => Number(a) - Number(b))
    .map((v) => `/usr/lib/postgresql/${v}/bin`)
    .pop();
  if (!bin) throw new Error("PostgreSQL is niet geïnstalleerd (apt-get install -y postgresql).");
  const root = process.getuid?.() === 0;
  const asPostgres = (command: string, args: string[]) => {
    const result = root
      ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
      : spawnSync(command, args, { encoding: "utf8" });
    if (result.status !== 0)
      throw new Error(`${path.basename(command)} mislukt: ${result.stderr || result.stdout}`);
  };
  fs.mkdirSync(dir, { recursive: true });
  if (root) spawnSync("chown", ["postgres", dir]);
  const dataDir = path.join(dir, "data");
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    asPostgres(`${bin}/initdb`, [
      "-D",
      dataDir,
      "-U",
      "knooppunt",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
  }
  const port = await freePort();
  asPostgres(`${bin}/pg_ctl`, [
    "-D",
    dataDir,
    "-l",
    path.join(dir, "log"),
    "-w",
    "-o",
    `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`,
    "start",
  ]);
  const postmaster = Number(
    fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0],
  );
  const version = spawnSync(`${bin}/postgres`, ["--version"], { encoding: "utf8" }).stdout.trim();
  return {
    url: `postgres://knooppunt@127.0.0.1:${port}/postgres`,
    postmaster,
    version,
    stop: () => asPostgres(`${bin}/pg_ctl`, ["-D", dataDir, "-m", "fast", "-w", "stop"]),
  };
}
