import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { namespaceOf, namespaces } from "./catalogues/index.ts";
import { formatDate, formatDateTime, formatRange } from "./dates.ts";
import { formatMessage, needsFormatter } from "./format.ts";
import { locales } from "./locale.ts";
import { mailKeys, messageKeys, template, translate, translateError } from "./translator.server.ts";

describe("Dutch first", () => {
  it("writes dates and times the Dutch way, in Amsterdam time", () => {
    // 15 Nov 2026 is a Sunday; 07:30 UTC is 08.30 in Amsterdam (winter time).
    expect(formatDate(new Date("2026-11-17T07:30:00Z"), "nl")).toBe("di 17 nov 2026");
    expect(formatDateTime(new Date("2026-11-17T07:30:00Z"), "nl")).toBe("di 17 nov 2026, 08.30");
    expect(formatDateTime(new Date("2026-06-16T06:30:00Z"), "nl")).toBe("di 16 jun 2026, 08.30");
    expect(formatDateTime(new Date("2026-11-17T07:30:00Z"), "en")).toBe("Tue 17 Nov 2026, 08:30");
  });

  it("writes a meeting's time span, in full when it runs into the next day", () => {
    expect(formatRange("2027-01-19T15:00:00Z", "2027-01-19T18:00:00Z", "nl")).toBe(
      "di 19 jan 2027, 16.00–19.00",
    );
    expect(formatRange("2027-06-10T14:00:00Z", "2027-06-11T14:00:00Z", "nl")).toBe(
      "do 10 jun 2027, 16.00 – vr 11 jun 2027, 16.00",
    );
  });

  it("fills in names, and refuses an unknown key outside production", () => {
    expect(translate("nl", "home.welcome", { name: "Femke" })).toBe("Welkom terug, Femke");
    expect(translate("en", "home.welcome", { name: "Femke" })).toBe("Welcome back, Femke");
    expect(translateError("en", "error.form")).toBe(template("en", "error.form"));
    expect(() => translateError("nl", "bestaat.niet")).toThrow(/Onbekende tekst/);
  });

  it("counts in words: one person, two people, and Dutch thousands", () => {
    expect(translate("nl", "people.count", { count: 1 })).toBe("1 persoon gevonden");
    expect(translate("nl", "people.count", { count: 2 })).toBe("2 mensen gevonden");
    expect(translate("en", "people.count", { count: 1 })).toBe("1 person found");
    expect(translate("nl", "net.catalogue.count", { count: 1234 })).toBe(
      "1.234 netwerken gevonden",
    );
    expect(translate("en", "net.catalogue.count", { count: 1234 })).toBe("1,234 networks found");
    expect(translate("nl", "discussion.answerCount", { count: 1 })).toBe("1 reactie");
  });
});

type Element = ReturnType<IntlMessageFormat["getAst"]>[number];
// The parser's element types: 0 literal, 7 pound (#), 5 select and 6 plural have branches.
const literal = 0;
const pound = 7;

/** The argument names a template uses, plural and select branches included. */
function argumentsOf(elements: Element[], into = new Set<string>()) {
  for (const element of elements) {
    if (element.type === literal || element.type === pound) continue;
    into.add(element.value);
    if ("options" in element) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return [...into].sort();
}

const astOf = (text: string) =>
  new IntlMessageFormat(text, "nl", undefined, { ignoreTag: true }).getAst();

describe("catalogues", () => {
  it("has every key in its own module's catalogue and an English text for each", () => {
    // en.ts declares `satisfies Record<keyof typeof nl, string>`; this checks the files at run time too.
    for (const key of messageKeys) {
      expect(namespaceOf(key), key).toBeDefined();
      expect(template("en", key), key).toBeTruthy();
    }
    expect(namespaces).toContain("shell");
    expect(messageKeys.length).toBeGreaterThan(1500);
  });

  it("fills plain texts without the ICU parser exactly as the parser would", () => {
    // The browser loads intl-messageformat only for texts that need it (plural, number, quotes).
    for (const locale of locales) {
      for (const key of [...messageKeys, ...mailKeys]) {
        const text = template(locale, key);
        if (needsFormatter(text)) continue;
        const params = Object.fromEntries(
          argumentsOf(astOf(text)).map((name) => [name, `<${name}>`]),
        );
        const full = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
        expect(formatMessage(locale, `plain:${key}`, text, params), key).toBe(full.format(params));
      }
    }
  });

  it("parses every text as ICU MessageFormat, with the same placeholders in Dutch and English", () => {
    for (const key of [...messageKeys, ...mailKeys]) {
      const [nl, en] = locales.map((locale) => argumentsOf(astOf(template(locale, key))));
      expect(en, key).toEqual(nl);
    }
  });
});

describe("keys the type checker sees", () => {
  it("builds no key from a template literal in app/: a value's text comes from a typed map", () => {
    const appDir = path.resolve(import.meta.dirname, "..");
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === "+types" ? [] : sources(full);
        return /\.tsx?$/.test(entry.name) ? [full] : [];
      });
    const built = sources(appDir).flatMap((file) =>
      // a key built in t(), or written as a template literal anywhere else (knows.why.${position})
      [
        ...fs
          .readFileSync(file, "utf8")
          .matchAll(/\bt\(`[^`]*\$\{|`[a-z][A-Za-z]*\.[\w.-]*\$\{(?!string\})/g),
      ].map((m) => `${path.relative(appDir, file)}: ${m[0]}`),
    );
    expect(built).toEqual([]);
  });
});
