import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { log } from "#app/core/logger.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { authTokens, userIdentities, users } from "#app/db/schema/index.ts";
import type { Locale } from "#app/i18n/messages.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import {
  clearAttempts,
  giveBackAttempt,
  hitRateLimit,
  rateLimitRules,
  takeAttempt,
} from "#app/platform/rate-limit.server.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";
import { hashNewPassword, verifyAgainstNothing, verifyPassword } from "./passwords.server.ts";
import { endAllSessions } from "./sessions.server.ts";

/**
 * "registration-browser": the value of a cookie set in the browser that registered, so the
 * verification link signs in only there (see verifyEmail).
 */
type TokenPurpose = "verify-email" | "reset-password" | "magic-link" | "registration-browser";

const tokenLifetimeMinutes: Record<TokenPurpose, number> = {
  "verify-email": 48 * 60,
  "registration-browser": 48 * 60,
  "reset-password": 60,
  "magic-link": 15,
};

export interface RequestInfo {
  baseUrl: string;
  ipAddress: string;
  locale: Locale;
}

async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

async function issueToken(db: DbOrTx, userId: string, purpose: TokenPurpose) {
  const token = newToken();
  await db.insert(authTokens).values({
    tokenHash: hashToken(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + tokenLifetimeMinutes[purpose] * 60 * 1000),
  });
  return token;
}

/** Marks a token used and returns its user, or null when unknown, used or expired. */
async function consumeToken(db: DbOrTx, token: string, purpose: TokenPurpose) {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: authTokens.userId });
  return row?.userId ?? null;
}

/**
 * The first proof that someone controls an unverified account's address (a mail link) makes the
 * account theirs. Whatever was set up on it before — by whoever typed that address: a password,
 * provider logins, sessions — goes, so nobody who merely typed the address keeps a way in. Call
 * inside the transaction that proves it; keepIdentity is the provider login being linked now.
 */
export async function forgetUnprovenSetup(
  tx: DbOrTx,
  userId: string,
  keepIdentity?: { provider: string; subject: string },
) {
  const [user] = await tx
    .select({ emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!user || user.emailVerifiedAt) return false;
  await tx.update(users).set({ passwordHash: null }).where(eq(users.id, userId));
  await tx
    .delete(userIdentities)
    .where(
      keepIdentity
        ? and(
            eq(userIdentities.userId, userId),
            sql`(${userIdentities.provider}, ${userIdentities.subject}) <> (${keepIdentity.provider}, ${keepIdentity.subject})`,
          )
        : eq(userIdentities.userId, userId),
    );
  await endAllSessions(tx, userId);
  log.info("account.unproven_setup_dropped", { userId });
  return true;
}

/** Whether a token would still work, without using it (for the confirm pages). */
export async function isTokenUsable(db: DbOrTx, token: string, purpose: TokenPurpose) {
  const [row] = await db
    .select({ userId: authTokens.userId })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    );
  return !!row;
}

/**
 * Registration answers the same whether or not the address is known; the owner of a
 * known address gets a mail saying so instead of a second account.
 */
export async function registerUser(
  db: Db,
  input: { name: string; email: string; password: string },
  request: RequestInfo,
): Promise<{ browserToken: string }> {
  const passwordHash = await hashNewPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    if (existing) {
      await sendTemplatedMail(
        tx,
        { email: existing.email, locale: request.locale },
        "mail.alreadyRegistered",
        {
          name: existing.name,
          loginUrl: `${request.baseUrl}/inloggen`,
          resetUrl: `${request.baseUrl}/wachtwoord-vergeten`,
        },
      );
      // A token that proves nothing, so the answer (and its cookie) looks the same.
      return { browserToken: newToken() };
    }
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, passwordHash, locale: request.locale })
      .returning({ id: users.id });
    if (!user) throw new Error("insert returned no user");
    await sendVerificationMail(tx, { id: user.id, name: input.name, email: input.email }, request);
    return { browserToken: await issueToken(tx, user.id, "registration-browser") };
  });
}

/**
 * Uses the link's token. `firstProof` says this link made an unverified, enabled account
 * verified (the welcome starts). `signIn` says the caller may also sign the person in: a first
 * proof, opened in the browser that registered (`browserToken`, its cookie). Elsewhere the link
 * only confirms: whoever registered someone else's address chose the password, and a link sent
 * to a victim must not sign them into an account its sender controls.
 */
export async function verifyEmail(db: Db, token: string, browserToken: string | null = null) {
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "verify-email");
    if (!userId) return null;
    const sameBrowser =
      !!browserToken && (await consumeToken(tx, browserToken, "registration-browser")) === userId;
    const [before] = await tx
      .select({ emailVerifiedAt: users.emailVerifiedAt, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId));
    const firstProof = !!before && !before.emailVerifiedAt && !before.disabledAt;
    return { userId, firstProof, signIn: firstProof && sameBrowser };
  });
}

