import { expect, linksIn, openWorkspacePage, readMail, test } from "./support/fixtures.ts";

test("a visitor browses and filters the catalogue; a closed network shows its profile but not its members", async ({
  page,
  checkA11y,
}) => {
  await page.goto("/");
  await checkA11y();
  await page
    .getByRole("navigation", { name: "Hoofdmenu" })
    .getByRole("link", { name: "Netwerken" })
    .click();
  await expect(page.getByRole("heading", { name: "Leernetwerken" })).toBeVisible();
  await checkA11y();

  await page.getByLabel("Thema", { exact: true }).selectOption("praktijkonderwijs");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByText("1 netwerk gevonden")).toBeVisible();
  await expect(page.getByRole("link", { name: "PRO Friesland" })).toBeVisible();
  await checkA11y();

  await page.getByRole("link", { name: "Alle filters wissen" }).click();
  await page.waitForURL((url) => url.pathname === "/netwerken" && url.search === "");
  await page.getByLabel("Zoek op onderwerp of naam").fill("vrouwelijk leiderschap");
  await page.getByLabel("Open of gesloten").selectOption("closed");
  await page.getByRole("button", { name: "Filteren" }).click();
  await page.waitForURL(/staat=closed/);
  await expect(page.getByRole("link", { name: "Vrouwelijk Leiderschap 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Vrouwelijk Leiderschap 2" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Netwerk Autopoiesis" })).toHaveCount(0);
  await checkA11y();

  await page.getByRole("link", { name: "Vrouwelijk Leiderschap 1" }).click();
  await expect(page.getByRole("heading", { name: "Vrouwelijk Leiderschap 1" })).toBeVisible();
  await expect(page.getByText("Jacqueline Schoones")).toHaveCount(0);
  await expect(
    page.getByRole("link", { name: "Log in om te zien wie in dit netwerk zit." }),
  ).toBeVisible();
  await checkA11y();

  await page.goto("/netwerken?q=zzzz-bestaat-niet");
  await expect(page.getByText("Geen netwerk gevonden met deze filters.")).toBeVisible();
  await checkA11y();
});

test("on a phone the catalogue shows its results first, the filters behind a disclosure that stays open while a filter is on", async ({
  page,
  checkA11y,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/netwerken");
  const filters = page.locator("summary", { hasText: "Filters" });
  await expect(filters).toBeInViewport();
  await expect(page.getByLabel("Thema", { exact: true })).toBeHidden();
  await expect(page.getByText(/\d+ netwerken gevonden/)).toBeInViewport();
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeInViewport();
  await expect(page.getByText(/als je die al weet|Voor welke sector/)).toHaveCount(0);
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  await checkA11y();

  await filters.click();
  await page.getByLabel("Thema", { exact: true }).selectOption("praktijkonderwijs");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByText("1 netwerk gevonden")).toBeVisible();
  await expect(page.getByText("1 filter actief")).toBeVisible();
  await expect(page.getByLabel("Thema", { exact: true })).toHaveValue("praktijkonderwijs");
  await expect(page.getByLabel("Thema", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: /Bekijk netwerk.*PRO Friesland/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "PRO Friesland" })).toBeVisible();
  await expect(page.locator("[data-main-action]")).toBeInViewport();
  expect(await fits()).toBe(true);
  await checkA11y();
});

test("a non-member gets nothing from a closed network's URLs; a member sees who is in it", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("deelnemer@knooppunt.test");
  await page.goto("/netwerken?staat=closed");
  await checkA11y();
  await page.getByRole("link", { name: "Vrouwelijk Leiderschap 1" }).click();
  await expect(
    page.getByText("Gesloten netwerk: alleen de leden zien wie erin zit").first(),
  ).toBeVisible();
  await expect(page.getByText("Jacqueline Schoones")).toHaveCount(0);
  await checkA11y();
  const networkUrl = new URL(page.url()).pathname;
  for (const sub of ["leden", "bewerken", "routes", "ondersteuning"]) {
    const response = await page.goto(`${networkUrl}/${sub}`);
    expect(response?.status(), sub).toBe(403);
    await expect(page.getByText("Jacqueline Schoones")).toHaveCount(0);
    await checkA11y();
  }
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await login("jacqueline.schoones@knooppunt.test", undefined, memberPage);
  await memberPage.goto(networkUrl);
  await expect(memberPage.getByRole("link", { name: "Jacqueline Schoones" })).toBeVisible();
  await expect(memberPage.getByText("Je bent deelnemer van dit netwerk.")).toBeVisible();
  await member.close();
});

