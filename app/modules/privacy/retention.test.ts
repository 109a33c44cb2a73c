import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { outbox, userIdentities, users } from "#app/db/schema/index.ts";
import { buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  eraseIfStillDue,
  type RetentionSettings,
  retentionQueries,
  runRetention,
} from "./retention.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const settings: RetentionSettings = {
  unverifiedDays: 30,
  inactiveYears: 3,
  warningDays: 30,
  batchSize: 2,
  batchesPerRun: 10,
};

const day = 24 * 60 * 60_000;
/** "Now" for the sweep: well after every row the tests write, so their dates are in its past. */
const now = new Date(Date.now() + 10 * 365 * day);
const ago = (days: number) => new Date(now.getTime() - days * day);

// Each test starts from accounts that the sweep has nothing to say about, so the counts it
// reports are this test's own.
beforeEach(async () => {
  await database.db.update(users).set({ lastActiveAt: now, emailVerifiedAt: now });
});

async function account(id: string) {
  const [row] = await database.db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error("no such account");
  return row;
}

const isErased = async (id: string) => (await account(id)).erasedAt !== null;

const yearsAgo = (years: number, extraDays = 0) => {
  const at = new Date(now);
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return new Date(at.getTime() - extraDays * day);
};

async function linkIdentity(userId: string) {
  await database.db
    .insert(userIdentities)
    .values({ userId, provider: "entree", subject: `subject-${userId}` });
}

