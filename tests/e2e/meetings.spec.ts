import ICAL from "ical.js";
import { expect, openWorkspacePage, readMail, test } from "./support/fixtures.ts";

test("a penvoerder plans a year of meetings and one 24-hour online meeting; bad input is explained and kept", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("jan.paul.beekman@knooppunt.test");
  await page.goto("/netwerken?q=eindverantwoordelijk");
  await checkA11y();
  await page.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  await checkA11y();
  await page.getByRole("link", { name: "Bijeenkomsten" }).click();
  await checkA11y();
  // Bad input first: the error sits next to the field and what was typed stays.
  await page.getByLabel("Eerste bijeenkomst").fill("2027-01-19");
  await page.getByLabel("Aantal bijeenkomsten").fill("30");
  await page.getByLabel("Adres").fill("RSG Broklede, Breukelen");
  await page.getByRole("button", { name: "Reeks aanmaken" }).click();
  await expect(page.getByText("Kies 2 tot 20 bijeenkomsten.").first()).toBeVisible();
  await expect(page.getByLabel("Adres")).toHaveValue("RSG Broklede, Breukelen");
  await checkA11y();
  await page.getByLabel("Aantal bijeenkomsten").fill("10");
  await page.getByLabel("Begintijd").fill("16:00");
  await page.getByLabel("Eindtijd").fill("19:00");
  await page.getByRole("button", { name: "Reeks aanmaken" }).click();
  await expect(page.getByText("De bijeenkomsten zijn gepland.")).toBeVisible();
  await expect(page.getByRole("link", { name: /di 19 jan 2027, 16\.00–19\.00/ })).toBeVisible();
  // Ten meetings, every four weeks, at 16.00 also after the change to summer time (30 March).
  await expect(page.getByRole("link", { name: /2027, 16\.00–19\.00/ })).toHaveCount(10);
  await expect(page.getByRole("link", { name: /di 13 apr 2027, 16\.00/ })).toBeVisible();
  await checkA11y();

  // One extra meeting: a 24-hour meeting across two days, online without a link first.
  await page.getByRole("link", { name: "Nieuwe bijeenkomst" }).click();
  await checkA11y();
  await page.getByLabel("Thema").fill("24-uurs bijeenkomst: strategie");
  await page.getByLabel("Datum", { exact: true }).fill("2027-06-10");
  await page.getByLabel("Begintijd").fill("16:00");
  await page.getByLabel("Einddatum").fill("2027-06-11");
  await page.getByLabel("Eindtijd").fill("16:00");
  await page.getByLabel("Waar").selectOption("online");
  await page.getByRole("button", { name: "Bijeenkomst opslaan" }).click();
  await expect(
    page.getByText("Een online bijeenkomst heeft een link nodig.").first(),
  ).toBeVisible();
  await expect(page.getByLabel("Thema")).toHaveValue("24-uurs bijeenkomst: strategie");
  await checkA11y();
  await page.getByLabel("Link voor online deelname").fill("https://meet.example/broklede");
  await page.getByRole("button", { name: "Bijeenkomst opslaan" }).click();
  await expect(page.getByText("De bijeenkomst is opgeslagen.")).toBeVisible();
  await expect(
    page.getByRole("heading", { name: /do 10 jun 2027, 16\.00 – vr 11 jun 2027, 16\.00/ }),
  ).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "Alle bijeenkomsten" }).click();
  await checkA11y();
});

