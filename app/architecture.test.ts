import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cruise, type ICruiseOptions, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";

// The boundaries of docs/ARCHITECTURE.md, checked with the rules of .dependency-cruiser.cjs (the
// same rules `npm run deps` applies): imports go one way, modules only import the modules below
// them, `*.internal.ts` stays inside its module, no server code in the browser's code. The
// cruiser resolves `#app/` and relative paths alike and follows `import()`, type imports too.
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

async function rules(): Promise<ICruiseOptions> {
  return extractDepcruiseOptions(path.join(repo, ".dependency-cruiser.cjs"));
}

async function cruiseIn(dir: string, options: ICruiseOptions, tsConfig?: unknown) {
  const roots = ["app", "server", "scripts"].filter((root) => fs.existsSync(path.join(dir, root)));
  const { output } = await cruise(roots, { ...options, baseDir: dir }, {}, { tsConfig });
  return output as ICruiseResult;
}

const violationsOf = (result: ICruiseResult) =>
  result.summary.violations.map(
    (v) =>
      `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(" → ")})` : ""}`,
  );

// Nothing here touches a database: it runs once, in the PGlite project.
describe.skipIf(process.env.TEST_DB === "postgres")("architecture", () => {
  it("keeps every boundary in the code as it is", { timeout: 120_000 }, async () => {
    const result = await cruiseIn(
      repo,
      await rules(),
      extractTSConfig(path.join(repo, "tsconfig.json")),
    );
    expect(result.summary.totalCruised).toBeGreaterThan(200);
    expect(violationsOf(result)).toEqual([]);
  });

  it("gives every module folder its row of allowed modules", async () => {
    const tiers = new Set(
      ((await rules()).ruleSet?.forbidden ?? [])
        .map((rule) => rule.name?.match(/^module-tier-(.+)$/)?.[1])
        .filter(Boolean),
    );
    const folders = fs.readdirSync(path.join(repo, "app", "modules"));
    expect(folders.filter((folder) => !tiers.has(folder))).toEqual([]);
  });

  it("catches what a line-by-line check missed: import(), relative paths, internals, server code in the browser", async () => {
    // A small app of its own, cruised with the same rules.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-architecture-"));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    try {
      write("app/db/schema/index.ts", "export const users = 1;\n");
      write("app/routes/sneaky.ts", 'export const load = () => import("../db/schema/index.ts");\n');
      write(
        "app/modules/accounts/accounts.server.ts",
        'export { x } from "../networks/helper.internal.ts";\n',
      );
      write("app/modules/networks/helper.internal.ts", "export const x = 1;\n");
      write(
        "app/modules/networks/networks.server.ts",
        'export { x } from "./helper.internal.ts";\n',
      );
      write(
        "app/ui/widget.tsx",
        'import { x } from "../modules/networks/networks.server.ts";\nexport const y = x;\n',
      );
      write("app/db/client.server.ts", 'import "../platform/mailer.server.ts";\n');
      write("app/platform/mailer.server.ts", 'import "../db/client.server.ts";\n');
      const { ruleSet } = await rules();
      const result = await cruiseIn(dir, {
        ruleSet: { forbidden: ruleSet?.forbidden ?? [] },
        validate: true,
      });
      const found = new Set(violationsOf(result).map((line) => line.split(" (")[0]));
      expect([...found].sort()).toEqual(
        [
          "client-code-never-reaches-server-code: app/ui/widget.tsx → app/modules/networks/networks.server.ts",
          "db-imports-only-core: app/db/client.server.ts → app/platform/mailer.server.ts",
          "module-internals-stay-inside-modules: app/modules/accounts/accounts.server.ts → app/modules/networks/helper.internal.ts",
          "module-tier-accounts: app/modules/accounts/accounts.server.ts → app/modules/networks/helper.internal.ts",
          "no-circular: app/db/client.server.ts → app/platform/mailer.server.ts",
          "no-sql-in-routes: app/routes/sneaky.ts → app/db/schema/index.ts",
          "ui-without-domain-or-server: app/ui/widget.tsx → app/modules/networks/networks.server.ts",
        ].sort(),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the environment only through env() (app/core/env.server.ts)", () => {
    const sources = (dir: string): string[] =>
      fs.readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((entry) => {
        const relative = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === "+types" ? [] : sources(relative);
        return /\.(ts|tsx|js)$/.test(entry.name) &&
          !/\.(test|spec)\.tsx?$|\.fixtures\.ts$|-test-support\.ts$/.test(entry.name)
          ? [relative]
          : [];
      });
    const readers = [...sources("app"), ...sources("server"), "server.js", "worker.js"].filter(
      (file) =>
        file !== path.join("app", "core", "env.server.ts") &&
        /process\.env\b/.test(fs.readFileSync(path.join(repo, file), "utf8")),
    );
    expect(readers).toEqual([]);
  });
});