describe("retention of accounts", () => {
  it("erases accounts whose address nobody confirmed within the period, and only those", async () => {
    const { db } = database;
    const junk = await buildUser(db, {
      emailVerifiedAt: null,
      createdAt: ago(31),
      lastActiveAt: ago(31),
    });
    const young = await buildUser(db, {
      emailVerifiedAt: null,
      createdAt: ago(10),
      lastActiveAt: ago(10),
    });
    // An Entree account without a provider address: unverified, but its owner logs in with it.
    const usedWithoutAddress = await buildUser(db, {
      emailVerifiedAt: null,
      createdAt: ago(200),
      lastActiveAt: ago(2),
    });
    const verifiedOld = await buildUser(db, { createdAt: ago(400), lastActiveAt: ago(40) });
    // A disabled account follows the same rule.
    const disabledJunk = await buildUser(db, {
      emailVerifiedAt: null,
      createdAt: ago(45),
      lastActiveAt: ago(45),
      disabledAt: ago(40),
    });

    const report = await runRetention(db, now, settings);

    expect(await isErased(junk.id)).toBe(true);
    expect(await isErased(disabledJunk.id)).toBe(true);
    expect(await isErased(young.id)).toBe(false);
    expect(await isErased(usedWithoutAddress.id)).toBe(false);
    expect(await isErased(verifiedOld.id)).toBe(false);
    expect(report.erasedUnverified).toBe(2);
    // The tombstone no longer carries the address.
    expect((await account(junk.id)).email).not.toBe(junk.email);
  });

  it("warns an inactive account once, erases it a warning period later, and keeps one that logged in again", async () => {
    const { db } = database;
    const dormant = await buildUser(db, { createdAt: yearsAgo(5), lastActiveAt: yearsAgo(3, -29) });
    const comesBack = await buildUser(db, {
      createdAt: yearsAgo(5),
      lastActiveAt: yearsAgo(3, -25),
    });
    const disabled = await buildUser(db, {
      createdAt: yearsAgo(5),
      lastActiveAt: yearsAgo(3, -20),
      disabledAt: yearsAgo(3),
    });
    const recent = await buildUser(db, { createdAt: yearsAgo(5), lastActiveAt: yearsAgo(2) });

    const first = await runRetention(db, now, settings);
    expect(first.warned).toBe(3);
    expect(first.erasedInactive).toBe(0);
    expect((await account(dormant.id)).inactivityWarnedAt).toEqual(now);
    expect((await account(recent.id)).inactivityWarnedAt).toBeNull();
    const warnings = await db
      .select({ to: outbox.to, kind: outbox.kind, text: outbox.text })
      .from(outbox)
      .where(inArray(outbox.to, [dormant.email, comesBack.email, disabled.email, recent.email]));
    // The disabled account's owner cannot log in to stop it: no mail saying so.
    expect(warnings.map((mail) => mail.to).sort()).toEqual([dormant.email, comesBack.email].sort());
    expect(warnings.every((mail) => mail.kind === "mail.inactivityWarning")).toBe(true);
    expect(warnings[0]?.text).toContain("/inloggen");

    // A second run the next day warns nobody twice.
    const nextDay = new Date(now.getTime() + day);
    expect((await runRetention(db, nextDay, settings)).warned).toBe(0);

    // One of them logs in (touchUserActivity at login withdraws the warning).
    await db
      .update(users)
      .set({ lastActiveAt: new Date(now.getTime() + 5 * day), inactivityWarnedAt: null })
      .where(eq(users.id, comesBack.id));

    const later = new Date(now.getTime() + 31 * day);
    const second = await runRetention(db, later, settings);
    expect(await isErased(dormant.id)).toBe(true);
    expect(await isErased(disabled.id)).toBe(true);
    expect(await isErased(comesBack.id)).toBe(false);
    expect(await isErased(recent.id)).toBe(false);
    expect(second.erasedInactive).toBe(2);
  });

  it("erases an unverified account quickly only if it was never used; a used one gets the inactivity period and a month more", async () => {
    const { db } = database;
    // An Entree account without a provider address, used for months, then quiet for 40 days.
    const entree = await buildUser(db, {
      emailVerifiedAt: null,
      createdAt: ago(200),
      lastActiveAt: ago(200),
    });
    await linkIdentity(entree.id);
    // Logged in to well after it was made (whatever the login method was).
    const used = await buildUser(db, {
      emailVerifiedAt: null,
      createdAt: ago(200),
      lastActiveAt: ago(100),
    });
    // Made and logged in to in the same moment, never again: that is still junk.
    const junk = await buildUser(db, {
      emailVerifiedAt: null,
      createdAt: ago(60),
      lastActiveAt: new Date(ago(60).getTime() + 30_000),
    });
    const report = await runRetention(db, now, settings);
    expect(report.erasedUnverified).toBe(1);
    expect(await isErased(junk.id)).toBe(true);
    expect(await isErased(entree.id)).toBe(false);
    expect(await isErased(used.id)).toBe(false);

    // The inactivity rule, for an address no warning mail can reach.
    const quiet = await buildUser(db, {
      emailVerifiedAt: null,
      createdAt: yearsAgo(5),
      lastActiveAt: yearsAgo(3, -20),
    });
    await linkIdentity(quiet.id);
    expect((await runRetention(db, now, settings)).warned).toBe(0);
    // The inactivity period is over: the (unmailed) warning period starts only now.
    const over = new Date(now.getTime() + 21 * day);
    expect((await runRetention(db, over, settings)).warned).toBe(1);
    expect((await account(quiet.id)).inactivityWarnedAt).toEqual(over);
    expect(await db.select().from(outbox).where(eq(outbox.to, quiet.email))).toEqual([]);
    await runRetention(db, new Date(over.getTime() + 29 * day), settings);
    expect(await isErased(quiet.id)).toBe(false);
    await runRetention(db, new Date(over.getTime() + 31 * day), settings);
    expect(await isErased(quiet.id)).toBe(true);
  });

  it("never erases a platform admin: warned like anyone, kept", async () => {
    const { db } = database;
    const admin = await buildUser(db, {
      isPlatformAdmin: true,
      createdAt: yearsAgo(6),
      lastActiveAt: yearsAgo(5),
    });
    const unverifiedAdmin = await buildUser(db, {
      isPlatformAdmin: true,
      emailVerifiedAt: null,
      createdAt: ago(90),
      lastActiveAt: ago(90),
    });
    const first = await runRetention(db, now, settings);
    expect((await account(admin.id)).inactivityWarnedAt).toEqual(now);
    expect(first.erasedUnverified).toBe(0);
    const warnings = await db.select().from(outbox).where(eq(outbox.to, admin.email));
    expect(warnings.map((mail) => mail.kind)).toEqual(["mail.inactivityWarning"]);
    const later = await runRetention(db, new Date(now.getTime() + 400 * day), settings);
    expect(later.erasedInactive).toBe(0);
    expect(await isErased(admin.id)).toBe(false);
    expect(await isErased(unverifiedAdmin.id)).toBe(false);
  });

  it("keeps an account its owner logged in to between the sweep's selection and its erasure", async () => {
    const { db } = database;
    const dormant = await buildUser(db, {
      createdAt: yearsAgo(6),
      lastActiveAt: yearsAgo(4),
      inactivityWarnedAt: ago(40),
    });
    const junk = await buildUser(db, {
      emailVerifiedAt: null,
      createdAt: ago(60),
      lastActiveAt: ago(60),
    });
    const queries = retentionQueries(db, now, settings);
    const selected = [...(await queries.inactive()), ...(await queries.unverified())];
    expect(selected.map((row) => row.id)).toEqual(expect.arrayContaining([dormant.id, junk.id]));

    // Both log in now (junk through the link in its confirmation mail, which verifies it).
    await db
      .update(users)
      .set({ lastActiveAt: now, inactivityWarnedAt: null })
      .where(eq(users.id, dormant.id));
    await db
      .update(users)
      .set({ lastActiveAt: now, emailVerifiedAt: now })
      .where(eq(users.id, junk.id));

    expect(await eraseIfStillDue(db, dormant.id, "retention-inactive", now, settings)).toBe("kept");
    expect(await eraseIfStillDue(db, junk.id, "retention-unverified", now, settings)).toBe("kept");
    expect(await isErased(dormant.id)).toBe(false);
    expect(await isErased(junk.id)).toBe(false);
  });

  it("works through a backlog in batches and stops after the run's share", async () => {
    const { db } = database;
    const backlog = [];
    for (let i = 0; i < 5; i++) {
      backlog.push(
        await buildUser(db, { emailVerifiedAt: null, createdAt: ago(60), lastActiveAt: ago(60) }),
      );
    }
    const small = { ...settings, batchSize: 2, batchesPerRun: 2 };
    expect((await runRetention(db, now, small)).erasedUnverified).toBe(4);
    expect((await runRetention(db, now, small)).erasedUnverified).toBe(1);
    for (const person of backlog) expect(await isErased(person.id)).toBe(true);
  });

  it("selects each batch through its index, never by reading every account", async () => {
    const { db } = database;
    const queries = retentionQueries(db, now, settings);
    const plans: Record<string, string> = {};
    await db.transaction(async (tx) => {
      // Off: the planner takes any index that can serve the query, so a Seq Scan means none can.
      await tx.execute(sql`set local enable_seqscan = off`);
      for (const [name, query] of Object.entries(queries)) {
        const { sql: text, params } = query().toSQL();
        const explained = (await tx.execute(
          sql.raw(`explain ${text.replace(/\$(\d+)/g, (_, n) => literal(params[Number(n) - 1]))}`),
        )) as unknown as { rows: Record<string, string>[] };
        plans[name] = explained.rows.map((row) => Object.values(row)[0]).join("\n");
      }
    });
    expect(plans.unverified).toContain("users_unverified_idx");
    expect(plans.inactive).toContain("users_last_active_idx");
    expect(plans.toWarn).toContain("users_last_active_idx");
    for (const plan of Object.values(plans)) expect(plan).not.toContain("Seq Scan");
  });
});

/** A parameter as an SQL literal, for EXPLAIN (which takes no bind parameters here). */
function literal(value: unknown) {
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`;
  if (typeof value === "number") return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}