// Its own two meetings (in 2028, four weeks apart), so it does not wait for the year above.
test("a member prepares a meeting's programme and brings in a case; the chosen theme goes to the next meeting; moving a meeting mails the members", async ({
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
  await page.getByRole("link", { name: "Bijeenkomsten" }).click();
  await checkA11y();
  await page.getByLabel("Eerste bijeenkomst").fill("2028-01-18");
  await page.getByLabel("Aantal bijeenkomsten").fill("2");
  await page.getByLabel("Begintijd").fill("16:00");
  await page.getByLabel("Eindtijd").fill("19:00");
  await page.getByLabel("Adres").fill("RSG Broklede, Breukelen");
  await page.getByRole("button", { name: "Reeks aanmaken" }).click();
  await expect(page.getByText("De bijeenkomsten zijn gepland.")).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: /di 18 jan 2028/ }).click();
  await checkA11y();
  await page.getByRole("checkbox", { name: "Jozef Geurtzen" }).check();
  await page.getByRole("button", { name: "Voorbereidingsgroep opslaan" }).click();
  await expect(page.getByText("De voorbereidingsgroep is opgeslagen.")).toBeVisible();
  await checkA11y();

  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await login("jozef.geurtzen@knooppunt.test", undefined, memberPage);
  await memberPage.goto(new URL(page.url()).pathname);
  await memberPage
    .getByLabel("Programma bewerken")
    .fill("Opening\nGastspreker over governance\nCasusronde\nKeuze volgend thema");
  await memberPage.getByRole("button", { name: "Programma opslaan" }).click();
  await expect(memberPage.getByText("Het programma is opgeslagen.")).toBeVisible();
  await memberPage.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(
    memberPage.getByText("Geef de casus een titel van 3 tot 150 tekens.").first(),
  ).toBeVisible();
  await memberPage.getByLabel("Titel van je casus").fill("Krimp en samenwerking in de regio");
  await memberPage
    .getByLabel("Beschrijving")
    .fill(
      "Twee scholen in onze regio moeten samen verder, maar de teams kennen elkaar nauwelijks.",
    );
  await memberPage.getByLabel("Je vraag aan de groep").fill("Hoe begin je zo'n samenwerking?");
  await memberPage.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(memberPage.getByText("Je casus is ingebracht.")).toBeVisible();
  await member.close();

  await page.reload();
  await expect(
    page.getByRole("heading", { name: "Krimp en samenwerking in de regio" }),
  ).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Gastspreker over governance" }),
  ).toBeVisible();
  // The group chooses the next theme; it shows on the next meeting at once.
  await page.getByLabel("Gekozen thema").fill("Governance en de raad van toezicht");
  await page.getByRole("button", { name: "Thema vastleggen" }).click();
  await expect(page.getByText("Het thema staat bij de volgende bijeenkomst.")).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "Alle bijeenkomsten" }).click();
  await expect(
    page.getByRole("link", { name: /di 15 feb 2028.*Governance en de raad van toezicht/ }),
  ).toBeVisible();
  await checkA11y();

  // Moving a meeting mails the members.
  await page.getByRole("link", { name: /di 15 feb 2028/ }).click();
  await checkA11y();
  await page.getByRole("link", { name: "Wijzigen of verplaatsen" }).click();
  await checkA11y();
  await page.getByLabel("Eindtijd").fill("15:00");
  await page.getByRole("button", { name: "Bijeenkomst opslaan" }).click();
  await expect(page.getByText(/De eindtijd ligt vóór of op de begintijd/).first()).toBeVisible();
  await checkA11y();
  const since = Date.now();
  await page.getByLabel("Datum", { exact: true }).fill("2028-02-22");
  await page.getByLabel("Eindtijd").fill("19:00");
  await page.getByRole("button", { name: "Bijeenkomst opslaan" }).click();
  await expect(page.getByText("De bijeenkomst is opgeslagen.")).toBeVisible();
  await checkA11y();
  const mail = await readMail("jozef.geurtzen@knooppunt.test", /verplaatst/, since);
  expect(mail.text).toContain("di 22 feb 2028, 16.00");
});

