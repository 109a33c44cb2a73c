import { describe, expect, it } from "vitest";
import { locales } from "./locale.ts";
import { type MailKey, mailKeys, template, translate } from "./translator.server.ts";

// Values as the app fills them in. A parameter named like a link gets an address of ours; the
// others get text that ends in a full stop, so a template that glues text to a link shows it.
const base = "https://knooppunt.test";
const linkParam = /url|link|unsubscribe/i;
const sample: Record<string, string> = {
  name: "Maud Croes",
  network: "Eindverantwoordelijk Schoolleiders",
  by: "Jozef Geurtzen",
  note: "Zij wordt binnenkort eindverantwoordelijk.",
  message: "Welkom! Tot de bijeenkomst in maart.",
  topics: `Hoe plan je een ontwikkelgesprek?\n  – Met een vaste agenda.\n  ${base}/netwerken/n1/discussie/t1`,
};

function render(locale: (typeof locales)[number], key: MailKey) {
  const names = [...template(locale, key).matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const params: Record<string, string> = {};
  const links: string[] = [];
  for (const name of names) {
    if (linkParam.test(name)) {
      params[name] = `${base}/${name.toLowerCase()}/Ab3_x-9`;
      links.push(params[name]);
    } else {
      params[name] = sample[name] ?? "Dit is een gewone zin.";
    }
  }
  return { text: translate(locale, key, params), links };
}

const bodies = mailKeys.filter((key) => /^mail\..+\.body$/.test(key));

describe("links in mails", () => {
  it("covers every mail template", () => {
    expect(bodies).toContain("mail.nominated.body");
    expect(bodies.length).toBeGreaterThan(25);
  });

  for (const locale of locales) {
    for (const key of bodies) {
      it(`${key} (${locale}): each link stands on its own line, nothing glued to it`, () => {
        const { text, links } = render(locale, key);
        // A mail client links from http(s):// up to the next space or line end.
        const autoLinked = text.match(/https?:\/\/\S+/g) ?? [];
        for (const link of autoLinked) {
          expect(link, `${key}: ${link}`).not.toMatch(/[.,;:!?)\]}'"»>]$/);
        }
        const lines = text.split("\n").map((line) => line.trim());
        for (const link of links) {
          expect(lines, `${key}: ${link} op een eigen regel`).toContain(link);
        }
        expect(autoLinked.filter((link) => link.startsWith(`${base}/`))).toEqual(
          expect.arrayContaining(links),
        );
      });
    }
  }
});
