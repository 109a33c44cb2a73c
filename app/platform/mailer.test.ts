import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import type { Database } from "#app/db/client.server.ts";
import { outbox } from "#app/db/schema/index.ts";
import { buildUser } from "../../tests/factories/index.ts";
import { createTestDatabase } from "../../tests/test-database.ts";
import {
  deliverPendingMail,
  maxMailAttempts,
  purgeOldMail,
  sendMail,
  sendTemplatedMail,
  startMailSender,
  stopMailSender,
} from "./mailer.server.ts";

let database: Database;
let server: SMTPServer;
let smtpUrl: string;
interface Received {
  to: string[];
  subject: string;
  text: string;
  replyTo: string | null;
  listUnsubscribe: string | null;
  html: string;
  headers: Record<string, string>;
}
const received: Received[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            replyTo: mail.replyTo?.value[0]?.address ?? null,
            listUnsubscribe:
              mail.headerLines
                .find((h) => h.key === "list-unsubscribe")
                ?.line.replace(/^list-unsubscribe:\s*/i, "") ?? null,
            html: typeof mail.html === "string" ? mail.html : "",
            headers: Object.fromEntries(
              mail.headerLines.map((h) => [h.key, h.line.slice(h.key.length + 1).trim()]),
            ),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  smtpUrl = `smtp://127.0.0.1:${address.port}`;
});

beforeEach(async () => {
  process.env.SMTP_URL = smtpUrl;
  resetEnvForTests();
  received.length = 0;
  await database.db.delete(outbox);
});

afterEach(async () => {
  await stopMailSender();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  resetEnvForTests();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database?.close();
});

async function rowFor(to: string) {
  const [row] = await database.db.select().from(outbox).where(eq(outbox.to, to));
  return row;
}

const minute = 60_000;