// The demo runs on the real date: Autopoiesis's ninth meeting (10 November 2026) is over, the
// closing meeting (8 December 2026) is not. Nothing of the route can be done before it happens.
test("a route waits for its dates: the closing conversation, the presentation and the closing meeting", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  test.skip(
    Date.now() >= Date.parse("2026-12-08T07:30:00Z"),
    "the demo year's closing meeting has passed",
  );
  await login("guus.geisen@knooppunt.test");
  await page.goto("/netwerken?q=autopoiesis");
  await checkA11y();
  await page.getByRole("link", { name: "Netwerk Autopoiesis" }).click();
  await expect(
    page.getByRole("navigation", { name: "Werkruimte van Netwerk Autopoiesis" }),
  ).toBeVisible();
  await checkA11y();
  await openWorkspacePage(page, "Beheer", "Voortgang deelnemers");
  await checkA11y();
  const progressPath = new URL(page.url()).pathname;
  const networkPath = progressPath.replace("/voortgang", "");
  // The closing conversation: two slots proposed, then the member picks one.
  await page.getByLabel("Deelnemer").selectOption({ label: "Anouk Visser" });
  await page.getByLabel("Gesprek").selectOption("6");
  await page.getByLabel("Datum voorstel 1").fill("2030-12-01");
  await page.getByLabel("Tijd voorstel 1").fill("15:00");
  await page.getByLabel("Datum voorstel 2").fill("2030-12-01");
  await page.getByLabel("Tijd voorstel 2").fill("15:30");
  await page.getByRole("button", { name: "Tijden voorstellen" }).click();
  await expect(
    page.getByText("Dit tijdstip overlapt met een ander gesprek of voorstel van jou.").first(),
  ).toBeVisible();
  await checkA11y();
  await page.getByLabel("Tijd voorstel 2").fill("16:30");
  await page.getByRole("button", { name: "Tijden voorstellen" }).click();
  await expect(
    page.getByText("De tijden zijn voorgesteld; de deelnemer kreeg een e-mail."),
  ).toBeVisible();
  await checkA11y();

  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await login("anouk.visser@knooppunt.test", undefined, memberPage);
  await readMail("anouk.visser@knooppunt.test", /stelt tijden voor/);
  await memberPage.goto(`${networkPath}/mijn-route`);
  await expect(
    memberPage.getByText("Je was bij 8 bijeenkomsten; nodig: 9 (van 10 gepland)."),
  ).toBeVisible();
  await memberPage.getByRole("radio", { name: /16\.30/ }).check();
  await memberPage.getByRole("button", { name: "Deze tijd kiezen" }).click();
  await expect(memberPage.getByText("Het gesprek is ingepland.")).toBeVisible();
  await checkA11y(memberPage);

  // The conversation is in 2030: it cannot be marked held today.
  await page.reload();
  await page
    .getByRole("row", { name: /Anouk Visser/ })
    .getByRole("link", { name: "Ingepland" })
    .click();
  await checkA11y();
  await page
    .getByLabel("Gedeeld verslag")
    .fill("Presentatie voorbereid: leidinggevende, team en systeem.");
  await page.getByLabel(/Het gesprek is gehouden/).check();
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(
    page.getByText(
      "Dit gesprek staat nog gepland. Je kunt het als gehouden markeren vanaf het begin van het gesprek.",
    ),
  ).toBeVisible();
  await checkA11y();

  // The member hands in the presentation early; a disallowed file is refused in Dutch. It counts
  // from the closing meeting on.
  await memberPage.reload();
  await memberPage.getByLabel("Of upload je presentatie").setInputFiles({
    name: "presentatie.html",
    mimeType: "text/html",
    buffer: Buffer.from("<script>alert(1)</script>"),
  });
  await memberPage.getByRole("button", { name: "Presentatie inleveren" }).click();
  await expect(memberPage.getByText(/Dit soort bestand kan niet/).first()).toBeVisible();
  await checkA11y(memberPage);
  await memberPage.getByLabel("Of upload je presentatie").setInputFiles([]);
  await memberPage
    .getByLabel("Link naar je presentatie")
    .fill("https://slides.example/autopoiesis-anouk");
  await memberPage.getByRole("button", { name: "Presentatie inleveren" }).click();
  await expect(memberPage.getByText("Je presentatie is ingeleverd.")).toBeVisible();
  await expect(
    memberPage.getByText("Telt na de afsluitende bijeenkomst van di 8 dec 2026"),
  ).toBeVisible();
  await checkA11y(memberPage);

  // Attendance at the ninth meeting; the closing meeting takes none before it begins.
  await page.goto(`${networkPath}/bijeenkomsten`);
  await checkA11y();
  await page.getByRole("link", { name: /di 10 nov 2026/ }).click();
  await checkA11y();
  await page.getByRole("radio", { name: "Anouk Visser: Aanwezig" }).check();
  await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
  await expect(page.getByText("De aanwezigheid is opgeslagen.")).toBeVisible();
  await checkA11y();
  await page.goto(`${networkPath}/bijeenkomsten`);
  await page.getByRole("link", { name: /di 8 dec 2026/ }).click();
  await expect(
    page.getByText(
      "Deze bijeenkomst is nog niet begonnen. Aanwezigheid registreer je vanaf het begin van de bijeenkomst.",
    ),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Aanwezigheid opslaan" })).toHaveCount(0);
  await checkA11y();

  // The last step ticked off: still not completed, and no certificate.
  await page.goto(progressPath);
  await page.getByRole("button", { name: "Anouk Visser, Stap 8: Afvinken" }).click();
  await expect(page.getByText("De stap is bijgewerkt.")).toBeVisible();
  const anouk = page.getByRole("row", { name: /Anouk Visser/ });
  await expect(anouk.getByRole("cell").last()).toHaveText("Nog niet");
  await expect(
    anouk.getByText("Telt na de afsluitende bijeenkomst van di 8 dec 2026"),
  ).toBeVisible();
  await checkA11y();
  await memberPage.reload();
  await expect(memberPage.getByText(/Je hebt de route afgerond op/)).toHaveCount(0);
  await expect(memberPage.getByRole("link", { name: "Download je certificaat (pdf)" })).toHaveCount(
    0,
  );

  // Her calendar feed, read by a real iCalendar parser: the closing meeting and the conversation.
  await memberPage.goto("/agenda");
  await expect(
    memberPage
      .getByRole("listitem")
      .filter({ hasText: "Afsluitende bijeenkomst" })
      .getByText("Waar: Het Leerhuis, Oudegracht 12, Utrecht"),
  ).toBeVisible();
  await checkA11y(memberPage);
  await memberPage.getByRole("button", { name: "Maak een agenda-link" }).click();
  const feedUrl = await memberPage.getByLabel("Jouw agenda-link").inputValue();
  await checkA11y(memberPage);
  const response = await memberPage.request.get(feedUrl);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const closing = events.find((e) => e.summary.includes("Afsluitende bijeenkomst"));
  expect(closing?.startDate.toJSDate().toISOString()).toBe("2026-12-08T07:30:00.000Z");
  expect(closing?.location).toBe("Het Leerhuis, Oudegracht 12, Utrecht");
  expect(closing?.component.getAllSubcomponents("valarm")).toHaveLength(1);
  expect(events.some((e) => e.summary.includes("afrondend gesprek"))).toBe(true);
  await memberPage.getByRole("button", { name: "Link intrekken" }).click();
  await expect(memberPage.getByText("De agenda-link werkt niet meer.")).toBeVisible();
  expect((await memberPage.request.get(feedUrl)).status()).toBe(404);
  await member.close();
});

