import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { outbox, sessions, users } from "#app/db/schema/index.ts";
import { eraseAccount } from "#app/modules/privacy/erasure.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { pageFrom } from "#app/platform/paging.ts";
import { buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  changeAccountEmail,
  disableAccount,
  enableAccount,
  eraseAccountAsAdmin,
  searchAccounts,
} from "./account-admin.server.ts";
import { authenticate } from "./accounts.server.ts";
import { confirmEmailChange } from "./email-change.server.ts";
import { createSession, findSessionUser } from "./sessions.server.ts";

let database: Database;
const request = { baseUrl: "https://knooppunt.test", ipAddress: "10.0.0.3", locale: "nl" as const };
const firstPage = pageFrom(new URL("https://knooppunt.test/beheer/accounts"), 25);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const actorOf = (user: typeof users.$inferSelect): Actor => ({
  userId: user.id,
  name: user.name,
  email: user.email,
  isPlatformAdmin: user.isPlatformAdmin,
  grants: [],
});

async function newAdmin() {
  return actorOf(await buildUser(database.db, { isPlatformAdmin: true }));
}

const eraseAsAdmin = (db: Parameters<typeof eraseAccount>[0], id: string) =>
  eraseAccount(db, id, { reason: "admin" });

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FieldError) return `${error.field}: ${error.messageKey}`;
    throw error;
  }
  return "no refusal";
}

