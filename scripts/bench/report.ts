// The pure half of `./knooppunt bench`: the shape of bench/results/<date>.json, the Markdown
// tables, the growth figure and the --compare rule. Kept free of I/O so it is unit-tested.

/** Bumped when a field changes meaning, so --compare refuses a file it would misread. */
export const resultSchemaVersion = 1;

/** --compare fails a page whose ratio to the stock page fell by more than this (as Moodle gates). */
const compareThreshold = 0.04;

export type DatabaseKind = "postgres" | "pglite";
/** 1× and 10× of one run; the scale names behind them are in the section (they may differ). */
export type Factor = "1x" | "10x";

export interface Row {
  /** stable id: "stock", "bare", "home", "catalogue-search", … (the --pages names) */
  id: string;
  label: string;
  /** the path requested, with ids filled in; references have their own server */
  path: string;
  /** who asks: "visitor", "member", "coordinator", "schoolLeader" or "reference" */
  as: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  /** rps ÷ the stock page's rps in the same section */
  ratio: number;
  requests: number;
  /** responses that were not 2xx, plus connection errors and timeouts: any makes the row fail */
  non2xx: number;
  errors: number;
  /** peak VmRSS of the answering process during the row, MB */
  rssMb: number | null;
  ok: boolean;
  /** why the row failed or was skipped (e.g. the first answer's status) */
  note?: string;
}

export interface Section {
  database: DatabaseKind;
  factor: Factor;
  scale: string;
  counts: Record<string, number>;
  rows: Row[];
}

export interface GrowthRow {
  database: DatabaseKind;
  id: string;
  label: string;
  p95At1x: number;
  p95At10x: number;
  /** p95 at 10× ÷ p95 at 1× (the issue's goal: ≤ 1.2) */
  growth: number;
}

export interface BenchResult {
  schemaVersion: number;
  date: string;
  commit: string;
  dirty: boolean;
  machine: Record<string, unknown>;
  versions: Record<string, string>;
  settings: Record<string, unknown>;
  sections: Section[];
  growth: GrowthRow[];
  map: unknown;
  bundle: unknown;
  notes: string[];
}

/**
 * A scale as the bench names it: a generator scale, optionally times a factor — "school*10" is
 * ten schools' worth of country around the same large network, "national/10" a tenth of it.
 */
export function parseScale(scale: string): {
  name: "school" | "national" | "10x";
  factor: number;
} {
  const match = scale.match(/^(school|national|10x)(?:([*/])(\d+(?:\.\d+)?))?$/);
  if (!match)
    throw new Error(
      `Onbekende schaal "${scale}": school, national of 10x, eventueel met *N of /N.`,
    );
  const n = Number(match[3] ?? 1);
  return { name: match[1] as "school" | "national" | "10x", factor: match[2] === "/" ? 1 / n : n };
}

/** The p-th percentile (0–100) of unsorted samples, nearest-rank; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Fills in each row's ratio against the section's stock row (rows are measured without it). */
export function withRatios(rows: Row[]): Row[] {
  const stock = rows.find((row) => row.id === "stock");
  return rows.map((row) => ({
    ...row,
    ratio: row.ok && stock && stock.rps > 0 ? row.rps / stock.rps : Number.NaN,
  }));
}

/** The growth pages: p95 at 10× over p95 at 1×, per database, for rows measured at both. */
export function growthOf(sections: readonly Section[], pageIds: readonly string[]): GrowthRow[] {
  const out: GrowthRow[] = [];
  for (const database of ["postgres", "pglite"] as const) {
    const one = sections.find((s) => s.database === database && s.factor === "1x");
    const ten = sections.find((s) => s.database === database && s.factor === "10x");
    if (!one || !ten) continue;
    for (const id of pageIds) {
      const a = one.rows.find((row) => row.id === id);
      const b = ten.rows.find((row) => row.id === id);
      if (!a || !b || !a.ok || !b.ok) continue;
      out.push({
        database,
        id,
        label: a.label,
        p95At1x: a.p95,
        p95At10x: b.p95,
        growth: b.p95 / a.p95,
      });
    }
  }
  return out;
}

interface Regression {
  key: string;
  label: string;
  before: number;
  after: number | null;
  reason: "slower" | "failed";
}

export interface Comparison {
  regressions: Regression[];
  /** pages in the baseline this run did not measure (--only/--pages): reported, not failed */
  notMeasured: string[];
  /** pages this run measured that the baseline lacks: nothing to compare with */
  new: string[];
}

const keyOf = (section: Section, row: Row) => `${section.database} ${section.factor} ${row.id}`;

