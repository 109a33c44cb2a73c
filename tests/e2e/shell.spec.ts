import type { Page } from "@playwright/test";
import { expect, test, workspaceTab } from "./support/fixtures.ts";

const fitsTheScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const mainMenu = (page: Page) => page.getByRole("navigation", { name: "Hoofdmenu" });
const shots = process.env.SHELL_SHOTS;

test("a participant on a phone opens the menu, finds her network under Mijn netwerken and marked in the catalogue", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("anouk.visser@knooppunt.test");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/mijn-netwerken");
  await checkA11y();
  expect(await fitsTheScreen(page)).toBe(true);
  // Behind the Menu button until it is opened.
  await expect(mainMenu(page)).toBeHidden();
  const menu = page.locator("summary", { hasText: "Menu" });
  await expect(menu).toBeVisible();
  const details = page.locator("details", { has: menu });
  await expect(details).not.toHaveAttribute("open");
  await menu.click();
  await expect(details).toHaveAttribute("open");
  await expect(mainMenu(page).getByRole("link", { name: "Mijn netwerken" })).toBeVisible();
  // Anouk is a school leader: re-registration is hers.
  await expect(mainMenu(page).getByRole("link", { name: "Herregistratie" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Zoeken" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Meldingen/ })).toBeVisible();
  await checkA11y();
  expect(await fitsTheScreen(page)).toBe(true);
  if (shots) await page.screenshot({ path: `${shots}/menu-390.png`, fullPage: true });

  await expect(page.getByRole("heading", { name: "Mijn netwerken" })).toBeVisible();
  const mine = page.getByRole("listitem").filter({
    has: page.getByRole("link", { name: "Netwerk Autopoiesis" }),
  });
  await expect(mine).toContainText("Je rol: deelnemer");

  await mainMenu(page).getByRole("link", { name: "Netwerken", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Leernetwerken" })).toBeVisible();
  // The menu closes once you have chosen.
  await expect(mainMenu(page)).toBeHidden();
  const card = page.getByRole("listitem").filter({
    has: page.getByRole("heading", { name: "Netwerk Autopoiesis" }),
  });
  await expect(card).toContainText("Je bent lid");
  await expect(
    page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "PRO Friesland" }) }),
  ).not.toContainText("Je bent lid");
  await checkA11y();
  expect(await fitsTheScreen(page)).toBe(true);

  await card.getByRole("link", { name: "Netwerk Autopoiesis" }).click();
  const workspace = page.getByRole("navigation", { name: "Werkruimte van Netwerk Autopoiesis" });
  await expect(workspace.getByRole("link", { name: "Overzicht" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(workspaceTab(page, "Mijn route")).toBeVisible();
  await expect(workspaceTab(page, "Beheer")).toHaveCount(0);
  await checkA11y();
  expect(await fitsTheScreen(page)).toBe(true);
  // A tab of several pages opens its menu in place, within the phone's width.
  await workspaceTab(page, "Oogst en evaluatie").click();
  await expect(workspace.getByRole("link", { name: "Gedeelde actieplannen" })).toBeVisible();
  await checkA11y();
  expect(await fitsTheScreen(page)).toBe(true);
  if (shots) await page.screenshot({ path: `${shots}/workspace-390.png`, fullPage: true });
});

test("a teacher has no Herregistratie in the menu", async ({ page, checkA11y, login }) => {
  await login("deelnemer@knooppunt.test");
  await expect(mainMenu(page).getByRole("link", { name: "Mijn netwerken" })).toBeVisible();
  await expect(mainMenu(page).getByRole("link", { name: "Herregistratie" })).toHaveCount(0);
  await checkA11y();
});

test("the penvoerder of Netwerk Autopoiesis finds its Beheer tab and its pages", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("guus.geisen@knooppunt.test");
  if (shots) await page.screenshot({ path: `${shots}/header-1280.png` });
  await mainMenu(page).getByRole("link", { name: "Mijn netwerken" }).click();
  await expect(page.getByRole("heading", { name: "Mijn netwerken" })).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "Netwerk Autopoiesis" }).click();
  const workspace = page.getByRole("navigation", { name: "Werkruimte van Netwerk Autopoiesis" });
  await expect(workspace.getByRole("link", { name: "Overzicht" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await checkA11y();
  await workspaceTab(page, "Beheer").click();
  await expect(workspace.getByRole("link", { name: "Profiel en fase bewerken" })).toBeVisible();
  await checkA11y();
  if (shots) await page.screenshot({ path: `${shots}/workspace-beheer-1280.png` });
  await workspace.getByRole("link", { name: "Voortgang deelnemers" }).click();
  await expect(page.getByRole("heading", { name: /Voortgang/ })).toBeVisible();
  await expect(workspaceTab(page, "Beheer")).toHaveAttribute("aria-current", "true");
  // The menu closed on the way; opened again it says which of its pages this is.
  await expect(workspace.getByRole("link", { name: "Voortgang deelnemers" })).toBeHidden();
  await workspaceTab(page, "Beheer").click();
  await expect(workspace.getByRole("link", { name: "Voortgang deelnemers" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await checkA11y();
});