test("a school leader enrols on the re-registration route at €1950; a colleague from the same school pays €1495", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("marloes.smits@knooppunt.test");
  await page.goto("/netwerken?q=autopoiesis");
  await checkA11y();
  await page.getByRole("link", { name: "Netwerk Autopoiesis" }).click();
  await expect(
    page.getByRole("rowheader", {
      name: "2. Online intakegesprek om de route helder en scherp te maken",
    }),
  ).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "Aanmelden" }).last().click();
  await expect(page.getByText("Jouw prijs: € 1.950 (vrijgesteld van btw)")).toBeVisible();
  await checkA11y();
  await page.getByRole("radio", { name: /Met herregistratie Schoolleider PO/ }).check();
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(
    page.getByText("Schrijf in minstens 10 tekens waarom je mee wilt doen."),
  ).toBeVisible();
  await expect(
    page.getByRole("radio", { name: /Met herregistratie Schoolleider PO/ }),
  ).toBeChecked();
  await checkA11y();
  await page
    .getByLabel("Waarom wil je meedoen?")
    .fill("Mijn herregistratie komt eraan en ik wil innoveren met mijn team.");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(
    page.getByText("Je bent lid van Netwerk Autopoiesis. Je betaalt € 1.950."),
  ).toBeVisible();
  await checkA11y();

  const colleague = await browser.newContext();
  const colleaguePage = await colleague.newPage();
  await login("ruud.meijer@knooppunt.test", undefined, colleaguePage);
  await colleaguePage.goto(new URL(page.url()).pathname);
  await expect(
    colleaguePage.getByText("Jouw prijs: € 1.495 (2e persoon van je school)"),
  ).toBeVisible();
  await expect(
    colleaguePage.getByText("Jouw prijs: € 995 (2e persoon van je school)"),
  ).toBeVisible();
  await colleague.close();
});

test("a full network puts the next person on the waiting list and offers the place when someone leaves", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("deelnemer@knooppunt.test");
  await page.goto("/netwerken?thema=praktijkonderwijs");
  await checkA11y();
  await page.getByRole("link", { name: "PRO Friesland" }).click();
  await expect(page.getByText("6 van 6 plaatsen bezet")).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "Op de wachtlijst" }).click();
  await expect(page.getByText("Dit netwerk is vol.")).toBeVisible();
  await checkA11y();
  await page
    .getByLabel("Waarom wil je meedoen?")
    .fill("Ik wil leren hoe praktijkscholen samenwerken.");
  await page.getByRole("button", { name: "Op de wachtlijst zetten" }).click();
  await expect(page.getByText("Je staat op de wachtlijst op plaats 1.")).toBeVisible();
  await checkA11y();
  const networkPath = new URL(page.url()).pathname.replace("/aanmelden", "");

  const leaver = await browser.newContext();
  const leaverPage = await leaver.newPage();
  await login("pieter.hoekstra@knooppunt.test", undefined, leaverPage);
  await leaverPage.goto(networkPath);
  const since = Date.now();
  await leaverPage.getByRole("button", { name: "Netwerk verlaten" }).click();
  await expect(leaverPage.getByText("Je hebt het netwerk verlaten.")).toBeVisible();
  await leaver.close();

  const mail = await readMail(
    "deelnemer@knooppunt.test",
    /Er is een plek vrij in PRO Friesland/,
    since,
  );
  expect(mail.text).toContain("binnen 7 dagen");
  await page.goto(networkPath);
  await expect(page.getByText("Er is een plek voor je vrij!")).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Plek aannemen" }).click();
  await expect(page.getByText("Welkom! Je bent nu lid.")).toBeVisible();
  await expect(page.getByText("Je bent deelnemer van dit netwerk.")).toBeVisible();
  await checkA11y();
});

