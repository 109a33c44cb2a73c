// ./knooppunt bench: in ONE run (ratios only mean something within one run on a shared machine)
// the stock React Router page and bare node:http as references, then Knooppunt's built server on
// PostgreSQL and on PGlite at 1× and 10× data, each page as a real logged-in persona, the server
// (and PostgreSQL) pinned to core 0 and autocannon to core 1. Writes bench/results/<date>.json.
//   node scripts/bench/main.ts [--seconds N] [--only pg|pglite] [--pages a,b] [--reuse]
//     [--compare FILE] [--pg-scales national/10,national] [--pglite-scales school,school*10]
//     [--pg-url URL] [--connections 32] [--skip-map] [--skip-bundle]
// Progress goes to stderr; the tables to stdout.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type DataSet, preparePglite, preparePostgres, startOwnPostgres } from "./data.ts";
import {
  type BenchResult,
  compareResults,
  comparisonText,
  type DatabaseKind,
  type Factor,
  growthOf,
  growthTable,
  type Row,
  resultSchemaVersion,
  type Section,
  sectionTable,
  taggedJson,
  withRatios,
} from "./report.ts";

const root = path.resolve(import.meta.dirname, "..", "..");
const { values: args } = parseArgs({
  options: {
    seconds: { type: "string" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "32" },
    only: { type: "string" },
    pages: { type: "string" },
    reuse: { type: "boolean", default: false },
    compare: { type: "string" },
    // national,10x is the pair the issue names; 10x takes over an hour to generate on 2 cores
    "pg-scales": { type: "string", default: "national/10,national" },
    "pglite-scales": { type: "string", default: "school,school*10" },
    "pg-url": { type: "string" },
    "work-dir": { type: "string", default: path.join(os.tmpdir(), "knooppunt-bench") },
    "build-dir": { type: "string", default: path.join(root, "build") },
    "skip-map": { type: "boolean", default: false },
    "skip-bundle": { type: "boolean", default: false },
  },
});
const seconds = Number(args.seconds ?? process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(args.warmup);
const connections = Number(args.connections);
const workDir = path.resolve(args["work-dir"]);
const say = (message: string) => process.stderr.write(`${message}\n`);
let lastProgress = { table: "", at: 0 };
/** The generator's progress, one line per table and at most one update a second in between. */
const progress = (message: string) => {
  const table = message.replace(/ \d+\/\d+$/, "");
  const now = Date.now();
  if (table === lastProgress.table && now - lastProgress.at < 1000) return;
  process.stderr.write(`${table === lastProgress.table ? "\r" : "\n"}  ${message}          `);
  lastProgress = { table, at: now };
};
const notes: string[] = [];

// Pinning needs taskset and two cores; without them the bench still runs, and says so.
const pinning =
  os.cpus().length >= 2 && spawnSync("taskset", ["--version"]).status === 0
    ? { server: "0", load: "1" }
    : null;
if (!pinning) notes.push("Niet vastgepind: taskset ontbreekt of de machine heeft één core.");
const onCore = (core: string | undefined, command: string, commandArgs: string[]) =>
  core
    ? { command: "taskset", args: ["-c", core, command, ...commandArgs] }
    : { command, args: commandArgs };
function pinTree(pid: number, core: string) {
  // the postmaster and every process it has forked; later backends inherit the postmaster's core
  const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .map((line) => Number(line.trim()))
    .filter(Boolean);
  for (const each of [pid, ...children])
    spawnSync("taskset", ["-a", "-p", "-c", core, String(each)]);
}

interface PageDef {
  id: string;
  label: string;
  as: "visitor" | "member" | "coordinator" | "schoolLeader";
  path: (ids: { network: string; kennisweb: string | null }) => string | null;
  growth?: boolean;
}
const q = encodeURIComponent;
// The searches use words of scripts/generate/words.ts, so they find rows at every scale.
const pageDefs: PageDef[] = [
  { id: "visitor-home", label: "home, visitor", as: "visitor", path: () => "/" },
  { id: "home", label: "home, member", as: "member", path: () => "/" },
  { id: "network", label: "network page", as: "member", path: (i) => `/netwerken/${i.network}` },
  {
    id: "discussion",
    label: "discussion",
    as: "member",
    path: (i) => `/netwerken/${i.network}/discussie`,
  },
  { id: "people", label: "people (/mensen)", as: "member", path: () => "/mensen" },
  { id: "agenda", label: "agenda", as: "member", path: () => "/agenda" },
  { id: "dashboard", label: "dashboard, coordinator", as: "coordinator", path: () => "/dashboard" },
  {
    id: "register",
    label: "register, school leader",
    as: "schoolLeader",
    path: () => "/herregistratie",
  },
  { id: "profile", label: "profile", as: "member", path: () => "/profiel" },
  { id: "catalogue", label: "catalogue", as: "member", path: () => "/netwerken", growth: true },
  {
    id: "catalogue-search",
    label: "catalogue, Dutch full-text search",
    as: "member",
    path: () => `/netwerken?q=${q("formatief evalueren")}`,
    growth: true,
  },
  {
    id: "school-search",
    label: "school search",
    as: "member",
    path: () => `/organisaties?q=${q("Utrecht")}`,
    growth: true,
  },
  {
    id: "people-search",
    label: "people search",
    as: "member",
    path: () => `/mensen?q=${q("Jansen")}`,
    growth: true,
  },
  {
    id: "discussion-search",
    label: "discussion search",
    as: "member",
    path: (i) => `/netwerken/${i.network}/discussie?q=${q("toetsing")}`,
    growth: true,
  },
  {
    id: "kennisweb-search",
    label: "kennisweb search",
    as: "member",
    path: (i) => (i.kennisweb ? `${i.kennisweb}?q=${q("praktijkverhaal")}` : null),
    growth: true,
  },
  {
    id: "practices-search",
    label: "good practices search",
    as: "member",
    path: () => `/goede-voorbeelden?q=${q("toetsing")}`,
    growth: true,
  },
  {
    id: "site-search",
    label: "site search (/zoeken), every kind",
    as: "member",
    path: () => `/zoeken?q=${q("toetsing")}`,
    growth: true,
  },
];
// Read now: this run's own results file (named by date) may replace it before the end.
const baseline = args.compare
  ? (JSON.parse(fs.readFileSync(args.compare, "utf8")) as BenchResult)
  : null;
const chosenPages = args.pages?.split(",").map((p) => p.trim());
for (const id of chosenPages ?? [])
  if (!pageDefs.some((p) => p.id === id))
    throw new Error(`Onbekende pagina "${id}"; kies uit ${pageDefs.map((p) => p.id).join(", ")}`);
const pages = chosenPages ? pageDefs.filter((p) => chosenPages.includes(p.id)) : pageDefs;
const databases: DatabaseKind[] =
  args.only === "pg" ? ["postgres"] : args.only === "pglite" ? ["pglite"] : ["postgres", "pglite"];
const scalePair = (value: string): [string, string] => {
  const [one, ten] = value.split(",");
  if (!one || !ten) throw new Error(`Verwacht twee schalen (1×,10×), kreeg "${value}"`);
  return [one, ten];
};
const scales: Record<DatabaseKind, [string, string]> = {
  postgres: scalePair(args["pg-scales"]),
  pglite: scalePair(args["pglite-scales"]),
};

// --- processes --------------------------------------------------------------------------------
const started: ChildProcess[] = [];
function startProcess(
  command: string,
  commandArgs: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; log: string },
) {
  const logFd = fs.openSync(options.log, "a");
  const child = spawn(command, commandArgs, {
    cwd: options.cwd ?? root,
    env: options.env ?? process.env,
    stdio: ["ignore", logFd, logFd],
  });
  fs.closeSync(logFd);
  started.push(child);
  return child;
}
async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
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
async function waitForHttp(base: string, child: ChildProcess, log: string) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`De server stopte (code ${child.exitCode}); zie ${log}:\n${tail(log)}`);
    try {
      await (await fetch(`${base}/favicon.svg`, { redirect: "manual" })).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`De server op ${base} antwoordde niet binnen 3 minuten; zie ${log}`);
}
const tail = (file: string) => {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "";
  }
};
/** Peak VmRSS (MB) of a process while a row runs, sampled every 50 ms from /proc. */
function sampleRss(pid: number | undefined) {
  let peak = 0;
  const read = () => {
    try {
      const kb = Number(
        fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1],
      );
      if (kb > peak) peak = kb;
    } catch {}
  };
  read();
  const timer = setInterval(read, 50);
  return () => {
    clearInterval(timer);
    read();
    return pid && peak ? peak / 1024 : null;
  };
}

