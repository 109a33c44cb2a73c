import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { e2ePort, mailboxPath } from "./paths.ts";

export const demoPassword = "knooppunt-demo-2026";

/**
 * What a person waits for, on a busy machine. A journey's time limit grows by `perPage` with
 * every page it visits and by `perMail` with every mail it waits for, on top of the `timeout`
 * in playwright.config.ts, so a long journey gets the time its steps need and no step waits
 * on the machine being idle.
 */
const budget = { perPage: 10_000, perMail: 60_000 };

/** Gives the running test `ms` more time (outside a test, as in a beforeAll, there is no limit to move). */
function allow(ms: number) {
  try {
    const info = base.info();
    info.setTimeout(info.timeout + ms);
  } catch {
    // not inside a test
  }
}

interface Mail {
  to: string[];
  subject: string;
  text: string;
  replyTo?: string | null;
  listUnsubscribe?: string | null;
  listUnsubscribePost?: string | null;
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string | null;
  /** the HTML part, as the mail client renders it */
  html?: string | null;
  at: number;
}

/** Every mail the test SMTP server has filed so far, oldest first. */
export function mailbox(): Mail[] {
  return fs
    .readFileSync(mailboxPath, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mail);
}

/**
 * Waits, as a person waits for their mail, until the real SMTP server's mailbox holds at least
 * `count` mails that `match`; returns all of them, oldest first.
 */
