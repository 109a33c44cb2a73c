import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures.ts";

// SCREENSHOTS=1 writes the start pages of three demo people to docs/screenshots/start-*.png.
const shots = process.env.SCREENSHOTS === "1";
const widths = [1280, 390] as const;

const region = (page: Page, name: string) => page.getByRole("region", { name });

test("Anouk's start page says where her next meeting is, shows her network and her points, on a laptop and a phone", async ({
  page,
  checkA11y,
  login,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login("anouk.visser@knooppunt.test");
  await page.goto("/");
  // Zero clicks: the closing meeting of Netwerk Autopoiesis, its place and her part in it.
  const meeting = region(page, "Je volgende bijeenkomst");
  await expect(meeting.getByText("Netwerk Autopoiesis", { exact: false })).toBeVisible();
  await expect(meeting.getByText("Het Leerhuis, Oudegracht 12, Utrecht")).toBeVisible();
  await expect(meeting.getByText("Je zit in de voorbereidingsgroep")).toBeVisible();
  await expect(meeting.getByText("Reflectie in trio's")).toBeVisible();
  const networks = region(page, "Mijn netwerken");
  await expect(
    networks.getByRole("link", { name: "Netwerk Autopoiesis", exact: true }),
  ).toBeVisible();
  // Zero clicks for the points: her cycle has just begun.
  const points = region(page, "Herregistratie");
  await expect(points.getByText("0 van 100 punten")).toBeVisible();
  await expect(points.getByText(/Nog 100 punten nodig vóór .* 2028/)).toBeVisible();
  await checkA11y();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(meeting.getByText("Het Leerhuis, Oudegracht 12, Utrecht")).toBeVisible();
  await expect(points.getByText("0 van 100 punten")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await checkA11y();

  // One click to ask her network a question: the ask form of its discussion.
  await networks.getByRole("link", { name: "Stel een vraag aan Netwerk Autopoiesis" }).click();
  await expect(page).toHaveURL(/\/discussie#vraag-stellen$/);
  await expect(page.locator("#vraag-stellen")).toBeVisible();
  await checkA11y();
});

test("start pages of the demo roles for the screenshots", async ({ browser }) => {
  test.skip(!shots, "only with SCREENSHOTS=1");
  test.setTimeout(180_000);
  fs.mkdirSync("docs/screenshots", { recursive: true });
  for (const [who, email] of [
    ["anouk", "anouk.visser@knooppunt.test"],
    ["jan-paul", "jan.paul.beekman@knooppunt.test"],
    ["deelnemer", "deelnemer@knooppunt.test"],
    ["guus", "guus.geisen@knooppunt.test"],
    ["coordinator", "coordinator@knooppunt.test"],
    ["schoolbeheerder", "schoolbeheerder@knooppunt.test"],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto("/inloggen");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill("knooppunt-demo-2026");
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await expect(page.locator('form[action="/uitloggen"]')).toBeAttached();
    for (const width of widths) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto("/");
      await expect(region(page, "Te doen")).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/start-${who}-${width}.png`, fullPage: true });
    }
    await context.close();
  }
});
