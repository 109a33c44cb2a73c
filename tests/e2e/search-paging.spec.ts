import { expect, test } from "./support/fixtures.ts";

test("the people list pages with Vorige/Volgende links that keep the search, also without JavaScript", async ({
  page,
  login,
  checkA11y,
}) => {
  await login("deelnemer@knooppunt.test");
  await page.goto("/mensen?q=e");
  await checkA11y();
  const status = page.getByRole("status");
  await expect(status).toHaveText(/\d+ mensen gevonden/);
  const paging = page.getByRole("navigation", { name: "Pagina's" });
  await expect(paging).toContainText(/Pagina 1 van \d+/);
  await expect(paging.getByRole("link", { name: "Vorige" })).toHaveCount(0);
  const firstPage = await page.getByRole("listitem").getByRole("heading").allTextContents();

  await paging.getByRole("link", { name: "Volgende" }).click();
  await expect(page).toHaveURL(/\/mensen\?q=e&pagina=2$/);
  await expect(paging).toContainText(/Pagina 2 van \d+/);
  await checkA11y();
  const secondPage = await page.getByRole("listitem").getByRole("heading").allTextContents();
  expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
  await paging.getByRole("link", { name: "Vorige" }).click();
  await expect(page).toHaveURL(/\/mensen\?q=e&pagina=1$/);

  // The server's HTML carries the links: no script is needed to page.
  const html = await (await page.request.get("/mensen?q=e&pagina=2")).text();
  expect(html).toContain('href="/mensen?q=e&amp;pagina=1"');
  expect(html).toMatch(/href="\/mensen\?q=e&amp;pagina=3"|Pagina 2 van 2/);
});

test("the school search ignores accents and capitals", async ({ page, checkA11y }) => {
  await page.goto("/organisaties");
  await checkA11y();
  const first = (await page.getByRole("row").nth(1).getByRole("link").first().textContent()) ?? "";
  expect(first).not.toBe("");
  // The same school, searched in capitals with an accent on every e.
  await page.goto(`/organisaties?q=${encodeURIComponent(first.toUpperCase().replace(/E/g, "É"))}`);
  await expect(page.getByRole("link", { name: first, exact: true })).toBeVisible();
  await checkA11y();
});