// --- measuring --------------------------------------------------------------------------------
const loadScript = path.join(import.meta.dirname, "load.ts");
function runLoad(url: string, headers: Record<string, string>) {
  const spec = JSON.stringify({ url, connections, seconds, warmupSeconds, headers });
  const { command, args: commandArgs } = onCore(pinning?.load, process.execPath, [
    loadScript,
    spec,
  ]);
  return new Promise<{
    p50: number;
    p95: number;
    p99: number;
    rps: number;
    requests: number;
    non2xx: number;
    errors: number;
  }>((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => {
      const parsed = taggedJson(output, "LOAD_JSON");
      if (code === 0 && parsed) resolve(parsed as never);
      else reject(new Error(`De lastgenerator faalde (code ${code}): ${output}`));
    });
  });
}
async function measure(
  def: { id: string; label: string; as: string },
  url: string,
  headers: Record<string, string>,
  pid: number | undefined,
): Promise<Row> {
  const pathOnly = new URL(url).pathname + new URL(url).search;
  const base = { id: def.id, label: def.label, path: pathOnly, as: def.as, ratio: Number.NaN };
  // One request first: a page that does not answer 200 is a failure, not a number.
  const first = await fetch(url, { headers, redirect: "manual" }).catch((error: Error) => error);
  if (first instanceof Error || first.status < 200 || first.status > 299) {
    const note =
      first instanceof Error
        ? first.message
        : `HTTP ${first.status}${first.headers.get("location") ? ` → ${first.headers.get("location")}` : ""}`;
    say(`  ${def.label}: FAIL (${note})`);
    return {
      ...base,
      p50: Number.NaN,
      p95: Number.NaN,
      p99: Number.NaN,
      rps: 0,
      requests: 0,
      non2xx: 1,
      errors: 0,
      rssMb: null,
      ok: false,
      note,
    };
  }
  await first.arrayBuffer();
  process.stderr.write(`  ${def.label} …`);
  const stopRss = sampleRss(pid);
  const load = await runLoad(url, headers);
  // Requests still queued when autocannon stops would run into the next row: one more request
  // answers only after them (PGlite and the pool take requests in order).
  await (await fetch(url, { headers, redirect: "manual" }).catch(() => null))?.arrayBuffer();
  const rssMb = stopRss();
  const ok = load.non2xx === 0 && load.errors === 0 && load.requests > 0;
  const note =
    load.requests === 0
      ? `no answer completed within ${seconds} s`
      : `${load.non2xx} non-2xx, ${load.errors} errors`;
  process.stderr.write(
    ` ${Math.round(load.rps)} req/s, p99 ${Math.round(load.p99)} ms${ok ? "" : ` — FAIL: ${note}`}\n`,
  );
  return { ...base, ...load, rssMb, ok, ...(ok ? {} : { note }) };
}

