import { expect, linkIn, readMail, test } from "./support/fixtures.ts";

test("the language switch turns the interface into English and back", async ({
  page,
  checkA11y,
}) => {
  await page.goto("/organisaties");
  await expect(page).toHaveTitle("Scholen en besturen — Knooppunt");
  await checkA11y();
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { name: "Schools and boards" })).toBeVisible();
  await expect(page).toHaveTitle("Schools and boards — Knooppunt");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await checkA11y();
  await page.getByRole("link", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  // A navigation in the browser: the title comes from the catalogue the page carries.
  await expect(page).toHaveTitle("Log in — Knooppunt");
  await checkA11y();
  await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await expect(page).toHaveTitle("Inloggen — Knooppunt");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await checkA11y();
});

test("unknown pages and ids get the Dutch 404, never a stack trace", async ({
  page,
  checkA11y,
}) => {
  for (const path of [
    "/bestaat-niet",
    "/organisaties/00000000-0000-4000-8000-000000000000",
    "/organisaties/geen-uuid",
  ]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Deze pagina bestaat niet" })).toBeVisible();
    await expect(page).toHaveTitle("Deze pagina bestaat niet — Knooppunt");
    await checkA11y();
  }
});

test("visitors see schools but not people; members see people; only admins read the outbox", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await page.goto("/organisaties");
  await checkA11y();
  await page.getByRole("link", { name: "RSG Broklede" }).click();
  await expect(page.getByRole("heading", { name: "RSG Broklede" })).toBeVisible();
  await expect(page.getByText("Jan Paul Beekman")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Log in om te zien wie hier werkt." })).toBeVisible();
  await checkA11y();
  const schoolUrl = page.url();

  await page.goto("/mensen");
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmensen/);
  await checkA11y();

  await login("deelnemer@knooppunt.test");
  await page.goto(schoolUrl);
  await expect(page.getByRole("link", { name: "Jan Paul Beekman" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Gegevens bewerken" })).toHaveCount(0);
  await checkA11y();
  await page.getByRole("link", { name: "Jan Paul Beekman" }).click();
  await expect(page.getByText("Rector van RSG Broklede")).toBeVisible();
  await expect(
    page.getByText("Alleen zichtbaar voor ingelogde leden van Knooppunt."),
  ).toBeVisible();
  await checkA11y();
  const profileUrl = page.url();

  const outbox = await page.goto("/beheer/mail");
  expect(outbox?.status()).toBe(404);
  await checkA11y();
  const edit = await page.goto(`${schoolUrl}/bewerken`);
  expect(edit?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  await checkA11y();

  // A visitor with the profile URL is sent to log in, not shown the profile.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(profileUrl);
  await expect(visitorPage).toHaveURL(/\/inloggen/);
  await expect(visitorPage.getByText("Rector van RSG Broklede")).toHaveCount(0);
  await visitor.close();
});

test("a platform admin sees how mail was delivered, never a login link in it", async ({
  page,
  checkA11y,
  login,
}) => {
  // A member asks for a login link; it leaves through the outbox and arrives by SMTP.
  const member = "deelnemer@knooppunt.test";
  const since = Date.now();
  await page.goto("/inloggen/link");
  await checkA11y();
  await page.getByLabel("E-mailadres").fill(member);
  await page.getByRole("button", { name: "Stuur me een link" }).click();
  const mail = await readMail(member, /inloglink/, since);
  const link = linkIn(mail, "inloggen/link");

  await login("beheerder@knooppunt.test");
  await page.getByRole("link", { name: "Uitgaande mail" }).click();
  await expect(page.getByRole("heading", { name: "Uitgaande mail" })).toBeVisible();
  await checkA11y();
  const row = page
    .getByRole("row")
    .filter({ hasText: member })
    .filter({ hasText: "mail.magicLink" });
  await expect(row.first()).toContainText("Je inloglink voor Knooppunt");
  await expect(row.first()).toContainText("Verstuurd");
  await expect(page.locator("body")).not.toContainText(link);
  await expect(page.locator("body")).not.toContainText("inloggen/link/");
  await row.first().getByRole("link", { name: member }).click();
  await expect(page.getByRole("heading", { name: "Je inloglink voor Knooppunt" })).toBeVisible();
  await expect(page.getByText("De inhoud van een mail is hier nooit te lezen")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("inloggen/link/");
  await expect(page.locator('a[href*="inloggen/link/"]')).toHaveCount(0);
  await checkA11y();
  await page.getByRole("link", { name: "Terug naar alle mail" }).click();
  await page.getByRole("link", { name: "Mislukt", exact: true }).click();
  await expect(page).toHaveURL(/status=failed/);
  await checkA11y();

  // and adds a school that was missing
  await page.goto("/organisaties");
  await checkA11y();
  await page.getByRole("link", { name: "Nieuwe school of bestuur" }).click();
  await checkA11y();
  await page.getByLabel("Naam", { exact: true }).fill("Regius College");
  // RSG Broklede's BRIN: the school-admin journey changes Baken Trinitas's (20AA) meanwhile.
  await page.getByLabel("BRIN-code").fill("20AC");
  await page.getByLabel("Plaats").fill("Schagen");
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText("Deze BRIN-code hoort al bij een andere school.")).toBeVisible();
  await expect(page.getByLabel("Plaats")).toHaveValue("Schagen");
  await checkA11y();
  await page.getByLabel("BRIN-code").fill("22RC");
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("heading", { name: "Regius College" })).toBeVisible();
  await checkA11y();
});

test("a school admin edits the school: a bad BRIN is explained, a good one saved", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("schoolbeheerder@knooppunt.test");
  await page.goto("/organisaties?q=Trinitas");
  await checkA11y();
  await page.getByRole("link", { name: "Baken Trinitas Gymnasium" }).click();
  await checkA11y();
  await page.getByRole("link", { name: "Gegevens bewerken" }).click();
  await checkA11y();
  await page.getByLabel("BRIN-code").fill("ABCD");
  await page.getByLabel("Plaats").fill("Almere Stad");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Een BRIN-code heeft 4 tekens")).toBeVisible();
  await expect(page.getByLabel("Plaats")).toHaveValue("Almere Stad");
  await checkA11y();
  await page.getByLabel("BRIN-code").fill("20AB");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Deze BRIN-code hoort al bij een andere school.")).toBeVisible();
  await checkA11y();
  await page.getByLabel("BRIN-code").fill("21ZZ");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("De gegevens zijn opgeslagen.")).toBeVisible();
  await expect(page.getByText("School · Almere Stad", { exact: true })).toBeVisible();
  await checkA11y();

  await page.getByRole("button", { name: "Maak beheerder: Lotte de Graaf" }).click();
  await expect(page.getByText("De rol is aangepast.")).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Geen beheerder meer: Lotte de Graaf" }),
  ).toBeVisible();
  await checkA11y();
});

