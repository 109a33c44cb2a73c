// Renders what a received discussion answer looks like: the mail goes through the real outbox,
// nodemailer and an SMTP server, mailparser reads its HTML part back, and Chromium renders it at
// phone and laptop width. Run: node scripts/mail-screenshot.ts  (writes docs/screenshots/mail-{390,1280}.png)
import { simpleParser } from "mailparser";
import { chromium } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { resetEnvForTests } from "#app/core/env.server.ts";
import { replyMarker } from "#app/modules/discussion/reply-parsing.ts";
import {
  deliverPendingMail,
  messageId,
  sendTemplatedMail,
  topicMessageId,
} from "#app/platform/mailer.server.ts";
import { buildUser } from "../tests/factories/index.ts";
import { createTestDatabase } from "../tests/test-database.ts";

let html = "";
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        html = typeof mail.html === "string" ? mail.html : "";
        callback();
      })
      .catch(callback);
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const address = smtp.server.address();
if (!address || typeof address === "string") throw new Error("no port");
process.env.SMTP_URL = `smtp://127.0.0.1:${address.port}`;
process.env.PUBLIC_URL = "https://knooppunt.example.nl";
resetEnvForTests();

const database = await createTestDatabase();
const reader = await buildUser(database.db, { name: "Anouk Visser" });
const topicId = "0ea661f1-36cf-40e0-8e19-713974f7152d";
await sendTemplatedMail(
  database.db,
  { email: reader.email, locale: "nl" },
  "mail.discussion",
  {
    marker: replyMarker,
    name: reader.name,
    author: "Jan Paul Beekman",
    network: "Eindverantwoordelijk Schoolleiders",
    title: "Wie deelt een jaarplanning voor de MR?",
    reply: "yes",
    body: "Wij plannen de MR-vergaderingen rond de **vierdaagse** van groep 8, en houden *één* vaste avond aan.\n\nWat werkt:\n\n- de begroting in november\n- het formatieplan in maart\n- een evaluatie vóór de zomer\n\nOnze planning staat op https://school.example.nl/mr-planning.",
    link: `https://knooppunt.example.nl/netwerken/abc/discussie/${topicId}`,
  },
  {
    replyTo: `t-${topicId}-SLEUTEL@reageer.knooppunt.example.nl`,
    discussion: {
      networkId: "9b2d5a0e-4f7b-4d55-9c1e-2f0a6c1d7e11",
      networkName: "Eindverantwoordelijk Schoolleiders",
      messageId: messageId("post-example"),
      inReplyTo: topicMessageId(topicId),
    },
  },
);
await deliverPendingMail(database.db);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent(html);
  await page.screenshot({ path: `docs/screenshots/mail-${width}.png`, fullPage: true });
  await page.close();
}
await browser.close();
await database.close();
smtp.close();
