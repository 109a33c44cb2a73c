import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { sessions, users } from "#app/db/schema/index.ts";
import { hashToken } from "#app/platform/tokens.server.ts";
import { buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  createSession,
  endAllSessions,
  endSessionById,
  findSessionUser,
  listSessions,
  purgeExpiredSessions,
} from "./sessions.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const settings = { idleMinutes: 30, maxDays: 30 };

describe("sessions", () => {
  it("stores only a hash of a 256-bit id and finds the user by the token", async () => {
    const db = database.db;
    const user = await buildUser(db);
    const token = await createSession(
      db,
      { userId: user.id, userAgent: "Firefox", ipAddress: "1.1.1.1" },
      settings,
    );
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const [row] = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row?.idHash).toBe(hashToken(token));
    expect(row?.idHash).not.toBe(token);
    expect((await findSessionUser(db, token, settings))?.userId).toBe(user.id);
  });

  it("ends a session after the idle timeout and after the absolute lifetime", async () => {
    const db = database.db;
    const user = await buildUser(db);
    const idle = await createSession(
      db,
      { userId: user.id, userAgent: "", ipAddress: "" },
      settings,
    );
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60 * 1000) })
      .where(eq(sessions.idHash, hashToken(idle)));
    expect(await findSessionUser(db, idle, settings)).toBeNull();

    const old = await createSession(
      db,
      { userId: user.id, userAgent: "", ipAddress: "" },
      settings,
    );
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.idHash, hashToken(old)));
    expect(await findSessionUser(db, old, settings)).toBeNull();
  });

  it("lets people end one session or all of them, and disabling an account ends access", async () => {
    const db = database.db;
    const user = await buildUser(db);
    const laptop = await createSession(
      db,
      { userId: user.id, userAgent: "laptop", ipAddress: "" },
      settings,
    );
    const phone = await createSession(
      db,
      { userId: user.id, userAgent: "phone", ipAddress: "" },
      settings,
    );
    expect(await listSessions(db, user.id)).toHaveLength(2);

    const other = await buildUser(db);
    expect(await endSessionById(db, other.id, hashToken(phone))).toBe(false);
    expect(await endSessionById(db, user.id, hashToken(phone))).toBe(true);
    expect(await findSessionUser(db, phone, settings)).toBeNull();
    expect(await findSessionUser(db, laptop, settings)).not.toBeNull();

    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await findSessionUser(db, laptop, settings)).toBeNull();
    await endAllSessions(db, user.id);
    expect(await listSessions(db, user.id)).toHaveLength(0);
  });

  it("tidies away expired sessions but keeps live ones", async () => {
    const db = database.db;
    const user = await buildUser(db);
    const live = await createSession(
      db,
      { userId: user.id, userAgent: "", ipAddress: "" },
      settings,
    );
    const dead = await createSession(
      db,
      { userId: user.id, userAgent: "", ipAddress: "" },
      settings,
    );
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.idHash, hashToken(dead)));
    await purgeExpiredSessions(db, settings);
    expect((await listSessions(db, user.id)).map((s) => s.idHash)).toEqual([hashToken(live)]);
  });
});
