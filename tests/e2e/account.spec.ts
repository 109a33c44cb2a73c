import {
  demoPassword,
  expect,
  linkIn,
  openAccountPage,
  readMail,
  test,
} from "./support/fixtures.ts";

test("a new user registers, confirms by mail, logs in, fixes a bad profile and logs out", async ({
  page,
  checkA11y,
}) => {
  const email = `femke.${Date.now()}@school.test`;
  await page.goto("/");
  await checkA11y();
  await page.getByRole("link", { name: "Maak een account" }).click();
  await expect(page.getByRole("heading", { name: "Account maken" })).toBeVisible();
  await checkA11y();

  await page.getByLabel("Naam").fill("Femke de Boer");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("kort");
  await expect(page.getByText("Nog 4 tekens te gaan.")).toBeVisible();
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByText("Je wachtwoord moet minstens 8 tekens hebben.")).toBeVisible();
  await expect(page.getByLabel("Naam")).toHaveValue("Femke de Boer");
  await expect(page.getByLabel("E-mailadres")).toHaveValue(email);
  await expect(page.getByLabel("Wachtwoord")).toHaveAttribute("aria-invalid", "true");
  await checkA11y();

  const since = Date.now();
  await page.getByLabel("Wachtwoord").fill("samen leren in netwerken");
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
  await checkA11y();

  // Not confirmed yet: login is refused with a clear message.
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("samen leren in netwerken");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Bevestig eerst je e-mailadres");
  await checkA11y();

  const mail = await readMail(email, /Bevestig je e-mailadres/, since);
  expect(mail.text).toContain("Beste Femke de Boer");
  await page.goto(linkIn(mail, "e-mail-bevestigen"));
  await checkA11y();
  await page.getByRole("button", { name: "E-mailadres bevestigen" }).click();
  // The link signs the new account in, on its welcome (onboarding.spec walks through it).
  await expect(page.getByRole("heading", { name: "Wat doe je?" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await checkA11y();

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("verkeerd wachtwoord");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Deze combinatie van e-mailadres en wachtwoord kennen we niet.",
  );
  await expect(page.getByLabel("E-mailadres")).toHaveValue(email);
  await page.getByLabel("Wachtwoord").fill("samen leren in netwerken");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Welkom terug, Femke de Boer" })).toBeVisible();
  await checkA11y();

  await openAccountPage(page, "Mijn profiel");
  await expect(page.getByRole("heading", { name: "Mijn profiel" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("Functie", { exact: true }).selectOption("anders");
  await page.getByLabel("Over jou").fill("x".repeat(1001));
  await page.getByLabel("Waar weet je veel van?").fill("begaafdheid, toetsing");
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Vul in welke functie je hebt.")).toBeVisible();
  await expect(page.getByText("Hoogstens 1000 tekens.")).toBeVisible();
  await expect(page.getByLabel("Waar weet je veel van?")).toHaveValue("begaafdheid, toetsing");
  await expect(page.getByLabel("Functie", { exact: true })).toHaveValue("anders");
  await checkA11y();

  await page.getByLabel("Welke functie?").fill("Leraar-onderzoeker");
  await page.getByLabel("Over jou").fill("Ik onderzoek hoe we begaafde leerlingen beter uitdagen.");
  await page.getByLabel("Zoek je school of bestuur").fill("Leidsche");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByText("Vink hierboven aan waar je werkt")).toBeVisible();
  // Searching saved nothing and lost nothing.
  await expect(page.getByLabel("Welke functie?")).toHaveValue("Leraar-onderzoeker");
  await checkA11y();
  await page.getByRole("checkbox", { name: "Leidsche Rijn College, Utrecht" }).check();
  await page.getByLabel("Regio").selectOption({ label: "Midden" });
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Je profiel is opgeslagen.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Femke de Boer" })).toBeVisible();
  await expect(page.getByText("Leraar-onderzoeker · Midden")).toBeVisible();
  await expect(page.getByRole("link", { name: "begaafdheid" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Leidsche Rijn College" })).toBeVisible();
  await checkA11y();

  // Colleagues now find her by what she knows, and see why she is on the list.
  await page.getByRole("link", { name: "begaafdheid" }).click();
  const femke = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "Femke de Boer" }) });
  await expect(femke.getByText("Gevonden op: expertise begaafdheid")).toBeVisible();
  await checkA11y();
  await page.getByLabel("Zoek op naam of expertise").fill("toets");
  await page.getByRole("button", { name: "Zoeken" }).click();
  // (the chosen topic stays on)
  await expect(
    femke.getByText("Gevonden op: expertise begaafdheid, expertise toetsing"),
  ).toBeVisible();
  await page.getByLabel("Zoek op naam of expertise").fill("Femke");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(femke.getByText("Gevonden op: expertise begaafdheid, naam")).toBeVisible();
  await checkA11y();

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByText("Je bent uitgelogd.")).toBeVisible();
  await checkA11y();
  await page.goto("/profiel");
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fprofiel/);
  await expect(page.getByText("Log in om deze pagina te bekijken.")).toBeVisible();
  await checkA11y();
});

