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
  input: {
    userId: string;
    userAgent: string;
    ipAddress: string;
    /** an SSO login: the provider's key and ID token, kept for its logout (id_token_hint) */
    sso?: { provider: string; idToken: string };
  },
  settings = sessionSettings(),
) {
  const token = newToken();
  await db.insert(sessions).values({
    idHash: hashToken(token),
    userId: input.userId,
    userAgent: input.userAgent.slice(0, 300),
    ipAddress: input.ipAddress,
    ssoProvider: input.sso?.provider ?? null,
    ssoIdToken: input.sso?.idToken ?? null,
    expiresAt: new Date(Date.now() + settings.maxDays * 24 * 60 * 60 * 1000),
  });
  // Every login (password, link, SSO) starts here: it counts as activity for the retention rule.
  await touchUserActivity(db, input.userId, new Date(), 0);
  return token;
}

/** Activity is written at most this often per account: the inactivity rule counts in years. */
export const activityIntervalMs = 60 * 60_000;

/**
 * Moves users.last_active_at on and withdraws an inactivity warning. Conditional, so several
 * sessions of one person write it once an hour between them. The session cache's write watch
 * ignores exactly this statement (routes/session.server.ts): no cached actor holds these columns.
 */
export async function touchUserActivity(
  db: DbOrTx,
  userId: string,
  at = new Date(),
  intervalMs = activityIntervalMs,
) {
  await db
    .update(users)
    .set({ lastActiveAt: at, inactivityWarnedAt: null })
    .where(and(eq(users.id, userId), lt(users.lastActiveAt, new Date(at.getTime() - intervalMs))));
}

/**
 * How stale the stored last-seen time may get. The idle timeout is days, so writing it once per
 * few minutes loses nothing, and a page view is a read, not a write (issue 16: no writes on GET).
 */
export function touchIntervalMs(settings = sessionSettings()) {
  return Math.min(5 * 60_000, (settings.idleMinutes * 60_000) / 4);
}

/** Whether a session, as last read, is still valid now (absolute lifetime and idle timeout). */
export function isSessionLive(
  session: { expiresAt: Date; lastSeenAt: Date },
  settings = sessionSettings(),
  now = Date.now(),
) {
  return (
    session.expiresAt.getTime() > now &&
    session.lastSeenAt.getTime() > now - settings.idleMinutes * 60_000
  );
}

/**
 * The signed-in user for a session token, or null when unknown, idle too long, expired or
 * disabled. Does not write: the caller touches (touchSession) when lastSeenAt is old.
 */
export async function findSession(db: DbOrTx, token: string, settings = sessionSettings()) {
  const idHash = hashToken(token);
  const idleCutoff = new Date(Date.now() - settings.idleMinutes * 60 * 1000);
  const [row] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      locale: users.locale,
      lastActiveAt: users.lastActiveAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
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
  return row ? { ...row, sessionIdHash: idHash } : null;
}

/**
 * Moves the idle timeout on. Only the last-seen column: the session cache's write watch ignores
 * exactly this statement (it changes nothing a cached actor holds).
 */
export async function touchSession(db: DbOrTx, idHash: string, at = new Date()) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
}

/** findSession plus the touch when due: for callers without a cache (tests, scripts). */
export async function findSessionUser(db: DbOrTx, token: string, settings = sessionSettings()) {
  const row = await findSession(db, token, settings);
  if (row && Date.now() - row.lastSeenAt.getTime() > touchIntervalMs(settings)) {
    await touchSession(db, row.sessionIdHash);
  }
  if (row && Date.now() - row.lastActiveAt.getTime() > activityIntervalMs) {
    await touchUserActivity(db, row.userId);
  }
  return row;
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