test("a penvoerder applies for VO-academie support, and the coordinator approves it", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("carlo.pedroli@knooppunt.test");
  await page.goto("/netwerken?staat=in-formation");
  await checkA11y();
  await page.getByRole("link", { name: "Leidinggeven aan onderwijs van onderop" }).click();
  await checkA11y();
  await openWorkspacePage(page, "Beheer", "Ondersteuning aanvragen");
  await checkA11y();
  await page.getByLabel("Programma").selectOption({ label: "VO-academie" });
  await page.getByRole("button", { name: "Criteria bekijken" }).click();
  await expect(
    page.getByText("De aanvrager is leidinggevende en werkt op een VO-school."),
  ).toBeVisible();
  await expect(page.getByText("1 vast lid (minimaal 6).")).toBeVisible();
  await checkA11y();
  await page
    .getByRole("group", { name: /initiatief vanuit het veld/ })
    .getByLabel("Het netwerk voldoet hieraan")
    .check();
  await page
    .getByRole("group", { name: /initiatief vanuit het veld/ })
    .getByLabel("Toelichting")
    .fill("Vier rectoren vroegen erom.");
  await page.getByRole("button", { name: "Aanvraag indienen" }).click();
  await expect(page.getByText("Je aanvraag is ingediend.")).toBeVisible();
  await checkA11y();

  const coordinator = await browser.newContext();
  const coordinatorPage = await coordinator.newPage();
  await login("coordinator@knooppunt.test", undefined, coordinatorPage);
  await coordinatorPage
    .getByRole("navigation", { name: "Hoofdmenu" })
    .getByRole("link", { name: "Aanvragen" })
    .click();
  await coordinatorPage
    .getByRole("link", { name: "Leidinggeven aan onderwijs van onderop" })
    .click();
  await expect(coordinatorPage.getByText("Vier rectoren vroegen erom.")).toBeVisible();
  await coordinatorPage.getByRole("button", { name: "Goedkeuren" }).click();
  await expect(
    coordinatorPage.getByText("Schrijf een korte toelichting bij je besluit."),
  ).toBeVisible();
  await coordinatorPage
    .getByLabel("Toelichting voor het netwerk")
    .fill("Mooi initiatief. Nodig ons uit bij de tweede bijeenkomst.");
  await coordinatorPage.getByLabel("Stimuleringsbijdrage in euro").fill("5000");
  await coordinatorPage.getByRole("checkbox", { name: "Facilitering" }).check();
  await coordinatorPage.getByRole("button", { name: "Goedkeuren" }).click();
  await expect(coordinatorPage.getByText("Het besluit is opgeslagen.")).toBeVisible();
  await coordinator.close();

  await page.reload();
  await expect(page.getByText("VO-academie — goedgekeurd")).toBeVisible();
  await expect(page.getByText("Stimuleringsbijdrage: € 5.000")).toBeVisible();
  await checkA11y();
});

