import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isMessageKey } from "./translator.server.ts";

/*
 * A form's errors reach the page as strings (Conform's errors: string[] from zod's messages) and
 * are shown with t.error(), which throws on an unknown key outside production. These tests make
 * that a build-time failure instead: every message a schema can give is a key of the catalogues.
 */

const appDir = path.resolve(import.meta.dirname, "..");
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "+types" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });

// The environment's schema speaks to the operator, not to a person filling in a form.
const notForms = new Set(["core/env.server.ts"]);
const zodFiles = sources(appDir).filter(
  (file) =>
    !notForms.has(path.relative(appDir, file)) && /from "zod"/.test(fs.readFileSync(file, "utf8")),
);

/** A message is the argument after the value (`.max(200, "…")`) or the only one (`z.email("…")`). */
const messageAfterValue =
  /\.(?:min|max|length|gt|gte|lt|lte|multipleOf|regex|refine|startsWith|endsWith|includes)\((?:[^()"'`]|\([^()]*\)|"[^"]*")*?,\s*"([^"]*)"\s*\)/g;
const messageAlone =
  /\b(?:z|z\.iso|\.)\.?(?:string|number|boolean|date|email|url|uuid|guid|int|nonempty|positive|nonnegative|negative|nonpositive|datetime|time|array|object)\(\s*"([^"]*)"\s*\)/g;
const messageNamed = /\b(?:message|error):\s*"([^"]*)"/g;

describe("zod messages are catalogue keys", () => {
  it("finds the zod schemas of the modules (and any left in routes)", () => {
    expect(zodFiles.filter((file) => file.endsWith(".schema.ts")).length).toBeGreaterThan(10);
  });

  it("writes only keys where a schema gives a message", () => {
    const unknown = zodFiles.flatMap((file) => {
      const source = fs.readFileSync(file, "utf8");
      return [messageAfterValue, messageAlone, messageNamed].flatMap((pattern) =>
        [...source.matchAll(pattern)]
          .map((m) => m[1] ?? "")
          .filter((message) => !isMessageKey(message))
          .map((message) => `${path.relative(appDir, file)}: "${message}"`),
      );
    });
    expect(unknown).toEqual([]);
  });

  it("gives only keys when every exported schema is run with empty, long and odd values", async () => {
    const schemaFiles = zodFiles.filter((file) => file.endsWith(".schema.ts"));
    const unknown = new Set<string>();
    let runs = 0;
    for (const file of schemaFiles) {
      const module: Record<string, unknown> = await import(file);
      for (const [name, value] of Object.entries(module)) {
        if (!(value instanceof z.ZodType)) continue;
        for (const input of inputsFor(value)) {
          runs++;
          let issues: z.core.$ZodIssue[] = [];
          try {
            // As the form pipeline parses: a problem the schema has no message for is "error.form".
            const result = value.safeParse(input, { error: () => "error.form" });
            issues = result.success ? [] : result.error.issues;
          } catch {
            // A transform that throws on nonsense is not a message; other tests cover it.
          }
          for (const issue of issues) {
            if (!isMessageKey(issue.message))
              unknown.add(`${path.relative(appDir, file)} ${name}: "${issue.message}"`);
          }
        }
      }
    }
    expect(runs).toBeGreaterThan(500);
    expect([...unknown]).toEqual([]);
  });
});

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Every object shape reachable from a schema: the branches of a union, both ends of a pipe. */
function shapesOf(schema: unknown, seen = new Set<unknown>()): Record<string, unknown>[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (...schemas: unknown[]) =>
    schemas.filter(Boolean).flatMap((s) => shapesOf(s, seen));
  switch (def.type) {
    case "object":
      return [def.shape as Record<string, unknown>];
    case "union":
      return inner(...(def.options as unknown[]));
    case "intersection":
      return inner(def.left, def.right);
    case "pipe":
      return inner(def.in, def.out);
    case "lazy":
      return inner((def.getter as () => unknown)());
    default:
      return inner(def.innerType);
  }
}

/** A literal's values, so a discriminated union's branch (`intent`) is reached. */
function literalsOf(schema: unknown): unknown[] {
  const def = defOf(schema);
  if (def.type === "literal") return def.values as unknown[];
  if (def.type === "enum") return Object.values(def.entries as object);
  if (def.innerType) return literalsOf(def.innerType);
  if (def.type === "pipe") return literalsOf(def.in);
  return [];
}

const oddValues: unknown[] = [
  "",
  "   ",
  "x",
  "x".repeat(9_000),
  "-5",
  "0",
  "2026-13-45",
  "niet-een-id",
  ["", ""],
  [],
];

function inputsFor(schema: z.ZodType): unknown[] {
  const inputs: unknown[] = [undefined, {}];
  for (const shape of shapesOf(schema)) {
    const fields = Object.keys(shape);
    for (const odd of oddValues) {
      const input: Record<string, unknown> = {};
      for (const field of fields) input[field] = literalsOf(shape[field])[0] ?? odd;
      inputs.push(input);
      // Each enum or literal field also once with another of its values.
      for (const field of fields) {
        for (const other of literalsOf(shape[field]).slice(1)) {
          inputs.push({ ...input, [field]: other });
        }
      }
    }
  }
  return inputs;
}