export async function waitForMails(match: (mail: Mail) => boolean, count = 1, what = "mail") {
  allow(budget.perMail);
  let found: Mail[] = [];
  await expect
    .poll(
      () => {
        found = mailbox().filter(match);
        return found.length;
      },
      { message: `${what}: minstens ${count}`, timeout: budget.perMail },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** Waits for a mail to this address (sent after `since`) in the real SMTP server's mailbox. */
export async function readMail(to: string, subject: RegExp, since = 0): Promise<Mail> {
  const mails = await waitForMails(
    (m) => m.to.includes(to) && subject.test(m.subject) && m.at >= since,
    1,
    `Geen mail aan ${to} met onderwerp ${subject}`,
  );
  const match = mails.at(-1) as Mail;
  await expectLinksOpen(match);
  return match;
}

/** Every link a mail client makes of the text: from http(s):// up to the next space or line end. */
export function linksIn(mail: Mail) {
  return mail.text.match(/https?:\/\/\S+/g) ?? [];
}

/**
 * Each link to Knooppunt in a mail is opened as a link scanner would, signed out and without
 * following redirects: it must exist (a page, or the way to the login), whatever journey sent it.
 */
async function expectLinksOpen(mail: Mail) {
  const ours = linksIn(mail).filter((link) => new URL(link).port === String(e2ePort));
  for (const link of ours) {
    expect(link, `link in "${mail.subject}"`).not.toMatch(/[.,;:!?)\]}'"»>]$/);
    const response = await fetch(link, { redirect: "manual" });
    expect(response.status, `${link} uit "${mail.subject}"`).toBeLessThan(400);
  }
}

export function linkIn(mail: Mail, path: string) {
  const match = mail.text.match(new RegExp(`https?://[^\\s]+/${path}/[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`Geen ${path}-link in de mail`);
  return new URL(match[0]).pathname;
}

// The axe-core that @axe-core/playwright ships, put into a document once: the page stays the
// same document across the app's client-side navigations, and parsing 500 KB of axe for every
// check was most of a check's time on a busy machine.
const require = createRequire(import.meta.url);
const axeSource: string = createRequire(require.resolve("@axe-core/playwright"))("axe-core").source;

/**
 * A page state as axe sees it: the markup without what changes on every load and does not
 * reach the screen (CSRF tokens in hidden fields, CSP nonces, the hydration data in scripts),
 * plus the values typed into fields and the viewport.
 */
function pageState() {
  const root = document.documentElement.cloneNode(true) as HTMLElement;
  for (const hidden of root.querySelectorAll("input[type=hidden]")) hidden.removeAttribute("value");
  for (const el of root.querySelectorAll("[nonce]")) el.removeAttribute("nonce");
  for (const script of root.querySelectorAll("script")) script.textContent = "";
  const fields = document.querySelectorAll<HTMLInputElement>(
    "input:not([type=hidden]), select, textarea",
  );
  const values = [...fields].map((field) => `${field.value}|${field.checked}`);
  return `${innerWidth}x${innerHeight}\n${values.join("\n")}\n${root.outerHTML}`;
}

/** The phone width every page is also checked at (issue 19: nothing wider, the main action in view). */
const phone = { width: 390, height: 844 };

/**
 * What is wrong with the page's layout at the viewport's width, measured in the page after two
 * frames (so a resize has been laid out): whatever reaches past the screen's edges, and a main
 * action (PageHeader's `[data-main-action]`) that is off the first screen or below a form.
 * Returns sentences, empty when all is well.
 */
async function narrowLayout() {
  await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
  const problems: string[] = [];
  const width = innerWidth;
  // A pixel of rounding is not overflow a person sees.
  const fits = (r: DOMRect) => r.left >= -1 && r.right <= width + 1;
  const named = (el: Element) => {
    const r = el.getBoundingClientRect();
    const classes = [...el.classList].slice(0, 4).join(".");
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${classes ? `.${classes}` : ""}> ${r.width.toFixed(1)} px breed, ${r.left.toFixed(1)}..${r.right.toFixed(1)}${text ? ` "${text}"` : ""}`;
  };
  // Elements a person cannot see reach wherever they like: hidden, or clipped (sr-only), or
  // inside a box that scrolls or clips sideways and itself fits (a table in an overflow-x-auto box).
  const hiddenOrContained = new Map<Element, boolean>();
  const excused = (el: Element | null): boolean => {
    if (!el || el === document.body || el === document.documentElement) return false;
    const known = hiddenOrContained.get(el);
    if (known !== undefined) return known;
    const style = getComputedStyle(el);
    const own =
      style.visibility === "hidden" ||
      (style.clip !== "auto" && style.clip !== "") ||
      (style.clipPath !== "none" && style.clipPath !== "");
    const parent = el.parentElement;
    let contained = false;
    if (parent && parent !== document.body && parent !== document.documentElement) {
      const overflowX = getComputedStyle(parent).overflowX;
      contained = overflowX !== "visible" && fits(parent.getBoundingClientRect());
    }
    const result = own || contained || excused(parent);
    hiddenOrContained.set(el, result);
    return result;
  };
  const scrollWidth = document.documentElement.scrollWidth;
  const offenders = new Set<Element>();
  for (const el of document.body.querySelectorAll("*")) {
    if (el.getClientRects().length === 0) continue;
    const r = el.getBoundingClientRect();
    if (r.width * r.height < 2 || fits(r) || excused(el)) continue;
    offenders.add(el);
  }
  // Name the outermost: a table too wide need not list every cell in it.
  const outermost = [...offenders].filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (offenders.has(up)) return false;
    return true;
  });
  if (scrollWidth > width || outermost.length > 0) {
    problems.push(
      `breder dan ${width} px (de pagina is ${scrollWidth} px breed): ${
        outermost.slice(0, 8).map(named).join("; ") || "(tekst zonder eigen element)"
      }`,
    );
  }
  const action = document.querySelector("[data-main-action]");
  if (action && action.getClientRects().length > 0) {
    const top = action.getBoundingClientRect().top + scrollY;
    if (top >= innerHeight) {
      problems.push(
        `de hoofdactie staat niet op het eerste scherm (${Math.round(top)} px van boven)`,
      );
    }
    for (const form of document.querySelectorAll("main form")) {
      if (form.getClientRects().length === 0 || form.contains(action)) continue;
      const bottom = form.getBoundingClientRect().bottom + scrollY;
      if (bottom <= top) problems.push(`de hoofdactie staat onder een formulier: ${named(form)}`);
    }
  }
  return problems;
}

interface RouterState {
  navigation: { state: string };
  revalidation: string;
  fetchers: Map<string, { state: string }>;
}

/**
 * Waits as a person waits for a page: loaded, no navigation, submission or revalidation of
 * React Router's under way (its router is on window in framework mode; without JavaScript there
 * is none), and the result drawn. A click on a link returns before the next page is there; a
 * check must not judge (or name) the page it is leaving.
 */
async function settled(target: Page) {
  await target.waitForLoadState("load");
  await target.waitForFunction(() => {
    const router = (window as { __reactRouterDataRouter?: { state: RouterState } })
      .__reactRouterDataRouter;
    if (!router) return true;
    const { navigation, revalidation, fetchers } = router.state;
    return (
      navigation.state === "idle" &&
      revalidation === "idle" &&
      [...fetchers.values()].every((fetcher) => fetcher.state === "idle")
    );
  });
  await target.evaluate(
    () => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))),
  );
}

/** Page states this worker has already checked, per project: the same state twice is one check. */
const checkedStates = new Set<string>();

