import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import type { Database } from "#app/db/client.server.ts";
import { outbox } from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import { deliverPendingMail, maxMailAttempts } from "#app/platform/mailer.server.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { sendAccountLink } from "../accounts/accounts.server.ts";
import { createTopic } from "../discussion/discussion.server.ts";
import { discussionJobHandlers } from "../discussion/discussion-mail.server.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { getOutboxMail, listOutbox } from "./outbox.server.ts";

let database: Database;
let server: SMTPServer;
let smtpUrl: string;
const delivered: string[] = [];
const request = { baseUrl: "https://knooppunt.test", ipAddress: "10.0.0.9", locale: "nl" as const };

beforeAll(async () => {
  database = await createTestDatabase();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      let body = "";
      stream.on("data", (chunk) => {
        body += chunk.toString();
      });
      stream.on("end", () => {
        // quoted-printable breaks long lines (the login link) with a soft "=" line end
        delivered.push(body.replace(/=\r?\n/g, ""));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  smtpUrl = `smtp://127.0.0.1:${address.port}`;
});

beforeEach(() => {
  process.env.SMTP_URL = smtpUrl;
  resetEnvForTests();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  resetEnvForTests();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database?.close();
});

async function platformAdmin() {
  const { db } = database;
  return actorFor(db, await buildUser(db, { isPlatformAdmin: true }));
}

/** Everything the admin pages can get: the listing (all filters) and every mail's detail. */
async function everythingAnAdminReads() {
  const { db } = database;
  const admin = await platformAdmin();
  const pages = [];
  for (const status of [undefined, "pending", "sent", "failed"] as const) {
    const listing = await listOutbox(db, admin, { status });
    pages.push(listing);
    for (const mail of listing.mails) pages.push(await getOutboxMail(db, admin, mail.id));
  }
  return JSON.stringify(pages);
}

describe("the outbox as platform admins see it", () => {
  it("never shows a login link, before or after delivery, so an admin cannot log in as a member", async () => {
    const { db } = database;
    const member = await buildUser(db, { email: "femke@trivium.test" });
    await sendAccountLink(db, member.email, "magic-link", request);
    const [row] = await db.select().from(outbox).where(eq(outbox.to, member.email));
    const token = row?.text?.match(/inloggen\/link\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error("no login link in the mail");

    const before = await everythingAnAdminReads();
    expect(before).toContain("femke@trivium.test");
    expect(before).toContain("Je inloglink voor Knooppunt");
    expect(before).toContain("mail.magicLink");
    expect(before).not.toContain(token);
    expect(before).not.toContain("inloggen/link");

    await deliverPendingMail(db);
    expect(delivered.some((body) => body.includes(token))).toBe(true);
    expect(await everythingAnAdminReads()).not.toContain(token);
    // Nor anywhere in the table once the mail has left.
    expect(JSON.stringify(await db.select().from(outbox))).not.toContain(token);
  });

  it("shows a closed network's discussion mail only as metadata: no title, text, reply key or unsubscribe link", async () => {
    const { db } = database;
    const network = await buildNetwork(db, { openness: "closed", themes: ["Passend onderwijs"] });
    const [asker, reader] = await Promise.all([buildUser(db), buildUser(db)]);
    if (!asker || !reader) throw new Error("setup");
    await addNetworkMember(db, network.id, asker.id);
    await addNetworkMember(db, network.id, reader.id);
    await createTopic(db, await authorizeNetwork(db, await actorFor(db, asker), network.id), {
      kind: "question",
      title: "Conflict met onze bestuurder",
      body: "Vertrouwelijk: hoe pakken jullie dit aan?",
      themes: ["Passend onderwijs"],
      meetingId: null,
    });
    await runDueJobs(db, discussionJobHandlers);
    const [mail] = await db.select().from(outbox).where(eq(outbox.to, reader.email));
    expect(mail?.subject).toContain("Conflict met onze bestuurder");
    const secrets = [
      "Conflict met onze bestuurder",
      "Vertrouwelijk",
      mail?.replyTo ?? "no reply address",
      ...Object.values(mail?.headers ?? { none: "no headers" }),
    ];

    for (const when of ["before delivery", "after delivery"]) {
      const seen = await everythingAnAdminReads();
      expect(seen, when).toContain(reader.email);
      for (const secret of secrets) expect(seen, `${when}: ${secret}`).not.toContain(secret);
      await deliverPendingMail(db);
    }
    expect(delivered.some((body) => body.includes("Conflict met onze bestuurder"))).toBe(true);
  });

  it("shows a mail that could not be delivered, with the error and a count", async () => {
    const { db } = database;
    const member = await buildUser(db, { email: "onbereikbaar@trivium.test" });
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvForTests();
    await sendAccountLink(db, member.email, "reset-password", request);
    let now = new Date();
    for (let attempt = 0; attempt < maxMailAttempts; attempt++) {
      await deliverPendingMail(db, now);
      now = new Date(now.getTime() + 60 * 60_000);
    }
    const admin = await platformAdmin();
    const { mails, failed } = await listOutbox(db, admin, { status: "failed" });
    expect(failed).toBe(1);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: "onbereikbaar@trivium.test",
      kind: "mail.reset",
      status: "failed",
      attempts: maxMailAttempts,
    });
    expect(mails[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect((await listOutbox(db, admin, { status: "sent" })).mails.map((m) => m.to)).not.toContain(
      "onbereikbaar@trivium.test",
    );
  });

  it("is not there for anyone but a platform admin", async () => {
    const { db } = database;
    const member = await actorFor(db, await buildUser(db));
    await expect(listOutbox(db, member)).rejects.toThrow(NotFoundError);
    await expect(listOutbox(db, null)).rejects.toThrow(NotFoundError);
  });
});