test("anyone signed in starts a network; bad input is explained and kept", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("deelnemer@knooppunt.test");
  await page.goto("/netwerken");
  await checkA11y();
  await page.getByRole("link", { name: "Start zelf een leernetwerk" }).click();
  await checkA11y();
  await page.getByLabel("Naam van het netwerk").fill("Formatief evalueren in de bovenbouw");
  await page.getByRole("button", { name: "Netwerk voorstellen" }).click();
  await expect(
    page.getByText("Beschrijf in minstens 10 tekens welke vraag het netwerk beantwoordt."),
  ).toBeVisible();
  await expect(page.getByText("Kies minstens één sector.")).toBeVisible();
  await expect(page.getByLabel("Naam van het netwerk")).toHaveValue(
    "Formatief evalueren in de bovenbouw",
  );
  await checkA11y();
  await page
    .getByLabel("Welke vraag beantwoordt het netwerk?")
    .fill("Hoe geven we feedback die leerlingen echt verder helpt?");
  await page.getByRole("checkbox", { name: "VO" }).check();
  await page.getByLabel("Thema's").fill("formatief evalueren, toetsing");
  await page.getByRole("button", { name: "Netwerk voorstellen" }).click();
  await expect(
    page.getByRole("heading", { name: "Formatief evalueren in de bovenbouw" }),
  ).toBeVisible();
  await expect(page.getByText("In oprichting")).toBeVisible();
  await expect(page.getByText("Je bent penvoerder van dit netwerk.")).toBeVisible();
  await checkA11y();

  await openWorkspacePage(page, "Beheer", "Profiel en fase bewerken");
  await checkA11y();
  await page.getByLabel("Aantal plaatsen").fill("0");
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Vul een aantal plaatsen in van 2 tot 500.")).toBeVisible();
  await checkA11y();
  await page.getByLabel("Aantal plaatsen").fill("12");
  await page.getByLabel("Bijeenkomsten per jaar").fill("4");
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Het netwerk is opgeslagen.")).toBeVisible();
  await expect(page.getByText("1 van 12 plaatsen bezet")).toBeVisible();
  await checkA11y();

  await openWorkspacePage(page, "Beheer", "Routes en stappen");
  await checkA11y();
  await page
    .getByRole("textbox", { name: "Stappen" })
    .fill("Aanmelden\nIntakegesprek\nBijeenkomsten\nAfsluiting");
  await page.getByRole("button", { name: "Stappen opslaan" }).click();
  await expect(page.getByText("De stappen zijn opgeslagen.")).toBeVisible();
  const newRoute = page.locator("form#route-new");
  await newRoute.getByLabel("Naam van de route").fill("Basis");
  await newRoute.getByLabel("Prijs in euro", { exact: true }).fill("-5");
  await newRoute.getByLabel("Minimaal aantal bijeenkomsten aanwezig").fill("0");
  await newRoute.getByLabel("Herregistratiepunten bij afronden").fill("150");
  await newRoute.getByRole("button", { name: "Route opslaan" }).click();
  await expect(
    page.getByText("Vul een prijs in euro's in, 0 of meer (bijvoorbeeld 1450)."),
  ).toBeVisible();
  await expect(
    page.getByText("Vul een aantal bijeenkomsten in (1–100) of laat leeg."),
  ).toBeVisible();
  await expect(page.getByText("Vul 10 tot en met 100 punten in, of laat leeg.")).toBeVisible();
  await checkA11y();
  await page.locator("form#route-new").getByLabel("Prijs in euro", { exact: true }).fill("450");
  await page
    .locator("form#route-new")
    .getByLabel("Minimaal aantal bijeenkomsten aanwezig")
    .fill("3");
  await page.locator("form#route-new").getByLabel("Herregistratiepunten bij afronden").fill("30");
  await page
    .locator("form#route-new")
    .getByRole("checkbox", { name: "Persoonlijk leiderschap" })
    .check();
  await page.locator("form#route-new").getByRole("checkbox", { name: "1. Aanmelden" }).check();
  await page.locator("form#route-new").getByRole("checkbox", { name: "4. Afsluiting" }).check();
  await page.locator("form#route-new").getByRole("button", { name: "Route opslaan" }).click();
  await expect(page.getByText("De route is opgeslagen.")).toBeVisible();
  await checkA11y();
});

