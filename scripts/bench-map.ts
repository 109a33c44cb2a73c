// npm run bench (second part): the knowledge map of a large board (~5 000 nodes, ~20 000 links)
// in Debian's Chromium: how long the server takes to build and lay it out, how long until the
// first picture is drawn, and how long a frame takes while panning. Reported, never asserted.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { openDatabase } from "../app/db/client.server.ts";
import { generateLargeBoard, largeBoard } from "./generate-board.ts";
import { seedDemoData } from "./seed.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-bench-map-"));
const database = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
console.log("Demo-data en een groot bestuur voor de kaart laden …");
await seedDemoData(database.db);
const size = await generateLargeBoard(database.db, undefined, (m) =>
  process.stdout.write(`\r  ${m}          `),
);
process.stdout.write("\n");
await database.close();

const port = 3800 + Math.floor(Math.random() * 400);
const server = spawn(process.execPath, ["server.js"], {
  env: {
    ...process.env,
    DATA_DIR: path.join(dataDir, "pglite"),
    PORT: String(port),
    HOST: "127.0.0.1",
    COOKIE_SECURE: "false",
    LOG_LEVEL: "error",
    NODE_ENV: "production",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve) =>
  server.stdout?.on("data", (c) => String(c).includes("draait") && resolve()),
);
const base = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(`${base}/inloggen`);
await page.getByLabel("E-mailadres").fill(largeBoard.member);
await page.getByLabel("Wachtwoord", { exact: true }).fill("knooppunt-demo-2026");
await page.getByRole("button", { name: "Inloggen" }).click();
await page.getByRole("button", { name: "Uitloggen" }).waitFor();
await page.goto(`${base}/organisaties?q=${encodeURIComponent("Groot Bestuur")}`);
const href = await page.getByRole("link", { name: largeBoard.name }).first().getAttribute("href");

const runs: { build: number; drawn: number; frame: number }[] = [];
for (let run = 0; run < 3; run++) {
  await page.goto(`${base}${href}/netwerklerend/kaart`);
  await page.waitForFunction(
    () => performance.getEntriesByName("kennisnetwerk-getekend").length > 0,
    null,
    {
      timeout: 60_000,
    },
  );
  const counts =
    (await page
      .getByText(/knooppunten, .* verbindingen/)
      .first()
      .textContent()) ?? "";
  const build = Number(counts.match(/opgebouwd in (\d+) ms/)?.[1] ?? Number.NaN);
  const drawn = await page.evaluate(
    () => performance.getEntriesByName("kennisnetwerk-getekend")[0]?.startTime ?? Number.NaN,
  );
  // pan: ten drag steps, each one redraw; the mean time per drawn frame
  const canvas = page.getByRole("img", { name: /Kaart met/ });
  const box = await canvas.boundingBox();
  if (!box) throw new Error("kaart niet gevonden");
  await page.evaluate(() => performance.clearMarks("kennisnetwerk-getekend"));
  const started = Date.now();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(box.x + box.width / 2 + i * 20, box.y + box.height / 2 + i * 10);
  await page.mouse.up();
  const frames = await page.evaluate(
    () => performance.getEntriesByName("kennisnetwerk-getekend").length,
  );
  runs.push({ build, drawn, frame: (Date.now() - started) / Math.max(1, frames) });
  if (run === 0) console.log(`  ${counts.trim()}`);
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log("\n| kennisnetwerk in beeld (Chromium) | mediaan van 3 |");
console.log("| --- | ---: |");
console.log(`| knooppunten / verbindingen (gegenereerd) | ${size.nodes} / ${size.links} |`);
console.log(`| server: opbouwen en indelen (ms) | ${median(runs.map((r) => r.build))} |`);
console.log(
  `| browser: eerste tekening na navigatie (ms) | ${Math.round(median(runs.map((r) => r.drawn)))} |`,
);
console.log(
  `| browser: tijd per frame tijdens slepen (ms) | ${Math.round(median(runs.map((r) => r.frame)))} |`,
);

await browser.close();
server.kill("SIGTERM");
await new Promise((resolve) => server.on("exit", resolve));
fs.rmSync(dataDir, { recursive: true, force: true });
