import { describe, expect, it } from "vitest";
import {
  type BenchResult,
  compareResults,
  growthOf,
  parseScale,
  percentile,
  type Row,
  resultSchemaVersion,
  type Section,
  sectionTable,
  taggedJson,
  withRatios,
} from "./report.ts";

function row(id: string, rps: number, extra: Partial<Row> = {}): Row {
  return {
    id,
    label: id,
    path: `/${id}`,
    as: id === "stock" || id === "bare" ? "reference" : "member",
    p50: 5,
    p95: 10,
    p99: 20,
    rps,
    ratio: Number.NaN,
    requests: rps * 10,
    non2xx: 0,
    errors: 0,
    rssMb: 120,
    ok: true,
    ...extra,
  };
}

function section(rows: Row[], extra: Partial<Section> = {}): Section {
  return {
    database: "postgres",
    factor: "1x",
    scale: "national",
    counts: {},
    rows: withRatios(rows),
    ...extra,
  };
}

const run = (sections: Section[]) => ({ schemaVersion: resultSchemaVersion, sections });

describe("the --compare rule", () => {
  const baseline = run([section([row("stock", 1000), row("home", 800), row("catalogue", 500)])]);

  it("passes a page whose ratio fell by less than 4 %, even when the machine was slower", () => {
    // half the speed overall, home's ratio 0.8 → 0.77 (−3.75 %)
    const now = run([section([row("stock", 500), row("home", 385), row("catalogue", 250)])]);
    expect(compareResults(now, baseline).regressions).toEqual([]);
  });

  it("fails a page whose ratio fell by more than 4 %, naming it with both ratios", () => {
    // home 0.8 → 0.76 (−5 %)
    const now = run([section([row("stock", 1000), row("home", 760), row("catalogue", 500)])]);
    const { regressions } = compareResults(now, baseline);
    expect(regressions).toHaveLength(1);
    expect(regressions[0]).toMatchObject({
      key: "postgres 1x home",
      reason: "slower",
      after: 0.76,
    });
    expect(regressions[0]?.before).toBeCloseTo(0.8);
  });

  it("fails a page that failed (non-2xx) where the baseline did not", () => {
    const now = run([
      section([
        row("stock", 1000),
        row("home", 800),
        row("catalogue", 0, { ok: false, non2xx: 3 }),
      ]),
    ]);
    expect(compareResults(now, baseline).regressions).toMatchObject([
      { key: "postgres 1x catalogue", reason: "failed", after: null },
    ]);
  });

  it("lists pages this run did not measure without failing on them, and knows new ones", () => {
    const now = run([section([row("stock", 1000), row("home", 800), row("agenda", 400)])]);
    const comparison = compareResults(now, baseline);
    expect(comparison.regressions).toEqual([]);
    expect(comparison.notMeasured).toEqual(["postgres 1x catalogue"]);
    expect(comparison.new).toEqual(["postgres 1x agenda"]);
  });

  it("compares a page only with the same database and factor", () => {
    const now = run([
      section([row("stock", 1000), row("home", 800), row("catalogue", 500)]),
      section([row("stock", 1000), row("home", 100)], { database: "pglite" }),
    ]);
    expect(compareResults(now, baseline).regressions).toEqual([]);
  });

  it("refuses a results file of another schema version", () => {
    expect(() =>
      compareResults(run([]), { schemaVersion: resultSchemaVersion + 1, sections: [] }),
    ).toThrow(/schemaVersion/);
  });
});

describe("the numbers in a result", () => {
  it("puts every row's ratio against the stock page of its section", () => {
    const rows = withRatios([
      row("stock", 400),
      row("bare", 1200),
      row("home", 100),
      row("agenda", 90, { ok: false, non2xx: 1 }),
    ]);
    expect(rows.map((r) => r.ratio)).toEqual([1, 3, 0.25, Number.NaN]);
  });

  it("reads a scale with an optional factor, and refuses an unknown one", () => {
    expect(parseScale("national")).toEqual({ name: "national", factor: 1 });
    expect(parseScale("school*10")).toEqual({ name: "school", factor: 10 });
    expect(parseScale("national/10")).toEqual({ name: "national", factor: 0.1 });
    expect(() => parseScale("land")).toThrow(/Onbekende schaal/);
  });

  it("takes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([50, 95, 99].map((p) => percentile(samples, p))).toEqual([50, 95, 99]);
    expect(percentile([], 50)).toBeNaN();
  });

  it("gives growth as p95 at 10× over p95 at 1×, skipping failed rows", () => {
    const sections = [
      section([row("stock", 1000), row("catalogue", 500, { p95: 20 }), row("people-search", 300)]),
      section(
        [
          row("stock", 1000),
          row("catalogue", 400, { p95: 24 }),
          row("people-search", 0, { ok: false }),
        ],
        { factor: "10x", scale: "10x" },
      ),
    ];
    expect(growthOf(sections, ["catalogue", "people-search"])).toEqual([
      {
        database: "postgres",
        id: "catalogue",
        label: "catalogue",
        p95At1x: 20,
        p95At10x: 24,
        growth: 1.2,
      },
    ]);
  });

  it("shows a failing row as FAIL in the table rather than as a number", () => {
    const table = sectionTable(
      section([row("stock", 1000), row("agenda", 0, { ok: false, note: "HTTP 500" })]),
    );
    expect(table).toContain("| **FAIL** agenda (HTTP 500) |");
  });

  it("reads the tagged JSON line a child script prints, or null without one", () => {
    const output = 'tabel\nBENCH_MAP_JSON {"nodes":5000}\nklaar';
    expect(taggedJson(output, "BENCH_MAP_JSON")).toEqual({ nodes: 5000 });
    expect(taggedJson("tabel", "BUNDLE_JSON")).toBeNull();
  });

  it("writes a results file --compare can read back", () => {
    const result: BenchResult = {
      ...run([section([row("stock", 1000), row("home", 800)])]),
      date: "2026-01-01T00:00:00.000Z",
      commit: "abc",
      dirty: false,
      machine: { cores: 2 },
      versions: { node: "24" },
      settings: { seconds: 10, connections: 32 },
      growth: [],
      map: null,
      bundle: null,
      notes: [],
    };
    const back = JSON.parse(JSON.stringify(result));
    expect(compareResults(back, back)).toEqual({ regressions: [], notMeasured: [], new: [] });
  });
});
