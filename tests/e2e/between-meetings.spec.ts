import nodemailer from "nodemailer";
import { extraPerson } from "../../scripts/seed/demo-networks.ts";
import {
  expect,
  linkIn,
  mailbox,
  openWorkspacePage,
  readMail,
  test,
  waitForMails,
} from "./support/fixtures.ts";
import { inboundSmtpPort } from "./support/paths.ts";

// Eindverantwoordelijk Schoolleiders has the demo extras 8–19 (after Autopoiesis's 1–7).
const mailMember = extraPerson(19, false);
const groupOutsider = extraPerson(18, false);

/** Sends a mail to Knooppunt's own SMTP endpoint, as a mail server on the internet would. */
function sendToKnooppunt(mail: {
  from: string;
  to: string;
  subject: string;
  text: string;
  envelope?: { from: string; to: string[] };
}) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: inboundSmtpPort,
    secure: false,
    ignoreTLS: true,
  });
  return transport.sendMail(mail);
}

async function networkPath(page: import("@playwright/test").Page, query: string, name: string) {
  await page.goto(`/netwerken?q=${encodeURIComponent(query)}`);
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  if (!href) throw new Error(`no link to ${name}`);
  return href;
}

test("a question to the network: asked on the web, answered on the web and by replying to its mail, marked as helpful", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("jozef.geurtzen@knooppunt.test");
  const base = await networkPath(
    page,
    "eindverantwoordelijk",
    "Eindverantwoordelijk Schoolleiders",
  );
  await checkA11y();
  await page.goto(base);
  await checkA11y();
  await page.getByRole("link", { name: "Discussie", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Discussie" })).toBeVisible();
  // the year of the mail group is there, with what is new for me, 20 topics a page
  await expect(page.getByText(/^\d+ vragen en onderwerpen$/)).toBeVisible();
  const pager = page.getByRole("navigation", { name: "Pagina's" });
  await expect(pager.getByText(/^Pagina 1 van \d+$/)).toBeVisible();
  await checkA11y();
  await pager.getByRole("link", { name: "Volgende" }).click();
  await expect(pager.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
  await checkA11y();
  // a new search (answers included) starts on its first page
  await page.getByLabel("Zoeken in de discussie").fill("rector");
  await page.getByLabel("Zoeken in de discussie").press("Enter");
  await expect(
    page.getByRole("link", { name: "Tips voor een eerste jaar als rector?" }),
  ).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=rector/);
  await expect(page).not.toHaveURL(/pagina=/);
  await checkA11y();

  // Bad input first: an empty question and a file that is not allowed; nothing is lost.
  const title = `Wie heeft een protocol voor sociale veiligheid? ${Date.now()}`;
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("button", { name: "Plaatsen" }).click();
  await expect(
    page.getByText("Schrijf eerst iets; een leeg bericht kan niet.").first(),
  ).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue(title);
  await checkA11y();
  const body = "We herzien ons protocol. **Wie** deelt het zijne? <script>alert('x')</script>";
  await page.getByLabel("Je vraag of bericht").fill(body);
  await page.getByLabel("Bijlagen (maximaal 5)").setInputFiles({
    name: "protocol.html",
    mimeType: "text/html",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  await page.getByRole("button", { name: "Plaatsen" }).click();
  await expect(page.getByText(/Dit soort bestand kan niet/).first()).toBeVisible();
  await expect(page.getByLabel("Je vraag of bericht")).toHaveValue(body);
  await page.getByLabel("Bijlagen (maximaal 5)").setInputFiles({
    name: "protocol.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Protocol sociale veiligheid, versie 2026"),
  });
  const posted = Date.now();
  await page.getByRole("button", { name: "Plaatsen" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.waitForURL(/\/discussie\/[0-9a-f-]{36}/);
  // rendered as text, never run
  await expect(page.getByText("<script>alert('x')</script>", { exact: false })).toBeVisible();
  await expect(page.locator("strong", { hasText: "Wie" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download protocol.txt" })).toBeVisible();
  const topicPath = new URL(page.url()).pathname;
  const fileHref = await page
    .getByRole("link", { name: "Download protocol.txt" })
    .getAttribute("href");
  await checkA11y();

  // Another member answers on the web.
  const penvoerder = await browser.newContext();
  const penvoerderPage = await penvoerder.newPage();
  await login("jan.paul.beekman@knooppunt.test", undefined, penvoerderPage);
  await penvoerderPage.goto(`${base}/discussie`);
  const row = penvoerderPage.getByRole("listitem").filter({ hasText: title });
  await expect(row.getByText("nieuw", { exact: true })).toBeVisible();
  await checkA11y(penvoerderPage);
  await row.getByRole("link", { name: title }).click();
  await penvoerderPage
    .getByLabel("Je reactie", { exact: true })
    .fill("Ons protocol staat in de bijlage van de MR-notulen; ik mail het je.");
  await penvoerderPage.getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect(penvoerderPage.getByText("Je reactie is geplaatst.")).toBeVisible();
  await checkA11y(penvoerderPage);
  await penvoerder.close();

  // A third answers by replying to the notification mail, through a real SMTP connection.
  const notification = await readMail(mailMember.email, new RegExp(title.slice(0, 30)), posted);
  expect(notification.text).toContain("## Typ je antwoord boven deze regel ##");
  expect(notification.text).toContain("protocol");
  expect(notification.listUnsubscribe).toMatch(/^<http:\/\/localhost:\d+\/afmelden\/[^>]+>$/);
  expect(notification.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
  // The web answer's mail is in the topic's thread (Outlook and Gmail show one conversation).
  const root = `<topic-${topicPath.split("/").at(-1)}@localhost>`;
  const [answerMail] = await waitForMails(
    (m) => m.to.includes(mailMember.email) && m.inReplyTo === root,
    1,
    "antwoord in de draad van het onderwerp",
  );
  expect(answerMail?.references).toBe(root);
  expect(answerMail?.subject).toContain(`Re: ${title}`);
  expect(answerMail?.html).toContain("Ons protocol staat in de bijlage");
  const replyTo = notification.replyTo ?? "";
  expect(replyTo).toMatch(/^t-[0-9a-f-]+-[A-Za-z0-9_-]+@/);
  await sendToKnooppunt({
    from: mailMember.email,
    to: replyTo,
    subject: `Re: ${notification.subject}`,
    text: `Wij werken met de aanpak van de Stichting School & Veiligheid, bevalt goed.\n\nOp 23 nov. 2026 om 10:00 schreef Knooppunt <noreply@knooppunt.local>:\n> ${notification.text.split("\n").join("\n> ")}`,
  });

  // The asker sees both answers, the mail one without the quote, and marks what helped.
  await page.goto(topicPath);
  const mailAnswer = page
    .getByRole("listitem")
    .filter({ hasText: "Stichting School & Veiligheid" });
  await expect(mailAnswer.getByText("via e-mail")).toBeVisible();
  await expect(mailAnswer).not.toContainText("Typ je antwoord");
  await expect(page.getByText("Ons protocol staat in de bijlage")).toBeVisible();
  await mailAnswer.getByRole("button", { name: "Dit heeft me geholpen" }).click();
  await expect(page.getByText("heeft geholpen", { exact: true })).toBeVisible();
  await checkA11y();

  // E-mail preference: a weekly digest instead of every message.
  await page.goto(`${base}/discussie`);
  await page.getByLabel("Berichten per e-mail").selectOption("weekly");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Je e-mailvoorkeur is opgeslagen.")).toBeVisible();
  await expect(page.getByLabel("Berichten per e-mail")).toHaveValue("weekly");
  await checkA11y();

  // The unsubscribe link in the mail works without logging in.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(new URL(notification.listUnsubscribe?.slice(1, -1) ?? "").pathname);
  await visitorPage.getByRole("button", { name: "Afmelden", exact: true }).click();
  await expect(visitorPage.getByText("Je bent afgemeld.")).toBeVisible();
  await checkA11y(visitorPage);

  // Non-members get a 404 on the discussion, the topic and its file; members not guiding, on the metrics.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await login("anouk.visser@knooppunt.test", undefined, stranger);
  for (const path of [`${base}/discussie`, topicPath]) {
    const response = await stranger.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  expect((await stranger.goto(fileHref ?? "/"))?.status()).toBe(404);
  await strangerContext.close();
  expect((await page.goto(`${base}/discussie/levendigheid`))?.status()).toBe(404);
  await checkA11y();
  await visitor.close();
});

test("on a phone the ask form is one tap from the top; Onbeantwoord lists only what nobody else answered", async ({
  page,
  checkA11y,
  login,
}) => {
  await login(extraPerson(12, false).email);
  const base = await networkPath(
    page,
    "eindverantwoordelijk",
    "Eindverantwoordelijk Schoolleiders",
  );
  await checkA11y();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/discussie`);
  const ask = page.getByRole("link", { name: "Stel een vraag" });
  await expect(ask).toBeInViewport();
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  await checkA11y();
  await ask.click();
  await expect(page).toHaveURL(/#vraag-stellen$/);
  await expect(page.getByLabel("Titel")).toBeInViewport();
  const title = `Wie deelt een rooster voor intervisie? ${Date.now()}`;
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Je vraag of bericht").fill("Wij zoeken een vast ritme.");
  await page.getByRole("button", { name: "Plaatsen" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await checkA11y();

  await page.goto(`${base}/discussie`);
  await page
    .getByRole("navigation", { name: "Sorteren" })
    .getByRole("link", { name: "Onbeantwoord" })
    .click();
  await expect(page).toHaveURL(/sortering=onbeantwoord/);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Tips voor een eerste jaar als rector?" }),
  ).toHaveCount(0);
  for (const line of await page.getByText(/^Gevraagd door/).allTextContents())
    expect(line).toContain("0 reacties");
  expect(await fits()).toBe(true);
  await checkA11y();
  // A search keeps the order chosen.
  await page.getByLabel("Zoeken in de discussie").fill("intervisie");
  await page.getByLabel("Zoeken in de discussie").press("Enter");
  await expect(page).toHaveURL(/q=intervisie/);
  await expect(page).toHaveURL(/sortering=onbeantwoord/);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await checkA11y();
});

// Its own topic, so the mail side does not wait for the web side above.
test("mail to the network: a stranger's reply to a notification is dropped without a bounce; a question by mail waits until the member confirms it", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("jozef.geurtzen@knooppunt.test");
  const base = await networkPath(
    page,
    "eindverantwoordelijk",
    "Eindverantwoordelijk Schoolleiders",
  );
  await checkA11y();
  await page.goto(`${base}/discussie`);
  await checkA11y();
  const title = `Wie deelt een jaarplanning voor de MR? ${Date.now()}`;
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Je vraag of bericht").fill("We maken er een voor volgend jaar.");
  const posted = Date.now();
  await page.getByRole("button", { name: "Plaatsen" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.waitForURL(/\/discussie\/[0-9a-f-]{36}/);
  const topicPath = new URL(page.url()).pathname;
  await checkA11y();
  // The penvoerder's notification: the journey above unsubscribes the mail member with their
  // mail's link, and the two journeys may run in either order.
  const notification = await readMail(
    "jan.paul.beekman@knooppunt.test",
    new RegExp(title.slice(0, 30)),
    posted,
  );
  const replyTo = notification.replyTo ?? "";
  expect(replyTo).toMatch(/^t-[0-9a-f-]+-[A-Za-z0-9_-]+@/);

  // Someone else cannot post with that reply address: taken without a word (the answer tells a
  // forger nothing), not posted, and no bounce goes out (the From: may be forged; a bounce would
  // land with an innocent person).
  const refusedAt = Date.now();
  await sendToKnooppunt({
    from: "anouk.visser@knooppunt.test",
    to: replyTo,
    subject: "Re: doe ik ook mee",
    text: "Mag ik ook iets zeggen?",
  });

  // Asking the network by mail. Nothing vouches for the sender here (a forged envelope sender,
  // no trusted Authentication-Results), so the mail is held and the member named in From: is
  // asked, at their own address, to confirm it in Knooppunt.
  const networkId = base.split("/").pop() ?? "";
  const mailTitle = `Wie kent een goede vertrouwenspersoon? ${Date.now()}`;
  await sendToKnooppunt({
    from: mailMember.email,
    to: `netwerk-${networkId}@reageer.knooppunt.local`,
    envelope: {
      from: "attacker@evil.example",
      to: [`netwerk-${networkId}@reageer.knooppunt.local`],
    },
    subject: mailTitle,
    text: "Wij zoeken er een voor ons bestuur.",
  });
  const confirmMail = await readMail(mailMember.email, /^Bevestig je bericht aan/, refusedAt);
  expect(confirmMail.text).not.toContain(mailTitle);
  const confirmPath = linkIn(confirmMail, "bericht-bevestigen");
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await login(mailMember.email, undefined, memberPage);
  await memberPage.goto(confirmPath);
  await expect(memberPage.getByRole("heading", { name: mailTitle })).toBeVisible();
  await checkA11y(memberPage);
  await memberPage.getByRole("button", { name: "Plaatsen" }).click();
  await expect(memberPage.getByText("Je bericht staat in de discussie.")).toBeVisible();
  await expect(memberPage.getByRole("heading", { name: mailTitle })).toBeVisible();
  await checkA11y(memberPage);
  expect((await memberPage.goto(confirmPath))?.status(), "the link works once").toBe(404);
  await memberContext.close();
  // The confirmation came after both mails were taken: no bounce went out before it.
  const sent = mailbox().filter((m) => m.at >= refusedAt);
  expect(sent.filter((m) => m.to.includes("anouk.visser@knooppunt.test"))).toEqual([]);
  expect(sent.filter((m) => m.to.includes("attacker@evil.example"))).toEqual([]);

  // The forged reply is nowhere in the topic.
  await page.goto(topicPath);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Mag ik ook iets zeggen?")).toHaveCount(0);
  await checkA11y();
});

test("the programme coordinator sees whether the network lives: questions per month against the ≥7-in-a-week benchmark", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("coordinator@knooppunt.test");
  const base = await networkPath(
    page,
    "eindverantwoordelijk",
    "Eindverantwoordelijk Schoolleiders",
  );
  await checkA11y();
  await page.goto(base);
  await checkA11y();
  await openWorkspacePage(page, "Beheer", "Leeft het netwerk?");
  await expect(page.getByRole("heading", { name: "Leeft het netwerk?" })).toBeVisible();
  await expect(page.getByText(/minstens 7 reacties van andere deelnemers/)).toBeVisible();
  await expect(page.getByRole("img", { name: "Reacties per vraag" })).toBeVisible();
  const table = page.getByRole("table", { name: "Cijfers per maand" });
  await expect(table.getByRole("row")).toHaveCount(13);
  // the seeded year: most months have questions, and some reached the benchmark
  const reached = await table.locator("tbody tr td:nth-child(6)").allTextContents();
  expect(reached.some((cell) => /^[1-9]\d* \/ \d+$/.test(cell))).toBe(true);
  await expect(page.getByRole("heading", { name: "Stille leden" })).toBeVisible();
  await checkA11y();
});

test("a facilitator forms buddy groups; a buddy group's space is for its members only", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("ella.verweij@knooppunt.test");
  const base = await networkPath(page, "verbindend", "Verbindend Vernieuwen");
  await checkA11y();
  await page.goto(`${base}/maatjes`);
  await expect(page.getByRole("heading", { name: "Voorstel voor maatjesgroepen" })).toBeVisible();
  await checkA11y();
  await page.getByLabel("Groepsgrootte").selectOption("3");
  await page.getByRole("button", { name: "Voorstel maken" }).click();
  await expect(page.getByRole("heading", { name: "Voorstel voor maatjesgroepen" })).toBeVisible();
  const proposed = await page.locator("ol > li").allTextContents();
  expect(proposed.length).toBeGreaterThanOrEqual(2);
  await checkA11y();
  await page.getByRole("button", { name: "Deze groepen vormen" }).click();
  await expect(page.getByText("De maatjesgroepen zijn gevormd.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Opheffen" }).first()).toBeVisible();
  await checkA11y();

  // Maud opens her group's space.
  const maudContext = await browser.newContext();
  const maud = await maudContext.newPage();
  await login("maud.croes@knooppunt.test", undefined, maud);
  await maud.goto(`${base}/maatjes`);
  await maud.getByRole("link", { name: "Naar jullie groepsruimte" }).click();
  await expect(maud.getByRole("heading", { name: "Onze maatjesgroep" })).toBeVisible();
  await maud.waitForURL(/\/maatjes\/[0-9a-f-]{36}$/);
  const spacePath = new URL(maud.url()).pathname;
  await checkA11y(maud);
  const noteAt = Date.now();
  await maud
    .getByLabel("Nieuwe notitie")
    .fill("Mijn vraag: hoe houd ik de vernieuwing vol als het team moe is?");
  await maud.getByRole("button", { name: "Notitie opslaan" }).click();
  await expect(maud.getByText("hoe houd ik de vernieuwing vol")).toBeVisible();
  await maud.getByLabel("Nieuwe afspraak").fill("Elke maand een wandeling");
  await maud.getByRole("button", { name: "Afspraak toevoegen" }).click();
  await maud.getByRole("button", { name: "Gedaan: Elke maand een wandeling" }).click();
  await expect(
    maud.getByRole("button", { name: "Weer open: Elke maand een wandeling" }),
  ).toBeVisible();
  // a time that ends before it starts is refused, with the values kept
  await maud.getByLabel("Datum").fill("2027-04-12");
  await maud.getByLabel("Begin").fill("16:00");
  await maud.getByLabel("Einde").fill("15:00");
  await maud.getByLabel("Plaats of link (optioneel)").fill("Stadscafé Zwolle");
  await maud.getByRole("button", { name: "Moment plannen" }).click();
  await expect(maud.getByLabel("Plaats of link (optioneel)")).toHaveValue("Stadscafé Zwolle");
  await expect(maud.locator("#endTime-error")).toBeVisible();
  await checkA11y(maud);
  await maud.getByLabel("Einde").fill("17:30");
  await maud.getByRole("button", { name: "Moment plannen" }).click();
  await expect(maud.getByText("Stadscafé Zwolle")).toBeVisible();
  const ics = await maud.request.get(`${spacePath}/agenda.ics`);
  expect(await ics.text()).toContain("DTSTART;TZID=Europe/Amsterdam:20270412T160000");
  await checkA11y(maud);

  // The others heard something is new, never what (the mails go to the group's other members).
  const groupMails = await waitForMails(
    (m) => /Nieuw in je maatjesgroep/.test(m.subject) && m.at >= noteAt,
  );
  expect(groupMails.length).toBeGreaterThanOrEqual(1);
  expect(groupMails.some((m) => m.to.includes("maud.croes@knooppunt.test"))).toBe(false);
  for (const mail of groupMails) {
    expect(mail.text).not.toContain("vernieuwing vol");
    expect(mail.text).not.toContain("wandeling");
  }

  // The facilitator (not in the group), the coordinator, the platform admin and a stranger: 404.
  for (const email of [
    "ella.verweij@knooppunt.test",
    "coordinator@knooppunt.test",
    "beheerder@knooppunt.test",
    "marloes.smits@knooppunt.test",
  ]) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await login(email, undefined, other);
    for (const path of [spacePath, `${spacePath}/agenda.ics`]) {
      expect((await other.goto(path))?.status(), `${email} ${path}`).toBe(404);
    }
    await context.close();
  }
  await maudContext.close();
});

test("an intervision session runs through a method; the case owner can erase it; outsiders get 404", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  await login("jan.paul.beekman@knooppunt.test");
  const base = await networkPath(
    page,
    "eindverantwoordelijk",
    "Eindverantwoordelijk Schoolleiders",
  );
  await checkA11y();
  await page.goto(`${base}/intervisie`);
  await checkA11y();
  const groupName = `Dinsdaggroep ${Date.now() % 100000}`;
  await page.getByLabel("Naam van de groep").fill(groupName);
  await page.getByRole("checkbox", { name: "Jozef Geurtzen" }).check();
  await page.getByRole("button", { name: "Groep vormen" }).click();
  await expect(
    page.getByText("Een intervisiegroep heeft 3 tot 8 leden van dit netwerk.").first(),
  ).toBeVisible();
  await expect(page.getByLabel("Naam van de groep")).toHaveValue(groupName);
  await expect(page.getByRole("checkbox", { name: "Jozef Geurtzen" })).toBeChecked();
  await checkA11y();
  await page.getByRole("checkbox", { name: "Jan Paul Beekman" }).check();
  await page.getByRole("checkbox", { name: mailMember.name }).check();
  await page.getByRole("button", { name: "Groep vormen" }).click();
  await expect(page.getByText("De intervisiegroep is gevormd.")).toBeVisible();
  await page.getByRole("link", { name: groupName }).click();
  await page.waitForURL(/\/intervisie\/[0-9a-f-]{36}$/);
  const groupPath = new URL(page.url()).pathname;
  await checkA11y();

  // Jozef brings a case and the group runs it through the incident method.
  const jozefContext = await browser.newContext();
  const jozef = await jozefContext.newPage();
  await login("jozef.geurtzen@knooppunt.test", undefined, jozef);
  await jozef.goto(groupPath);
  await jozef.getByLabel("Titel van je casus").fill("Een ouder die dreigt met de pers");
  await jozef.getByLabel("Je casus", { exact: true }).fill("Te kort");
  await jozef.getByLabel("Methode").selectOption({ label: "Incidentmethode" });
  await jozef.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(jozef.getByText("Beschrijf de casus in minstens 10 tekens.").first()).toBeVisible();
  await expect(jozef.getByLabel("Titel van je casus")).toHaveValue(
    "Een ouder die dreigt met de pers",
  );
  await checkA11y(jozef);
  await jozef
    .getByLabel("Je casus", { exact: true })
    .fill("Een vader eiste gisteren een gesprek en dreigde naar de krant te stappen.");
  await jozef.getByLabel("Methode").selectOption({ label: "Incidentmethode" });
  await jozef.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(
    jozef.getByRole("heading", { name: "Een ouder die dreigt met de pers" }),
  ).toBeVisible();
  const sessionPath = new URL(jozef.url()).pathname;
  await jozef.getByRole("button", { name: "Sessie starten" }).click();
  await expect(jozef.getByRole("heading", { name: "Stap 1: Incident inbrengen" })).toBeVisible();
  await expect(jozef.getByRole("timer")).toHaveText(/^[45]:\d\d$/);
  await checkA11y(jozef);

  // The penvoerder, in the group, follows along and notes a question at step 2.
  await page.goto(sessionPath);
  await expect(page.getByText("Stap 1: Incident inbrengen")).toBeVisible();
  await page.getByRole("button", { name: "Naar de volgende stap" }).click();
  await expect(page.getByRole("heading", { name: "Stap 2: Informatievragen" })).toBeVisible();
  await page.getByLabel("Notitie", { exact: true }).fill("Wat wilde de vader precies bereiken?");
  await page.getByRole("button", { name: "Notitie opslaan" }).click();
  await expect(page.getByText("Wat wilde de vader precies bereiken?")).toBeVisible();
  await checkA11y();
  for (let step = 3; step <= 6; step++) {
    await page.getByRole("button", { name: "Naar de volgende stap" }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`^Stap ${step}:`) })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Naar de volgende stap" })).toHaveCount(0);
  // only the case owner closes
  await expect(page.getByRole("button", { name: "Sessie afronden" })).toHaveCount(0);

  await jozef.reload();
  await expect(jozef.getByText("Wat wilde de vader precies bereiken?")).toBeVisible();
  await jozef.getByRole("button", { name: "Sessie afronden" }).click();
  await expect(jozef.getByText("Schrijf je inzicht op (minstens 3 tekens).").first()).toBeVisible();
  await jozef
    .getByLabel("Inzicht van de casusinbrenger")
    .fill("Eerst luisteren, dan pas de regels uitleggen.");
  await jozef.getByLabel("Volgende stap").fill("Morgen de vader terugbellen met een voorstel.");
  await jozef.getByRole("button", { name: "Sessie afronden" }).click();
  await expect(
    jozef.getByText("De sessie is afgerond met je inzicht en volgende stap."),
  ).toBeVisible();
  await expect(jozef.getByText("Eerst luisteren, dan pas de regels uitleggen.")).toBeVisible();
  await checkA11y(jozef);

  // Nobody outside the group reads it: a member of the network, the coordinator, the admin, a stranger.
  for (const email of [
    groupOutsider.email,
    "regiocoordinator@knooppunt.test",
    "beheerder@knooppunt.test",
    "schoolbeheerder@knooppunt.test",
  ]) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await login(email, undefined, other);
    for (const path of [groupPath, sessionPath]) {
      expect((await other.goto(path))?.status(), `${email} ${path}`).toBe(404);
    }
    await context.close();
  }

  // The case owner erases the case and every note on it.
  await jozef.getByText("Casus verwijderen").click();
  await jozef.getByRole("button", { name: "Casus en notities verwijderen" }).click();
  await expect(jozef.getByText("De casus en alle notities zijn verwijderd.")).toBeVisible();
  await expect(jozef.getByText("Een ouder die dreigt met de pers")).toHaveCount(0);
  await checkA11y(jozef);
  expect((await page.goto(sessionPath))?.status()).toBe(404);
  await jozefContext.close();
});
