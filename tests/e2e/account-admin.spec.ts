import type { Browser, Page } from "@playwright/test";
import { expect, linkIn, openAccountPage, readMail, test } from "./support/fixtures.ts";

const admin = "beheerder@knooppunt.test";
const password = "samen leren in netwerken";

/**
 * A fresh, confirmed member signed in in a browser of their own (a second context), so the
 * shared demo people stay as the other journeys expect them.
 */
async function newMember(browser: Browser, name: string) {
  test.info().setTimeout(test.info().timeout + 90_000);
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@school.test`;
  const context = await browser.newContext();
  const member = await context.newPage();
  const since = Date.now();
  await member.goto("/registreren");
  await member.getByLabel("Naam").fill(name);
  await member.getByLabel("E-mailadres").fill(email);
  await member.getByLabel("Wachtwoord").fill(password);
  await member.getByRole("button", { name: "Account maken" }).click();
  await expect(member.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
  const mail = await readMail(email, /Bevestig je e-mailadres/, since);
  await member.goto(linkIn(mail, "e-mail-bevestigen"));
  await member.getByRole("button", { name: "E-mailadres bevestigen" }).click();
  // The link signs the new account in, on its welcome.
  await expect(member.getByRole("heading", { name: "Wat doe je?" })).toBeVisible();
  return { email, member, close: () => context.close() };
}

async function signIn(target: Page, email: string) {
  await target.goto("/inloggen");
  await target.getByLabel("E-mailadres").fill(email);
  await target.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await target.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(target.getByRole("button", { name: "Uitloggen" })).toBeVisible();
}

async function openAccount(
  page: Page,
  email: string,
  name: string,
  checkA11y: () => Promise<void>,
) {
  await page.getByRole("link", { name: "Accounts" }).click();
  await expect(page.getByRole("heading", { name: "Accounts", level: 1 })).toBeVisible();
  await checkA11y();
  await page.getByLabel("Naam of e-mailadres").fill(email);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByRole("status")).toHaveText("1 account");
  await checkA11y();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  await checkA11y();
}

test("an admin disables a member signed in elsewhere: their next step finds them logged out, and they cannot log in until enabled again", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  const name = "Uitgeschakeld Lid";
  const { email, member, close } = await newMember(browser, name);
  await member.goto("/profiel");
  await expect(member.getByRole("heading", { name: "Mijn profiel" })).toBeVisible();

  await login(admin);
  await openAccount(page, email, name, checkA11y);
  await page.getByRole("button", { name: "Account uitschakelen" }).click();
  await expect(page.getByText("Het account is uitgeschakeld en overal uitgelogd.")).toBeVisible();
  await checkA11y();

  // The member's very next navigation: signed out, sent to the login page.
  await member.goto("/profiel");
  await expect(member).toHaveURL(/\/inloggen\?terug=%2Fprofiel/);
  await member.getByLabel("E-mailadres").fill(email);
  await member.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await member.getByRole("button", { name: "Inloggen", exact: true }).click();
  // The same sentence as a wrong password: nothing says the account exists but is disabled.
  await expect(member.getByRole("alert")).toContainText(
    "Deze combinatie van e-mailadres en wachtwoord kennen we niet.",
  );

  await page.getByRole("button", { name: "Account weer inschakelen" }).click();
  await expect(page.getByText("Het account kan weer inloggen.")).toBeVisible();
  await checkA11y();
  await signIn(member, email);
  await close();
});

test("an admin changes a member's e-mail address: the new address gets the confirmation, the old one a notice", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  const name = "Verhuisd Lid";
  const { email, member, close } = await newMember(browser, name);
  const newEmail = `verhuisd.${Date.now()}@nieuweschool.test`;

  await login(admin);
  await openAccount(page, email, name, checkA11y);
  await page.getByLabel("Nieuw e-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: "E-mailadres wijzigen" }).click();
  await expect(page.getByText("Dit is geen geldig e-mailadres.")).toBeVisible();
  await checkA11y();
  const since = Date.now();
  await page.getByLabel("Nieuw e-mailadres").fill(newEmail);
  await page.getByRole("button", { name: "E-mailadres wijzigen" }).click();
  await expect(page.getByText(`Bevestigingslink gestuurd naar ${newEmail}.`)).toBeVisible();
  await checkA11y();

  const notice = await readMail(email, /Een beheerder wijzigt je e-mailadres/, since);
  expect(notice.text).toContain("***@nieuweschool.test");
  const confirmation = await readMail(newEmail, /Bevestig je nieuwe e-mailadres/, since);
  await member.goto(linkIn(confirmation, "e-mailadres-wijzigen"));
  await member.getByRole("button", { name: "E-mailadres bevestigen" }).click();
  // Moved by an admin: every session of the account ends, so they log in again, with the new address.
  await expect(member.getByText("Je nieuwe e-mailadres is bevestigd en in gebruik.")).toBeVisible();
  await signIn(member, newEmail);
  await member.goto("/account/e-mailadres");
  await expect(member.getByText(`Je e-mailadres nu: ${newEmail}`)).toBeVisible();
  await close();
});

test("a person changes their own e-mail address after typing their password again", async ({
  page,
  browser,
  checkA11y,
  login,
}) => {
  const { email, close } = await newMember(browser, "Eigen Adres");
  await close();
  const newEmail = `eigen.adres.${Date.now()}@school.test`;
  await login(email, password);
  await openAccountPage(page, "Mijn profiel");
  await checkA11y();
  await page.getByRole("link", { name: "E-mailadres wijzigen" }).click();
  await expect(page.getByRole("heading", { name: "Mijn e-mailadres" })).toBeVisible();
  await checkA11y();

  await page.getByLabel("Nieuw e-mailadres").fill(newEmail);
  await page.getByLabel("Je wachtwoord").fill("niet mijn wachtwoord");
  await page.getByRole("button", { name: "E-mailadres wijzigen" }).click();
  await expect(page.getByText("Dit wachtwoord klopt niet.")).toBeVisible();
  await expect(page.getByLabel("Nieuw e-mailadres")).toHaveValue(newEmail);
  await checkA11y();

  await page.getByLabel("Nieuw e-mailadres").fill(admin);
  await page.getByLabel("Je wachtwoord").fill(password);
  await page.getByRole("button", { name: "E-mailadres wijzigen" }).click();
  await expect(
    page.getByText("Dit e-mailadres kun je niet gebruiken. Kies een ander adres."),
  ).toBeVisible();
  await checkA11y();

  const since = Date.now();
  await page.getByLabel("Nieuw e-mailadres").fill(newEmail);
  await page.getByLabel("Je wachtwoord").fill(password);
  await page.getByRole("button", { name: "E-mailadres wijzigen" }).click();
  await expect(
    page.getByText(`We hebben een bevestigingslink gestuurd naar ${newEmail}.`),
  ).toBeVisible();
  await checkA11y();

  await readMail(email, /Je e-mailadres bij Knooppunt wordt gewijzigd/, since);
  const confirmation = await readMail(newEmail, /Bevestig je nieuwe e-mailadres/, since);
  await page.goto(linkIn(confirmation, "e-mailadres-wijzigen"));
  await expect(page.getByRole("heading", { name: "Nieuw e-mailadres bevestigen" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "E-mailadres bevestigen" }).click();
  await expect(page.getByText("Je nieuwe e-mailadres is bevestigd en in gebruik.")).toBeVisible();
  await expect(page.getByText(`Je e-mailadres nu: ${newEmail}`)).toBeVisible();
  await checkA11y();

  // The link works once.
  await page.goto(linkIn(confirmation, "e-mailadres-wijzigen"));
  await expect(page.getByText("Deze link werkt niet meer")).toBeVisible();
  await checkA11y();
});