/**
 * The --compare rule: a page regresses when its ratio to the stock page (same database, same
 * factor) is more than `threshold` below the baseline's, or when it failed where the baseline
 * did not. Ratios, not req/s, because only ratios within one run survive a shared machine.
 */
export function compareResults(
  current: Pick<BenchResult, "sections">,
  baseline: Pick<BenchResult, "sections" | "schemaVersion">,
  threshold = compareThreshold,
): Comparison {
  if (baseline.schemaVersion !== resultSchemaVersion) {
    throw new Error(
      `Het vergelijkingsbestand heeft schemaVersion ${baseline.schemaVersion}, deze bench schrijft ${resultSchemaVersion}.`,
    );
  }
  const now = new Map<string, Row>();
  for (const section of current.sections)
    for (const row of section.rows) now.set(keyOf(section, row), row);
  const before = new Map<string, Row>();
  for (const section of baseline.sections)
    for (const row of section.rows) before.set(keyOf(section, row), row);

  const comparison: Comparison = { regressions: [], notMeasured: [], new: [] };
  for (const [key, old] of before) {
    // The references define the ratio (stock is 1 by definition); they cannot regress against it.
    if (old.as === "reference") continue;
    const row = now.get(key);
    if (!row) {
      comparison.notMeasured.push(key);
      continue;
    }
    if (!row.ok) {
      if (old.ok)
        comparison.regressions.push({
          key,
          label: row.label,
          before: old.ratio,
          after: null,
          reason: "failed",
        });
      continue;
    }
    if (!old.ok || !Number.isFinite(old.ratio)) continue;
    if (row.ratio < old.ratio * (1 - threshold)) {
      comparison.regressions.push({
        key,
        label: row.label,
        before: old.ratio,
        after: row.ratio,
        reason: "slower",
      });
    }
  }
  for (const [key, row] of now)
    if (row.as !== "reference" && !before.has(key)) comparison.new.push(key);
  return comparison;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : "–");

/** One section as a Markdown table; a failing row says FAIL in its first column, loudly. */
export function sectionTable(section: Section): string {
  const lines = [
    `### ${section.database === "postgres" ? "PostgreSQL" : "PGlite"}, ${section.factor} (${section.scale})`,
    "",
    "| page | p50 ms | p95 ms | p99 ms | req/s | × stock | RSS MB | non-2xx |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of section.rows) {
    const name = row.ok ? row.label : `**FAIL** ${row.label}${row.note ? ` (${row.note})` : ""}`;
    lines.push(
      `| ${name} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${Math.round(row.rps)} | ${
        Number.isFinite(row.ratio) ? row.ratio.toFixed(2) : "–"
      } | ${row.rssMb === null ? "–" : Math.round(row.rssMb)} | ${row.non2xx + row.errors} |`,
    );
  }
  return lines.join("\n");
}

export function growthTable(rows: readonly GrowthRow[]): string {
  const lines = [
    "### Growth: p95 at 10× ÷ p95 at 1× (goal ≤ 1.2)",
    "",
    "| database | page | p95 1× ms | p95 10× ms | growth |",
    "| --- | --- | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.database} | ${row.label} | ${ms(row.p95At1x)} | ${ms(row.p95At10x)} | ${row.growth.toFixed(2)} × |`,
    );
  }
  return lines.join("\n");
}

export function comparisonText(comparison: Comparison, threshold = compareThreshold): string {
  const lines: string[] = [];
  if (comparison.regressions.length === 0)
    lines.push(
      `Geen pagina meer dan ${threshold * 100} % achteruit ten opzichte van de vergelijking.`,
    );
  else {
    lines.push(`Achteruit (meer dan ${threshold * 100} % lagere verhouding t.o.v. stock):`);
    for (const r of comparison.regressions)
      lines.push(
        r.reason === "failed"
          ? `  ${r.key}: FAIL (was ${r.before.toFixed(2)} ×)`
          : `  ${r.key}: ${r.before.toFixed(2)} × → ${(r.after ?? 0).toFixed(2)} × (${(((r.after ?? 0) / r.before - 1) * 100).toFixed(1)} %)`,
      );
  }
  if (comparison.notMeasured.length)
    lines.push(`Niet gemeten in deze run: ${comparison.notMeasured.join(", ")}`);
  return lines.join("\n");
}

/** The last `PREFIX {json}` line of a child's output, or null (the child may predate it). */
export function taggedJson(output: string, prefix: string): unknown {
  const line = output
    .split("\n")
    .reverse()
    .find((l) => l.startsWith(`${prefix} `));
  if (!line) return null;
  try {
    return JSON.parse(line.slice(prefix.length + 1));
  } catch {
    return null;
  }
}
