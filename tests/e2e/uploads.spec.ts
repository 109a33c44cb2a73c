import sharp from "sharp";
import { expect, test } from "./support/fixtures.ts";

const eleven = Buffer.alloc(11 * 1024 * 1024, 0x20);

test("a file over 10 MB is named at its field before anything is sent, and the form keeps what was typed", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("marloes.smits@knooppunt.test");
  await page.goto("/herregistratie");
  await checkA11y();
  await page
    .locator("details[name=add-activity] > summary")
    .filter({ hasText: "Een andere activiteit" })
    .click();
  const form = page.locator("form#activiteit");
  await form.getByLabel("Naam van de activiteit").fill("Studiedag onderzoekend leren");
  const file = form.getByLabel("Bewijs als bestand (mag leeg)");
  await file.setInputFiles({ name: "verslag.pdf", mimeType: "application/pdf", buffer: eleven });
  const message = form.getByRole("alert");
  await expect(message).toHaveText(
    "verslag.pdf is 11 MB; een bestand mag hoogstens 10 MB zijn. Kies een kleiner bestand.",
  );
  await expect(file).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await file.getAttribute("aria-describedby")) ?? "";
  expect(describedBy.split(" ")).toContain(await message.getAttribute("id"));
  await checkA11y();

  // Sending is refused in the browser: no request leaves, the field gets the focus.
  let posted = false;
  page.on("request", (request) => {
    if (request.method() === "POST") posted = true;
  });
  await form.getByRole("button", { name: "Toevoegen" }).click();
  await expect(file).toBeFocused();
  expect(posted).toBe(false);
  await expect(form.getByLabel("Naam van de activiteit")).toHaveValue(
    "Studiedag onderzoekend leren",
  );

  // A file that fits clears the message.
  await file.setInputFiles({
    name: "verslag.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Verslag van de studiedag."),
  });
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(file).not.toHaveAttribute("aria-invalid", "true");
});

test("without JavaScript, a file over 10 MB comes back as the same form with its values and a Dutch message at the field", async ({
  page: checker,
  browser,
  baseURL,
  checkA11y,
  login,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // axe runs as a script, so it checks what this page shows in a page that runs scripts.
  const checkWithoutScript = async () => {
    const html = (await page.content())
      .replace(/<script[\s\S]*?<\/script>/g, "")
      .replace("<head>", `<head><base href="${baseURL}/">`);
    await checker.setContent(html);
    await checkA11y(checker);
  };
  await login("marloes.smits@knooppunt.test", undefined, page);
  await page.goto("/herregistratie");
  await checkWithoutScript();
  await page
    .locator("details[name=add-activity] > summary")
    .filter({ hasText: "Een andere activiteit" })
    .click();
  const form = page.locator("form#activiteit");
  await form.getByLabel("Naam van de activiteit").fill("Studiedag zonder script");
  await form.getByLabel("Begindatum").fill("2025-04-01");
  await form.getByLabel("Einddatum").fill("2025-04-01");
  await form.getByLabel("Waarde", { exact: true }).fill("20");
  await form.getByLabel("Bewijs als bestand (mag leeg)").setInputFiles({
    name: "verslag.pdf",
    mimeType: "application/pdf",
    buffer: eleven,
  });
  const answer = page.waitForResponse((r) => r.request().method() === "POST");
  await form.getByRole("button", { name: "Toevoegen" }).click();
  expect((await answer).status()).toBe(400);
  const again = page.locator("form#activiteit");
  await expect(again.getByLabel("Naam van de activiteit")).toHaveValue("Studiedag zonder script");
  await expect(again.getByLabel("Waarde", { exact: true })).toHaveValue("20");
  await expect(again.getByLabel("Bewijs als bestand (mag leeg)")).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(
    again.getByText(
      "Het bestand is groter dan 10 MB. Kies een kleiner bestand; wat je verder invulde, staat er nog.",
    ),
  ).toBeVisible();
  await checkWithoutScript();
  await context.close();
});

test("a profile photo: a file that is no photo is refused at its field with what was typed kept; a photo shows in the people list", async ({
  page,
  checkA11y,
  login,
}) => {
  await login("schoolbeheerder@knooppunt.test");
  await page.goto("/profiel");
  const name = await page.getByLabel("Naam", { exact: true }).inputValue();
  const bio = page.getByLabel("Over jou");
  const original = await bio.inputValue();
  await bio.fill(`${original} (nu met foto)`);
  const photo = page.getByLabel("Profielfoto");
  // A web page named like a photo: the server reads the bytes, not the name.
  await photo.setInputFiles({
    name: "foto.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("<!doctype html><script>alert(1)</script>"),
  });
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText(/^Dit bestand is geen foto die we kunnen gebruiken/)).toBeVisible();
  await expect(photo).toHaveAttribute("aria-invalid", "true");
  await expect(bio).toHaveValue(`${original} (nu met foto)`);
  await checkA11y();

  await bio.fill(original);
  const jpeg = await sharp({
    create: { width: 640, height: 480, channels: 3, background: "#2a6f97" },
  })
    .jpeg()
    .toBuffer();
  await photo.setInputFiles({ name: "ik.jpg", mimeType: "image/jpeg", buffer: jpeg });
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Je profiel is opgeslagen.")).toBeVisible();
  await expect(page.locator('img[src*="/foto?v="]')).toBeVisible();
  await checkA11y();

  await page.goto(`/mensen?q=${encodeURIComponent(name)}`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
  const picture = card.locator('img[src*="/foto?v="]');
  await expect(picture).toBeVisible();
  // Made square on the server, 256 px, shown small.
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  await checkA11y();

  // Removed again, and initials are back.
  await page.goto("/profiel");
  await page.getByRole("button", { name: "Foto verwijderen" }).click();
  await expect(
    page.getByText("Je foto is verwijderd; anderen zien nu je initialen."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Foto verwijderen" })).toHaveCount(0);
  await checkA11y();
});
