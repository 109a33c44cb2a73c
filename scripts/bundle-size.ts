// npm run bundle-size: how much JavaScript a first visit to a page fetches, gzipped. Run after
// `npm run build`. Starts the built server on a fresh PGlite with the demo data, opens each page
// in Chromium in a new context (empty cache, the member's cookie) and adds up every script the
// page loads until the network is quiet: the modulepreloaded entry and route chunks, the route
// manifest, and whatever hydration imports on demand (the ICU formatter for a plural, a lazy
// component). Sizes are those of the built files, gzipped at level 9 as a server would send them.
// Usage: node --experimental-strip-types scripts/bundle-size.ts [--budget 150]
// Prints a table and one `BUNDLE_JSON {...}` line for the bench. Exits non-zero over the budget.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { openDatabase } from "../app/db/client.server.ts";
import { startBuiltServer } from "./built-server.ts";
import { seedDemoData } from "./seed.ts";

const root = path.resolve(import.meta.dirname, "..");
const clientDir = path.join(root, "build", "client");
if (!fs.existsSync(path.join(clientDir, "assets"))) {
  console.error("Geen build gevonden: draai eerst `npm run build`.");
  process.exit(1);
}
const budgetArg = process.argv.indexOf("--budget");
const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 150;

const member = "gemma.bakker@knooppunt.test";
const password = "knooppunt-demo-2026";
const school = "Leidsche Rijn College";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-bundle-size-"));
const database = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
console.log("Demo-data laden …");
await seedDemoData(database.db);
await database.close();

const { base, stop } = await startBuiltServer(
  path.join(dataDir, "pglite"),
  4200 + Math.floor(Math.random() * 400),
);

const gzipped = new Map<string, { raw: number; gzip: number }>();
function sizeOf(urlPath: string) {
  let size = gzipped.get(urlPath);
  if (!size) {
    const file = fs.readFileSync(path.join(clientDir, urlPath));
    size = { raw: file.length, gzip: gzipSync(file, { level: 9 }).length };
    gzipped.set(urlPath, size);
  }
  return size;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  // log in once; every measured page gets a new context with only the cookie (no cache)
  const login = await browser.newContext();
  const loginPage = await login.newPage();
  await loginPage.goto(`${base}/inloggen`);
  await loginPage.getByLabel("E-mailadres").fill(member);
  await loginPage.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await loginPage.getByRole("button", { name: "Inloggen" }).click();
  await loginPage.getByRole("button", { name: "Uitloggen" }).waitFor();
  await loginPage.goto(`${base}/organisaties?q=${encodeURIComponent(school)}`);
  const schoolHref = await loginPage
    .getByRole("link", { name: school })
    .first()
    .getAttribute("href");
  const storageState = await login.storageState();
  await login.close();

  const pages = [
    { name: "home (bezoeker)", path: "/", member: false },
    { name: "home", path: "/", member: true },
    { name: "catalogus", path: "/netwerken", member: true },
    { name: "kaart", path: `${schoolHref}/netwerklerend/kaart`, member: true },
  ];
  const results: {
    name: string;
    path: string;
    files: number;
    rawKb: number;
    gzipKb: number;
    largest: string[];
  }[] = [];
  for (const entry of pages) {
    const context = await browser.newContext(entry.member ? { storageState } : {});
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin === base && url.pathname.endsWith(".js")) scripts.add(url.pathname);
    });
    const response = await page.goto(`${base}${entry.path}`, { waitUntil: "networkidle" });
    if (response?.status() !== 200) throw new Error(`${entry.path}: ${response?.status()}`);
    // the member's pages must really be the member's (the cookie took)
    if (entry.member) await page.getByRole("button", { name: "Uitloggen" }).waitFor();
    // hydration done: React Router marks the document once the router is running
    await page.waitForFunction(() => "__reactRouterRouteModules" in window);
    await page.waitForLoadState("networkidle");
    await context.close();
    const sizes = [...scripts].map((file) => ({ file, ...sizeOf(file) }));
    sizes.sort((a, b) => b.gzip - a.gzip);
    results.push({
      name: entry.name,
      path: entry.path,
      files: sizes.length,
      rawKb: Math.round(sizes.reduce((s, f) => s + f.raw, 0) / 102.4) / 10,
      gzipKb: Math.round(sizes.reduce((s, f) => s + f.gzip, 0) / 102.4) / 10,
      largest: sizes
        .slice(0, 4)
        .map((f) => `${path.basename(f.file)} ${(f.gzip / 1024).toFixed(1)}`),
    });
  }

  console.log(`\n| pagina | bestanden | JS (KB) | gzip (KB) | grootste (gzip KB) |`);
  console.log("| --- | ---: | ---: | ---: | --- |");
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.files} | ${r.rawKb} | ${r.gzipKb}${r.gzipKb > budgetKb ? " ⚠" : ""} | ${r.largest.join(", ")} |`,
    );
  console.log(
    `BUNDLE_JSON ${JSON.stringify({
      budgetKb,
      pages: Object.fromEntries(
        results.map((r) => [r.name, { files: r.files, rawKb: r.rawKb, gzipKb: r.gzipKb }]),
      ),
    })}`,
  );
  process.exitCode = results.some((r) => r.gzipKb > budgetKb) ? 1 : 0;
} finally {
  await browser.close();
  await stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
