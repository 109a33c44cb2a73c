import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Imports go one way: routes → modules (down the tiers) → db/platform. This test is the lint.
const appDir = path.dirname(new URL(import.meta.url).pathname);

/** Which modules a module may import (DESIGN.md's tiers). Later modules add their row. */
const moduleDependencies: Record<string, string[]> = {
  accounts: [],
  organisations: ["accounts"],
  notifications: ["accounts"],
  networks: ["accounts", "organisations"],
  memberships: ["accounts", "organisations", "networks"],
  meetings: ["accounts", "organisations", "networks"],
  register: ["accounts", "organisations", "networks", "meetings"],
  progress: ["accounts", "organisations", "networks", "meetings", "register"],
  courses: ["accounts", "organisations", "networks"],
  calendar: ["accounts", "organisations", "networks", "meetings"],
  evaluation: ["accounts", "organisations", "networks", "meetings"],
  discussion: ["accounts", "organisations", "networks"],
  peergroups: ["accounts", "organisations", "networks"],
  toolkit: ["accounts", "organisations", "networks"],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "+types" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

function importsOf(file: string) {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g)].map(
    (m) => m[1] ?? "",
  );
  return specifiers
    .map((spec) => {
      if (spec.startsWith("#app/")) return path.join(appDir, spec.slice(5));
      if (spec.startsWith(".")) return path.resolve(path.dirname(file), spec);
      return null;
    })
    .filter((target): target is string => target !== null)
    .map((target) => path.relative(appDir, target));
}

const layerOf = (relative: string) => relative.split(path.sep)[0] ?? "";
const moduleOf = (relative: string) =>
  relative.startsWith(`modules${path.sep}`) ? relative.split(path.sep)[1] : undefined;

describe("architecture", () => {
  const files = sourceFiles(appDir).map((file) => ({
    file,
    relative: path.relative(appDir, file),
    imports: importsOf(file),
  }));

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("keeps platform, db, ui and i18n free of domain modules and routes", () => {
    const wrong = files.flatMap(({ relative, imports }) =>
      ["platform", "db", "ui", "i18n"].includes(layerOf(relative))
        ? imports
            .filter((target) => ["modules", "routes"].includes(layerOf(target)))
            .map((target) => `${relative} → ${target}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it("never lets a module import a route", () => {
    const wrong = files.flatMap(({ relative, imports }) =>
      layerOf(relative) === "modules"
        ? imports.filter((t) => layerOf(t) === "routes").map((t) => `${relative} → ${t}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it("lets modules import only the modules below them, and never another module's components", () => {
    const wrong = files.flatMap(({ relative, imports }) => {
      const own = moduleOf(relative);
      if (!own) return [];
      return imports
        .filter((target) => {
          const other = moduleOf(target);
          if (!other || other === own) return false;
          return (
            !(moduleDependencies[own] ?? []).includes(other) ||
            target.includes(`${path.sep}components${path.sep}`)
          );
        })
        .map((target) => `${relative} → ${target}`);
    });
    expect(wrong).toEqual([]);
  });

  it("keeps SQL out of routes: routes do not import the schema or drizzle", () => {
    const wrong = files.flatMap(({ relative, file }) => {
      if (layerOf(relative) !== "routes") return [];
      const text = fs.readFileSync(file, "utf8");
      return /from\s+["'](drizzle-orm|#app\/db\/schema)/.test(text) ? [relative] : [];
    });
    expect(wrong).toEqual([]);
  });

  it("knows every module folder", () => {
    const folders = fs.readdirSync(path.join(appDir, "modules"));
    expect(folders.filter((f) => !(f in moduleDependencies))).toEqual([]);
  });
});
