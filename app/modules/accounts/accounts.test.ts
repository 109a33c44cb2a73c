import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { outbox, users } from "#app/db/schema/index.ts";
import { buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  authenticate,
  consumeMagicLink,
  registerUser,
  resetPassword,
  sendAccountLink,
  verifyEmail,
} from "./accounts.server.ts";
import { isCommonPassword } from "./common-passwords.ts";
import { isBreachedPassword } from "./passwords.server.ts";
import { createSession, findSessionUser } from "./sessions.server.ts";

let database: Database;
const request = { baseUrl: "https://knooppunt.test", ipAddress: "10.0.0.1", locale: "nl" as const };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function lastMailTo(email: string) {
  const [mail] = await database.db
    .select()
    .from(outbox)
    .where(eq(outbox.to, email))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return mail;
}

function tokenFrom(text: string, path: string) {
  const match = text.match(new RegExp(`${path}/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in mail`);
  return match[1];
}

describe("registration and verification", () => {
  it("sends a Dutch verification mail and refuses login until the address is confirmed", async () => {
    const db = database.db;
    await registerUser(
      db,
      { name: "Ella Verweij", email: "ella@trivium.test", password: "samen leren in netwerken" },
      request,
    );
    const mail = await lastMailTo("ella@trivium.test");
    expect(mail?.subject).toBe("Bevestig je e-mailadres voor Knooppunt");
    expect(mail?.text).toContain("Beste Ella Verweij");

    const before = await authenticate(
      db,
      { email: "ella@trivium.test", password: "samen leren in netwerken" },
      request,
    );
    expect(before.kind).toBe("unverified");

    const token = tokenFrom(mail?.text ?? "", "e-mail-bevestigen");
    expect(await verifyEmail(db, token)).not.toBeNull();
    expect(await verifyEmail(db, token)).toBeNull();

    const after = await authenticate(
      db,
      { email: "ELLA@trivium.test", password: "samen leren in netwerken" },
      request,
    );
    expect(after.kind).toBe("ok");
  });

  it("does not reveal a known address: no second account, a 'you already have one' mail instead", async () => {
    const db = database.db;
    const existing = await buildUser(db, {
      email: "bestaand@school.test",
      name: "Bestaande Gebruiker",
    });
    await registerUser(
      db,
      { name: "Iemand Anders", email: "Bestaand@school.test", password: "nog een lang wachtwoord" },
      request,
    );
    const rows = await db.select().from(users).where(eq(users.email, "bestaand@school.test"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).toBe(existing.name);
    const mail = await lastMailTo("bestaand@school.test");
    expect(mail?.subject).toBe("Je hebt al een account bij Knooppunt");
  });

  it("answers a wrong password and an unknown address the same way", async () => {
    const db = database.db;
    await buildUser(db, { email: "jan@broklede.test", password: "het juiste wachtwoord" });
    const wrong = await authenticate(
      db,
      { email: "jan@broklede.test", password: "verkeerd wachtwoord" },
      request,
    );
    const unknown = await authenticate(
      db,
      { email: "niemand@broklede.test", password: "verkeerd wachtwoord" },
      request,
    );
    expect(wrong).toEqual({ kind: "invalid" });
    expect(unknown).toEqual({ kind: "invalid" });
  });

  it("refuses a disabled account even with the right password", async () => {
    const db = database.db;
    await buildUser(db, {
      email: "weg@school.test",
      password: "het juiste wachtwoord",
      disabledAt: new Date(),
    });
    const outcome = await authenticate(
      db,
      { email: "weg@school.test", password: "het juiste wachtwoord" },
      request,
    );
    expect(outcome.kind).toBe("invalid");
  });
});

describe("breached passwords", () => {
  it("refuses a password from the breach list that the short list in the browser does not know", async () => {
    // "sunflower1" is in zxcvbn-ts's list of ~49 000 breached passwords, not in our short list.
    expect(isCommonPassword("sunflower1")).toBe(false);
    expect(isBreachedPassword("Sunflower1")).toBe(true);
    await expect(
      registerUser(
        database.db,
        { name: "Nieuw", email: "breach@knooppunt.test", password: "Sunflower1" },
        request,
      ),
    ).rejects.toMatchObject({ field: "password", messageKey: "error.password.common" });
    const [user] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, "breach@knooppunt.test"));
    expect(user).toBeUndefined();
    expect(isBreachedPassword("een lange zin die niemand raadt")).toBe(false);
  });
});

