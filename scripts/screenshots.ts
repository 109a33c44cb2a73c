// Full-page screenshots of the main pages at a laptop's and a phone's width, for the before/after
// pictures of a look-and-feel change (issue 19: docs/screenshots/before and after). Runs against a
// server that is already up with the demo data (`./knooppunt seed`, then `node server.js`), so the
// same script photographs an old checkout and the new build alike.
// Usage:
//   node scripts/screenshots.ts --base http://localhost:3000 --out docs/screenshots/after
//        [--only start,map] [--login start=anouk.visser@knooppunt.test ...]
// Env: SHOTS_PASSWORD (default the demo password), CHROMIUM (default /usr/bin/chromium).
// Writes <out>/<page>-<width>.png for widths 1280 (x800) and 390 (x844).
// Pages are found by following links, not by ids, so a fresh seed works: a network through the
// catalogue's search, a school through the organisation list's search.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { type BrowserContext, chromium, type Page } from "@playwright/test";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://localhost:3000" },
    out: { type: "string", default: "docs/screenshots/after" },
    only: { type: "string" },
    login: { type: "string", multiple: true },
  },
});
const base = values.base.replace(/\/$/, "");
const outDir = path.resolve(values.out);
const password = process.env.SHOTS_PASSWORD ?? "knooppunt-demo-2026";
const widths = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

type Shot = {
  name: string;
  /** who looks at the page (an e-mail address; overridable with --login name=email) */
  as: string;
  /** the page's path, found from the signed-in page */
  path: (page: Page) => Promise<string>;
};

/** The path of the first link to `prefix/<id>` whose text is `text`. */
async function linkTo(page: Page, from: string, prefix: string, text: string): Promise<string> {
  await page.goto(base + from);
  const href = await page.evaluate(
    ([prefix, text]) => {
      const pattern = new RegExp(`^${prefix}/[^/?#]+$`);
      for (const a of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
        const href = a.getAttribute("href") ?? "";
        // The link's text, or its name when the visible text is generic ("Bekijk netwerk").
        const full = a.textContent?.trim() ?? "";
        const names = [full, full.replace(/^[^:]*: /, "")];
        if (pattern.test(href) && names.includes(text)) return href;
      }
      return null;
    },
    [prefix, text] as const,
  );
  if (!href) throw new Error(`Geen link naar "${text}" op ${from}`);
  return href;
}

const network = (page: Page, name: string) =>
  linkTo(page, `/netwerken?q=${encodeURIComponent(name)}`, "/netwerken", name);
const school = (page: Page, name: string) =>
  linkTo(page, `/organisaties?q=${encodeURIComponent(name)}`, "/organisaties", name);

const shots: Shot[] = [
  { name: "start", as: "anouk.visser@knooppunt.test", path: async () => "/" },
  { name: "catalogue", as: "anouk.visser@knooppunt.test", path: async () => "/netwerken" },
  {
    name: "network-eindverantwoordelijk",
    as: "jan.paul.beekman@knooppunt.test",
    path: (page) => network(page, "Eindverantwoordelijk Schoolleiders"),
  },
  {
    name: "network-autopoiesis",
    as: "anouk.visser@knooppunt.test",
    path: (page) => network(page, "Netwerk Autopoiesis"),
  },
  {
    name: "discussion",
    as: "anouk.visser@knooppunt.test",
    path: async (page) => `${await network(page, "Netwerk Autopoiesis")}/discussie`,
  },
  {
    name: "school",
    as: "schoolbeheerder@knooppunt.test",
    path: (page) => school(page, "Baken Trinitas Gymnasium"),
  },
  { name: "register", as: "jan.paul.beekman@knooppunt.test", path: async () => "/herregistratie" },
  {
    name: "map",
    as: "gemma.bakker@knooppunt.test",
    path: async (page) => `${await school(page, "Leidsche Rijn College")}/netwerklerend/kaart`,
  },
];

for (const pair of values.login ?? []) {
  const [name, email] = pair.split("=");
  const shot = shots.find((s) => s.name === name);
  if (!shot || !email) throw new Error(`--login ${pair}: verwacht <pagina>=<e-mailadres>`);
  shot.as = email;
}
const only = values.only?.split(",");
const wanted = only ? shots.filter((s) => only.includes(s.name)) : shots;

async function signIn(context: BrowserContext, email: string) {
  const page = await context.newPage();
  await page.goto(`${base}/inloggen`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('input[type="password"]').press("Enter");
  await page.locator('form[action="/uitloggen"]').waitFor({ state: "attached" });
  return page;
}

/** Loaded, hydrated, fonts in: what a person sees once the page has settled. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
});
try {
  for (const shot of wanted) {
    const context = await browser.newContext({ viewport: widths[0], locale: "nl-NL" });
    const page = await signIn(context, shot.as);
    const target = await shot.path(page);
    for (const size of widths) {
      await page.setViewportSize(size);
      await page.goto(base + target);
      await settle(page);
      const file = path.join(outDir, `${shot.name}-${size.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${path.relative(process.cwd(), file)}  ${target}  (${shot.as})`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
