import { sheetRecords, sheetRows } from "../support/spreadsheet.ts";
import { expect, openWorkspacePage, test, waitForMails } from "./support/fixtures.ts";

test("the seed's figure 2 is reproduced from the poll's own 53 ballots", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("deelnemer@knooppunt.test");
  await page.goto("/peilingen");
  await checkA11y();
  await page.getByRole("link", { name: "Leer-top 3 van schoolleiders" }).click();
  await expect(page.getByRole("heading", { name: "Uitkomst (53 deelnemers)" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  const expected = [
    ["1. Werken aan een verbetering of vernieuwing in de school", "53", "11"],
    ["2. Reflecteren met collega's", "53", "10"],
    ["3. Meedoen aan leernetwerk", "26", "2"],
    ["4. Samenwerken met collega's", "25", "6"],
    ["5. Andere school bezoeken", "21", "3"],
    ["6. Zelfreflectie", "20", "2"],
    ["7. Feedback (vragen / ontvangen)", "18", "4"],
    ["8. Rolmodel / mentor", "15", "3"],
    ["9. Reflecteren in het algemeen (zowel met collega's als zelf)", "11", "2"],
    ["10. Werken aan een praktijkvraagstuk in de school", "10", "1"],
  ];
  for (const [i, cells] of expected.entries()) {
    await expect(rows.nth(i + 1).getByRole("rowheader")).toHaveText(cells[0] ?? "");
    await expect(rows.nth(i + 1).getByRole("cell")).toHaveText([cells[1] ?? "", cells[2] ?? ""]);
  }
  // The poll is closed: nobody adds to the published figure.
  await expect(page.getByRole("button", { name: "Top 3 insturen" })).toHaveCount(0);
  await checkA11y();
});

test("a facilitator opens a top-3 poll; members rank anonymously and see the scores", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("jan.paul.beekman@knooppunt.test");
  await page.goto("/netwerken?q=eindverantwoordelijk");
  await checkA11y();
  await page.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  await checkA11y();
  await openWorkspacePage(page, "Oogst en evaluatie", "Peilingen (top 3)");
  await checkA11y();
  await page.getByLabel("Titel").fill("Wat werkt voor ons?");
  await page.getByLabel("Keuzes").fill("Elkaars school bezoeken\nIntervisie");
  await page.getByRole("button", { name: "Peiling openen" }).click();
  await expect(page.getByText("Geef minstens drie keuzes, één per regel.").first()).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue("Wat werkt voor ons?");
  await checkA11y();
  await page.getByLabel("Keuzes").fill("Elkaars school bezoeken\nIntervisie\nintervisie");
  await page.getByRole("button", { name: "Peiling openen" }).click();
  await expect(page.getByText("Elke keuze mag maar één keer voorkomen.").first()).toBeVisible();
  await page
    .getByLabel("Keuzes")
    .fill("Elkaars school bezoeken\nIntervisie\nGastspreker\nSamen lesmateriaal maken");
  await page.getByRole("button", { name: "Peiling openen" }).click();
  await expect(page.getByText("De peiling staat open voor de leden.")).toBeVisible();
  await checkA11y();
  const pollPath = new URL(page.url()).pathname;

  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await login("jozef.geurtzen@knooppunt.test", undefined, memberPage);
  await memberPage.goto(pollPath);
  await memberPage.getByLabel("Op 1 (3 punten)").selectOption({ label: "Intervisie" });
  await memberPage.getByLabel("Op 2 (2 punten)").selectOption({ label: "Intervisie" });
  await memberPage.getByRole("button", { name: "Top 3 insturen" }).click();
  await expect(memberPage.getByText("Kies elke leervorm maar één keer.").first()).toBeVisible();
  await checkA11y(memberPage);
  await memberPage.getByLabel("Op 2 (2 punten)").selectOption({ label: "Anders, namelijk…" });
  await memberPage.getByLabel("Anders, namelijk").fill("Gesprek met de raad van toezicht");
  await memberPage.getByLabel("Op 3 (1 punt)").selectOption({ label: "Gastspreker" });
  await memberPage.getByRole("button", { name: "Top 3 insturen" }).click();
  await expect(memberPage.getByText("Dank je wel! Je top 3 telt mee.")).toBeVisible();
  await expect(memberPage.getByRole("rowheader", { name: "1. Intervisie" })).toBeVisible();
  await expect(
    memberPage.getByRole("rowheader", { name: "2. Anders: Gesprek met de raad van toezicht" }),
  ).toBeVisible();
  await checkA11y(memberPage);
  await member.close();

  await page.reload();
  await expect(page.getByRole("heading", { name: "Uitkomst (1 deelnemer)" })).toBeVisible();
  await page.getByRole("button", { name: "Peiling sluiten" }).click();
  await expect(page.getByText("De peiling is gesloten.")).toBeVisible();
  await checkA11y();
});

test("a penvoerder sends the baseline; members answer from their one-time link; the report shows from five answers", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("jan.paul.beekman@knooppunt.test");
  await page.goto("/netwerken?q=eindverantwoordelijk");
  await checkA11y();
  await page.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  await checkA11y();
  await openWorkspacePage(page, "Beheer", "Vragenlijsten en evaluatie");
  await checkA11y();
  await page.getByRole("button", { name: "Vragenlijst maken" }).click();
  await expect(
    page.getByText("Geef de vragenlijst een titel van 3 tot 150 tekens.").first(),
  ).toBeVisible();
  await checkA11y();
  const title = `Nulmeting ${Date.now()}`;
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel(/Begin met de vragen uit de evaluatie/).uncheck();
  await page.getByRole("button", { name: "Vragenlijst maken" }).click();
  await expect(page.getByText(/Een vragenlijst heeft minstens één vraag/).first()).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue(title);
  await checkA11y();
  await page.getByLabel(/Begin met de vragen uit de evaluatie/).check();
  await page.getByLabel("Antwoordschaal (vijf labels)").fill("ja, nee");
  await page.getByRole("button", { name: "Vragenlijst maken" }).click();
  await expect(
    page.getByText("Geef de schaal vijf verschillende labels, gescheiden door komma's.").first(),
  ).toBeVisible();
  await page
    .getByLabel("Antwoordschaal (vijf labels)")
    .fill("helemaal oneens, oneens, neutraal, eens, helemaal eens");
  await page.getByRole("button", { name: "Vragenlijst maken" }).click();
  await expect(page.getByText(/De vragenlijst is gemaakt/)).toBeVisible();
  const since = Date.now();
  await page
    .getByRole("listitem")
    .filter({ hasText: title })
    .getByRole("button", { name: "Versturen" })
    .click();
  await expect(page.getByText(/De vragenlijst is verstuurd/)).toBeVisible();
  await checkA11y();

  // Every participant's mail holds their own link.
  const links = (
    await waitForMails((m) => m.at >= since && m.subject.includes(title), 5, "vragenlijst-mails")
  ).map(
    (m) =>
      new URL(m.text.match(/https?:\/\/\S+\/vragenlijst\/[A-Za-z0-9_-]+/)?.[0] ?? "http://x/")
        .pathname,
  );
  expect(links.length).toBeGreaterThanOrEqual(5);

  const visitor = await browser.newContext();
  const answerPage = await visitor.newPage();
  for (const [i, link] of links.slice(0, 5).entries()) {
    await answerPage.goto(link);
    if (i === 0) {
      await answerPage.getByRole("button", { name: "Antwoorden versturen" }).click();
      await expect(
        answerPage.getByText("Kies een antwoord van 1 tot en met 5.").first(),
      ).toBeVisible();
      await checkA11y(answerPage);
    }
    // The page's own question groups: the header's menus are groups (<details>) too.
    for (const group of await answerPage.getByRole("main").getByRole("group").all()) {
      await group.getByRole("radio", { name: i < 3 ? /^4 · / : /^5 · / }).check();
    }
    await answerPage
      .getByLabel("Wat werkt het best in dit netwerk?")
      .fill(i === 0 ? "De casussen uit de praktijk" : "");
    await answerPage.getByRole("button", { name: "Antwoorden versturen" }).click();
    await expect(answerPage.getByText("Dank je wel! Je antwoorden zijn opgeslagen.")).toBeVisible();
    if (i === 0) await checkA11y(answerPage);
    if (i === 3) {
      // Four answers: the report shows nothing yet.
      await page.getByRole("link", { name: title }).click();
      await expect(page.getByText(/Uitkomsten zijn zichtbaar vanaf 5 antwoorden/)).toBeVisible();
      await checkA11y();
      await page.goBack();
    }
  }
  await answerPage.goto(links[0] ?? "");
  await expect(answerPage.getByText("Je hebt deze vragenlijst al ingevuld.")).toBeVisible();
  await visitor.close();

  await page.goto(new URL(page.url()).pathname);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("5 van", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("gemiddeld 4,4").first()).toBeVisible();
  await expect(page.getByText("De casussen uit de praktijk")).toBeVisible();
  await checkA11y();
  const xlsx = await page.request.get(
    (await page
      .getByRole("link", { name: "Uitkomsten als spreadsheet (xlsx)" })
      .getAttribute("href")) ?? "",
  );
  const rows = await sheetRows(await xlsx.body(), "Uitkomsten");
  expect(
    rows.find((r) => r[0] === "In het netwerk worden de juiste onderwerpen besproken."),
  ).toEqual(["In het netwerk worden de juiste onderwerpen besproken.", 0, 0, 0, 3, 2, 4.4, null]);
});

