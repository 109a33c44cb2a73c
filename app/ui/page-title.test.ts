import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// Registers every catalogue, as the server does at start.
import "#app/i18n/translator.server.ts";
import { namedTitle, pageTitle } from "./page-title.ts";

const rootIn = (locale: string) => [{ id: "root", loaderData: { locale, actor: null } }];

describe("page titles", () => {
  it("are in the page's locale, the site's name after the page's", () => {
    expect(pageTitle(rootIn("nl"), "pageTitle.login")).toEqual([{ title: "Inloggen — Knooppunt" }]);
    expect(pageTitle(rootIn("en"), "pageTitle.login")).toEqual([{ title: "Log in — Knooppunt" }]);
    expect(pageTitle(rootIn("en"), "pageTitle.home")).toEqual([
      { title: "Knooppunt — learning in networks" },
    ]);
    expect(pageTitle(rootIn("nl"), "pageTitle.meetingOf", { network: "Rekenen" })).toEqual([
      { title: "Bijeenkomst — Rekenen — Knooppunt" },
    ]);
  });

  it("name a page by its data, and by its kind on an error page without data", () => {
    expect(namedTitle(rootIn("en"), "Rekenen 010", "pageTitle.network")).toEqual([
      { title: "Rekenen 010 — Knooppunt" },
    ]);
    expect(namedTitle(rootIn("en"), undefined, "pageTitle.network")).toEqual([
      { title: "Network — Knooppunt" },
    ]);
    // Without a root match (the root loader failed) the page is Dutch, as the site is by default.
    expect(namedTitle([], undefined, "pageTitle.network")).toEqual([
      { title: "Netwerk — Knooppunt" },
    ]);
  });
});

const appDir = path.resolve(import.meta.dirname, "..");
const routeFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "+types" ? [] : routeFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });

describe("every page title goes through the catalogue", () => {
  const files = [...routeFiles(path.join(appDir, "routes")), path.join(appDir, "root.tsx")];

  it("has no route whose meta writes its own text", () => {
    const wrong: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const meta =
        /export (?:async )?function meta\b[\s\S]*?\n\}\n|export const meta\b[\s\S]*?\n\};?\n/.exec(
          source,
        )?.[0];
      if (!meta) continue;
      const name = path.relative(appDir, file);
      if (!/\b(?:pageTitle|namedTitle)\(/.test(meta)) wrong.push(`${name}: meta without pageTitle`);
      // The only strings a meta may hold are catalogue keys.
      for (const literal of meta.match(/"[^"]*"|'[^']*'|`[^`]*`/g) ?? []) {
        if (!/^"pageTitle\.\w+"$/.test(literal)) wrong.push(`${name}: ${literal}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no title written out anywhere in the routes or the root layout", () => {
    // A key as data (`title: "forgot.title"`) is fine: the page translates it.
    const isKey = (text: string) => /^\btitle:\s*"[\w-]+(?:\.[\w-]+)+"$/.test(text);
    const written = files.flatMap((file) =>
      [
        ...fs
          .readFileSync(file, "utf8")
          .matchAll(
            /\btitle:\s*(?:"[^"\n]*"|'[^'\n]*'|`)|<title>\s*(?:[^{<\s]|\{\s*["'`])|— Knooppunt/g,
          ),
      ]
        .filter((m) => !isKey(m[0]))
        .map((m) => `${path.relative(appDir, file)}: ${m[0]}`),
    );
    expect(written).toEqual([]);
  });
});