describe("rate limiting", () => {
  it("blocks the eleventh login attempt on one account within 15 minutes", async () => {
    const db = database.db;
    await buildUser(db, { email: "doelwit@school.test", password: "het juiste wachtwoord" });
    const outcomes = [];
    for (let i = 0; i < 11; i++) {
      outcomes.push(
        await authenticate(
          db,
          { email: "doelwit@school.test", password: `gok ${i} gok gok` },
          { ...request, ipAddress: `10.1.0.${i}` },
        ),
      );
    }
    expect(outcomes.slice(0, 10).every((o) => o.kind === "invalid")).toBe(true);
    expect(outcomes[10]?.kind).toBe("rate-limited");
    // Even the right password is refused while the limit holds.
    const right = await authenticate(
      db,
      { email: "doelwit@school.test", password: "het juiste wachtwoord" },
      request,
    );
    expect(right.kind).toBe("rate-limited");
  });

  it("counts failures only: successful logins do not lock an account, and a success clears its failures", async () => {
    const db = database.db;
    await buildUser(db, { email: "vaak-in@school.test", password: "het juiste wachtwoord" });
    const right = { email: "vaak-in@school.test", password: "het juiste wachtwoord" };
    const wrong = { email: "vaak-in@school.test", password: "een verkeerde gok" };
    for (let i = 0; i < 12; i++) expect((await authenticate(db, right, request)).kind).toBe("ok");
    for (let i = 0; i < 9; i++)
      expect((await authenticate(db, wrong, request)).kind).toBe("invalid");
    expect((await authenticate(db, right, request)).kind).toBe("ok");
    // The nine failures before the success are forgotten: ten new ones before the lock.
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push((await authenticate(db, wrong, request)).kind);
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill("invalid"));
    expect(outcomes[10]).toBe("rate-limited");
  });

  it("does not lengthen the wait of a locked account when it is tried again", async () => {
    const db = database.db;
    await buildUser(db, { email: "op-slot@school.test", password: "het juiste wachtwoord" });
    const guess = { email: "op-slot@school.test", password: "een verkeerde gok" };
    for (let i = 0; i < 10; i++) await authenticate(db, guess, request);
    // Six of the fifteen minutes have passed: nine to go.
    await database.db.execute(
      sql`update rate_limits set window_start = now() - interval '6 minutes' where key = 'login:account:op-slot@school.test'`,
    );
    const waits = [];
    for (let i = 0; i < 5; i++) {
      const outcome = await authenticate(db, guess, { ...request, ipAddress: `10.2.0.${i}` });
      expect(outcome.kind).toBe("rate-limited");
      if (outcome.kind === "rate-limited") waits.push(Math.ceil(outcome.retryAfterSeconds / 60));
    }
    expect(waits).toEqual([9, 9, 9, 9, 9]);
    // When the window has passed, the right password works at once.
    await database.db.execute(
      sql`update rate_limits set window_start = now() - interval '16 minutes' where key = 'login:account:op-slot@school.test'`,
    );
    const right = await authenticate(
      db,
      { email: "op-slot@school.test", password: "het juiste wachtwoord" },
      request,
    );
    expect(right.kind).toBe("ok");
  });

  it("limits reset mails per address", async () => {
    const db = database.db;
    await buildUser(db, { email: "reset-limiet@school.test" });
    const outcomes = [];
    for (let i = 0; i < 6; i++)
      outcomes.push(
        await sendAccountLink(db, "reset-limiet@school.test", "reset-password", request),
      );
    expect(outcomes.filter((o) => o.kind === "sent")).toHaveLength(5);
    expect(outcomes[5]?.kind).toBe("rate-limited");
  });
});

describe("password reset and magic link", () => {
  it("sets a new password, ends every session and works only once", async () => {
    const db = database.db;
    const user = await buildUser(db, {
      email: "vergeten@school.test",
      password: "het oude wachtwoord",
    });
    const session = await createSession(db, {
      userId: user.id,
      userAgent: "test",
      ipAddress: "1.2.3.4",
    });
    await sendAccountLink(db, "vergeten@school.test", "reset-password", request);
    const mail = await lastMailTo("vergeten@school.test");
    expect(mail?.subject).toBe("Kies een nieuw wachtwoord voor Knooppunt");
    const token = tokenFrom(mail?.text ?? "", "wachtwoord-herstellen");

    expect(await resetPassword(db, token, "het nieuwe wachtwoord")).toBe(user.id);
    expect(await findSessionUser(db, session)).toBeNull();
    expect(
      (
        await authenticate(
          db,
          { email: "vergeten@school.test", password: "het oude wachtwoord" },
          request,
        )
      ).kind,
    ).toBe("invalid");
    expect(
      (
        await authenticate(
          db,
          { email: "vergeten@school.test", password: "het nieuwe wachtwoord" },
          request,
        )
      ).kind,
    ).toBe("ok");
    expect(await resetPassword(db, token, "nog een ander wachtwoord")).toBeNull();
  });

  it("sends nothing for an unknown address but says the same", async () => {
    const db = database.db;
    const outcome = await sendAccountLink(db, "onbekend@school.test", "magic-link", request);
    expect(outcome.kind).toBe("sent");
    expect(await lastMailTo("onbekend@school.test")).toBeUndefined();
  });

  it("logs in by e-mail link once, and confirms the address on the way", async () => {
    const db = database.db;
    const user = await buildUser(db, { email: "link@school.test", emailVerifiedAt: null });
    await sendAccountLink(db, "link@school.test", "magic-link", request);
    const token = tokenFrom((await lastMailTo("link@school.test"))?.text ?? "", "inloggen/link");
    expect(await consumeMagicLink(db, token)).toBe(user.id);
    expect(await consumeMagicLink(db, token)).toBeNull();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.emailVerifiedAt).not.toBeNull();
  });
});