async function logIn(base: string, email: string) {
  const response = await fetch(`${base}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "knooppunt-demo-2026", terug: "/" }),
  });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (!cookie.includes("=") || response.status >= 400)
    throw new Error(`Inloggen als ${email} mislukt (HTTP ${response.status}).`);
  return cookie;
}

/** A theme's kennisweb in the large network's toolkit, found the way a member finds it. */
async function findKennisweb(base: string, network: string, cookie: string) {
  const html = await (
    await fetch(`${base}/netwerken/${network}/netwerklerend`, { headers: { cookie } })
  ).text();
  const theme = html.match(/href="([^"]*\/themas\/[0-9a-f-]{36})"/)?.[1];
  return theme ? `${theme}/kennisweb` : null;
}

// --- the run ----------------------------------------------------------------------------------
fs.mkdirSync(workDir, { recursive: true });
const logDir = path.join(workDir, "logs");
fs.mkdirSync(logDir, { recursive: true });

// A private copy of the build: a rebuild in the working tree during the run cannot reach it.
const appDir = path.join(workDir, "app");
say(`Build kopiëren naar ${appDir} …`);
fs.rmSync(appDir, { recursive: true, force: true });
fs.mkdirSync(appDir, { recursive: true });
if (!fs.existsSync(path.join(args["build-dir"], "server", "index.js")))
  throw new Error(`Geen build in ${args["build-dir"]}: draai eerst npm run build.`);
fs.cpSync(args["build-dir"], path.join(appDir, "build"), { recursive: true });
// server.js and the migrations from beside that build when they are there (a copy made with it),
// so that code and migrations are of the same moment
const source = fs.existsSync(path.join(args["build-dir"], "..", "server.js"))
  ? path.resolve(args["build-dir"], "..")
  : root;
for (const each of ["server.js", "server", "db", "package.json"])
  fs.cpSync(path.join(source, each), path.join(appDir, each), { recursive: true });
fs.symlinkSync(path.join(root, "node_modules"), path.join(appDir, "node_modules"));

say("Stock React Router-app bouwen (bench/stock-app) …");
const stockDir = path.join(root, "bench", "stock-app");
execFileSync(
  process.execPath,
  [path.join(root, "node_modules", "@react-router", "dev", "bin.cjs"), "build"],
  {
    cwd: stockDir,
    stdio: ["ignore", "ignore", "inherit"],
  },
);

// Data first (unpinned, it is not measured), then the measurements.
const prepared: Record<string, { target: { url: string } | { dataDir: string }; data: DataSet }> =
  {};
let ownPostgres: Awaited<ReturnType<typeof startOwnPostgres>> | null = null;
let postgresVersion = "";
// Ctrl-C (or a timeout) must not leave the bench's PostgreSQL and servers running.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    for (const child of started) child.kill("SIGKILL");
    ownPostgres?.stop();
    process.exit(130);
  });
try {
  if (databases.includes("postgres")) {
    let serverUrl = args["pg-url"];
    if (!serverUrl) {
      say("Eigen PostgreSQL starten …");
      ownPostgres = await startOwnPostgres(path.join(workDir, "pg"));
      serverUrl = ownPostgres.url;
      postgresVersion = ownPostgres.version;
    } else notes.push("PostgreSQL via --pg-url: de processen van die server zijn niet vastgepind.");
    for (const scale of scales.postgres) {
      say(
        `PostgreSQL, schaal ${scale}: gegevens ${args.reuse ? "hergebruiken of " : ""}genereren …`,
      );
      const { url, data } = await preparePostgres(serverUrl, workDir, scale, args.reuse, progress);
      lastProgress = { table: "", at: 0 };
      process.stderr.write("\n");
      prepared[`postgres ${scale}`] = { target: { url }, data };
    }
  }
  if (databases.includes("pglite")) {
    for (const scale of scales.pglite) {
      say(`PGlite, schaal ${scale}: gegevens ${args.reuse ? "hergebruiken of " : ""}genereren …`);
      const { dataDir, data } = await preparePglite(workDir, scale, args.reuse, progress);
      lastProgress = { table: "", at: 0 };
      process.stderr.write("\n");
      prepared[`pglite ${scale}`] = { target: { dataDir }, data };
    }
  }
  if (ownPostgres && pinning) pinTree(ownPostgres.postmaster, pinning.server);

  // The stock page, served the stock way, for the whole run.
  const stockPort = await freePort();
  const stockLog = path.join(logDir, "stock.log");
  const stock = (() => {
    const bin = path.join(root, "node_modules", "@react-router", "serve", "bin.cjs");
    const { command, args: a } = onCore(pinning?.server, process.execPath, [
      bin,
      "build/server/index.js",
    ]);
    return startProcess(command, a, {
      cwd: stockDir,
      env: { ...process.env, NODE_ENV: "production", PORT: String(stockPort), HOST: "127.0.0.1" },
      log: stockLog,
    });
  })();
  await waitForHttp(`http://127.0.0.1:${stockPort}`, stock, stockLog);

  const sections: Section[] = [];
  // the caller's own database settings must not leak into the server under test
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...withoutDatabase } = process.env;
  for (const database of databases) {
    for (const [index, scale] of scales[database].entries()) {
      const factor: Factor = index === 0 ? "1x" : "10x";
      const { target, data } = prepared[`${database} ${scale}`] as (typeof prepared)[string];
      say(`\n${database} ${factor} (${scale}): ${seconds} s per rij, ${connections} verbindingen`);
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const log = path.join(
        logDir,
        `knooppunt-${database}-${scale.replace(/[^a-z0-9*]/gi, "_")}.log`,
      );
      // as production starts it (npm start): a small young generation keeps RSS down (see README)
      const { command, args: a } = onCore(pinning?.server, process.execPath, [
        "--max-semi-space-size=16",
        "server.js",
      ]);
      const server = startProcess(command, a, {
        cwd: appDir,
        env: {
          ...withoutDatabase,
          NODE_ENV: "production",
          PORT: String(port),
          HOST: "127.0.0.1",
          PUBLIC_URL: base,
          // never reached: no page the bench asks for sends mail
          SMTP_URL: "smtp://127.0.0.1:9",
          COOKIE_SECURE: "false",
          LOG_LEVEL: "warn",
          // jobs (reminders, digests) would run between rows on PGlite and blur them
          JOB_INTERVAL_SECONDS: "86400",
          LOGIN_LIMIT_PER_IP: "1000",
          ...("url" in target ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir }),
        },
        log,
      });
      try {
        await waitForHttp(base, server, log);
        const cookies: Record<string, Record<string, string>> = { visitor: {} };
        for (const persona of ["member", "coordinator", "schoolLeader"] as const)
          cookies[persona] = { cookie: await logIn(base, data.personas[persona]) };
        const kennisweb = await findKennisweb(
          base,
          data.largeNetworkId,
          cookies.member?.cookie ?? "",
        );
        const ids = { network: data.largeNetworkId, kennisweb };

        // the bare reference sends exactly this server's home page
        const homeFile = path.join(workDir, "home.html");
        fs.writeFileSync(homeFile, Buffer.from(await (await fetch(`${base}/`)).arrayBuffer()));
        const barePort = await freePort();
        const bareLog = path.join(logDir, "bare.log");
        const onZero = onCore(pinning?.server, process.execPath, [
          path.join(import.meta.dirname, "reference.ts"),
          homeFile,
          String(barePort),
        ]);
        const bare = startProcess(onZero.command, onZero.args, { log: bareLog });
        await waitForHttp(`http://127.0.0.1:${barePort}`, bare, bareLog);

        const rows: Row[] = [];
        rows.push(
          await measure(
            { id: "stock", label: "stock React Router page (reference)", as: "reference" },
            `http://127.0.0.1:${stockPort}/`,
            {},
            stock.pid,
          ),
        );
        rows.push(
          await measure(
            { id: "bare", label: "bare node:http, home page bytes (reference)", as: "reference" },
            `http://127.0.0.1:${barePort}/`,
            {},
            bare.pid,
          ),
        );
        await stopProcess(bare);
        for (const page of pages) {
          const pagePath = page.path(ids);
          if (!pagePath) {
            const note = "geen thema met kennisweb gevonden in het netwerk";
            say(`  ${page.label}: FAIL (${note})`);
            rows.push({
              id: page.id,
              label: page.label,
              path: "",
              as: page.as,
              p50: Number.NaN,
              p95: Number.NaN,
              p99: Number.NaN,
              rps: 0,
              ratio: Number.NaN,
              requests: 0,
              non2xx: 0,
              errors: 1,
              rssMb: null,
              ok: false,
              note,
            });
            continue;
          }
          rows.push(await measure(page, `${base}${pagePath}`, cookies[page.as] ?? {}, server.pid));
        }
        sections.push({ database, factor, scale, counts: data.counts, rows: withRatios(rows) });
      } finally {
        await stopProcess(server);
      }
    }
  }
  await stopProcess(stock);

  // The knowledge map and the first-load JavaScript, from their own scripts when they report JSON.
  const child = (script: string, tag: string, skip: boolean) => {
    if (skip) return { value: null, note: `${script}: overgeslagen (--skip-…).` };
    if (!fs.existsSync(path.join(root, script)))
      return { value: null, note: `${script} bestaat (nog) niet.` };
    say(`\n${script} …`);
    const result = spawnSync(process.execPath, [script], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
    process.stderr.write(result.stdout ?? "");
    const value = taggedJson(result.stdout ?? "", tag);
    return {
      value,
      note: value ? null : `${script} gaf geen ${tag}-regel (code ${result.status}).`,
    };
  };
  const map = child("scripts/bench-map.ts", "BENCH_MAP_JSON", args["skip-map"]);
  const bundle = child("scripts/bundle-size.ts", "BUNDLE_JSON", args["skip-bundle"]);
  for (const note of [map.note, bundle.note]) if (note) notes.push(note);

  // autocannon drops the requests still waiting when a row ends, so a saturated page's latency
  // is capped near the row's length: say so instead of letting the number look like a measure
  const capped = sections.flatMap((section) =>
    section.rows
      .filter((row) => row.ok && row.p99 > 0.8 * seconds * 1000)
      .map((row) => `${section.database} ${section.factor} ${row.id}`),
  );
  if (capped.length)
    notes.push(
      `Saturated (p99 > 80 % of the ${seconds} s row; latencies capped by the row, longer rows show more): ${capped.join(", ")}`,
    );
  const growth = growthOf(
    sections,
    pages.filter((p) => p.growth).map((p) => p.id),
  );
  const git = (...a: string[]) =>
    spawnSync("git", a, { cwd: root, encoding: "utf8" }).stdout.trim();
  const version = (pkg: string) => {
    try {
      return JSON.parse(
        fs.readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8"),
      ).version as string;
    } catch {
      return "?";
    }
  };
  const date = new Date().toISOString();
  const result: BenchResult = {
    schemaVersion: resultSchemaVersion,
    date,
    commit: git("rev-parse", "HEAD"),
    dirty: git("status", "--porcelain", "--untracked-files=no") !== "",
    machine: {
      cpu: os.cpus()[0]?.model,
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      loadAverageAtEnd: os.loadavg(),
      platform: `${os.platform()} ${os.release()}`,
    },
    versions: {
      node: process.versions.node,
      "react-router": version("react-router"),
      "@react-router/dev": version("@react-router/dev"),
      "@react-router/serve": version("@react-router/serve"),
      "@electric-sql/pglite": version("@electric-sql/pglite"),
      autocannon: version("autocannon"),
      postgres: postgresVersion || "(--pg-url)",
    },
    settings: {
      seconds,
      warmupSeconds,
      connections,
      pinning: pinning ?? "none",
      scales,
      datasets: Object.fromEntries(
        Object.entries(prepared).map(([k, v]) => [
          k,
          { generator: v.data.generator, counts: v.data.counts, generatedSeconds: v.data.seconds },
        ]),
      ),
      rss: "peak VmRSS of the answering Node process (PostgreSQL's own memory not included)",
      pages:
        "every page as a logged-in persona except 'home, visitor'; ratio = req/s ÷ the stock page's req/s in the same section",
    },
    sections,
    growth,
    map: map.value,
    bundle: bundle.value,
    notes,
  };
  const resultsDir = path.join(root, "bench", "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const resultFile = path.join(resultsDir, `${date.slice(0, 10)}.json`);
  fs.writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);

  const out: string[] = [
    `## ./knooppunt bench — ${date} (${result.commit.slice(0, 8)}${result.dirty ? ", uncommitted changes" : ""})`,
    "",
    `${seconds} s per row after ${warmupSeconds} s warm-up, ${connections} connections, ${pinning ? `server and database on core ${pinning.server}, autocannon on core ${pinning.load}` : "not pinned"}; ${os.cpus().length} × ${os.cpus()[0]?.model}.`,
    "",
  ];
  const countsShown = [
    "organisations",
    "users",
    "networks",
    "network_members",
    "meetings",
    "discussion_topics",
    "discussion_posts",
    "kennisweb_items",
    "harvest_outcomes",
  ];
  for (const section of sections) {
    // the tables a reader sizes a country by; the JSON has every table's count
    const counts = countsShown
      .filter((table) => table in section.counts)
      .map((table) => `${table} ${section.counts[table]}`)
      .join(", ");
    out.push(sectionTable(section), "", `Data (${section.scale}): ${counts}`, "");
  }
  if (growth.length) out.push(growthTable(growth), "");
  if (map.value) out.push(`Map: \`${JSON.stringify(map.value)}\``, "");
  if (bundle.value) out.push(`Bundle: \`${JSON.stringify(bundle.value)}\``, "");
  for (const note of notes) out.push(`- ${note}`);
  out.push("", `Results: ${path.relative(root, resultFile)}`);
  console.log(out.join("\n"));

  const failed = sections.flatMap((s) =>
    s.rows.filter((r) => !r.ok).map((r) => `${s.database} ${s.factor} ${r.id}`),
  );
  let exitCode = 0;
  if (failed.length) {
    say(`\nFAIL: ${failed.join(", ")}`);
    exitCode = 1;
  }
  if (baseline) {
    const comparison = compareResults(result, baseline);
    console.log(`\n${comparisonText(comparison)}`);
    if (comparison.regressions.length) exitCode = 1;
  }
  process.exitCode = exitCode;
} finally {
  for (const child of started) await stopProcess(child);
  ownPostgres?.stop();
}
