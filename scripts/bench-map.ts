// npm run bench (second part): the knowledge map of a large board (~5 000 nodes, ~20 000 links)
// in Debian's Chromium: how long the server takes to build and lay it out, how long until the
// first picture is drawn, and how many frames per second the page keeps while it is dragged.
// Reported, never asserted. Prints a table and one `BENCH_MAP_JSON {...}` line for the bench.
// Usage: node --experimental-strip-types scripts/bench-map.ts [--runs 3] [--drag-ms 3000] [--data DIR]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { openDatabase } from "../app/db/client.server.ts";
import { startBuiltServer } from "./built-server.ts";
import { generateLargeBoard, largeBoard } from "./generate-board.ts";
import { seedDemoData } from "./seed.ts";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runCount = option("--runs", 3);
const dragMs = option("--drag-ms", 3000);

// --data DIR keeps the generated database there and reuses it next time (for repeated runs)
const keptAt = process.argv.indexOf("--data");
const kept = keptAt > 0 ? path.resolve(process.argv[keptAt + 1] ?? "") : undefined;
const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-bench-map-"));
const sizeFile = path.join(dataDir, "size.json");
let size: { nodes: number; links: number };
if (kept && fs.existsSync(sizeFile)) {
  size = JSON.parse(fs.readFileSync(sizeFile, "utf8"));
} else {
  const database = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
  console.log("Demo-data en een groot bestuur voor de kaart laden …");
  await seedDemoData(database.db);
  size = await generateLargeBoard(database.db, undefined, (m) =>
    process.stdout.write(`\r  ${m}          `),
  );
  process.stdout.write("\n");
  await database.close();
  fs.writeFileSync(sizeFile, JSON.stringify(size));
}

const { base, stop } = await startBuiltServer(
  path.join(dataDir, "pglite"),
  3800 + Math.floor(Math.random() * 400),
);

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

interface Run {
  build: number;
  idleFps: number;
  drawn: number;
  fps: number;
  p95FrameMs: number;
  longestFrameMs: number;
  settleMs: number;
}
const runs: Run[] = [];
let counts = "";
for (let run = 0; run < runCount; run++) {
  await page.goto(`${base}${href}/netwerklerend/kaart`);
  await page.waitForFunction(
    () => performance.getEntriesByName("kennisnetwerk-getekend").length > 0,
    null,
    { timeout: 60_000 },
  );
  counts =
    (await page
      .getByText(/knooppunten, .* verbindingen/)
      .first()
      .textContent()) ?? "";
  // "opgebouwd in 1.933 ms": Dutch digit grouping
  const build = Number(counts.match(/opgebouwd in ([\d.]+) ms/)?.[1]?.replace(/\./g, "") ?? "x");
  const drawn = await page.evaluate(
    () => performance.getEntriesByName("kennisnetwerk-getekend")[0]?.startTime ?? Number.NaN,
  );
  await page.getByRole("img", { name: /Kaart met/ }).waitFor();
  // The same page at rest, for scale: how many frames this (shared) machine gives an idle page.
  const idle = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let frames = 0;
        let first = 0;
        const tick = (time: number) => {
          if (!first) first = time;
          else frames++;
          if (time - first < 1000) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (time - first));
        };
        requestAnimationFrame(tick);
      }),
  );
  // Pan: a drag in a circle for dragMs, one pointer move before every animation frame, as
  // Chromium delivers a real mouse's moves (aligned to frames). The page counts the frames it
  // manages; a frame the main thread cannot give (drawing, React) is missed. Playwright's own
  // mouse waits for each move to be handled, so it would pace the drag by the page it measures.
  const frames = await page.evaluate(async (dragMs) => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[role="img"]');
    if (!canvas) throw new Error("kaart niet gevonden");
    const rect = canvas.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const fire = (type: string, x: number, y: number) =>
      canvas.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          cancelable: true,
          clientX: x,
          clientY: y,
          pointerId: 1,
          pointerType: "mouse",
          isPrimary: true,
          buttons: type === "pointerup" ? 0 : 1,
        }),
      );
    fire("pointerdown", cx, cy);
    fire("pointermove", cx + 10, cy);
    const times = await new Promise<number[]>((resolve) => {
      const seen: number[] = [];
      let i = 0;
      const tick = (time: number) => {
        seen.push(time);
        if (time - (seen[0] ?? time) >= dragMs) return resolve(seen);
        i++;
        fire("pointermove", cx + 10 + Math.sin(i / 15) * 200, cy + (1 - Math.cos(i / 15)) * 150);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    performance.clearMarks("kennisnetwerk-getekend");
    (window as unknown as { __upAt: number }).__upAt = performance.now();
    fire("pointerup", cx + 10, cy);
    return times;
  }, dragMs);
  const upAt = await page.evaluate(() => (window as unknown as { __upAt: number }).__upAt);
  // the full picture after the drag ends
  await page
    .waitForFunction(
      () => performance.getEntriesByName("kennisnetwerk-getekend").length > 0,
      null,
      { timeout: 10_000 },
    )
    .catch(() => undefined); // a map that redraws on every move has nothing left to draw
  const settled = await page.evaluate(
    () => performance.getEntriesByName("kennisnetwerk-getekend")[0]?.startTime ?? Number.NaN,
  );
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  gaps.sort((a, b) => a - b);
  const span = (frames.at(-1) ?? 0) - (frames[0] ?? 0);
  runs.push({
    build,
    idleFps: idle,
    drawn,
    fps: span > 0 ? ((frames.length - 1) * 1000) / span : 0,
    p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? Number.NaN,
    longestFrameMs: gaps.at(-1) ?? Number.NaN,
    settleMs: settled - upAt,
  });
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const result = {
  nodes: size.nodes,
  links: size.links,
  serverBuildMs: median(runs.map((r) => r.build)),
  firstDrawMs: Math.round(median(runs.map((r) => r.drawn))),
  panFps: Math.round(median(runs.map((r) => r.fps)) * 10) / 10,
  idleFps: Math.round(median(runs.map((r) => r.idleFps)) * 10) / 10,
  panP95FrameMs: Math.round(median(runs.map((r) => r.p95FrameMs))),
  panLongestFrameMs: Math.round(median(runs.map((r) => r.longestFrameMs))),
  redrawAfterPanMs: Math.round(median(runs.map((r) => r.settleMs))),
  runs: runs.length,
};
console.log(`  ${counts.trim()}`);
console.log(`\n| kennisnetwerk in beeld (Chromium) | mediaan van ${runs.length} |`);
console.log("| --- | ---: |");
console.log(`| knooppunten / verbindingen (gegenereerd) | ${size.nodes} / ${size.links} |`);
console.log(`| server: opbouwen en indelen (ms) | ${result.serverBuildMs} |`);
console.log(`| browser: eerste tekening na navigatie (ms) | ${result.firstDrawMs} |`);
console.log(
  `| browser: beelden per seconde tijdens slepen (in rust) | ${result.panFps} (${result.idleFps}) |`,
);
console.log(
  `| browser: p95 / langste frame tijdens slepen (ms) | ${result.panP95FrameMs} / ${result.panLongestFrameMs} |`,
);
console.log(`| browser: volledige tekening na loslaten (ms) | ${result.redrawAfterPanMs} |`);
console.log(`BENCH_MAP_JSON ${JSON.stringify(result)}`);

await browser.close();
await stop();
if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