test("a coordinator reads the programme in figures and downloads the same numbers as XLSX", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("coordinator@knooppunt.test");
  await page
    .getByRole("navigation", { name: "Hoofdmenu" })
    .getByRole("link", { name: "In cijfers" })
    .click();
  await expect(page.getByRole("heading", { name: "VO-academie in cijfers" })).toBeVisible();
  await checkA11y();
  const figure = async (label: string) =>
    (await page
      .getByRole("list", { name: "Kerncijfers" })
      .getByRole("listitem")
      .filter({ hasText: label })
      .locator("p")
      .last()
      .textContent()) ?? "";
  const networks = Number(await figure("Netwerken"));
  expect(networks).toBeGreaterThan(0);
  const participants = Number(await figure("Deelnemers"));
  await page.getByLabel("Van").fill("2030-01-01");
  await page.getByRole("button", { name: "Toon" }).click();
  await page.waitForURL(/van=2030-01-01/);
  await expect(
    page
      .getByRole("list", { name: "Kerncijfers" })
      .getByRole("listitem")
      .filter({ hasText: "Bijeenkomsten gehouden" }),
  ).toContainText("0");
  await checkA11y();
  const xlsx = await page.request.get(
    (await page
      .getByRole("link", { name: "Download als spreadsheet (xlsx)" })
      .getAttribute("href")) ?? "",
  );
  const rows = await sheetRecords(await xlsx.body(), "Cijfers");
  expect(rows.find((r) => r.Cijfer === "Programma")?.Waarde).toBe("VO-academie");
  expect(rows.find((r) => r.Cijfer === "Netwerken")?.Waarde).toBe(networks);
  expect(rows.find((r) => r.Cijfer === "Deelnemers")?.Waarde).toBe(participants);
  expect(rows.find((r) => r.Cijfer === "Bijeenkomsten gehouden")?.Waarde).toBe(0);
});