test("a meeting from before a member's enrolment counts only when caught up, with a reason", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("guus.geisen@knooppunt.test");
  await page.goto("/netwerken?q=autopoiesis");
  await checkA11y();
  await page.getByRole("link", { name: "Netwerk Autopoiesis" }).click();
  await page.waitForURL(/\/netwerken\/[0-9a-f-]{36}$/);
  await checkA11y();
  const networkPath = new URL(page.url()).pathname;
  await page.goto(`${networkPath}/bijeenkomsten`);
  await checkA11y();
  await page.getByRole("link", { name: /di 27 jan 2026/ }).click();
  await checkA11y();
  // The participant who enrolled on 10 February has no radio buttons for 27 January.
  await expect(page.getByText("Aangemeld op di 10 feb 2026, na deze bijeenkomst.")).toBeVisible();
  const caughtUp = page.getByRole("checkbox", { name: /: Ingehaald$/ });
  const name = ((await caughtUp.getAttribute("name")) ?? "").replace("caught-", "");
  expect(name).not.toBe("");
  await caughtUp.check();
  await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
  await expect(
    page
      .getByText("Geef een reden waarom deze bijeenkomst als ingehaald telt (minstens 5 tekens).")
      .last(),
  ).toBeVisible();
  await checkA11y();
  await page
    .getByRole("textbox", { name: /Reden \(bijvoorbeeld hoe het is ingehaald\)/ })
    .fill("Opname bekeken en besproken met Guus");
  await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
  await expect(page.getByText("De aanwezigheid is opgeslagen.")).toBeVisible();
  await checkA11y();
  await page.goto(`${networkPath}/voortgang`);
  await expect(
    page.getByText("Ingehaald: di 27 jan 2026 — Opname bekeken en besproken met Guus"),
  ).toBeVisible();
  await checkA11y();
});

