import type { Page } from "@playwright/test";
import { expect, type JourneyFixtures, linkIn, readMail, test } from "./support/fixtures.ts";

/**
 * A brand-new account, registered and confirmed the way anyone can, that says it works at
 * Baken Trinitas: the profile shows it as a request.
 */
async function newTeacherAtBakenTrinitas(
  { page, checkA11y }: Pick<JourneyFixtures, "checkA11y"> & { page: Page },
  name: string,
) {
  const email = `${name.split(" ")[0]?.toLowerCase()}.${Date.now()}@school.test`;
  const password = "samen leren in netwerken";
  const since = Date.now();
  await page.goto("/registreren");
  await checkA11y();
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
  await checkA11y();
  await page.goto(
    linkIn(await readMail(email, /Bevestig je e-mailadres/, since), "e-mail-bevestigen"),
  );
  await checkA11y();
  await page.getByRole("button", { name: "E-mailadres bevestigen" }).click();
  // The link signs the new account in, on its welcome (onboarding.spec walks through it).
  await expect(page.getByRole("heading", { name: "Wat doe je?" })).toBeVisible();
  await checkA11y();

  // She says she works at Baken Trinitas: the profile shows it as a request.
  await page.goto("/profiel");
  await checkA11y();
  await page.getByLabel("Functie", { exact: true }).selectOption({ label: "Leraar" });
  await page.getByLabel("Zoek je school of bestuur").fill("Baken Trinitas");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("checkbox", { name: /^Baken Trinitas Gymnasium, Almere/ }).check();
  await checkA11y();
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Je profiel is opgeslagen.")).toBeVisible();
  await expect(page.getByText("Aangevraagd — wacht op bevestiging door de school")).toBeVisible();
  await checkA11y();
  return { email, since };
}

/** The school's network learning, which only its confirmed people reach. */
function toolkitPathsOf(schoolPath: string) {
  return [
    `${schoolPath}/netwerklerend`,
    `${schoolPath}/netwerklerend/jaaragenda`,
    `${schoolPath}/netwerklerend/kaart`,
    `${schoolPath}/netwerklerend/wie-weet-wat?q=differentiatie`,
  ];
}

test("ticking a school asks the school: no toolkit until its admin confirms", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  const name = "Eva Jansen";
  const { email, since } = await newTeacherAtBakenTrinitas({ page, checkA11y }, name);
  await page.goto("/profiel");
  await expect(
    page.getByRole("checkbox", {
      // (the site journey may rename the place to "Almere Stad" meanwhile)
      name: /^Baken Trinitas Gymnasium, Almere.* · Aangevraagd — wacht op bevestiging door de school$/,
    }),
  ).toBeChecked();
  await checkA11y();

  // The school's page says she waits; its network learning is not there for her.
  await page.goto("/organisaties?q=Baken%20Trinitas");
  await checkA11y();
  await page.getByRole("link", { name: "Baken Trinitas Gymnasium" }).first().click();
  await expect(
    page.getByRole("heading", { name: "Baken Trinitas Gymnasium", level: 1 }),
  ).toBeVisible();
  const schoolPath = new URL(page.url()).pathname;
  expect(schoolPath).toMatch(/^\/organisaties\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Je hebt aangegeven dat je hier werkt.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Naar netwerklerend/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Aanvragen" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: name })).toHaveCount(0);
  await checkA11y();
  const toolkitPaths = toolkitPathsOf(schoolPath);
  for (const path of toolkitPaths) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await checkA11y();
  }

  // The school's admin hears of it under Aanvragen.
  const request = await readMail("schoolbeheerder@knooppunt.test", /Aanvraag: Eva Jansen/, since);
  expect(request.text).toContain("Baken Trinitas Gymnasium");
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login("schoolbeheerder@knooppunt.test", undefined, admin);
  await admin.goto(schoolPath);
  const requests = admin.getByRole("heading", { name: "Aanvragen" });
  await expect(requests).toBeVisible();
  // The demo's own waiting request stays where it is.
  await expect(admin.getByRole("button", { name: "Bevestigen: Mirjam Verhoef" })).toBeVisible();
  await expect(admin.getByText(email)).toBeVisible();
  await checkA11y(admin);
  await adminContext.close();
});

// Its own new account, so the confirmation does not wait for the request's checks above.
test("the school's admin confirms a request: she is told by mail, and the school's network learning is hers", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  const name = "Fleur Bakker";
  const { email, since } = await newTeacherAtBakenTrinitas({ page, checkA11y }, name);
  await page.goto("/organisaties?q=Baken%20Trinitas");
  await checkA11y();
  const schoolPath =
    (await page
      .getByRole("link", { name: "Baken Trinitas Gymnasium" })
      .first()
      .getAttribute("href")) ?? "";
  expect(schoolPath).toMatch(/^\/organisaties\/[0-9a-f-]{36}$/);
  const toolkitPaths = toolkitPathsOf(schoolPath);
  await readMail("schoolbeheerder@knooppunt.test", new RegExp(`Aanvraag: ${name}`), since);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login("schoolbeheerder@knooppunt.test", undefined, admin);
  await admin.goto(schoolPath);
  await expect(admin.getByText(email)).toBeVisible();
  const confirmedAt = Date.now();
  await admin.getByRole("button", { name: `Bevestigen: ${name}` }).click();
  await expect(admin.getByText("De aanvraag is bevestigd")).toBeVisible();
  await expect(admin.getByRole("button", { name: `Bevestigen: ${name}` })).toHaveCount(0);
  await expect(admin.getByRole("link", { name })).toBeVisible();
  await checkA11y(admin);
  await adminContext.close();

  // She is told by mail, and now the school's network learning is hers too.
  const confirmed = await readMail(email, /heeft bevestigd dat je er werkt/, confirmedAt);
  expect(confirmed.text).toContain(schoolPath);
  await page.goto(schoolPath);
  await expect(page.getByText("Je hebt aangegeven dat je hier werkt.")).toHaveCount(0);
  await checkA11y();
  await page.getByRole("link", { name: "Naar netwerklerend Baken Trinitas Gymnasium" }).click();
  await expect(page.getByRole("heading", { name: "Netwerklerend" })).toBeVisible();
  await checkA11y();
  for (const path of toolkitPaths) {
    expect((await page.request.get(path)).status(), path).toBe(200);
  }
  await page.goto("/profiel");
  await expect(
    page.getByRole("checkbox", {
      name: /^Baken Trinitas Gymnasium, Almere.* · Bevestigd door de school$/,
    }),
  ).toBeChecked();
  await checkA11y();
});