describe("the transactional outbox", () => {
  it("never sends a mail whose transaction rolled back", async () => {
    await database.db
      .transaction(async (tx) => {
        await sendMail(tx, { to: "a@school.test", subject: "Je inloglink", text: "geheim" });
        throw new Error("the change failed");
      })
      .catch(() => {});
    expect(await deliverPendingMail(database.db)).toBe(0);
    expect(received).toEqual([]);
    expect(await rowFor("a@school.test")).toBeUndefined();
  });

  it("sends nothing before the sender runs, then delivers a committed mail and wipes its body", async () => {
    await database.db.transaction(async (tx) => {
      await sendTemplatedMail(
        tx,
        { email: "b@school.test", locale: "nl" },
        "mail.magicLink",
        { name: "Femke", url: "https://knooppunt.test/inloggen/link/TOKEN123" },
        {
          replyTo: "reactie+SLEUTEL@reageer.knooppunt.test",
          headers: { "List-Unsubscribe": "<https://knooppunt.test/afmelden/UITSCHRIJF>" },
        },
      );
    });
    expect(received).toEqual([]);
    expect((await rowFor("b@school.test"))?.status).toBe("pending");

    expect(await deliverPendingMail(database.db)).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      to: ["b@school.test"],
      subject: "Je inloglink voor Knooppunt",
      replyTo: "reactie+SLEUTEL@reageer.knooppunt.test",
      listUnsubscribe: "<https://knooppunt.test/afmelden/UITSCHRIJF>",
    });
    expect(received[0]?.text).toContain("https://knooppunt.test/inloggen/link/TOKEN123");

    const row = await rowFor("b@school.test");
    expect(row).toMatchObject({
      status: "sent",
      kind: "mail.magicLink",
      attempts: 1,
      text: null,
      replyTo: null,
      headers: null,
      subject: "Je inloglink voor Knooppunt",
    });
    expect(row?.sentAt).toBeInstanceOf(Date);
    const stored = JSON.stringify(row);
    for (const secret of ["TOKEN123", "SLEUTEL", "UITSCHRIJF"]) {
      expect(stored).not.toContain(secret);
    }
    // Delivered once: a second round finds nothing.
    expect(await deliverPendingMail(database.db)).toBe(0);
    expect(received).toHaveLength(1);
  });

  it("wipes the subject of a confidential kind once it has left", async () => {
    await sendMail(database.db, {
      to: "c@school.test",
      subject: "[Intervisie Noord] Ruzie met mijn directeur",
      text: "...",
    });
    await deliverPendingMail(database.db);
    expect(received[0]?.subject).toBe("[Intervisie Noord] Ruzie met mijn directeur");
    expect((await rowFor("c@school.test"))?.subject).toBeNull();
  });

  it("retries with growing pauses while SMTP is down, then gives up with the error kept", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvForTests();
    await sendMail(database.db, {
      to: "d@school.test",
      subject: "Herinnering",
      text: "link https://knooppunt.test/vragenlijst/GEHEIM",
      kind: "mail.surveyReminder",
    });
    const start = new Date();
    let now = start;
    const pauses: number[] = [];
    for (let attempt = 1; attempt < maxMailAttempts; attempt++) {
      expect(await deliverPendingMail(database.db, now)).toBe(1);
      const row = await rowFor("d@school.test");
      expect(row).toMatchObject({ status: "pending", attempts: attempt });
      expect(row?.lastError).toBeTruthy();
      const next = row?.nextAttemptAt ?? now;
      pauses.push(next.getTime() - now.getTime());
      // Not before its time: a round a second early leaves it alone.
      expect(await deliverPendingMail(database.db, new Date(next.getTime() - 1000))).toBe(0);
      now = next;
    }
    expect(pauses).toEqual([1 * minute, 2 * minute, 4 * minute, 8 * minute]);

    expect(await deliverPendingMail(database.db, now)).toBe(1);
    const failed = await rowFor("d@school.test");
    expect(failed).toMatchObject({ status: "failed", attempts: maxMailAttempts, text: null });
    expect(failed?.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await deliverPendingMail(database.db, new Date(now.getTime() + 60 * minute))).toBe(0);
    expect(received).toEqual([]);
  });

  it("delivers a mail that failed once as soon as SMTP is back", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvForTests();
    await sendMail(database.db, { to: "e@school.test", subject: "Welkom", text: "Hallo" });
    await deliverPendingMail(database.db);
    process.env.SMTP_URL = smtpUrl;
    resetEnvForTests();
    await deliverPendingMail(database.db, new Date(Date.now() + 2 * minute));
    expect(received.map((mail) => mail.to)).toEqual([["e@school.test"]]);
    expect(await rowFor("e@school.test")).toMatchObject({
      status: "sent",
      attempts: 2,
      text: null,
    });
  });

  it("sends each mail once when two processes deliver at the same time", async () => {
    for (let i = 0; i < 6; i++) {
      await sendMail(database.db, { to: `f${i}@school.test`, subject: "Samen", text: "..." });
    }
    const [first, second] = await Promise.all([
      deliverPendingMail(database.db),
      deliverPendingMail(database.db),
    ]);
    expect((first ?? 0) + (second ?? 0)).toBe(6);
    expect(received).toHaveLength(6);
  });

  it("delivers within seconds of the commit once the sender runs", async () => {
    startMailSender(async () => database.db);
    const committed = Date.now();
    await database.db.transaction(async (tx) => {
      await sendMail(tx, { to: "g@school.test", subject: "Je inloglink", text: "klik" });
    });
    while (received.length === 0 && Date.now() - committed < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(received.map((mail) => mail.to)).toEqual([["g@school.test"]]);
    expect(Date.now() - committed).toBeLessThan(3_000);
  });

  it("without SMTP settings writes the mail to the server's terminal", async () => {
    delete process.env.SMTP_URL;
    resetEnvForTests();
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await sendMail(database.db, {
        to: "h@school.test",
        subject: "Je inloglink voor Knooppunt",
        text: "https://knooppunt.test/inloggen/link/ABC",
      });
      await deliverPendingMail(database.db);
    } finally {
      process.stdout.write = write;
    }
    const output = written.join("");
    expect(output).toContain("h@school.test");
    expect(output).toContain("https://knooppunt.test/inloggen/link/ABC");
    expect(await rowFor("h@school.test")).toMatchObject({ status: "sent", text: null });
  });

  it("forgets sent and failed mail after the retention period, never mail still waiting", async () => {
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * minute);
    await database.db.insert(outbox).values([
      { to: "old@school.test", status: "sent", createdAt: daysAgo(40), sentAt: daysAgo(40) },
      { to: "recent@school.test", status: "sent", createdAt: daysAgo(40), sentAt: daysAgo(10) },
      { to: "oldfailed@school.test", status: "failed", createdAt: daysAgo(31) },
      {
        to: "waiting@school.test",
        status: "pending",
        subject: "x",
        text: "x",
        createdAt: daysAgo(40),
      },
    ]);
    await purgeOldMail(database.db, 30, now);
    const left = await database.db.select({ to: outbox.to }).from(outbox);
    expect(left.map((row) => row.to).sort()).toEqual(["recent@school.test", "waiting@school.test"]);
  });
});