test("a course participant hands in an assignment and gets feedback from the teacher and the buddy", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("sanne.kok@knooppunt.test");
  await page.goto("/netwerken?q=lerende+school");
  await checkA11y();
  await page.getByRole("link", { name: "Leergang Leiding geven aan een lerende school" }).click();
  await expect(
    page.getByText("5 contactdagen (40 uur) en 120 uur zelfstudie: 160 uur in totaal."),
  ).toBeVisible();
  await checkA11y();
  await openWorkspacePage(page, "Leergang", "Leergang: opdrachten en literatuur");
  await expect(page.getByText("Je maatje: Ahmed El Idrissi")).toBeVisible();
  await expect(page.getByText(/Leidinggeven aan een lerende school\. Welke vragen/)).toBeVisible();
  await checkA11y();
  await page
    .getByRole("link", { name: "Opdracht 2: analyse van je organisatorische context" })
    .click();
  await checkA11y();
  await page.getByRole("button", { name: "Inleveren" }).click();
  await expect(page.getByText("Schrijf je uitwerking (minstens 10 tekens).").first()).toBeVisible();
  await checkA11y();
  await page
    .getByLabel("Je uitwerking")
    .fill(
      "In onze school helpt de open cultuur, maar remt het rooster: leraren zien elkaar nauwelijks lesgeven.",
    );
  await page.getByLabel("Bestand (mag ook leeg)").setInputFiles({
    name: "analyse.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Analyse van de context: rooster, cultuur, ruimte."),
  });
  await page.getByRole("button", { name: "Inleveren" }).click();
  await expect(page.getByText("Je werk is ingeleverd.")).toBeVisible();
  await checkA11y();
  const assignmentPath = new URL(page.url()).pathname;

  for (const [email, feedback] of [
    [
      "loes.vanwessum@knooppunt.test",
      "Goede analyse. Wat betekent dit voor jouw leiderschapspraktijk?",
    ],
    ["ahmed.elidrissi@knooppunt.test", "Herkenbaar! Bij ons helpt een vast moment voor lesbezoek."],
  ] as const) {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await login(email, undefined, otherPage);
    await otherPage.goto(assignmentPath);
    await otherPage.getByLabel("Feedback aan Sanne Kok").fill(feedback);
    await otherPage.getByRole("button", { name: "Feedback geven" }).click();
    await expect(otherPage.getByText("Je feedback is opgeslagen.")).toBeVisible();
    await other.close();
  }
  await page.reload();
  await expect(
    page.getByText("Goede analyse. Wat betekent dit voor jouw leiderschapspraktijk?"),
  ).toBeVisible();
  await expect(
    page.getByText("Herkenbaar! Bij ons helpt een vast moment voor lesbezoek."),
  ).toBeVisible();
  await expect(page.getByText("docent", { exact: true })).toBeVisible();
  await expect(page.getByText("maatje", { exact: true })).toBeVisible();
  const download = await page.request.get(
    (await page.getByRole("link", { name: "Bestand downloaden" }).getAttribute("href")) ?? "",
  );
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  // A body far over the 10 MB limit is refused before it is read, with a Dutch page.
  const tooBig = await page.request.post(assignmentPath, {
    headers: { Origin: new URL(page.url()).origin },
    multipart: {
      intent: "submit",
      text: "Een te groot bestand als bijlage.",
      file: {
        name: "groot.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.alloc(13 * 1024 * 1024),
      },
    },
  });
  expect(tooBig.status()).toBe(413);
  expect(await tooBig.text()).toContain("Dit bestand is te groot");

  // The teacher pairs two participants who have no buddy yet.
  const teacher = await browser.newContext();
  const teacherPage = await teacher.newPage();
  await login("loes.vanwessum@knooppunt.test", undefined, teacherPage);
  await teacherPage.goto(`${assignmentPath.replace(/\/leergang\/.*/, "")}/maatjes`);
  await expect(
    teacherPage
      .getByText("Ahmed El Idrissi & Sanne Kok")
      .or(teacherPage.getByText("Sanne Kok & Ahmed El Idrissi")),
  ).toBeVisible();
  await teacherPage.getByRole("button", { name: "Maatjes vormen" }).click();
  await expect(
    teacherPage.getByText("Een maatjesgroep heeft 2 tot 5 mensen.").first(),
  ).toBeVisible();
  await checkA11y(teacherPage);
  const unpaired = teacherPage
    .getByRole("group", { name: /Kies 2 tot 5 deelnemers/ })
    .getByRole("checkbox");
  await unpaired.nth(0).check();
  await unpaired.nth(1).check();
  await teacherPage.getByRole("button", { name: "Maatjes vormen" }).click();
  await expect(teacherPage.getByText("De maatjes zijn gevormd.")).toBeVisible();
  await checkA11y(teacherPage);
  await teacher.close();
  await checkA11y();
});

