import fs from "node:fs";
import type { Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expect, linkIn, readMail, test } from "./support/fixtures.ts";

// AVG articles 15, 17 and 20 as a new member lives them: everything about them as a ZIP from
// Mijn gegevens, and deleting the account, after which nobody finds their name any more. Each
// journey makes its own person, so they run side by side; the network is Moreel Beraad en
// Bildung (open, no other journey joins it), its penvoerder Thijs Jan van der Leij.

const network = "Moreel Beraad en Bildung";
const penvoerder = "thijs.jan.vanderleij@knooppunt.test";
const password = "mijn gegevens zijn van mij";

/** A surname no other run shares, so a search finds only this person. */
function uniqueSurname(base: string) {
  const letters = Date.now()
    .toString(36)
    .slice(-5)
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!);
  return `${base}${letters}`;
}

type Check = (page?: Page) => Promise<void>;

/** Registers through the form, confirms by mail and logs in, as account.spec does. */
async function newMember(page: Page, checkA11y: Check, name: string) {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${Date.now()}@school.test`;
  const since = Date.now();
  await page.goto("/registreren");
  await checkA11y();
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
  const mail = await readMail(email, /Bevestig je e-mailadres/, since);
  await page.goto(linkIn(mail, "e-mail-bevestigen"));
  await checkA11y();
  await page.getByRole("button", { name: "E-mailadres bevestigen" }).click();
  // The link signs the new account in, on its welcome; skipping it leads to the start page.
  await expect(page.getByRole("heading", { name: "Wat doe je?" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Sla alles over" }).click();
  await expect(page.getByRole("heading", { name: `Welkom terug, ${name}` })).toBeVisible();
  await checkA11y();
  return email;
}

/** Joins the network on its one route; returns the network's path. */
async function joinNetwork(page: Page, checkA11y: Check) {
  await page.goto("/netwerken?q=bildung");
  await checkA11y();
  await page.getByRole("link", { name: network }).click();
  await expect(page.getByRole("heading", { name: network }).first()).toBeVisible();
  await checkA11y();
  const path = new URL(page.url()).pathname;
  await page.goto(`${path}/aanmelden`);
  await checkA11y();
  const route = page.getByRole("radio", { name: /Deelname/ });
  if (await route.count()) await route.check();
  await page
    .getByLabel("Waarom wil je meedoen?")
    .fill("Ik wil het gesprek over goed onderwijs in mijn team op gang brengen.");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByText(new RegExp(`Je bent lid van ${network}`))).toBeVisible();
  await checkA11y();
  return path;
}

/** Asks the network a question with an attachment; returns the topic's path. */
async function askQuestion(page: Page, checkA11y: Check, base: string, title: string) {
  await page.goto(`${base}/discussie`);
  await checkA11y();
  await page.getByLabel("Titel").fill(title);
  await page
    .getByLabel("Je vraag of bericht")
    .fill("Hoe voeren jullie het moreel beraad in het team? Ik deel ons gespreksmodel.");
  await page.getByLabel("Bijlagen (maximaal 5)").setInputFiles({
    name: "gespreksmodel moreel beraad.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Gespreksmodel: casus, waarden, opties, besluit."),
  });
  await page.getByRole("button", { name: "Plaatsen" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.waitForURL(/\/discussie\/[0-9a-f-]{36}/);
  await checkA11y();
  return new URL(page.url()).pathname;
}

test("a new member downloads everything about them as a ZIP from Mijn gegevens", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  const name = `Wieteke ${uniqueSurname("Zandbergen")}`;
  const email = await newMember(page, checkA11y, name);
  const base = await joinNetwork(page, checkA11y);

  // A learning question in the network.
  await page.goto(`${base}/leervraag`);
  await checkA11y();
  await page
    .getByLabel("Je leervraag")
    .fill("Hoe maak ik van Bildung een gesprek dat het hele team voert?");
  await page.getByRole("button", { name: "Leervraag opslaan" }).click();
  await expect(page.getByText("Je leervraag is opgeslagen.")).toBeVisible();
  await checkA11y();

  // A question to the network, with a file.
  const title = `Hoe voeren jullie moreel beraad? ${Date.now()}`;
  await askQuestion(page, checkA11y, base, title);

  // Points for the register, with the certificate of attendance as evidence.
  await page.goto("/herregistratie");
  await checkA11y();
  await page.getByLabel("Registratie- of laatste herregistratiedatum").fill("2024-09-01");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Je cyclus is opgeslagen.")).toBeVisible();
  await page
    .locator("details[name=add-activity] > summary")
    .filter({ hasText: "Een andere activiteit" })
    .click();
  const own = page.locator("form#activiteit");
  await own.getByLabel("Naam van de activiteit").fill("Studiedag moreel beraad");
  await own.getByLabel("Begindatum").fill("2026-03-10");
  await own.getByLabel("Einddatum").fill("2026-03-10");
  await own.getByLabel("Waarde", { exact: true }).fill("10");
  await own.getByLabel("Bewijs als bestand (mag leeg)").setInputFiles({
    name: "bewijs studiedag.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"),
  });
  await own.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText("De activiteit is toegevoegd.")).toBeVisible();
  await checkA11y();

  // Mijn gegevens, from the profile page.
  await page.goto("/profiel");
  await checkA11y();
  await page.getByRole("link", { name: "Mijn gegevens" }).click();
  await expect(page.getByRole("heading", { name: "Mijn gegevens", level: 1 })).toBeVisible();
  await checkA11y();
  const since = Date.now();
  await page.getByRole("button", { name: "Mijn gegevens downloaden" }).click();
  await expect(
    page.getByText("We zijn begonnen met het verzamelen van je gegevens."),
  ).toBeVisible();
  // While it runs the page shows how far it is; a person waits until the link is there.
  const progress = page.getByRole("progressbar");
  if (await progress.count()) await checkA11y();
  const link = page.getByRole("link", { name: /Download je gegevens \(ZIP, / });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await checkA11y();

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^knooppunt-gegevens-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const entries = Object.keys(zip);
  const text = (entry: string) => strFromU8(zip[entry] ?? new Uint8Array());
  expect(entries).toEqual(
    expect.arrayContaining([
      "README.txt",
      "accounts.json",
      "memberships.json",
      "progress.json",
      "discussion.json",
      "register.json",
      "bestanden/discussion/gespreksmodel moreel beraad.txt",
      "bestanden/register/bewijs studiedag.pdf",
    ]),
  );
  expect(text("README.txt")).toContain(name);
  expect(text("accounts.json")).toContain(email);
  expect(text("memberships.json")).toContain(network);
  expect(text("progress.json")).toContain("Hoe maak ik van Bildung een gesprek");
  expect(text("discussion.json")).toContain(title);
  expect(text("register.json")).toContain("Studiedag moreel beraad");
  expect(text("bestanden/discussion/gespreksmodel moreel beraad.txt")).toBe(
    "Gespreksmodel: casus, waarden, opties, besluit.",
  );

  // The mail says it is ready and where, without the file or a key to it.
  const mail = await readMail(email, /Je gegevens staan klaar/, since);
  expect(mail.text).toMatch(/https?:\/\/[^\s]+\/account\/gegevens\s/);
  expect(mail.text).not.toMatch(/export\//);

  // The download is theirs: not cached, and a 404 for anyone else who has the address.
  const href = (await link.getAttribute("href")) ?? "";
  const again = await page.request.get(href);
  expect(again.headers()["cache-control"]).toContain("no-store");
  expect(again.headers()["content-disposition"]).toMatch(/^attachment;/);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(penvoerder, undefined, otherPage);
  expect((await otherPage.request.get(href)).status()).toBe(404);
  await other.close();
});

test("a member deletes their account; search, the discussion, the outbox and the member list no longer name them", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  const surname = uniqueSurname("Olderaan");
  const name = `Gijsbert ${surname}`;
  const email = await newMember(page, checkA11y, name);
  const base = await joinNetwork(page, checkA11y);
  const title = `Wie leest er mee met Biesta? ${Date.now()}`;
  const topic = await askQuestion(page, checkA11y, base, title);

  // The penvoerder answers, so the question stays for the network after the account goes.
  const other = await browser.newContext();
  const penvoerderPage = await other.newPage();
  await login(penvoerder, undefined, penvoerderPage);
  await penvoerderPage.goto(topic);
  await penvoerderPage.getByLabel("Je reactie", { exact: true }).fill("Ik! Hoofdstuk 3 helpt.");
  await penvoerderPage.getByRole("button", { name: "Reactie plaatsen" }).click();
  await expect(penvoerderPage.getByText("Je reactie is geplaatst.")).toBeVisible();
  await expect(penvoerderPage.getByText(name).first()).toBeVisible();
  await penvoerderPage.goto(`${base}/leden`);
  await expect(penvoerderPage.getByText(name).first()).toBeVisible();
  // The outbox names them too, until the account goes (the proof the check below can fail).
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await login("beheerder@knooppunt.test", undefined, adminPage);
  await adminPage.goto("/beheer/mail");
  await expect(adminPage.locator("main")).toContainText(email);

  // Mijn gegevens explains what happens, from the register.
  await page.goto("/account/gegevens");
  await expect(page.getByRole("heading", { name: "Account verwijderen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wordt verwijderd" })).toBeVisible();
  await checkA11y();

  // A wrong password is named at its field, and nothing happens.
  await page.getByLabel("Je wachtwoord").fill("niet mijn wachtwoord");
  await page.getByLabel("Typ verwijder om te bevestigen").fill("verwijder");
  await page.getByRole("button", { name: "Mijn account definitief verwijderen" }).click();
  await expect(page.getByText("Dit wachtwoord klopt niet.").first()).toBeVisible();
  await expect(page.getByLabel("Je wachtwoord")).toHaveAttribute("aria-invalid", "true");
  await checkA11y();

  await page.getByLabel("Je wachtwoord").fill(password);
  await page.getByLabel("Typ verwijder om te bevestigen").fill("verwijder");
  await page.getByRole("button", { name: "Mijn account definitief verwijderen" }).click();
  await expect(page.getByText("Je account is verwijderd.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Inloggen" }).first()).toBeVisible();
  await checkA11y();

  // The old login no longer works.
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("kennen we niet");
  await checkA11y();

  // Nobody finds them: people search, the discussion (the answered question stays, unnamed),
  // the network's members.
  await penvoerderPage.goto(`/mensen?q=${encodeURIComponent(surname)}`);
  await expect(penvoerderPage.getByText(/Niemand gevonden/)).toBeVisible();
  await expect(penvoerderPage.locator("main")).not.toContainText(surname);
  await penvoerderPage.goto(topic);
  await expect(penvoerderPage.getByRole("heading", { name: title })).toBeVisible();
  await expect(penvoerderPage.locator("main")).not.toContainText(surname);
  await expect(penvoerderPage.locator("main")).toContainText("Oud-lid");
  await penvoerderPage.goto(`${base}/discussie?q=${encodeURIComponent(surname)}`);
  await expect(penvoerderPage.locator("main")).not.toContainText(surname);
  await penvoerderPage.goto(`${base}/leden`);
  await expect(penvoerderPage.locator("main")).not.toContainText(surname);
  await other.close();

  // The outbox keeps what was sent, but no longer to whom.
  await adminPage.goto("/beheer/mail");
  await expect(adminPage.getByRole("heading", { name: "Uitgaande mail" })).toBeVisible();
  await expect(adminPage.locator("main")).not.toContainText(email);
  await admin.close();
});