/**
 * `checkA11y` runs axe (WCAG 2.1 A and AA, every rule of those) on the page as it is now. Each
 * test also fails if it navigated to a page it never checked, so every page visited is covered.
 */
export interface JourneyFixtures {
  checkA11y: (page?: Page) => Promise<void>;
  login: (email: string, password?: string, target?: Page) => Promise<void>;
}

/** A tab of several pages in a network's workspace: the button that opens its menu. */
export function workspaceTab(target: Page, tab: string) {
  return target
    .getByRole("navigation", { name: /^Werkruimte van / })
    .locator("summary")
    .filter({ hasText: new RegExp(`^${tab}$`) });
}

/**
 * Opens a page of a network's workspace as a person does: the tab's menu ("Beheer"), then the
 * page in it ("Voortgang deelnemers"). Tabs of one page are plain links: click those directly.
 */
export async function openWorkspacePage(target: Page, tab: string, link: string) {
  const workspace = target.getByRole("navigation", { name: /^Werkruimte van / });
  await workspaceTab(target, tab).click();
  await workspace.getByRole("link", { name: link, exact: true }).click();
}

/** Opens a page of the account menu under the person's name in the header ("Mijn profiel"). */
export async function openAccountPage(target: Page, link: string) {
  await target.locator("header details details > summary").click();
  await target.getByRole("banner").getByRole("link", { name: link, exact: true }).click();
}

export const test = base.extend<JourneyFixtures>({
  checkA11y: async ({ page }, use, testInfo) => {
    const visited = new Set<string>();
    const checked = new Set<string>();
    const track = (p: Page) =>
      p.on("framenavigated", (frame) => {
        if (frame === p.mainFrame()) visited.add(new URL(frame.url()).pathname);
      });
    track(page);
    await use(async (target = page) => {
      allow(budget.perPage);
      await settled(target);
      const path = new URL(target.url()).pathname;
      const state = createHash("sha256")
        .update(`${testInfo.project.name}\n${await target.evaluate(pageState)}`)
        .digest("hex");
      if (!checkedStates.has(state)) {
        if (!(await target.evaluate(() => "axe" in window))) await target.evaluate(axeSource);
        // The app has no frames; legacy mode runs axe.run in the page itself instead of opening a
        // blank page per check to merge frame results. Only violations are collected in full.
        const results = await new AxeBuilder({ page: target, axeSource: ";" })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .setLegacyMode()
          .options({ resultTypes: ["violations"], iframes: false })
          .analyze();
        const summary = results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(summary, `axe op ${target.url()}`).toEqual([]);
        // The same state on a phone: at most 390 px wide, the main action on the first screen.
        const viewport = target.viewportSize();
        const resize = viewport !== null && viewport.width > phone.width ? viewport : null;
        if (resize) await target.setViewportSize(phone);
        const problems = await target.evaluate(narrowLayout);
        if (resize) {
          await target.setViewportSize(resize);
          await settled(target);
        }
        expect(problems, `${phone.width} px op ${target.url()}`).toEqual([]);
        checkedStates.add(state);
      }
      checked.add(path);
    });
    const unchecked = [...visited].filter((p) => !checked.has(p));
    expect(unchecked, "pagina's bezocht zonder axe-controle").toEqual([]);
  },
  /** Logs in through the real form (checked by axe like every page). */
  login: async ({ page, checkA11y }, use) => {
    await use(async (email, password = demoPassword, target = page) => {
      if (target !== page) allow(2 * budget.perPage);
      await target.goto("/inloggen");
      if (target === page) await checkA11y(target);
      await target.getByLabel("E-mailadres").fill(email);
      await target.getByLabel("Wachtwoord", { exact: true }).fill(password);
      await target.getByRole("button", { name: "Inloggen", exact: true }).click();
      // Signed in: the header has the logout form (on a phone it sits behind the Menu button).
      await expect(target.locator('form[action="/uitloggen"]')).toBeAttached();
      if (target === page) await checkA11y(target);
    });
  },
});

/**
 * At the current (phone) width: nothing in the page's own content reaches past the screen's edge
 * (the shell's header is shell.spec's), and the page's main action is on the first screen.
 */
export async function expectFitsViewport(page: Page) {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("main *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
      })
      .filter((element) => !element.closest(".sr-only"))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120));
  });
  expect(wide).toEqual([]);
  const action = page.locator("[data-main-action]");
  if (await action.count()) {
    const box = await action.first().boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(page.viewportSize()?.height ?? 0);
  }
}

export { expect };
