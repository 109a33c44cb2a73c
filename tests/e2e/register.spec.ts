import type { Page } from "@playwright/test";
import { extractText } from "unpdf";
import { sheetRecords } from "../support/spreadsheet.ts";
import { expect, expectFitsViewport, test } from "./support/fixtures.ts";

/** Opens one of the register's add forms by its button (a <details> summary). */
async function openAddForm(page: Page, name: string) {
  await page.locator("details[name=add-activity] > summary").filter({ hasText: name }).click();
}

test("a school leader adds the AVS leergang from the catalogue and sees the cycle complete; bad input is explained", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("marloes.smits@knooppunt.test");
  await page
    .getByRole("navigation", { name: "Hoofdmenu" })
    .getByRole("link", { name: "Herregistratie" })
    .click();
  // The start page shows her points too: first be on the register's own page.
  await expect(page).toHaveURL(/\/herregistratie$/);
  await expect(page.getByText("35 van 100 punten")).toBeVisible();
  await expect(page.getByText("Herregistratie nodig", { exact: true })).toBeVisible();
  await checkA11y();

  // At rest the three add forms wait behind their buttons; one opens at a time, in place.
  const open = page.locator("details[name=add-activity][open]");
  await expect(open).toHaveCount(0);
  await expect(page.locator("form#activiteit")).toBeHidden();
  await openAddForm(page, "Uit de catalogus");
  await openAddForm(page, "Een andere activiteit");
  await expect(open).toHaveCount(1);
  await expect(page.locator("form#catalogus")).toBeHidden();

  // A percentage over 100 and dates outside the cycle: Dutch errors, the form stays filled.
  const own = page.locator("form#activiteit");
  await own.getByLabel("Naam van de activiteit").fill("Studiedag onderzoekend leren");
  await own.getByLabel("Begindatum").fill("2025-04-01");
  await own.getByLabel("Einddatum").fill("2025-04-01");
  await own.getByLabel("Waarde", { exact: true }).fill("120");
  await own.getByRole("button", { name: "Toevoegen" }).click();
  await expect(
    page.getByText("Een herregistratiewaarde is een heel percentage van 0 tot en met 100.").first(),
  ).toBeVisible();
  await expect(page.locator("form#activiteit").getByLabel("Naam van de activiteit")).toHaveValue(
    "Studiedag onderzoekend leren",
  );
  await checkA11y();
  await page.locator("form#activiteit").getByLabel("Waarde", { exact: true }).fill("20");
  await page.locator("form#activiteit").getByLabel("Begindatum").fill("2021-04-01");
  await page.locator("form#activiteit").getByLabel("Einddatum").fill("2021-04-01");
  await page.locator("form#activiteit").getByRole("button", { name: "Toevoegen" }).click();
  await expect(
    page.getByText("Deze activiteit valt buiten je huidige cyclus.").first(),
  ).toBeVisible();
  await checkA11y();
  // The refused form came back open (and only that one).
  await expect(open).toHaveCount(1);
  await expect(page.locator("form#activiteit")).toBeVisible();

  await openAddForm(page, "Uit de catalogus");
  const catalogue = page.locator("form#catalogus");
  await catalogue
    .getByLabel("Aanbod")
    .selectOption({ label: "Leidinggeven aan een lerende school (AVS Academie) — 70%" });
  await catalogue.getByLabel("Begindatum").fill("2025-10-01");
  await catalogue.getByLabel("Einddatum").fill("2026-06-30");
  await catalogue.getByLabel("Uren (mag leeg)").fill("160");
  await catalogue.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText("De activiteit is toegevoegd.")).toBeVisible();
  await expect(page.getByText("105 van 100 punten")).toBeVisible();
  await expect(page.getByText("Je cyclus is compleet.")).toBeVisible();
  await expect(page.getByText("Geregistreerd", { exact: true })).toBeVisible();
  await checkA11y();
  // The same again is a duplicate.
  await expect(open).toHaveCount(0);
  await openAddForm(page, "Uit de catalogus");
  await page
    .locator("form#catalogus")
    .getByLabel("Aanbod")
    .selectOption({ label: "Leidinggeven aan een lerende school (AVS Academie) — 70%" });
  await page.locator("form#catalogus").getByLabel("Begindatum").fill("2025-10-01");
  await page.locator("form#catalogus").getByLabel("Einddatum").fill("2026-06-30");
  await page.locator("form#catalogus").getByRole("button", { name: "Toevoegen" }).click();
  await expect(
    page.getByText("Deze activiteit staat al in je overzicht met dezelfde data.").first(),
  ).toBeVisible();
  await expect(page.getByText("105 van 100 punten")).toBeVisible();
  await checkA11y();

  // On a phone: nothing wider than the screen, the main action on the first screen, one form open.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/herregistratie");
  await expect(page.getByRole("progressbar", { name: "Punten in deze cyclus" })).toBeVisible();
  await expectFitsViewport(page);
  await openAddForm(page, "Een andere activiteit");
  await openAddForm(page, "Informeel leren, gewaardeerd door een bureau");
  await expect(open).toHaveCount(1);
  await expectFitsViewport(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The overview for the register, read back as a spreadsheet and as PDF text.
  const xlsx = await page.request.get("/herregistratie/overzicht/xlsx");
  const rows = await sheetRecords(await xlsx.body(), "Herregistratie");
  expect(rows.map((r) => [r.Activiteit, r.Punten])).toEqual([
    ["Verbetercultuur", 35],
    ["Leidinggeven aan een lerende school", 70],
  ]);
  const pdf = await page.request.get("/herregistratie/overzicht/pdf");
  const { text } = await extractText(new Uint8Array(await pdf.body()), { mergePages: true });
  expect(text).toContain("Marloes Smits");
  expect(text).toContain("Punten in deze cyclus: 105 van 100");
});

test("nobody else reads a person's ledger, certificates or a network's certificate list", async ({
  page,
  login,
  checkA11y,
}) => {
  await login("deelnemer@knooppunt.test");
  await page.goto("/herregistratie");
  await expect(
    page.getByText("Vul je registratie- of laatste herregistratiedatum in om je cyclus te zien."),
  ).toBeVisible();
  await expect(page.getByText("Verbetercultuur")).toHaveCount(0);
  await checkA11y();
  await page.goto("/netwerken?q=autopoiesis");
  await checkA11y();
  await page.getByRole("link", { name: "Netwerk Autopoiesis" }).click();
  await page.waitForURL(/\/netwerken\/[0-9a-f-]{36}$/);
  const network = new URL(page.url()).pathname;
  await checkA11y();
  for (const url of [
    `${network}/certificaten`,
    "/certificaten/00000000-0000-4000-8000-000000000000/pdf",
    "/herregistratie/bewijs/00000000-0000-4000-8000-000000000000",
    "/herregistratie/overzicht/docx",
  ]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
});