describe("platform admins manage accounts", () => {
  it("find people by part of the name or by the whole address, disabled ones included", async () => {
    const { db } = database;
    const admin = await newAdmin();
    const stamp = Date.now().toString(36);
    const anna = await buildUser(db, { name: `Anna Zoekbaar${stamp}` });
    const bram = await buildUser(db, { name: `Bram Zoekbaar${stamp}`, disabledAt: new Date() });
    const byName = await searchAccounts(db, admin, { query: `zoekbaar${stamp}`, page: firstPage });
    expect(byName.accounts.map((a) => a.id)).toEqual([anna.id, bram.id]);
    expect(byName.accounts[1]?.disabledAt).not.toBeNull();
    const byEmail = await searchAccounts(db, admin, {
      query: anna.email.toUpperCase(),
      page: firstPage,
    });
    expect(byEmail.accounts.map((a) => a.id)).toEqual([anna.id]);
  });

  it("are the only ones: for anyone else the accounts do not exist", async () => {
    const { db } = database;
    const member = actorOf(await buildUser(db));
    const other = await buildUser(db);
    await expect(searchAccounts(db, member, { query: "", page: firstPage })).rejects.toThrow(
      NotFoundError,
    );
    await expect(disableAccount(db, member, other.id)).rejects.toThrow(NotFoundError);
    const [row] = await db.select().from(users).where(eq(users.id, other.id));
    expect(row?.disabledAt).toBeNull();
  });

  it("disabling ends every session at once and refuses the login as a wrong password is refused; enabling lets them in again", async () => {
    const { db } = database;
    const admin = await newAdmin();
    const person = await buildUser(db, { password: "een-lang-wachtwoord" });
    const phone = await createSession(db, { userId: person.id, userAgent: "", ipAddress: "" });
    const laptop = await createSession(db, { userId: person.id, userAgent: "", ipAddress: "" });
    expect(await findSessionUser(db, phone)).not.toBeNull();

    await disableAccount(db, admin, person.id);
    expect(await findSessionUser(db, phone)).toBeNull();
    expect(await findSessionUser(db, laptop)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0);
    const login = { email: person.email, password: "een-lang-wachtwoord" };
    expect(await authenticate(db, login, request)).toEqual({ kind: "invalid" });

    await enableAccount(db, admin, person.id);
    expect(await authenticate(db, login, request)).toEqual({ kind: "ok", userId: person.id });
  });

  it("cannot disable or erase their own account here", async () => {
    const { db } = database;
    const admin = await newAdmin();
    await expect(disableAccount(db, admin, admin.userId)).rejects.toThrow(FieldError);
    await expect(eraseAccountAsAdmin(db, admin, admin.userId, eraseAsAdmin)).rejects.toThrow(
      FieldError,
    );
  });

  it("change an address: the new one confirms before it counts, the old one is told", async () => {
    const { db } = database;
    const admin = await newAdmin();
    const person = await buildUser(db);
    const newEmail = `beheer-${Date.now()}@school.test`;
    await changeAccountEmail(db, admin, person.id, newEmail, request);
    const [pending] = await db.select().from(users).where(eq(users.id, person.id));
    expect(pending?.email).toBe(person.email);
    expect(pending?.pendingEmail).toBe(newEmail);
    const [notice] = await db
      .select()
      .from(outbox)
      .where(eq(outbox.to, person.email))
      .orderBy(desc(outbox.createdAt));
    expect(notice?.kind).toBe("mail.emailChangeByAdminNotice");
    const [confirmation] = await db.select().from(outbox).where(eq(outbox.to, newEmail));
    expect(confirmation?.kind).toBe("mail.emailChange");
    // The old address is told plainly that a platform admin did it, and whom to write to.
    expect(notice?.text).toContain("platformbeheerder");
    expect(notice?.text).toContain("privacy@");
    const session = await createSession(db, { userId: person.id, userAgent: "", ipAddress: "" });
    const token = confirmation?.text?.match(/e-mailadres-wijzigen\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
    expect((await confirmEmailChange(db, token)).kind).toBe("changed");
    const [after] = await db.select().from(users).where(eq(users.id, person.id));
    expect(after?.email).toBe(newEmail);
    // Whoever was logged in to the account before the move is logged out.
    expect(await findSessionUser(db, session)).toBeNull();
  });

  it("keep at least one active platform admin: another admin can be disabled or erased only while one remains", async () => {
    const { db } = database;
    // Start from a platform with exactly two enabled admins.
    await db.update(users).set({ isPlatformAdmin: false }).where(eq(users.isPlatformAdmin, true));
    const admin = await newAdmin();
    const other = await newAdmin();
    // The acting admin's own account is no longer an admin (the actor's copy is stale): the
    // other is then the last one and stays.
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, admin.userId));
    expect(await refusal(disableAccount(db, admin, other.userId))).toBe(
      "form: accountAdmin.error.lastAdmin",
    );
    expect(await refusal(eraseAccountAsAdmin(db, admin, other.userId, eraseAsAdmin))).toBe(
      "form: accountAdmin.error.lastAdmin",
    );
    const [kept] = await db.select().from(users).where(eq(users.id, other.userId));
    expect(kept?.disabledAt).toBeNull();
    expect(kept?.erasedAt).toBeNull();
    // With the acting admin active again, the other may go.
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, admin.userId));
    await disableAccount(db, admin, other.userId);
    await eraseAccountAsAdmin(db, admin, other.userId, eraseAsAdmin);
    const [gone] = await db.select().from(users).where(eq(users.id, other.userId));
    expect(gone?.erasedAt).not.toBeNull();
  });

  it("erase an account: it leaves the list and its sessions end", async () => {
    const { db } = database;
    const admin = await newAdmin();
    const person = await buildUser(db, { name: `Weg Persoon ${Date.now()}` });
    const token = await createSession(db, { userId: person.id, userAgent: "", ipAddress: "" });
    await eraseAccountAsAdmin(db, admin, person.id, eraseAsAdmin);
    expect(await findSessionUser(db, token)).toBeNull();
    const [row] = await db.select().from(users).where(eq(users.id, person.id));
    expect(row?.erasedAt).not.toBeNull();
    const found = await searchAccounts(db, admin, { query: person.email, page: firstPage });
    expect(found.accounts).toHaveLength(0);
    // Once erased, there is nothing left to manage.
    await expect(enableAccount(db, admin, person.id)).rejects.toThrow(NotFoundError);
  });
});
