import { and, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import { env } from "#app/core/env.server.ts";
import type { DbOrTx } from "#app/db/client.server.ts";
import { authTokens, sessions, users } from "#app/db/schema/index.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";

export interface SessionSettings {
  idleMinutes: number;
  maxDays: number;
}

export function sessionSettings(): SessionSettings {
  return {
    idleMinutes: env().SESSION_IDLE_MINUTES,
    maxDays: env().SESSION_MAX_DAYS,
  };
}

/** A new random id at every login (the old one, if any, is ended by the caller). */
export async function createSession(
  db: DbOrTx,
  input: { userId: string; userAgent: string; ipAddress: string },
  settings = sessionSettings(),
) {
  const token = newToken();
  await db.insert(sessions).values({
    idHash: hashToken(token),
    userId: input.userId,
    userAgent: input.userAgent.slice(0, 300),
    ipAddress: input.ipAddress,
    expiresAt: new Date(Date.now() + settings.maxDays * 24 * 60 * 60 * 1000),
  });
  return token;
}

/** The signed-in user for a session token, or null when unknown, idle too long, expired or disabled. */
export async function findSessionUser(db: DbOrTx, token: string, settings = sessionSettings()) {
  const idHash = hashToken(token);
  const idleCutoff = new Date(Date.now() - settings.idleMinutes * 60 * 1000);
  const [row] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      locale: users.locale,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.idHash, idHash),
        gt(sessions.expiresAt, new Date()),
        gt(sessions.lastSeenAt, idleCutoff),
        sql`${users.disabledAt} is null`,
      ),
    );
  if (!row) return null;
  // Touch at most once a minute: a write on every request would cost more than it tells.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.idHash, idHash));
  }
  return { ...row, sessionIdHash: idHash };
}

export async function endSession(db: DbOrTx, token: string) {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
}

export async function endSessionById(db: DbOrTx, userId: string, idHash: string) {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.idHash, idHash)))
    .returning({ idHash: sessions.idHash });
  return ended.length > 0;
}

export async function endAllSessions(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function listSessions(db: DbOrTx, userId: string) {
  return db
    .select({
      idHash: sessions.idHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function purgeExpiredSessions(db: DbOrTx, settings = sessionSettings()) {
  const idleCutoff = new Date(Date.now() - settings.idleMinutes * 60 * 1000);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleCutoff)));
}

/** Used or expired login, reset and verification tokens are worthless: remove them. */
export async function purgeSpentTokens(db: DbOrTx) {
  await db
    .delete(authTokens)
    .where(or(lt(authTokens.expiresAt, new Date()), sql`${authTokens.usedAt} is not null`));
}