test("the dashboard counts a Stap 2 network's facilitated meetings and its stop, the VO-academie's own way of going on, and opens on all programmes for an admin", async ({
  page,
  checkA11y,
  login,
}) => {
  const figure = (label: string) =>
    page
      .getByRole("list", { name: "Kerncijfers" })
      .getByRole("listitem")
      .filter({ hasText: label })
      .locator("p")
      .last();
  // The regional coordinator of Noord answers "Gaat het door?" for PRO Friesland: it stops.
  await login("regiocoordinator@knooppunt.test");
  await page.goto("/netwerken?q=friesland");
  await checkA11y();
  await page.getByRole("link", { name: "PRO Friesland" }).click();
  await expect(page.getByText("Gefaciliteerde bijeenkomsten: 5 van 5").first()).toBeVisible();
  await checkA11y();
  const stops = page.getByRole("radio", { name: "Stopt" });
  await stops.check();
  await stops.locator("xpath=ancestor::form").getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Voortzetting: Stopt")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Stap 2 in cijfers" })).toBeVisible();
  await expect(figure("Gestopt")).toHaveText("1");
  await expect(figure("Bijeenkomsten gehouden")).toHaveText("5");
  await expect(figure("Zelfstandig verder")).toHaveText("0% (0/1)");
  await checkA11y();
  await page.getByRole("button", { name: "Uitloggen" }).click();

  // The VO-academie's networks are national and supported for a year (seed V 3.1).
  await login("coordinator@knooppunt.test");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "VO-academie in cijfers" })).toBeVisible();
  await expect(figure("Zelfstandig verder")).toHaveText(/^\d+% \(\d+\/\d+\)$/);
  const perRegion = page.getByRole("heading", { name: "Netwerken per regio" }).locator("..");
  await expect(perRegion.getByText(/waarvan \d+ landelijk/).first()).toBeVisible();
  await expect(perRegion.getByText("—", { exact: true })).toHaveCount(0);
  await checkA11y();
  await page.getByRole("button", { name: "Uitloggen" }).click();

  await login("beheerder@knooppunt.test");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Alle programma's in cijfers" })).toBeVisible();
  await expect(page.getByLabel("Programma")).toHaveValue("alle");
  await checkA11y();
  await page.getByLabel("Programma").selectOption({ label: "Stap 2" });
  await page.getByRole("button", { name: "Toon" }).click();
  await expect(page.getByRole("heading", { name: "Stap 2 in cijfers" })).toBeVisible();
  await checkA11y();
});

