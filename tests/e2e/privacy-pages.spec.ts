import { extractText } from "unpdf";
import { expect, test } from "./support/fixtures.ts";

/** The text of a PDF the server sent, after checking it is one and comes as a download. */
async function pdfText(response: {
  status(): number;
  headers(): Record<string, string>;
  body(): Promise<Buffer>;
}) {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.pdf"$/);
  const body = await response.body();
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text } = await extractText(new Uint8Array(body), { mergePages: true });
  return text;
}

test("a visitor finds the privacy statement in the footer: a table per module, the bijsluiter and the annex as PDF", async ({
  page,
  checkA11y,
}) => {
  await page.goto("/");
  await checkA11y();
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { name: "Privacyverklaring", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Privacyverklaring — Knooppunt");
  await checkA11y();

  // Every module the register describes has its own table with what, why and how long.
  const register = page.locator("#register");
  const modules = await register.getByRole("heading", { level: 3 }).count();
  expect(modules).toBeGreaterThan(0);
  await expect(register.getByRole("table")).toHaveCount(modules);
  await expect(register.getByRole("columnheader", { name: "Bewaren en verwijderen" })).toHaveCount(
    modules,
  );
  await expect(
    register.getByRole("table", { name: "Persoonsgegevens in Bijeenkomsten" }),
  ).toBeVisible();
  for (const heading of [
    "Wie is verantwoordelijk",
    "Uw rechten",
    "Subverwerkers",
    "Beveiliging",
    "Contact",
  ]) {
    await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
  }
  await expect(page.getByText(/argon2id/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Mijn gegevens" })).toHaveAttribute(
    "href",
    "/account/gegevens",
  );

  const download = page.getByRole("link", { name: "Privacybijsluiter (PDF)" }).first();
  const bijsluiter = await pdfText(
    await page.request.get((await download.getAttribute("href")) ?? ""),
  );
  for (const heading of [
    "Privacybijsluiter Knooppunt",
    "1. Algemeen: het product",
    "2. Doel en werking",
    "3. Welke persoonsgegevens",
    "4. Van wie",
    "5. Bewaartermijnen",
    "6. Subverwerkers",
    "7. Beveiliging",
    "8. Waar de gegevens zijn opgeslagen",
    "9. Rechten van betrokkenen",
    "10. Contact",
  ]) {
    expect(bijsluiter).toContain(heading);
  }
  expect(bijsluiter).toContain("Bijeenkomsten");

  await page.getByRole("link", { name: "Bijlage 1 bij de verwerkersovereenkomst" }).click();
  await expect(
    page.getByRole("heading", { name: "Bijlage 1 bij de verwerkersovereenkomst", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "A. Categorieën betrokkenen" })).toBeVisible();
  await checkA11y();
  const annex = await pdfText(
    await page.request.get("/privacy/verwerkersovereenkomst-bijlage.pdf"),
  );
  expect(annex).toContain("E. Subverwerkers");
});

test("the accessibility statement says how it was tested and what does not comply yet", async ({
  page,
  checkA11y,
}) => {
  await page.goto("/organisaties");
  await checkA11y();
  await page.getByRole("contentinfo").getByRole("link", { name: "Toegankelijkheid" }).click();
  await expect(
    page.getByRole("heading", { name: "Toegankelijkheidsverklaring", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Status: voldoet gedeeltelijk" })).toBeVisible();
  await expect(page.getByText(/WCAG 2\.1 niveau AA/)).toBeVisible();
  await expect(page.getByText(/axe-core toetst elke bezochte pagina/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wat nog niet voldoet" })).toBeVisible();
  await checkA11y();
});

test("both statements in English", async ({ page, checkA11y }) => {
  await page.goto("/privacy");
  await checkA11y();
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "Privacy statement", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const register = page.locator("#register");
  await expect(register.getByRole("table", { name: "Personal data in Meetings" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your rights", level: 2 })).toBeVisible();
  await checkA11y();
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility" }).click();
  await expect(
    page.getByRole("heading", { name: "Accessibility statement", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Status: partially compliant" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Toegankelijkheidsverklaring" })).toBeVisible();
  await checkA11y();
});

test("the privacy statement fits a phone @telefoon", async ({ page, checkA11y }) => {
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { name: "Privacyverklaring", level: 1 })).toBeVisible();
  await checkA11y();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await page.goto("/toegankelijkheid");
  await checkA11y();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
});
