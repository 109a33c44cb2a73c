import { expect, linkIn, readMail, test } from "./support/fixtures.ts";

/**
 * A new teacher registers, confirms her address from the mail and is signed in on the welcome:
 * her function, her school by BRIN code (a request), expertise skipped, the networks that fit,
 * her calendar link, and "Klaar" takes her to the start page. At 390 px, every step fits.
 */
test("confirming the address signs a new account in and walks it through the welcome", async ({
  page,
  checkA11y,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const email = `welkom.${Date.now()}@school.test`;
  const since = Date.now();
  await page.goto("/registreren");
  await checkA11y();
  await page.getByLabel("Naam").fill("Wendy Welkom");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("samen leren in netwerken");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
  await checkA11y();

  const link = linkIn(await readMail(email, /Bevestig je e-mailadres/, since), "e-mail-bevestigen");
  await page.goto(link);
  await checkA11y();
  await page.getByRole("button", { name: "E-mailadres bevestigen" }).click();

  // Step 1, signed in (/welkom sends visitors to the login).
  await expect(page.getByRole("heading", { name: "Wat doe je?" })).toBeVisible();
  await expect(page.getByText("Stap 1 van 5")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/welkom");
  expect(await fits()).toBe(true);
  await checkA11y();
  // "Anders" without saying what: the Dutch error next to the field, the choice kept.
  await page.getByLabel("Functie", { exact: true }).selectOption("anders");
  await page.getByLabel("Regio", { exact: true }).selectOption({ label: "Oost" });
  await page.getByRole("button", { name: "Volgende" }).click();
  await expect(page.getByText("Vul in welke functie je hebt.")).toBeVisible();
  await expect(page.getByLabel("Regio", { exact: true })).toHaveValue(/.+/);
  await checkA11y();
  await page.getByLabel("Functie", { exact: true }).selectOption({ label: "Leraar" });
  await page.getByRole("button", { name: "Volgende" }).click();

  // Step 2: the school by its BRIN code; choosing it asks the school.
  await expect(page.getByRole("heading", { name: "Op welke school werk je?" })).toBeVisible();
  await expect(page.getByText("Stap 2 van 5")).toBeVisible();
  await checkA11y();
  await page.getByLabel("Naam, plaats of BRIN-code van je school").fill("20AD");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByRole("radio", { name: "Assink Lyceum, Haaksbergen" })).toBeVisible();
  expect(await fits()).toBe(true);
  await checkA11y();
  await page.getByRole("radio", { name: "Assink Lyceum, Haaksbergen" }).check();
  await page.getByRole("button", { name: "Dit is mijn school" }).click();

  // Step 3: skipped.
  await expect(page.getByRole("heading", { name: "Waar weet je veel van?" })).toBeVisible();
  await checkA11y();
  // Back one step: the school waits for its admins.
  await page.getByRole("link", { name: "Vorige stap" }).click();
  await expect(page.getByText(/Assink Lyceum, Haaksbergen · wacht op bevestiging/)).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Volgende" }).click();
  await expect(page.getByRole("heading", { name: "Waar weet je veel van?" })).toBeVisible();
  await page.getByRole("button", { name: "Sla over" }).click();

  // Step 4: networks for a VO teacher in Oost, each linking to its own page.
  await expect(page.getByRole("heading", { name: "Netwerken die bij je passen" })).toBeVisible();
  await expect(page.getByText("Stap 4 van 5")).toBeVisible();
  const suggestions = page.getByRole("listitem").filter({ hasText: "Past bij:" });
  await expect(suggestions.first()).toBeVisible();
  expect(await suggestions.count()).toBeLessThanOrEqual(6);
  await expect(suggestions.first().getByRole("link")).toHaveAttribute(
    "href",
    /^\/netwerken\/[0-9a-f-]{36}$/,
  );
  expect(await fits()).toBe(true);
  await checkA11y();
  await page.getByRole("button", { name: "Volgende" }).click();

  // Step 5: the calendar link, made on request and shown once.
  await expect(
    page.getByRole("heading", { name: "Je bijeenkomsten in je eigen agenda" }),
  ).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Maak mijn agenda-link" }).click();
  await expect(page.getByLabel("Je agenda-link")).toHaveValue(/\/agenda\/feed\/[^/]+\.ics$/);
  await expect(page.getByRole("button", { name: "Kopieer de link" })).toBeVisible();
  expect(await fits()).toBe(true);
  await checkA11y();
  const feed = await page.getByLabel("Je agenda-link").inputValue();
  expect((await page.request.get(new URL(feed).pathname)).status()).toBe(200);

  await page.getByRole("button", { name: "Klaar" }).click();
  await expect(page).toHaveURL(/\/$/);
  await checkA11y();
  // Finished, still signed in: the welcome does not come back (and is no login redirect).
  await page.goto("/welkom");
  await expect(page).toHaveURL(/\/$/);
  await checkA11y();
});