test("the penvoerder sees who joined and left when, and decides on a nominated candidate's intake", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  // A member nominates a colleague for the network that grows by nomination.
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await login("jozef.geurtzen@knooppunt.test", undefined, memberPage);
  await memberPage.goto("/netwerken?q=eindverantwoordelijk");
  await memberPage.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  await memberPage.getByLabel("E-mailadres van je collega").fill("maud.croes@knooppunt.test");
  await memberPage
    .getByLabel("Waarom past deze collega?")
    .fill("Zij wordt binnenkort eindverantwoordelijk.");
  const since = Date.now();
  await memberPage.getByRole("button", { name: "Voordragen" }).click();
  await expect(
    memberPage.getByText("Je collega is voorgedragen en heeft een mail gekregen."),
  ).toBeVisible();
  await member.close();

  const nomination = await readMail("maud.croes@knooppunt.test", /voorgedragen/, since);
  const candidate = await browser.newContext();
  const candidatePage = await candidate.newPage();
  await login("maud.croes@knooppunt.test", undefined, candidatePage);
  // The link exactly as a mail client makes it (up to the next space) opens the enrolment form.
  const [enrolLink] = linksIn(nomination);
  const opened = await candidatePage.goto(enrolLink as string);
  expect(opened?.status()).toBe(200);
  await expect(
    candidatePage.getByRole("heading", { name: /Aanmelden.*Eindverantwoordelijk Schoolleiders/ }),
  ).toBeVisible();
  await checkA11y(candidatePage);
  await candidatePage
    .getByLabel("Waarom wil je meedoen?")
    .fill("Ik wil leren van ervaren eindverantwoordelijken.");
  await candidatePage.getByRole("button", { name: "Aanmelden" }).click();
  await expect(
    candidatePage.getByText("De penvoerder nodigt je uit voor een intakegesprek."),
  ).toBeVisible();
  await candidate.close();

  await login("jan.paul.beekman@knooppunt.test");
  await page.goto("/netwerken?q=eindverantwoordelijk");
  await checkA11y();
  await page.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  await checkA11y();
  await openWorkspacePage(page, "Beheer", "Aanmeldingen en wachtlijst");
  await expect(page.getByText("Voorgedragen door Jozef Geurtzen")).toBeVisible();
  await expect(page.getByRole("table", { name: "Wie kwam en ging" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("Bericht aan de kandidaat").fill("Welkom! Tot de bijeenkomst in maart.");
  await page.getByRole("button", { name: "Aannemen" }).click();
  await expect(
    page.getByText("De kandidaat is aangenomen en heeft een mail gekregen."),
  ).toBeVisible();
  await checkA11y();
  const welcome = await readMail(
    "maud.croes@knooppunt.test",
    /Welkom in Eindverantwoordelijk Schoolleiders/,
    since,
  );
  expect(welcome.text).toContain("Tot de bijeenkomst in maart.");

  // The penvoerder makes a member co-facilitator.
  await page.getByLabel("Rol van Jozef Geurtzen").selectOption("facilitator");
  await page
    .getByRole("row", { name: /Jozef Geurtzen/ })
    .getByRole("button", { name: "Wijzigen" })
    .click();
  await expect(page.getByText("De rol is gewijzigd.")).toBeVisible();
  await expect(page.getByLabel("Rol van Jozef Geurtzen")).toHaveValue("facilitator");
  await checkA11y();
});

test("a Stap 2 network without a penvoerder is answered by its regional coordinator; a network since 2006 runs on; places count the penvoerder", async ({
  page,
  checkA11y,
  login,
}) => {
  await page.goto("/netwerken?q=eindverantwoordelijk");
  await checkA11y();
  await page.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  // The facts as a reader wants them: short terms, years not months, no form questions.
  await expect(page.getByText(/^20 jaar, doorlopend sinds .*2006$/)).toBeVisible();
  await expect(page.getByText("240 maanden")).toHaveCount(0);
  await expect(page.getByText("Open leernetwerk · loopt")).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: /^Facilitator$/ })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: /^Sectoren$/ })).toBeVisible();
  await expect(page.getByText(/als je die al weet|Voor welke sector/)).toHaveCount(0);
  await expect(page.getByText(/plaatsen bezet, inclusief penvoerder en facilitator/)).toBeVisible();
  await checkA11y();

  await login("regiocoordinator.zuid@knooppunt.test");
  await page.goto("/netwerken?q=krimp");
  await checkA11y();
  await page.getByRole("link", { name: "SHRM-leernetwerk regio Zuid" }).click();
  await expect(page.getByText("Gefaciliteerde bijeenkomsten: 5 van 5").first()).toBeVisible();
  const continues = page.getByRole("radio", { name: "Gaat zelfstandig door" });
  await continues.check();
  await continues.locator("xpath=ancestor::form").getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Voortzetting: Gaat zelfstandig door")).toBeVisible();
  await checkA11y();
});