test("people outside a network get 404 on every meeting, route, course and file page", async ({
  page,
  browser,
  login,
  checkA11y,
}) => {
  // Collect the private addresses as insiders.
  const insider = await browser.newContext();
  const insiderPage = await insider.newPage();
  await login("ahmed.elidrissi@knooppunt.test", undefined, insiderPage);
  await insiderPage.goto("/netwerken?q=lerende+school");
  await insiderPage
    .getByRole("link", { name: "Leergang Leiding geven aan een lerende school" })
    .click();
  await insiderPage.waitForURL(/\/netwerken\/[0-9a-f-]{36}$/);
  const course = new URL(insiderPage.url()).pathname;
  await insiderPage.goto(`${course}/leergang`);
  await insiderPage.getByRole("link", { name: /Opdracht 1/ }).click();
  await insiderPage.waitForURL(/opdrachten\//);
  const assignment = new URL(insiderPage.url()).pathname;
  await insiderPage.goto(`${course}/bijeenkomsten`);
  await insiderPage.getByRole("link", { name: /Dag 1/ }).click();
  await insiderPage.waitForURL(/bijeenkomsten\/[0-9a-f-]{36}$/);
  const meeting = new URL(insiderPage.url()).pathname;
  await insider.close();

  await login("deelnemer@knooppunt.test");
  const urls = [
    `${course}/bijeenkomsten`,
    meeting,
    `${meeting}/agenda.ics`,
    `${meeting}/bewerken`,
    `${course}/mijn-route`,
    `${course}/voortgang`,
    `${course}/leervraag`,
    `${course}/leervragen`,
    `${course}/leergang`,
    assignment,
    `${course}/maatjes`,
    `${course}/gesprekken/00000000-0000-4000-8000-000000000000`,
    `${course}/bestanden/00000000-0000-4000-8000-000000000000`,
    `${course}/bijeenkomsten/niet-een-id`,
    "/agenda/feed/bestaat-niet.ics",
  ];
  for (const url of urls) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
  }
  await page.goto(meeting);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    /niet gevonden|bestaat niet/i,
  );
  await checkA11y();
});