test("people without a programme get 404 on the dashboard", async ({ page, login }) => {
  await login("deelnemer@knooppunt.test");
  expect((await page.request.get("/dashboard")).status()).toBe(404);
  expect((await page.request.get("/dashboard/xlsx")).status()).toBe(404);
});

test("a network harvests and shares a good practice once everyone named agrees", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("jozef.geurtzen@knooppunt.test");
  await page.goto("/netwerken?q=eindverantwoordelijk");
  await checkA11y();
  await page.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  await checkA11y();
  await openWorkspacePage(page, "Oogst en evaluatie", "Oogst en goede voorbeelden");
  await checkA11y();
  await page.getByRole("button", { name: "Vastleggen" }).click();
  await expect(page.getByText("Geef een titel van 3 tot 200 tekens.").first()).toBeVisible();
  await checkA11y();
  const title = `Koers bepalen met de raad van toezicht ${Date.now()}`;
  await page.getByLabel("Titel").fill(title);
  await page
    .getByLabel("Het gevonden antwoord")
    .fill(
      "Twee keer per jaar een open gesprek met de toezichthouders over de koers, zonder agenda vooraf, werkte beter dan elk rapport.",
    );
  await page.getByRole("checkbox", { name: "Jan Paul Beekman" }).check();
  // A long list of schools: type part of the name and pick it (a <select> without JavaScript).
  await page
    .getByRole("combobox", { name: "Voorbeeldschool (als de school akkoord gaat)" })
    .fill("Assink");
  await page.getByRole("option", { name: "Assink Lyceum" }).click();
  await page.getByRole("button", { name: "Vastleggen" }).click();
  await expect(page.getByText("De opbrengst is vastgelegd.")).toBeVisible();
  await checkA11y();
  const item = page.getByRole("listitem").filter({ hasText: title });
  await item.getByRole("button", { name: "Delen als goed voorbeeld" }).click();
  await expect(page.getByText(/het wordt gepubliceerd zodra iedereen/)).toBeVisible();

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/goede-voorbeelden?q=${encodeURIComponent("toezichthouder koers")}`);
  await expect(visitorPage.getByRole("link", { name: title })).toHaveCount(0);

  const named = await browser.newContext();
  const namedPage = await named.newPage();
  await login("jan.paul.beekman@knooppunt.test", undefined, namedPage);
  await namedPage.goto(new URL(page.url()).pathname);
  await namedPage
    .getByRole("listitem")
    .filter({ hasText: title })
    .getByRole("button", { name: "Ik ga akkoord met publicatie" })
    .click();
  await expect(namedPage.getByText("Je toestemming is vastgelegd.")).toBeVisible();
  await checkA11y(namedPage);
  await named.close();

  await visitorPage.reload();
  await expect(visitorPage.getByRole("link", { name: title })).toBeVisible();
  await expect(visitorPage.getByText("voorbeeldschool Assink Lyceum")).toHaveCount(0);
  await checkA11y(visitorPage);

  await page.reload();
  await page
    .getByRole("listitem")
    .filter({ hasText: title })
    .getByRole("button", { name: "Assink Lyceum wil voorbeeldschool zijn" })
    .click();
  await expect(
    page.getByText("De school staat nu als voorbeeldschool bij dit voorbeeld."),
  ).toBeVisible();
  await checkA11y();
  await visitorPage.reload();
  await visitorPage.getByRole("link", { name: title }).click();
  await expect(visitorPage.getByText("Assink Lyceum")).toBeVisible();
  await expect(visitorPage.getByText("Jan Paul Beekman")).toBeVisible();
  await checkA11y(visitorPage);
  await visitor.close();
});

test("a participant scans their competences, sees the profile and shares an action plan with their buddy", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("sanne.kok@knooppunt.test");
  await page.goto("/zelfscan");
  await checkA11y();
  await page.getByRole("button", { name: "Scan opslaan" }).click();
  await expect(page.getByText("Kies een antwoord van 1 tot en met 5.").first()).toBeVisible();
  await checkA11y();
  const groups = await page.getByRole("main").getByRole("group").all();
  for (const [i, group] of groups.entries()) {
    await group.getByRole("radio", { name: i < 2 ? /^4 · / : /^2 · / }).check();
  }
  await page.getByRole("button", { name: "Scan opslaan" }).click();
  await expect(page.getByText("Je scan is opgeslagen; je profiel staat hierboven.")).toBeVisible();
  await expect(page.getByText("Visiegestuurd werken").first()).toBeVisible();
  await checkA11y();

  await page.getByRole("button", { name: "Actieplan opslaan" }).click();
  await expect(page.getByText("Vul minstens één doel met een actie in.").first()).toBeVisible();
  await page.getByLabel("Doel 1").fill("Leraren leren van elkaar");
  await page.getByLabel("Actie 1").fill("Elke maand een lesbezoek in duo's");
  await page.getByLabel("Datum 1").fill("2027-03-01");
  await page
    .getByLabel("In netwerk")
    .selectOption({ label: "Leergang Leiding geven aan een lerende school" });
  await page.getByLabel("Delen met").selectOption("buddy");
  await page.getByRole("button", { name: "Actieplan opslaan" }).click();
  await expect(page.getByText("Je actieplan is opgeslagen.")).toBeVisible();
  await checkA11y();

  const buddy = await browser.newContext();
  const buddyPage = await buddy.newPage();
  await login("ahmed.elidrissi@knooppunt.test", undefined, buddyPage);
  await buddyPage.goto("/netwerken?q=lerende+school");
  await buddyPage
    .getByRole("link", { name: "Leergang Leiding geven aan een lerende school" })
    .click();
  await openWorkspacePage(buddyPage, "Oogst en evaluatie", "Gedeelde actieplannen");
  await expect(buddyPage.getByText("Elke maand een lesbezoek in duo's")).toBeVisible();
  await checkA11y(buddyPage);
  await buddy.close();
});

test("a school admin loads the competence framework the school uses", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("schoolbeheerder@knooppunt.test");
  await page.goto("/zelfscan/raamwerk");
  await checkA11y();
  await page.getByLabel("Naam van het raamwerk").fill("Competenties teamleiders Baken");
  await page
    .getByLabel("Competenties en stellingen")
    .fill("# Coachen\n# Organiseren\n- Ik plan vooruit.");
  await page.getByRole("button", { name: "Raamwerk laden" }).click();
  await expect(page.getByText(/Zet elke competentie op een regel met #/).first()).toBeVisible();
  await expect(page.getByLabel("Naam van het raamwerk")).toHaveValue(
    "Competenties teamleiders Baken",
  );
  await checkA11y();
  await page
    .getByLabel("Competenties en stellingen")
    .fill(
      "# Coachen\n- Ik voer ontwikkelgesprekken.\n# Organiseren\n- Ik plan vooruit met het team.",
    );
  await page.getByRole("button", { name: "Raamwerk laden" }).click();
  await expect(page.getByRole("heading", { name: "Competenties teamleiders Baken" })).toBeVisible();
  await checkA11y();
});

test("outsiders get 404 on a network's surveys, harvest, polls and shared plans, and on unknown survey links", async ({
  page,
  login,
  checkA11y,
}) => {
  await login("deelnemer@knooppunt.test");
  await page.goto("/netwerken?q=autopoiesis");
  await checkA11y();
  await page.getByRole("link", { name: "Netwerk Autopoiesis" }).click();
  await page.waitForURL(/\/netwerken\/[0-9a-f-]{36}$/);
  const network = new URL(page.url()).pathname;
  await checkA11y();
  for (const url of [
    `${network}/vragenlijsten`,
    `${network}/vragenlijsten/00000000-0000-4000-8000-000000000000`,
    `${network}/vragenlijsten/00000000-0000-4000-8000-000000000000/export/xlsx`,
    `${network}/oogst`,
    `${network}/peilingen`,
    `${network}/actieplannen`,
    "/vragenlijst/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ",
    "/goede-voorbeelden/00000000-0000-4000-8000-000000000000",
    "/peilingen/00000000-0000-4000-8000-000000000000",
  ]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
});