describe("mail as people expect it", () => {
  it("writes one template as an HTML and a text part: formatting rendered, user text escaped, links as a button and as a full address", async () => {
    const user = await buildUser(database.db, { name: "Ella <b>Verweij</b>" });
    await sendTemplatedMail(database.db, { email: user.email, locale: "nl" }, "mail.newsletter", {
      name: user.name,
      theme: "Lezen",
      title: "Zomer",
      body: "Dit jaar de **vierdaagse** en *rust*.\n\n- een\n- twee\n\n<script>alert(1)</script>",
      link: "https://knooppunt.test/themas/1",
    });
    await deliverPendingMail(database.db);
    const [mail] = received;
    expect(mail?.html).toContain("<strong>vierdaagse</strong>");
    expect(mail?.html).toContain("<em>rust</em>");
    expect(mail?.html).toMatch(/<li[^>]*>een<\/li>/);
    expect(mail?.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail?.html).not.toContain("<script>");
    expect(mail?.html).toContain("Beste Ella &lt;b&gt;Verweij&lt;/b&gt;,");
    expect(mail?.html).toContain('href="https://knooppunt.test/themas/1"');
    expect(mail?.html).toContain("#0b6359");
    expect(mail?.html).not.toMatch(/<img/);
    expect(mail?.text).toContain("Beste Ella <b>Verweij</b>,");
    expect(mail?.text).toContain("Dit jaar de vierdaagse en rust.");
    expect(mail?.text).toContain("- een\n- twee");
    expect(mail?.text).not.toContain("**");
    expect(mail?.text).toMatch(/^https:\/\/knooppunt\.test\/themas\/1$/m);
    // The footer says why, and how to stop it in one click.
    expect(mail?.text).toContain("Je krijgt deze mail omdat");
    expect(mail?.headers["list-unsubscribe"]).toMatch(
      /^<http:\/\/localhost:\d+\/afmelden\/[^>]+>$/,
    );
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail?.text).toContain(mail?.headers["list-unsubscribe"]?.slice(1, -1));
    expect(mail?.headers["message-id"]).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
  });

  it("gives mail about the account no unsubscribe, and writes every greeting the same way", async () => {
    const user = await buildUser(database.db, { name: "Femke" });
    await sendTemplatedMail(database.db, { email: user.email, locale: "en" }, "mail.reset", {
      name: user.name,
      url: "https://knooppunt.test/wachtwoord-herstellen/X",
    });
    await deliverPendingMail(database.db);
    expect(received[0]?.headers["list-unsubscribe"]).toBeUndefined();
    expect(received[0]?.headers["list-unsubscribe-post"]).toBeUndefined();
    expect(received[0]?.text).toMatch(/^Dear Femke,/);
    const nl = (await import("#app/i18n/mail/nl.server.ts")).default;
    const en = (await import("#app/i18n/mail/en.server.ts")).default;
    for (const [key, body] of Object.entries(nl)) {
      if (!key.endsWith(".body")) continue;
      expect(body, key).toMatch(/^(\{marker\}\n\n)?Beste [^,\n]+,\n/);
      expect(en[key as keyof typeof en], key).toMatch(/^(\{marker\}\n\n)?Dear [^,\n]+,\n/);
    }
  });
});