test("a forgotten password is reset through the mailed link, and the old one stops working", async ({
  page,
  checkA11y,
  login,
}) => {
  const email = "fred.willems@knooppunt.test";
  await page.goto("/inloggen");
  await checkA11y();
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  await checkA11y();
  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: "Stuur herstellink" }).click();
  await expect(page.getByText("Dit is geen geldig e-mailadres.")).toBeVisible();
  await checkA11y();
  const since = Date.now();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur herstellink" }).click();
  await expect(page.getByText(`Als er een account bij ${email} hoort`)).toBeVisible();
  await checkA11y();

  const mail = await readMail(email, /nieuw wachtwoord/, since);
  await page.goto(linkIn(mail, "wachtwoord-herstellen"));
  await checkA11y();
  await page.getByLabel("Nieuw wachtwoord").fill("een nieuw lang wachtwoord");
  await page.getByLabel("Herhaal het wachtwoord").fill("iets anders");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByText("De twee wachtwoorden zijn niet gelijk.")).toBeVisible();
  await checkA11y();
  await page.getByLabel("Nieuw wachtwoord").fill("een nieuw lang wachtwoord");
  await page.getByLabel("Herhaal het wachtwoord").fill("een nieuw lang wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByText("Je wachtwoord is gewijzigd.")).toBeVisible();
  await checkA11y();

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(demoPassword);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("kennen we niet");
  await login(email, "een nieuw lang wachtwoord");
  await checkA11y();

  // The link is used up.
  await page.goto(linkIn(mail, "wachtwoord-herstellen"));
  await expect(page.getByText("Deze herstellink is verlopen of al gebruikt.")).toBeVisible();
  await checkA11y();
});

test("logging in with a link by e-mail", async ({ page, checkA11y }) => {
  const email = "karin.elferink@knooppunt.test";
  await page.goto("/inloggen/link");
  await checkA11y();
  const since = Date.now();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur me een link" }).click();
  await expect(page.getByText(`Als er een account bij ${email} hoort`)).toBeVisible();
  const mail = await readMail(email, /inloglink/, since);
  await page.goto(linkIn(mail, "inloggen/link"));
  await checkA11y();
  await page.getByRole("button", { name: "Nu inloggen" }).click();
  await expect(page.getByRole("heading", { name: "Welkom terug, Karin Elferink" })).toBeVisible();
  await checkA11y();
});

test("people see and end their own sessions; 'overal uitloggen' ends the others too", async ({
  browser,
  page,
  checkA11y,
  login,
}) => {
  const email = "thijs.jan.vanderleij@knooppunt.test";
  await login(email);
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await login(email, undefined, phonePage);

  await page.goto("/account/sessies");
  await expect(page.getByText("Deze sessie")).toBeVisible();
  expect(await page.getByRole("button", { name: "Beëindigen" }).count()).toBeGreaterThanOrEqual(2);
  await checkA11y();
  await page.getByRole("button", { name: "Overal uitloggen" }).click();
  await expect(page.getByText("Je bent uitgelogd.")).toBeVisible();
  await checkA11y();

  await phonePage.goto("/profiel");
  await expect(phonePage).toHaveURL(/\/inloggen/);
  await phone.close();
});