test("works on a phone @telefoon", async ({ page, checkA11y, login }) => {
  const fitsTheScreen = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await page.goto("/");
  await checkA11y();
  expect(await fitsTheScreen()).toBe(true);
  await login("deelnemer@knooppunt.test");
  await page.goto("/mensen");
  await expect(page.getByRole("heading", { name: "Wie weet wat?" })).toBeVisible();
  await checkA11y();
  expect(await fitsTheScreen()).toBe(true);
  await page.goto("/netwerken?q=eindverantwoordelijk");
  await checkA11y();
  expect(await fitsTheScreen()).toBe(true);
  await page.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  await expect(
    page.getByRole("heading", { name: "Eindverantwoordelijk Schoolleiders" }),
  ).toBeVisible();
  await checkA11y();
  expect(await fitsTheScreen()).toBe(true);
});

test("the skip link moves keyboard users to the content", async ({ page, checkA11y }) => {
  await page.goto("/");
  await checkA11y();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Naar de inhoud" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("forms posted from another site, or without a form body, are refused without a 500", async ({
  request,
  baseURL,
}) => {
  const foreign = await request.post("/inloggen", {
    headers: { origin: "http://evil.example" },
    form: { email: "deelnemer@knooppunt.test", password: "knooppunt-demo-2026" },
    maxRedirects: 0,
  });
  expect([400, 403]).toContain(foreign.status());
  expect(foreign.headers()["set-cookie"] ?? "").not.toContain("knooppunt=");
  const json = await request.post("/registreren", {
    headers: { origin: new URL(baseURL ?? "").origin, "content-type": "application/json" },
    data: { email: "x@y.nl" },
  });
  expect(json.status()).toBe(400);
  expect(await json.text()).toContain("Dit verzoek klopt niet");
});
