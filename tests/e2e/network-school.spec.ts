import { expect, expectFitsViewport, readMail, test } from "./support/fixtures.ts";

async function toolkitOf(page: import("@playwright/test").Page, school: string) {
  await page.goto(`/organisaties?q=${encodeURIComponent(school)}`);
  const href = await page.getByRole("link", { name: school }).first().getAttribute("href");
  if (!href) throw new Error(`no link to ${school}`);
  return `${href}/netwerklerend`;
}

test("the English section keeps its year agenda as figure 3.3 and decides on what the agenda suggests", async ({
  page,
  checkA11y,
  login,
}) => {
  // (Fred's own account changes its password in the account journey; the chair of the section keeps the agenda here)
  await login("thomas.dewit@knooppunt.test");
  const base = await toolkitOf(page, "Leidsche Rijn College");
  await checkA11y();
  await page.goto(base.replace("/netwerklerend", ""));
  await checkA11y();
  await page.getByRole("link", { name: "Naar netwerklerend Leidsche Rijn College" }).click();
  await expect(page.getByRole("heading", { name: "Netwerklerend" })).toBeVisible();
  // the test model lost its initiator when Fred stepped back: flagged
  const toets = page.getByRole("listitem").filter({ hasText: "Toetsmodel" });
  await expect(toets.getByText("geen initiatiefnemer meer")).toBeVisible();
  await checkA11y();
  await page.getByRole("link", { name: "Jaaragenda" }).click();
  await page.getByRole("link", { name: /Sectie Engels/ }).click();
  const table = page.getByRole("table");
  await expect(table).toBeVisible();
  const row = (n: number) =>
    table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^Overleg ${n}\\b`) }) });
  const cells = async (n: number) =>
    (await row(n).getByRole("cell").allInnerTexts()).map((c) =>
      c
        .split("\n")
        .filter((l) => l.startsWith("– "))
        .join(" "),
    );
  // Figure 3.3 of the source document, row by row and column by column (column 4 is empty there).
  const figure = [
    ["– English Proficiency – Literatuuronderwijs", "", "", ""],
    ["– Toetsmodel", "– Literatuuronderwijs", "", ""],
    ["", "– Toetsmodel", "– Literatuuronderwijs", ""],
    [
      "– Uitgangspunten voor klassenverdeling",
      "– English Proficiency",
      "– Literatuuronderwijs – Toetsmodel",
      "",
    ],
    ["", "– Uitgangspunten voor klassenverdeling", "– Toetsmodel", ""],
    ["", "", "– Toetsmodel – Uitgangspunten voor klassenverdeling", ""],
  ];
  for (const [i, expected] of figure.entries()) expect(await cells(i + 1)).toEqual(expected);
  await checkA11y();
  // An empty chore is refused next to its field; a real one lands in column 4.
  await page.getByLabel("Regelwerk bij overleg 6").fill("x");
  await page.getByRole("button", { name: "Toevoegen", exact: true }).last().click();
  await expect(page.getByText("Beschrijf het regelwerk in minstens 3 tekens.")).toBeVisible();
  await checkA11y();
  await page.getByLabel("Regelwerk bij overleg 6").fill("Excursie Londen evalueren");
  await page.getByRole("button", { name: "Toevoegen", exact: true }).last().click();
  await expect(row(6).getByText("– Excursie Londen evalueren")).toBeVisible();
  // Plan English Proficiency again at meeting 5: the plan discussion moves there, and the agenda
  // suggests it for meeting 6 in column 2, which the section takes over and then takes off again.
  await page
    .getByLabel("Plan bespreken in overleg 5")
    .selectOption({ label: "English Proficiency" });
  await page.getByRole("button", { name: "Op de agenda" }).nth(4).click();
  await expect(row(5).getByRole("cell").first().getByRole("list")).toContainText(
    "English Proficiency",
  );
  await expect(row(1).getByRole("cell").first().getByRole("list")).not.toContainText(
    "English Proficiency",
  );
  const suggestion = row(6).getByRole("cell").nth(1).getByRole("listitem");
  await expect(suggestion).toContainText("English Proficiency (voorstel)");
  await checkA11y();
  await page
    .getByRole("button", { name: "Voorstel overnemen: English Proficiency in overleg 6" })
    .click();
  await expect(page.getByText("Opgeslagen.")).toBeVisible();
  await expect(row(6).getByRole("cell").nth(1).getByRole("list")).toHaveText(
    /English Proficiency(?! \(voorstel\))/,
  );
  await expect(row(6).getByText("(voorstel)")).toHaveCount(0);
  await page.getByRole("button", { name: "Schrappen: English Proficiency uit overleg 6" }).click();
  await expect(row(6).getByRole("cell").nth(1).getByRole("list")).not.toContainText(
    "English Proficiency",
  );
  await checkA11y();
});

test("a teacher finds a colleague's expertise through 'who knows what' and the map", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("gemma.bakker@knooppunt.test");
  const base = await toolkitOf(page, "Leidsche Rijn College");
  await checkA11y();
  await page.goto(`${base}/wie-weet-wat`);
  await page.getByLabel("Waarover zoek je iemand?").fill("Wie weet iets van formatief evalueren?");
  await page.getByRole("button", { name: "Zoeken" }).click();
  const first = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "Fred Willems" }) })
    .first();
  await expect(first.getByText("expertise: formatief evalueren")).toBeVisible();
  await checkA11y();
  await page.getByLabel("Waarover zoek je iemand?").fill("toetsing");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByText("leverancier voor Toetsmodel")).toBeVisible();
  await expect(page.getByText("partner in Toetsmodel")).toBeVisible();
  await checkA11y();

  await page.goto(`${base}/kaart`);
  const map = page.getByRole("group", { name: /Kaart met \d+ knooppunten/ });
  await expect(map).toBeVisible();
  // every node is a named link, sized by its number of links, its label inside the picture
  await expect(
    map.getByRole("link", { name: /^Fred Willems, persoon, \d+ verbinding/ }),
  ).toBeVisible();
  await expect(page.getByText("Grootte: hoe meer verbindingen, hoe groter")).toBeVisible();
  await checkA11y();
  await page.getByLabel("Team of sectie").selectOption("Sectie Engels");
  await page.getByRole("button", { name: "Kaart tonen" }).click();
  await expect(page).toHaveURL(/team=Sectie/);
  // focusing a node by keyboard shows its neighbourhood beside the map, as text
  await page.getByRole("button", { name: "Kaart tonen" }).focus();
  const fred = map.getByRole("link", { name: /^Fred Willems, persoon/ });
  for (let i = 0; i < 60 && !(await fred.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(fred).toBeFocused();
  await expect(page.getByRole("heading", { name: "Fred Willems", level: 2 })).toBeVisible();
  const neighbourhood = page.getByRole("list", { name: "Verbonden met Fred Willems" });
  await expect(neighbourhood.getByRole("link", { name: "formatief evalueren" })).toBeVisible();
  await expect(neighbourhood.getByRole("link", { name: "Toetsmodel" })).toBeVisible();
  // Enter chooses it: the choice is in the address, so it works without JavaScript too
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/knoop=p%3A/);
  await page.getByText("De eerste").click();
  await page.getByRole("link", { name: "Toetsmodel", exact: true }).last().click();
  await expect(page.getByRole("heading", { name: "Toetsmodel", level: 2 })).toBeVisible();
  await checkA11y();
});

test("BTG: the schakel sets up differentiation, and two colleagues analyse its network at once", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("carolien.maas@knooppunt.test");
  const base = await toolkitOf(page, "Baken Trinitas Gymnasium");
  await checkA11y();
  await page.goto(base);
  await checkA11y();
  // The Olympiade is at work together (chapter 4): its BTG step carries its name from chapter 2.
  await expect(
    page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "Olympiade", exact: true }) }),
  ).toContainText("Stap 7: Ga gezamenlijk aan het werk en check de ontvangst in je omgeving");
  // A timeline that ends before it starts is refused; nothing is lost.
  await page.getByLabel("Naam van het thema").fill("Differentiatie");
  await page.getByLabel("Van", { exact: true }).fill("2027-06-01");
  await page.getByLabel("Tot en met").fill("2026-09-01");
  await page.getByRole("checkbox", { name: "Carolien Maas" }).check();
  await page.getByRole("button", { name: "Thema opslaan" }).click();
  await expect(page.getByText("Het einde ligt voor het begin.")).toBeVisible();
  await expect(page.getByLabel("Naam van het thema")).toHaveValue("Differentiatie");
  await checkA11y();
  await page.getByLabel("Van", { exact: true }).fill("2026-09-01");
  await page.getByLabel("Tot en met").fill("2027-07-01");
  await page.getByRole("checkbox", { name: "Plusprogramma begaafdheid" }).check();
  await page.getByRole("checkbox", { name: "Olympiade" }).check();
  await page.getByRole("button", { name: "Thema opslaan" }).click();
  await expect(page.getByText("Het thema is opgeslagen.")).toBeVisible();

  // "Wie weet wat?" names the theme, through its schakel and the initiatives it brings together.
  await page.goto(`${base}/wie-weet-wat?q=differentiatie`);
  const theme = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "Differentiatie", exact: true }) });
  await expect(theme.getByText("de naam van het thema")).toBeVisible();
  await expect(theme.getByText("schakel: Carolien Maas")).toBeVisible();
  await checkA11y();
  await page.getByLabel("Waarover zoek je iemand?").fill("Wie weet iets van de Olympiade?");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(theme.getByText("bundelt initiatief: Olympiade")).toBeVisible();
  await checkA11y();
  await page.goto(base);

  // Network analysis around the theme, with Lotte adding at the same time.
  await page.getByRole("link", { name: "Netwerkanalyses" }).click();
  await checkA11y();
  await page
    .getByLabel("Stap 1: wat staat in het midden?")
    .selectOption({ label: "thema: Differentiatie" });
  await page.getByRole("button", { name: "Analyse starten" }).click();
  await expect(page.getByRole("heading", { name: "Netwerkanalyse: Differentiatie" })).toBeVisible();
  await page.waitForURL(/netwerkanalyses\/[0-9a-f-]{36}/);
  const analysisPath = new URL(page.url()).pathname;
  await checkA11y();

  const lotteContext = await browser.newContext();
  const lotte = await lotteContext.newPage();
  await login("lotte.degraaf@knooppunt.test", undefined, lotte);
  await lotte.goto(analysisPath);
  const initiativesFound = [
    "Plusprogramma begaafdheid",
    "Olympiade",
    "Academische vaardigheden",
    "Leerlingbespreking",
    "Verbreding en verdieping",
    "Studiewijzer",
  ];
  // both submit at the same time: nobody's additions are lost
  await page.getByLabel("Ingrediënten (brainstorm)").fill(initiativesFound.slice(0, 3).join("\n"));
  await lotte.getByLabel("Ingrediënten (brainstorm)").fill(initiativesFound.slice(3).join("\n"));
  await Promise.all([
    page.getByRole("button", { name: "Ingrediënten toevoegen" }).click(),
    lotte.getByRole("button", { name: "Ingrediënten toevoegen" }).click(),
  ]);
  await expect(page.getByText("Toegevoegd.")).toBeVisible();
  await expect(lotte.getByText("Toegevoegd.")).toBeVisible();
  // Lotte goes on to name a schakel; both see all six without reloading, whoever saved last,
  // and Lotte keeps seeing Carolien's additions while she is in that field.
  const lotteField = lotte.getByLabel("Naam van de schakel");
  await lotteField.click();
  const live = { timeout: 15_000 };
  await expect(page.getByRole("heading", { name: "Ingrediënten (6)" })).toBeVisible(live);
  await expect(lotte.getByRole("heading", { name: "Ingrediënten (6)" })).toBeVisible(live);
  await checkA11y(lotte);
  await lotteField.click();

  // A schakel without a name is refused.
  await page.getByRole("button", { name: "Schakel toevoegen" }).click();
  await expect(
    page.getByText("Een schakel heeft een naam: kies een collega of vul een naam in.").first(),
  ).toBeVisible();
  await checkA11y();
  const schakels: [string, string | null][] = [
    ["Inge Kramer", "Plusprogramma begaafdheid"],
    ["Bas de Vries", "Olympiade"],
    ["Noor Hendriks", "Academische vaardigheden"],
    ["Joost Peters", "Studiewijzer"],
    ["Lotte de Graaf", "Verbreding en verdieping"],
  ];
  // each addition is awaited (its row in the list) before the next, as a person would
  let added = 0;
  for (const [name, ingredient] of schakels) {
    await page.getByLabel("Een collega uit de school").selectOption({ label: name });
    if (ingredient)
      await page
        .getByRole("group", { name: "Verbindt met" })
        .getByRole("checkbox", { name: ingredient })
        .check();
    await page.getByRole("button", { name: "Schakel toevoegen" }).click();
    added++;
    await expect(page.getByRole("heading", { name: `Schakels (${added})` })).toBeVisible();
  }
  for (const name of [
    "Teamleider onderbouw",
    "Mentor klas 2",
    "Decaan",
    "Ouderraad",
    "Leerlingenraad",
    "Ruud (buurman, onderwijsadviseur)",
  ]) {
    await page.getByLabel("Naam van de schakel").fill(name);
    await page.getByRole("button", { name: "Schakel toevoegen" }).click();
    added++;
    await expect(page.getByRole("heading", { name: `Schakels (${added})` })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Schakels (11)" })).toBeVisible();
  // Lotte sees them too without reloading, still in her field (the page refreshes itself)
  await expect(lotte.getByRole("heading", { name: "Schakels (11)" })).toBeVisible(live);
  await expect(
    lotte.getByRole("table").getByRole("link", { name: "Ruud (buurman, onderwijsadviseur)" }),
  ).toBeVisible();
  await expect(lotteField).toBeFocused();
  await lotteContext.close();

  // Step 4 and 5 for Inge: her story, the invitation, her position (partner).
  await page.getByRole("table").getByRole("link", { name: "Inge Kramer" }).click();
  await expect(page.getByRole("heading", { name: "Bewerken: Inge Kramer" })).toBeVisible();
  await page.getByLabel("Stap 5: positie van betrokkenheid").selectOption("p");
  await page
    .getByLabel("Verhaal voor deze schakel")
    .fill(
      "Differentiatie is voor jouw plusprogramma de kans om verrijking in gewone lessen te brengen.",
    );
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByText("Opgeslagen.")).toBeVisible();
  const invited = Date.now();
  await page.getByRole("button", { name: "Uitnodigen per e-mail" }).click();
  await expect(page.getByText("De uitnodiging is verstuurd.")).toBeVisible();
  const invitation = await readMail("inge.kramer@knooppunt.test", /Differentiatie/, invited);
  expect(invitation.text).toContain("verrijking in gewone lessen");
  await expect(page.getByRole("row", { name: /Inge Kramer/ })).toContainText("p – partner");
  await checkA11y();

  // The picture: the centre's label is whole and inside the picture; a focused node shows its
  // neighbourhood as text; a node moved by keyboard stays where it was put.
  const picture = page.getByRole("group", { name: "Netwerkanalyse rond Differentiatie" });
  const inside = async () => {
    const svg = await picture.boundingBox();
    const label = await picture.locator("[data-centre-label]").boundingBox();
    return (
      !!svg &&
      !!label &&
      label.x >= svg.x &&
      label.y >= svg.y &&
      label.x + label.width <= svg.x + svg.width &&
      label.y + label.height <= svg.y + svg.height
    );
  };
  await expect(picture.locator("[data-centre-label]")).toHaveText("Differentiatie");
  expect(await inside()).toBe(true);
  const node = page.getByRole("button", { name: /schakel Inge Kramer/ });
  const position = () => node.locator("g").first().getAttribute("transform");
  const before = await position();
  await node.focus();
  const around = page.getByRole("region", { name: "Inge Kramer verbindt met" });
  await expect(around.getByRole("link", { name: "Plusprogramma begaafdheid" })).toBeVisible();
  await expect(around.getByText("Differentiatie")).toBeVisible();
  await page.keyboard.press("Shift+ArrowRight");
  await expect
    .poll(async () => {
      await page.reload();
      return position();
    })
    .not.toBe(before);
  // on a phone the picture fits the screen and the centre's label is still whole
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(inside).toBe(true);
  const svgBox = await picture.boundingBox();
  expect((svgBox?.x ?? 0) + (svgBox?.width ?? 0)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Exports: the table and the PNG.
  const csv = await page.request.get(`${analysisPath}/tabel.csv`);
  const text = await csv.text();
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(18);
  expect(text).toContain('"schakel";"Inge Kramer";"persoon";"Inge Kramer";"p"');
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Als afbeelding (PNG)" }).click();
  expect((await download).suggestedFilename()).toBe("netwerkanalyse-Differentiatie.png");
  await checkA11y();
});

// Its own theme, so the study day's preparation does not wait for the network analysis above.
test("BTG: the theme analysis prepares the study day, and the network programme plans February and March", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("carolien.maas@knooppunt.test");
  const base = await toolkitOf(page, "Baken Trinitas Gymnasium");
  await checkA11y();
  await page.goto(base);
  await checkA11y();
  await page.getByLabel("Naam van het thema").fill("Leren op maat");
  await page.getByLabel("Van", { exact: true }).fill("2026-09-01");
  await page.getByLabel("Tot en met").fill("2027-07-01");
  await page.getByRole("checkbox", { name: "Carolien Maas" }).check();
  await page.getByRole("button", { name: "Thema opslaan" }).click();
  await expect(page.getByText("Het thema is opgeslagen.")).toBeVisible();
  await page.getByRole("link", { name: "Leren op maat", exact: true }).click();
  await checkA11y();
  await page
    .getByLabel("Brainstorm: woorden voor het thema")
    .fill("differentiatie\nafstemming op verschillen\nmaatwerk");
  await page.getByLabel("Gekozen naam (een van de woorden)").fill("maatwerk in de les");
  await page.getByRole("button", { name: "Thema-analyse opslaan" }).click();
  await expect(page.getByText("Kies de naam uit de brainstormwoorden.").first()).toBeVisible();
  await checkA11y();
  await page.getByLabel("Gekozen naam (een van de woorden)").fill("differentiatie");
  await page
    .getByLabel("Verhaal", { exact: true })
    .fill("We komen niet met voorstellen, we gaan eerst met elkaar in gesprek.");
  await page.getByLabel("Start", { exact: true }).fill("2026-11-15");
  await page.getByLabel("Datum manifestatie").fill("2027-03-31");
  // The confirmation appears in a live region that is already there (so it is announced), in
  // view where the page lands after saving.
  const canvasStatus = page.locator("#thema-analyse").getByRole("status");
  await expect(canvasStatus).toHaveCount(1);
  const region = await canvasStatus.elementHandle();
  await page.getByRole("button", { name: "Thema-analyse opslaan" }).click();
  await expect(page.getByText("Gekozen: differentiatie")).toBeVisible();
  await expect(canvasStatus).toHaveText("Opgeslagen.");
  await expect(canvasStatus).toBeInViewport();
  expect(await region?.evaluate((node) => node.isConnected && node.textContent)).toBe(
    "Opgeslagen.",
  );
  await checkA11y();
  await page.getByText("Thema-analyse invullen").click();
  await page.getByLabel("Datum ontmoetingsmoment").fill("2026-12-06");
  await page.getByLabel("Wat gebeurt er?").fill("Gymnasiumdag: schoolbrede start");
  await page.getByRole("button", { name: "Moment toevoegen" }).click();
  await expect(page.getByText("Gymnasiumdag: schoolbrede start")).toBeVisible();
  // The network programme is the theme's next panel.
  await page.getByRole("link", { name: "Netwerkprogramma", exact: true }).click();
  await checkA11y();
  await page.getByLabel("Begint op").fill("2027-02-01");
  await page.getByLabel("Periode").selectOption("3");
  await page.getByRole("button", { name: "Programma starten" }).click();
  await expect(page.getByText("Vanaf")).toBeVisible();
  const activities = page.locator("#netwerkprogramma ol > li");
  await expect(activities).toHaveCount(9);
  const dates = await activities.allInnerTexts();
  expect(dates.filter((d) => /feb|mrt/i.test(d)).length).toBeGreaterThanOrEqual(6);
  await checkA11y();
  // Each sign-up is a form post; a person waits for the page to show it before the next.
  await page.getByRole("button", { name: "Nieuwsbrief ontvangen" }).click();
  await expect(page.getByRole("button", { name: "Geen nieuwsbrief meer" })).toBeVisible();
  await page.getByRole("button", { name: "Meedenken" }).click();
  await expect(page.getByRole("button", { name: "Toch niet meedenken" })).toBeVisible();
  await page.getByLabel("Titel van dit nummer").fill("Leren op maat #1");
  await page
    .getByLabel("Tekst", { exact: true })
    .first()
    .fill("Op de gymnasiumdag begint het gesprek over maatwerk in de les.");
  const sent = Date.now();
  await page.getByRole("button", { name: "Versturen aan de abonnees" }).click();
  await expect(page.getByText("De nieuwsbrief is verstuurd.")).toBeVisible();
  expect((await readMail("carolien.maas@knooppunt.test", /Leren op maat #1/, sent)).text).toContain(
    "gymnasiumdag",
  );
  await checkA11y();
});

test("the clean slate closes or renews last year's themes; a renewed theme brings its knowledge back; outsiders get 404", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("schoolbeheerder@knooppunt.test");
  const base = await toolkitOf(page, "Baken Trinitas Gymnasium");
  await checkA11y();
  // the admin names a colleague's team, on his row or for a selection; too long a name is refused
  await page.goto(base.replace("/netwerklerend", ""));
  const joost = page.getByRole("row", { name: /Joost Peters/ });
  await joost.getByText("Team wijzigen").click();
  await page.getByLabel("Team of sectie van Joost Peters").fill("x".repeat(61));
  await joost.getByRole("button", { name: "Team opslaan" }).click();
  // the refused form is open again on his row, with what was typed
  await expect(page.getByLabel("Team of sectie van Joost Peters")).toHaveValue("x".repeat(61));
  await expect(joost.getByText("Hoogstens 60 tekens.")).toBeVisible();
  await checkA11y();
  await page.getByRole("checkbox", { name: "Joost Peters selecteren" }).check();
  await page.getByLabel("Team of sectie", { exact: true }).fill("Sectie geschiedenis");
  await page.getByRole("button", { name: "Zet geselecteerden in team" }).click();
  await expect(page.getByText("De teams zijn aangepast.")).toBeVisible();
  await expect(
    page.getByRole("row", { name: /Joost Peters/ }).getByText("Sectie geschiedenis"),
  ).toBeVisible();
  await checkA11y();
  // on a phone the people are cards: nothing wider than the screen, the main action on it
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${base}/schone-lei`);
  await checkA11y();
  await page
    .getByRole("group", { name: /De eigen leerweg/ })
    .getByLabel("Afronden")
    .check();
  await page
    .getByRole("group", { name: /Studiewijzer/ })
    .getByLabel(/Opnieuw starten/)
    .check();
  await page.getByRole("button", { name: "Schone lei vastleggen" }).click();
  await expect(page.getByText("De schone lei staat")).toBeVisible();
  await checkA11y();
  // the renewed Studiewijzer shows last year's knowledge
  const renewed = page
    .getByRole("listitem")
    .filter({ hasText: "Studiewijzer" })
    .filter({ hasNotText: "afgesloten" });
  await renewed.getByRole("link", { name: "Studiewijzer", exact: true }).click();
  await checkA11y();
  // The kennisweb is the theme's third panel.
  await page.getByRole("link", { name: "Kennisweb", exact: true }).click();
  await expect(page.getByText("Schrijfsessie studiewijzers")).toBeVisible();
  await expect(page.getByText("uit een eerder jaar")).toBeVisible();
  await page.getByLabel("Zoeken in het kennisweb").fill("schrijfsessie");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByText("Schrijfsessie studiewijzers")).toBeVisible();
  await checkA11y();
  const themePath = new URL(page.url()).pathname;
  // a document for the kennisweb: a disallowed file is refused, a text file is kept
  await page.getByLabel("Soort", { exact: true }).last().selectOption("document");
  await page.getByLabel("Titel", { exact: true }).last().fill("Format studiewijzer 2027");
  await page.getByLabel("Document (optioneel)").setInputFiles({
    name: "format.html",
    mimeType: "text/html",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  await page.getByRole("button", { name: "Toevoegen aan het kennisweb" }).click();
  await expect(page.getByText(/Dit soort bestand kan niet/).first()).toBeVisible();
  await expect(page.getByLabel("Titel", { exact: true }).last()).toHaveValue(
    "Format studiewijzer 2027",
  );
  await checkA11y();
  await page.getByLabel("Document (optioneel)").setInputFiles({
    name: "format.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Studiewijzer: doelen, planning, keuzes"),
  });
  await page.getByRole("button", { name: "Toevoegen aan het kennisweb" }).click();
  await expect(page.getByText("Toegevoegd aan het kennisweb.")).toBeVisible();
  const fileHref =
    (await page.getByRole("link", { name: "Download format.txt" }).getAttribute("href")) ?? "";
  expect(await (await page.request.get(fileHref)).text()).toContain("doelen, planning");
  await checkA11y();

  for (const email of ["jozef.geurtzen@knooppunt.test", "coordinator@knooppunt.test"]) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await login(email, undefined, other);
    for (const path of [
      base,
      themePath,
      `${base}/kaart`,
      `${base}/jaaragenda`,
      `${base}/wie-weet-wat?q=differentiatie`,
    ]) {
      expect((await other.goto(path))?.status(), `${email} ${path}`).toBe(404);
    }
    await context.close();
  }
});
