import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { outbox, users } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { buildUser, freshProviderLogin } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { confirmEmailChange, requestOwnEmailChange } from "./email-change.server.ts";

let database: Database;
const request = { baseUrl: "https://knooppunt.test", ipAddress: "10.0.0.2", locale: "nl" as const };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const actorOf = (user: { id: string; name: string; email: string }): Actor => ({
  userId: user.id,
  name: user.name,
  email: user.email,
  isPlatformAdmin: false,
  grants: [],
});

async function mailsTo(email: string) {
  return database.db
    .select()
    .from(outbox)
    .where(eq(outbox.to, email))
    .orderBy(desc(outbox.createdAt));
}

const tokenIn = (text: string | null) =>
  text?.match(/e-mailadres-wijzigen\/([A-Za-z0-9_-]+)/)?.[1] ?? "";

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FieldError) return `${error.field}: ${error.messageKey}`;
    throw error;
  }
  return "no refusal";
}

describe("changing one's own e-mail address", () => {
  it("needs the password, then changes the address only once the new mailbox confirms", async () => {
    const { db } = database;
    const user = await buildUser(db, { password: "mijn-geheime-zin" });
    const newEmail = `nieuw-${Date.now()}@school.test`;

    expect(
      await refusal(
        requestOwnEmailChange(db, actorOf(user), { email: newEmail, password: "fout" }, request),
      ),
    ).toBe("password: error.emailChange.wrongPassword");
    expect(await mailsTo(newEmail)).toHaveLength(0);

    const outcome = await requestOwnEmailChange(
      db,
      actorOf(user),
      { email: newEmail.toUpperCase(), password: "mijn-geheime-zin" },
      request,
    );
    expect(outcome).toEqual({ kind: "sent", email: newEmail });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.email).toBe(user.email);
    expect(row?.pendingEmail).toBe(newEmail);

    const [confirmation] = await mailsTo(newEmail);
    expect(confirmation?.kind).toBe("mail.emailChange");
    const [notice] = await mailsTo(user.email);
    expect(notice?.kind).toBe("mail.emailChangeNotice");
    // The old mailbox learns that a change was asked, not the whole new address.
    expect(notice?.text).not.toContain(newEmail);
    expect(notice?.text).toContain("***@school.test");

    const token = tokenIn(confirmation?.text ?? null);
    expect(await confirmEmailChange(db, token)).toEqual({
      kind: "changed",
      userId: user.id,
      loggedOut: false,
    });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.email).toBe(newEmail);
    expect(after?.pendingEmail).toBeNull();
    expect(after?.emailVerifiedAt).not.toBeNull();
    // A link works once.
    expect(await confirmEmailChange(db, token)).toEqual({ kind: "invalid" });
  });

  it("refuses an address another account has, with a sentence that says no more", async () => {
    const { db } = database;
    const user = await buildUser(db);
    const other = await buildUser(db);
    expect(
      await refusal(
        requestOwnEmailChange(
          db,
          actorOf(user),
          { email: other.email, password: "een-lang-wachtwoord" },
          request,
        ),
      ),
    ).toBe("email: error.emailChange.unavailable");
    expect(await mailsTo(other.email)).toHaveLength(0);
  });

  it("does not change the address when another account took it before the link was followed", async () => {
    const { db } = database;
    const user = await buildUser(db);
    const wanted = `gewild-${Date.now()}@school.test`;
    await requestOwnEmailChange(
      db,
      actorOf(user),
      { email: wanted, password: "een-lang-wachtwoord" },
      request,
    );
    const [confirmation] = await mailsTo(wanted);
    await buildUser(db, { email: wanted });
    expect(await confirmEmailChange(db, tokenIn(confirmation?.text ?? null))).toEqual({
      kind: "taken",
    });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.email).toBe(user.email);
  });

  it("takes a fresh provider login instead of a password, and only a valid one", async () => {
    const { db } = database;
    const user = await buildUser(db, { passwordHash: null });
    const newEmail = `sso-${Date.now()}@school.test`;
    expect(
      await refusal(
        requestOwnEmailChange(db, actorOf(user), { email: newEmail, proof: "oud" }, request),
      ),
    ).toBe("form: error.emailChange.proof");
    const proof = await freshProviderLogin(db, user.id);
    const outcome = await requestOwnEmailChange(
      db,
      actorOf(user),
      { email: newEmail, proof },
      request,
    );
    expect(outcome.kind).toBe("sent");
  });

  it("does not take a provider login instead of the password from an account that has one", async () => {
    const { db } = database;
    // Someone in this person's session linked their own provider account and logged in with it.
    const user = await buildUser(db, { password: "mijn-geheime-zin" });
    const newEmail = `kaper-${Date.now()}@school.test`;
    const proof = await freshProviderLogin(db, user.id);
    expect(
      await refusal(requestOwnEmailChange(db, actorOf(user), { email: newEmail, proof }, request)),
    ).toBe("password: error.password.required");
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.pendingEmail).toBeNull();
    expect(await mailsTo(newEmail)).toEqual([]);
  });

  it("is rate-limited per account", async () => {
    const { db } = database;
    const user = await buildUser(db);
    const kinds = [];
    for (let i = 0; i < 6; i++) {
      const outcome = await requestOwnEmailChange(
        db,
        actorOf(user),
        { email: `poging-${i}-${Date.now()}@school.test`, password: "een-lang-wachtwoord" },
        request,
      );
      kinds.push(outcome.kind);
    }
    expect(kinds.slice(0, 5).every((kind) => kind === "sent")).toBe(true);
    expect(kinds[5]).toBe("rate-limited");
  });
});

describe("mail to an address its account has not confirmed", () => {
  it("gets the account's own mails, nothing else; a confirmed address gets everything", async () => {
    const { db } = database;
    const unconfirmed = await buildUser(db, { emailVerifiedAt: null, passwordHash: null });
    const confirmed = await buildUser(db);
    for (const person of [unconfirmed, confirmed]) {
      await sendTemplatedMail(db, person, "mail.meetingReminder", {
        name: person.name,
        network: "Netwerk",
        title: "Bijeenkomst",
        theme: "Thema",
        when: "morgen",
        link: "https://knooppunt.test/x",
      });
      await sendTemplatedMail(db, person, "mail.verify", {
        name: person.name,
        url: "https://knooppunt.test/e-mail-bevestigen/abc",
      });
    }
    expect((await mailsTo(unconfirmed.email)).map((mail) => mail.kind)).toEqual(["mail.verify"]);
    expect((await mailsTo(confirmed.email)).map((mail) => mail.kind).sort()).toEqual([
      "mail.meetingReminder",
      "mail.verify",
    ]);
    // An address of nobody's account (an invitation to an outsider) is not held back either.
    const outsider = `buiten-${Date.now()}@elders.test`;
    await sendTemplatedMail(db, { email: outsider, locale: "nl" }, "mail.meetingReminder", {
      name: "Iemand",
      network: "Netwerk",
      title: "Bijeenkomst",
      theme: "Thema",
      when: "morgen",
      link: "https://knooppunt.test/x",
    });
    expect(await mailsTo(outsider)).toHaveLength(1);
  });
});
