import { expect, test } from "./support/fixtures.ts";

async function networkPath(page: import("@playwright/test").Page, query: string, name: string) {
  await page.goto(`/netwerken?q=${encodeURIComponent(query)}`);
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  if (!href) throw new Error(`no link to ${name}`);
  return href;
}

test("an answer to my question rings the bell; opening it lands on the topic and the count drops; the channel is mine to choose", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("anouk.visser@knooppunt.test");
  // Start from a quiet bell.
  await page.goto("/meldingen");
  await expect(page.getByRole("heading", { name: "Meldingen", level: 1 })).toBeVisible();
  const readAll = page.getByRole("button", { name: "Alles gelezen" });
  if (await readAll.isVisible()) {
    await readAll.click();
    await expect(page.getByText("Alle meldingen zijn gelezen.")).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Meldingen", exact: true })).toBeVisible();
  await checkA11y();

  const base = await networkPath(page, "autopoiesis", "Netwerk Autopoiesis");
  await checkA11y();
  const title = `Hoe plannen jullie de studiedagen? ${Date.now()}`;
  await page.goto(`${base}/discussie`);
  await checkA11y();
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Je vraag of bericht").fill("Wij zoeken een vaste rij momenten.");
  await page.getByRole("button", { name: "Plaatsen" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const topicPath = new URL(page.url()).pathname;
  await checkA11y();

  // Guus answers in his own browser.
  const guusContext = await browser.newContext();
  const guus = await guusContext.newPage();
  await login("guus.geisen@knooppunt.test", undefined, guus);
  await guus.goto(topicPath);
  await guus
    .getByLabel("Je reactie", { exact: true })
    .fill("Wij plannen ze in juni, voor het hele jaar.");
  await guus.getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect(guus.getByText("Je reactie is geplaatst.")).toBeVisible();
  await checkA11y(guus);
  await guusContext.close();

  await page.goto("/meldingen");
  await expect(page.getByRole("link", { name: "Meldingen, 1 ongelezen" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: title });
  await expect(item.getByText("Nieuw", { exact: true })).toBeVisible();
  const text = `Guus Geisen gaf antwoord op je vraag “${title}”`;
  await checkA11y();
  await item.getByRole("button", { name: text, exact: true }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(topicPath);
  await expect(page.getByRole("link", { name: "Meldingen", exact: true })).toBeVisible();
  await checkA11y();

  // The settings: answers to my questions in the app only; the choice stays.
  await page.goto("/account/meldingen");
  const answers = page.getByRole("group", { name: "Iemand antwoordt op je vraag in de discussie" });
  await expect(answers.getByLabel("Beide")).toBeChecked();
  await checkA11y();
  await answers.getByLabel("In de app").check();
  await page.getByRole("button", { name: "Bewaar" }).click();
  await expect(page.getByText("Je keuzes zijn bewaard.")).toBeVisible();
  await checkA11y();
  await page.goto("/account/meldingen");
  await expect(answers.getByLabel("In de app")).toBeChecked();
  // Back as it was, for anyone else who answers Anouk.
  await answers.getByLabel("Beide").check();
  await page.getByRole("button", { name: "Bewaar" }).click();
  await expect(page.getByText("Je keuzes zijn bewaard.")).toBeVisible();
  await expect(answers.getByLabel("Beide")).toBeChecked();
});
