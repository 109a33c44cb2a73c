// Generated data at scale. Usage:
//   ./knooppunt generate --scale school|national|10x [--seed N] [--factor F]
// Uses DATABASE_URL when set, otherwise the PGlite folder in DATA_DIR (default ./data/pglite).
// Migrates, loads the demo data when the database is empty, then generates; the bench and the
// EXPLAIN test import `generate` from here.
import { parseArgs } from "node:util";
import { env } from "../app/core/env.server.ts";
import { openDatabase } from "../app/db/client.server.ts";
import { generate, type Progress, type Scale } from "./generate/index.ts";
import { isEmpty, seedDemoData } from "./seed.ts";

export {
  countRows,
  existingGeneration,
  type GenerateOptions,
  type GenerateResult,
  generate,
  generatedPassword,
  type Progress,
  personas,
  type Scale,
  sizesFor,
} from "./generate/index.ts";

const scales: Scale[] = ["school", "national", "10x"];

/** A progress bar on stderr: one line per table, redrawn in place on a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let current = "";
  let lastDraw = 0;
  let lastLine = "";
  const started = Date.now();
  return (p: Progress) => {
    const now = Date.now();
    const finished = p.done >= p.total;
    if (p.table === current && !finished && now - lastDraw < 200) return;
    const width = 30;
    const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
    const filled = Math.round(ratio * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const number = (n: number) => n.toLocaleString("nl-NL");
    const seconds = ((now - started) / 1000).toFixed(0);
    const line = `${bar} ${p.table.padEnd(28)} ${number(p.done)}/${number(p.total)} ${(ratio * 100).toFixed(0).padStart(3)}%  ${seconds}s`;
    if (stream.isTTY) {
      if (p.table !== current && current) stream.write("\n");
      stream.write(`\r${line}`);
    } else if (
      (p.table !== current || finished || now - lastDraw > 5000) &&
      `${p.table}${p.done}${p.total}` !== lastLine
    ) {
      stream.write(`${line}\n`);
      lastLine = `${p.table}${p.done}${p.total}`;
    }
    current = p.table;
    lastDraw = now;
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "school" },
      seed: { type: "string", default: "1" },
      factor: { type: "string", default: "1" },
    },
  });
  const scale = values.scale as Scale;
  const seed = Number(values.seed);
  const factor = Number(values.factor);
  if (!scales.includes(scale) || !Number.isInteger(seed) || !(factor > 0)) {
    console.error(
      "Gebruik: ./knooppunt generate --scale school|national|10x [--seed N] [--factor F]",
    );
    process.exit(2);
  }
  const { DATABASE_URL, DATA_DIR } = env();
  const database = await openDatabase(DATABASE_URL ? { url: DATABASE_URL } : { dataDir: DATA_DIR });
  const started = Date.now();
  try {
    if (await isEmpty(database.db)) {
      process.stderr.write("Demo-data laden …\n");
      await seedDemoData(database.db);
    }
    const result = await generate(database.db, scale, { seed, factor, onProgress: progressBar() });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write("\n");
    console.log(
      `Gegenereerd (${scale}, seed ${seed}${factor !== 1 ? `, factor ${factor}` : ""}) in ${seconds} s op ${database.kind}.`,
    );
    const searchable = [
      "networks",
      "discussion_topics",
      "discussion_posts",
      "harvest_outcomes",
      "kennisweb_items",
    ];
    const total = searchable.reduce((sum, table) => sum + (result.counts[table] ?? 0), 0);
    for (const [table, n] of Object.entries(result.counts).filter(([, n]) => n > 0))
      console.log(`  ${table.padEnd(32)} ${n.toLocaleString("nl-NL").padStart(12)}`);
    console.log(
      `  doorzoekbare items                ${total.toLocaleString("nl-NL").padStart(12)}`,
    );
    console.log(`\nPersona's (wachtwoord knooppunt-demo-2026):`);
    for (const [role, email] of Object.entries(result.personas))
      console.log(`  ${email.padEnd(32)} ${role}`);
    console.log(`  groot netwerk: ${result.largeNetworkId}`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
