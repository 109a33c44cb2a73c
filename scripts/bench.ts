// npm run bench: builds (via npm), loads the demo data plus a national-scale data set into a
// fresh database, starts the real server, and measures pages against a bare node:http server
// sending the same bytes — all in one run, so the ratios are comparable.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../app/db/client.server.ts";
import { generateNationalData } from "./generate.ts";
import { seedDemoData } from "./seed.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const size = {
  boards: Number(process.env.BENCH_BOARDS ?? 1000),
  schools: Number(process.env.BENCH_SCHOOLS ?? 6800),
  people: Number(process.env.BENCH_PEOPLE ?? 20000),
  networks: Number(process.env.BENCH_NETWORKS ?? 3000),
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-bench-"));
const dbDir = path.join(dataDir, "pglite");
const database = await openDatabase(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: dbDir },
);
console.log("Demo-data en landelijke dataset laden …");
await seedDemoData(database.db);
await generateNationalData(database.db, size, (message) =>
  process.stdout.write(`\r  ${message}          `),
);
process.stdout.write("\n");
await database.close();

const port = 3300 + Math.floor(Math.random() * 500);
const server = spawn(process.execPath, ["server.js"], {
  env: {
    ...process.env,
    DATA_DIR: dbDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    COOKIE_SECURE: "false",
    LOG_LEVEL: "error",
    NODE_ENV: "production",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve) =>
  server.stdout?.on("data", (chunk) => String(chunk).includes("draait") && resolve()),
);
const base = `http://127.0.0.1:${port}`;

async function logIn(email: string) {
  const response = await fetch(`${base}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "knooppunt-demo-2026", terug: "/" }),
  });
  const session = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (!session.includes("=")) throw new Error(`Inloggen voor de benchmark mislukt (${email})`);
  return session;
}
const cookie = await logIn("deelnemer@knooppunt.test");
const facilitatorCookie = await logIn("guus.geisen@knooppunt.test");
const leaderCookie = await logIn("marloes.smits@knooppunt.test");
const coordinatorCookie = await logIn("coordinator@knooppunt.test");
const catalogue = await (await fetch(`${base}/netwerken?q=autopoiesis`)).text();
const autopoiesis = catalogue.match(
  /href="(\/netwerken\/[0-9a-f-]{36})"[^>]*>Netwerk Autopoiesis</,
)?.[1];
if (!autopoiesis) throw new Error("Netwerk Autopoiesis niet gevonden voor de benchmark");
const penvoerderCookie = await logIn("jan.paul.beekman@knooppunt.test");
const leaders = (await (await fetch(`${base}/netwerken?q=eindverantwoordelijk`)).text()).match(
  /href="(\/netwerken\/[0-9a-f-]{36})"[^>]*>Eindverantwoordelijk Schoolleiders</,
)?.[1];
if (!leaders) throw new Error("Eindverantwoordelijk Schoolleiders niet gevonden voor de benchmark");

const homeBytes = Buffer.from(await (await fetch(`${base}/`)).arrayBuffer());
const bare = http.createServer((_req, res) => {
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "content-length": homeBytes.length,
  });
  res.end(homeBytes);
});
await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
const barePort = (bare.address() as AddressInfo).port;

async function measure(title: string, url: string, headers: Record<string, string> = {}) {
  process.stdout.write(`  ${title} …`);
  const result = await autocannon({ url, connections, duration: seconds, headers });
  const non2xx = result.non2xx + result.errors;
  process.stdout.write(` ${Math.round(result.requests.average)} req/s\n`);
  return { title, rps: result.requests.average, p99: result.latency.p99, non2xx };
}

console.log(
  `\nMeten: ${seconds} s per doel, ${connections} verbindingen, ${os.cpus().length} cores`,
);
const rows = [
  await measure(
    "kale node:http (zelfde bytes als de startpagina)",
    `http://127.0.0.1:${barePort}/`,
  ),
  await measure("startpagina, bezoeker", `${base}/`),
  await measure("scholen zoeken, bezoeker (naam of plaats)", `${base}/organisaties?q=Utrecht`),
  await measure("netwerkcatalogus, bezoeker", `${base}/netwerken`),
  await measure(
    "netwerkcatalogus, Nederlandse full-text zoekvraag",
    `${base}/netwerken?q=samenwerken+toetsing`,
  ),
  await measure(
    "wie weet wat?, ingelogd (expertise-filter)",
    `${base}/mensen?expertise=begaafdheid`,
    { cookie },
  ),
  await measure("mijn profiel, ingelogd (formulier)", `${base}/profiel`, { cookie }),
  await measure(
    "bijeenkomsten van een netwerk, penvoerder",
    `${base}${autopoiesis}/bijeenkomsten`,
    {
      cookie: facilitatorCookie,
    },
  ),
  await measure("voortgang van alle deelnemers, penvoerder", `${base}${autopoiesis}/voortgang`, {
    cookie: facilitatorCookie,
  }),
  await measure("mijn herregistratie (punten, grafiek, catalogus)", `${base}/herregistratie`, {
    cookie: leaderCookie,
  }),
  await measure("programma in cijfers (dashboard), coördinator", `${base}/dashboard`, {
    cookie: coordinatorCookie,
  }),
  await measure(
    "goede voorbeelden, Nederlandse zoekvraag, bezoeker",
    `${base}/goede-voorbeelden?q=team`,
  ),
  await measure(
    "discussie van een netwerk (46 vragen, wat is nieuw), lid",
    `${base}${leaders}/discussie`,
    {
      cookie: penvoerderCookie,
    },
  ),
  await measure(
    "discussie, Nederlandse zoekvraag in vragen en antwoorden",
    `${base}${leaders}/discussie?q=formatie`,
    { cookie: penvoerderCookie },
  ),
  await measure(
    "leeft het netwerk? (12 maanden), penvoerder",
    `${base}${leaders}/discussie/levendigheid`,
    {
      cookie: penvoerderCookie,
    },
  ),
];
const bareRps = rows[0]?.rps ?? 1;
console.log("\n| doel | req/s | p99 (ms) | verhouding t.o.v. kale node | fouten |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const row of rows) {
  console.log(
    `| ${row.title} | ${Math.round(row.rps)} | ${row.p99} | 1 : ${(bareRps / row.rps).toFixed(1)} | ${row.non2xx} |`,
  );
}
console.log(
  `\nDataset: ${size.boards} besturen, ${size.schools} scholen, ${size.people} mensen, ${size.networks} netwerken (+ demo-data).`,
);

bare.close();
server.kill("SIGTERM");
await new Promise((resolve) => server.on("exit", resolve));
fs.rmSync(dataDir, { recursive: true, force: true });
