// Logging in with the school's account (issue 17): "Inloggen met SURFconext" and "Inloggen met
// Entree" against two real OpenID providers (serve.ts starts them with the federations' claims),
// a school's login domains, and linking a school account from the sign-in methods page. Each
// journey logs in as its own provider account (sso-accounts.ts), so they run side by side.
import type { Browser, Page } from "@playwright/test";
import { expect, linkIn, readMail, test } from "./support/fixtures.ts";
import { surfDomain } from "./support/sso-accounts.ts";

/**
 * The test provider logs in whoever login_hint names: this journey's account goes into the
 * authorization request on its way to the provider (the app itself sends no hint).
 */
async function atProviderLogInAs(page: Page, account: string) {
  await page.route(
    (url) =>
      url.hostname === "127.0.0.1" &&
      url.pathname === "/auth" &&
      !url.searchParams.has("login_hint"),
    (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set("login_hint", account);
      return route.continue({ url: url.href });
    },
  );
}

/** The school page of a seeded school, found as anyone finds it. */
async function openSchool(page: Page, name: string, check?: () => Promise<void>) {
  await page.goto(`/organisaties?q=${encodeURIComponent(name)}`);
  await check?.();
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("knooppunt-demo-2026");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  return page;
}

test("a school admin may not claim a domain they never logged in from, nor a shared one; a platform admin maps it, the school admin sees it and removes it", async ({
  page,
  browser,
  login,
  checkA11y,
}) => {
  await login("schoolbeheerder@knooppunt.test");
  await openSchool(page, "Baken Trinitas Gymnasium", checkA11y);
  await checkA11y();
  await page.getByRole("link", { name: "Inlogdomeinen beheren" }).click();
  await expect(page.getByRole("heading", { name: "Inlogdomeinen" })).toBeVisible();
  await checkA11y();

  await page.getByLabel("Domein").fill("https://");
  await page.getByRole("button", { name: "Domein toevoegen" }).click();
  await expect(page.getByText("Vul een domeinnaam in, zoals school.nl.").first()).toBeVisible();
  await expect(page.getByLabel("Domein")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Domein")).toHaveValue("https://");
  await checkA11y();

  // A school admin claims only a domain they logged in from themselves, and no shared one.
  await page.getByLabel("Domein").fill("Lokaal-Voorbeeld.test");
  await page.getByRole("button", { name: "Domein toevoegen" }).click();
  await expect(
    page.getByText("Je kunt alleen een domein toevoegen waarvan je zelf").first(),
  ).toBeVisible();
  await checkA11y();
  await page.getByLabel("Domein").fill("gmail.com");
  await page.getByRole("button", { name: "Domein toevoegen" }).click();
  await expect(page.getByText("Dit domein hoort niet bij één school").first()).toBeVisible();

  // A platform admin maps it for the school, and removes it.
  const admin = await signedInPage(browser, "beheerder@knooppunt.test");
  await openSchool(admin, "Baken Trinitas Gymnasium");
  await admin.getByRole("link", { name: "Inlogdomeinen beheren" }).click();
  await admin.getByLabel("Domein").fill("Lokaal-Voorbeeld.test");
  await admin.getByRole("button", { name: "Domein toevoegen" }).click();
  await expect(admin.getByText("Het domein is toegevoegd.")).toBeVisible();
  await expect(admin.getByText("lokaal-voorbeeld.test", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText("lokaal-voorbeeld.test", { exact: true })).toBeVisible();
  await checkA11y();

  await page.getByRole("button", { name: "lokaal-voorbeeld.test verwijderen" }).click();
  await expect(page.getByText("Het domein is verwijderd.")).toBeVisible();
  await expect(page.getByText("lokaal-voorbeeld.test", { exact: true })).toHaveCount(0);
  await checkA11y();
  await admin.context().close();
});

test("Inloggen met SURFconext: a new account with the provider's name, confirmed at the school of the mapped domain", async ({
  page,
  browser,
  checkA11y,
}) => {
  // A platform admin maps the institution's domain first (SURFconext names the institution).
  const admin = await signedInPage(browser, "beheerder@knooppunt.test");
  await openSchool(admin, "Baken Trinitas Gymnasium");
  await admin.getByRole("link", { name: "Inlogdomeinen beheren" }).click();
  await admin.getByLabel("Domein").fill(surfDomain);
  await admin.getByRole("button", { name: "Domein toevoegen" }).click();
  await expect(admin.getByText(surfDomain, { exact: true })).toBeVisible();
  await admin.context().close();

  await atProviderLogInAs(page, "surf-anna");
  await page.goto("/inloggen");
  await expect(page.getByRole("button", { name: "Inloggen met SURFconext" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Inloggen met Entree" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Inloggen met SURFconext" }).click();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  await expect(page.getByText("Anna Veldhuis").first()).toBeVisible();
  await checkA11y();

  await page.goto("/profiel");
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue("Anna Veldhuis");
  await expect(
    page.getByRole("checkbox", { name: /Baken Trinitas Gymnasium.*Bevestigd door de school/ }),
  ).toBeChecked();
  await checkA11y();
  await page.getByRole("link", { name: "Inlogmethoden" }).click();
  await expect(page.getByRole("heading", { name: "Inlogmethoden" })).toBeVisible();
  await expect(page.getByText("Gekoppeld", { exact: true })).toHaveCount(1);
  await checkA11y();
});

test("Inloggen met Entree asks for an e-mail address, makes the account only once its link is followed, and the BRIN confirms the school", async ({
  page,
  checkA11y,
}) => {
  await atProviderLogInAs(page, "entree-cor");
  await page.goto("/registreren");
  await expect(page.getByRole("button", { name: "Inloggen met Entree" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Inloggen met Entree" }).click();
  await expect(page.getByRole("heading", { name: "Nog één stap: je e-mailadres" })).toBeVisible();
  await expect(page.getByText("Entree geeft ons geen e-mailadres door")).toBeVisible();
  await checkA11y();

  await page.getByLabel("E-mailadres").fill("cor.dijkstra@");
  await page.getByRole("button", { name: "Stuur de bevestigingslink" }).click();
  await expect(page.getByText("Dit is geen geldig e-mailadres.").first()).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).toHaveValue("cor.dijkstra@");
  await checkA11y();

  const email = "cor.dijkstra@lrc-entree.test";
  const since = Date.now();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur de bevestigingslink" }).click();
  await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(email);
  await checkA11y();

  // Nothing is made before the address is proven: not signed in yet.
  await expect(page.getByRole("button", { name: "Uitloggen" })).toHaveCount(0);
  const mail = await readMail(email, /Bevestig je e-mailadres/, since);
  await page.goto(linkIn(mail, "inloggen/sso/bevestigen"));
  await expect(page.getByRole("heading", { name: "E-mailadres bevestigen" })).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Bevestigen en inloggen" }).click();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  await checkA11y();

  await page.goto("/profiel");
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue("Cor Dijkstra");
  await expect(
    page.getByRole("checkbox", { name: /Leidsche Rijn College.*Bevestigd door de school/ }),
  ).toBeChecked();
  await checkA11y();
});

test("a second SURFconext login finds the same account; logging out ends the provider's session; the last way in cannot be unlinked", async ({
  page,
  checkA11y,
}) => {
  await atProviderLogInAs(page, "surf-bram");
  await page.goto("/inloggen");
  await checkA11y();
  await page.getByRole("button", { name: "Inloggen met SURFconext" }).click();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  await expect(page.getByText("Bram Hoekstra").first()).toBeVisible();
  await checkA11y();
  // A name of his own choosing, which the next login must not overwrite.
  await page.goto("/profiel");
  await checkA11y();
  await page.getByLabel("Naam", { exact: true }).fill("Bram Hoekstra-de Wit");
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Bram Hoekstra-de Wit").first()).toBeVisible();
  await checkA11y();

  // Logging out goes through the provider's end-session page (not ours) and back to our home.
  const tab = await page.context().newPage();
  await tab.goto("/");
  const providerLogout = tab.waitForRequest(
    (request) =>
      request.url().startsWith("http://127.0.0.1:") && request.url().includes("/session/end"),
  );
  await tab.getByRole("button", { name: "Uitloggen" }).click();
  await providerLogout;
  await expect(
    tab.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Inloggen" }),
  ).toBeVisible();
  expect(new URL(tab.url()).pathname).toBe("/");
  await tab.close();

  await page.goto("/inloggen");
  await checkA11y();
  await page.getByRole("button", { name: "Inloggen met SURFconext" }).click();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  await expect(page.getByText("Bram Hoekstra-de Wit").first()).toBeVisible();
  await checkA11y();

  await page.goto("/account/inlogmethoden");
  await expect(page.getByText("Je hebt geen wachtwoord")).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "SURFconext ontkoppelen" }).click();
  await expect(page.getByRole("alert")).toContainText("Dit is je enige manier om in te loggen.");
  await expect(page.getByText("Gekoppeld", { exact: true })).toHaveCount(1);
  await checkA11y();
});

test("a password account links Entree on its sign-in methods page and then logs in with it", async ({
  page,
  checkA11y,
}) => {
  const email = `koppelaar.${Date.now()}@knooppunt.test`;
  const password = "samen leren met school-accounts";
  await page.goto("/registreren");
  await page.getByLabel("Naam", { exact: true }).fill("Els Koppelaar");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  const since = Date.now();
  await page.getByRole("button", { name: "Account maken" }).click();
  await expect(page.getByRole("heading", { name: "Kijk in je mailbox" })).toBeVisible();
  await checkA11y();
  const mail = await readMail(email, /Bevestig je e-mailadres/, since);
  await page.goto(linkIn(mail, "e-mail-bevestigen"));
  await checkA11y();
  await page.getByRole("button", { name: "E-mailadres bevestigen" }).click();
  // The link signs the new account in, on its welcome.
  await expect(page.getByRole("heading", { name: "Wat doe je?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  await checkA11y();

  await atProviderLogInAs(page, "entree-dana");
  await page.goto("/account/inlogmethoden");
  await expect(page.getByText("Je kunt inloggen met je e-mailadres en wachtwoord.")).toBeVisible();
  await checkA11y();
  // The session alone links nothing: the password first (a wrong one is named).
  await page.getByLabel("Je wachtwoord (om Entree te koppelen)").fill("niet mijn wachtwoord");
  await page.getByRole("button", { name: "Koppelen met Entree" }).click();
  await expect(page.getByText("Je wachtwoord klopt niet.")).toBeVisible();
  await checkA11y();
  const linkedSince = Date.now();
  await page.getByLabel("Je wachtwoord (om Entree te koppelen)").fill(password);
  await page.getByRole("button", { name: "Koppelen met Entree" }).click();
  await expect(page.getByText("Je schoolaccount is gekoppeld.")).toBeVisible();
  await readMail(email, /Je manier van inloggen bij Knooppunt is gewijzigd/, linkedSince);
  await expect(page.getByRole("button", { name: "Entree ontkoppelen" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Wachtwoord verwijderen" })).toBeVisible();
  await checkA11y();

  // A password session has no provider to log out of: the usual way out.
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByText("Je bent uitgelogd.")).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Inloggen met Entree" }).click();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  // Her own account, not a new one named after the Entree account.
  await expect(page.getByText("Els Koppelaar").first()).toBeVisible();
  await checkA11y();
});

test("a return from the provider that does not match its flow is refused with a Dutch sentence on the login page", async ({
  page,
  checkA11y,
}) => {
  const forged = "Inloggen met je schoolaccount is niet gelukt.";
  const stale = "Het inloggen duurde te lang of is in een ander venster begonnen.";
  await page.goto("/inloggen");
  await checkA11y();
  const origin = new URL(page.url()).origin;
  // A flow is started (its cookie set) and then someone else's answer arrives with another state.
  const started = await page.request.post("/inloggen/sso/surfconext", {
    headers: { Origin: origin },
    form: { terug: "/" },
    maxRedirects: 0,
  });
  expect(started.status()).toBe(302);
  await page.goto("/inloggen/sso/surfconext/terug?code=vervalst&state=vervalst");
  await expect(page).toHaveURL(/\/inloggen\?reden=/);
  await expect(page.getByRole("status")).toContainText(forged);
  await expect(page.getByRole("button", { name: "Uitloggen" })).toHaveCount(0);
  await checkA11y();

  // Replayed once more, now without the flow's cookie: the same sentence, no error page.
  await page.goto("/inloggen/sso/surfconext/terug?code=oud&state=oud");
  await expect(page.getByRole("status")).toContainText(stale);
  await checkA11y();
  expect((await page.request.get("/inloggen/sso/onbekend/terug")).status()).toBe(404);
  const unknown = await page.request.post("/inloggen/sso/onbekend", {
    headers: { Origin: origin },
    form: { terug: "/" },
    maxRedirects: 0,
  });
  expect(unknown.status()).toBe(404);
});