export type LoginOutcome =
  | { kind: "ok"; userId: string }
  | { kind: "invalid" }
  | { kind: "unverified" }
  | { kind: "rate-limited"; retryAfterSeconds: number };

export async function authenticate(
  db: Db,
  input: { email: string; password: string },
  request: RequestInfo,
): Promise<LoginOutcome> {
  // Both limits count failed attempts only: a success gives its attempt back (a school's shared
  // address) and clears the account's failures. An attempt the limits refuse is not counted.
  const ipKey = `login:ip:${request.ipAddress}`;
  const accountKey = `login:account:${input.email}`;
  const perIp = await takeAttempt(db, ipKey, rateLimitRules.loginPerIp);
  // The wait shown is that of the limit that refused, not of a window that merely exists.
  if (!perIp.allowed) return rateLimited(request, perIp.retryAfterSeconds);
  const perAccount = await takeAttempt(db, accountKey, rateLimitRules.loginPerAccount);
  if (!perAccount.allowed) {
    await giveBackAttempt(db, ipKey);
    return rateLimited(request, perAccount.retryAfterSeconds);
  }
  const user = await findUserByEmail(db, input.email);
  const passwordOk =
    user?.passwordHash && !user.disabledAt
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstNothing(input.password);
  if (!user || !passwordOk) {
    log.info("login.failed", { ip: request.ipAddress });
    return { kind: "invalid" };
  }
  await giveBackAttempt(db, ipKey);
  await clearAttempts(db, accountKey);
  if (!user.emailVerifiedAt) {
    await sendVerificationMail(db, user, request);
    log.info("login.unverified", { userId: user.id });
    return { kind: "unverified" };
  }
  log.info("login.succeeded", { userId: user.id, ip: request.ipAddress });
  return { kind: "ok", userId: user.id };
}

function rateLimited(request: RequestInfo, retryAfterSeconds: number): LoginOutcome {
  log.warn("login.rate_limited", { ip: request.ipAddress });
  return { kind: "rate-limited", retryAfterSeconds };
}

/** Also for accounts made by an SSO login whose provider gave no address it vouches for. */
async function sendVerificationMail(
  db: DbOrTx,
  user: { id: string; name: string; email: string },
  request: RequestInfo,
) {
  const token = await issueToken(db, user.id, "verify-email");
  await sendTemplatedMail(db, { email: user.email, locale: request.locale }, "mail.verify", {
    name: user.name,
    url: `${request.baseUrl}/e-mail-bevestigen/${token}`,
  });
}

/**
 * Sends a reset or login link when the address is known and active; the caller
 * shows the same message either way. Rate-limited per address and per IP.
 */
export async function sendAccountLink(
  db: Db,
  email: string,
  purpose: "reset-password" | "magic-link",
  request: RequestInfo,
) {
  const perIp = await hitRateLimit(db, `mail:ip:${request.ipAddress}`, rateLimitRules.mailPerIp);
  const perAccount = await hitRateLimit(
    db,
    `mail:${purpose}:${email}`,
    rateLimitRules.mailPerAccount,
  );
  if (!perIp.allowed || !perAccount.allowed) {
    log.warn("account_link.rate_limited", { purpose, ip: request.ipAddress });
    return {
      kind: "rate-limited" as const,
      retryAfterSeconds: Math.max(perIp.retryAfterSeconds, perAccount.retryAfterSeconds),
    };
  }
  const user = await findUserByEmail(db, email);
  if (!user || user.disabledAt) return { kind: "sent" as const };
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, purpose);
    const mailKey = purpose === "reset-password" ? "mail.reset" : "mail.magicLink";
    const path = purpose === "reset-password" ? "wachtwoord-herstellen" : "inloggen/link";
    await sendTemplatedMail(tx, { email: user.email, locale: request.locale }, mailKey, {
      name: user.name,
      url: `${request.baseUrl}/${path}/${token}`,
    });
  });
  return { kind: "sent" as const };
}

/** A new password ends every session: whoever knew the old one is out. */
export async function resetPassword(db: Db, token: string, password: string) {
  const passwordHash = await hashNewPassword(password);
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "reset-password");
    if (!userId) return null;
    await forgetUnprovenSetup(tx, userId);
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId));
    await endAllSessions(tx, userId);
    return userId;
  });
}

/** A magic link proves the address, so it also verifies it. */
export async function consumeMagicLink(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "magic-link");
    if (!userId) return null;
    await forgetUnprovenSetup(tx, userId);
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(and(eq(users.id, userId), isNull(users.disabledAt)))
      .returning({ id: users.id });
    return user?.id ?? null;
  });
}

export async function setLocale(db: DbOrTx, userId: string, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