test("a member writes and revises a learning question on a theme from the admin's list; the penvoerder sees it", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("beheerder@knooppunt.test");
  await page.getByRole("link", { name: "Thema's register" }).click();
  await checkA11y();
  await page.getByLabel("Nieuw thema").fill("ab");
  await page.getByRole("button", { name: "Thema toevoegen" }).click();
  await expect(page.getByText("Een thema heeft 3 tot 80 tekens.").first()).toBeVisible();
  await checkA11y();
  await page.getByLabel("Nieuw thema").fill("Onderwijskundig leiderschap");
  await page.getByRole("button", { name: "Thema toevoegen" }).click();
  await expect(page.getByText("Het thema is toegevoegd.")).toBeVisible();
  await checkA11y();

  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await login("jozef.geurtzen@knooppunt.test", undefined, memberPage);
  await memberPage.goto("/netwerken?q=eindverantwoordelijk");
  await memberPage.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  await openWorkspacePage(memberPage, "Mijn route", "Mijn leervraag");
  await memberPage.getByRole("checkbox", { name: "Onderwijskundig leiderschap" }).check();
  await memberPage.getByRole("button", { name: "Leervraag opslaan" }).click();
  await expect(
    memberPage.getByText("Schrijf je leervraag in minstens 10 tekens.").first(),
  ).toBeVisible();
  await expect(
    memberPage.getByRole("checkbox", { name: "Onderwijskundig leiderschap" }),
  ).toBeChecked();
  await checkA11y(memberPage);
  await memberPage
    .getByLabel("Je leervraag")
    .fill("Hoe houd ik als bestuurder zicht op de kwaliteit zonder te sturen?");
  await memberPage.getByRole("button", { name: "Leervraag opslaan" }).click();
  await expect(memberPage.getByText("Je leervraag is opgeslagen.")).toBeVisible();
  await memberPage
    .getByLabel("Je leervraag")
    .fill("Hoe houd ik als bestuurder zicht op de kwaliteit, samen met de raad van toezicht?");
  await memberPage.getByRole("button", { name: "Leervraag opslaan" }).click();
  await expect(memberPage.getByRole("heading", { name: "Eerdere versies" })).toBeVisible();
  await expect(
    memberPage.getByText("Hoe houd ik als bestuurder zicht op de kwaliteit zonder te sturen?"),
  ).toBeVisible();
  await checkA11y(memberPage);
  await member.close();

  const penvoerder = await browser.newContext();
  const penvoerderPage = await penvoerder.newPage();
  await login("jan.paul.beekman@knooppunt.test", undefined, penvoerderPage);
  await penvoerderPage.goto("/netwerken?q=eindverantwoordelijk");
  await penvoerderPage.getByRole("link", { name: "Eindverantwoordelijk Schoolleiders" }).click();
  await openWorkspacePage(penvoerderPage, "Beheer", "Alle leervragen");
  await expect(penvoerderPage.getByText("samen met de raad van toezicht")).toBeVisible();
  await expect(penvoerderPage.getByText(/2 versies/)).toBeVisible();
  await checkA11y(penvoerderPage);
  await penvoerder.close();
});
