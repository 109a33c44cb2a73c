import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures.ts";

/** Search from the box in the page header, as anyone would from any page. */
async function searchFromHeader(page: Page, words: string) {
  const box = page.getByRole("banner").getByRole("searchbox");
  await box.fill(words);
  await box.press("Enter");
  await page.waitForURL(`**/zoeken?q=${encodeURIComponent(words).replace(/%20/g, "+")}`);
}

/** The group of hits of one kind: its section, named by its heading. */
const group = (page: Page, kind: string) =>
  page.getByRole("region", { name: new RegExp(`^${kind}`) });

test("one search finds a colleague, a topic of her network and a good practice, and nothing of a network she is not in", async ({
  page,
  login,
  checkA11y,
}) => {
  await login("anouk.visser@knooppunt.test");

  // A question in her own network's discussion, to find again: posted as her form would post it
  // (the discussion pages have their own journey).
  const catalogue = await (await page.request.get("/netwerken")).text();
  const network = catalogue.match(
    /href="(\/netwerken\/[0-9a-f-]{36})"[^>]*>(?:(?!<\/a>)[\s\S])*?Netwerk Autopoiesis/,
  )?.[1];
  expect(network).toBeTruthy();
  const title = "Wie voert portfoliogesprekken met de bovenbouw?";
  const posted = await page.request.post(`${network}/discussie`, {
    headers: { Origin: new URL(page.url()).origin },
    multipart: {
      intent: "topic",
      kind: "question",
      title,
      body: "Ik zoek een opzet voor het gesprek.",
    },
    maxRedirects: 0,
  });
  expect(posted.status()).toBeLessThan(400);

  await searchFromHeader(page, "Ahmed");
  await expect(group(page, "Mensen").getByRole("link", { name: "Ahmed El Idrissi" })).toBeVisible();
  await checkA11y();

  await searchFromHeader(page, "portfoliogesprekken");
  const topics = group(page, "Discussieonderwerpen");
  await expect(topics.getByRole("link", { name: title }).first()).toBeVisible();
  await expect(topics).toContainText("in Netwerk Autopoiesis › Discussie");

  await searchFromHeader(page, "begaafdheidsonderwijs");
  await expect(
    group(page, "Goede voorbeelden").getByRole("link", {
      name: "Het team eigenaar maken van begaafdheidsonderwijs",
    }),
  ).toBeVisible();

  // The closed Leergang's meetings and the discussion of Eindverantwoordelijk Schoolleiders
  // (open, but its discussion is for members) are not hers to find.
  for (const words of ["leerbehoeften", "formatie"]) {
    await searchFromHeader(page, words);
    await expect(page.getByRole("status")).toBeVisible();
    await expect(group(page, "Bijeenkomsten")).toHaveCount(0);
    await expect(group(page, "Discussieonderwerpen")).toHaveCount(0);
    await expect(group(page, "Reacties in discussies")).toHaveCount(0);
  }

  // Odd input is a page, not an error; % is a letter here.
  const odd = await page.goto(`/zoeken?q=${encodeURIComponent("%_\\".repeat(700))}`);
  expect(odd?.status()).toBe(200);
  await expect(page.getByText("Niets gevonden")).toBeVisible();
  await checkA11y();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/zoeken?q=begaafdheid");
  await expect(page.getByRole("status")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await checkA11y();
});
