import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { e2ePort, mailboxPath } from "./paths.ts";

export const demoPassword = "knooppunt-demo-2026";

interface Mail {
  to: string[];
  subject: string;
  text: string;
  replyTo?: string | null;
  listUnsubscribe?: string | null;
  at: number;
}

/** Waits for a mail to this address (sent after `since`) in the real SMTP server's mailbox. */
export async function readMail(to: string, subject: RegExp, since = 0): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const mails = fs
      .readFileSync(mailboxPath, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Mail);
    const match = mails
      .reverse()
      .find((m) => m.to.includes(to) && subject.test(m.subject) && m.at >= since);
    if (match) {
      await expectLinksOpen(match);
      return match;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Geen mail aan ${to} met onderwerp ${subject}`);
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

/**
 * `checkA11y` runs axe (WCAG 2.1 A and AA) on the page as it is now. Each test also
 * fails if it navigated to a page it never checked, so every page visited is covered.
 */
export const test = base.extend<{
  checkA11y: (page?: Page) => Promise<void>;
  login: (email: string, password?: string, target?: Page) => Promise<void>;
}>({
  checkA11y: async ({ page }, use) => {
    const visited = new Set<string>();
    const checked = new Set<string>();
    const track = (p: Page) =>
      p.on("framenavigated", (frame) => {
        if (frame === p.mainFrame()) visited.add(new URL(frame.url()).pathname);
      });
    track(page);
    await use(async (target = page) => {
      await target.waitForLoadState("load");
      const results = await new AxeBuilder({ page: target })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
      expect(summary, `axe op ${target.url()}`).toEqual([]);
      checked.add(new URL(target.url()).pathname);
    });
    const unchecked = [...visited].filter((p) => !checked.has(p));
    expect(unchecked, "pagina's bezocht zonder axe-controle").toEqual([]);
  },
  /** Logs in through the real form (checked by axe like every page). */
  login: async ({ page, checkA11y }, use) => {
    await use(async (email, password = demoPassword, target = page) => {
      await target.goto("/inloggen");
      if (target === page) await checkA11y(target);
      await target.getByLabel("E-mailadres").fill(email);
      await target.getByLabel("Wachtwoord", { exact: true }).fill(password);
      await target.getByRole("button", { name: "Inloggen" }).click();
      await expect(target.getByRole("button", { name: "Uitloggen" })).toBeVisible();
      if (target === page) await checkA11y(target);
    });
  },
});

export { expect };
