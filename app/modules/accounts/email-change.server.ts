import { and, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { env } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { authTokens, users } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { hitRateLimit, rateLimitRules } from "#app/platform/rate-limit.server.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";
import type { RequestInfo } from "./accounts.server.ts";
import { proveIdentity } from "./identity-proof.server.ts";
import { endAllSessions } from "./sessions.server.ts";

/*
 * Changing the address of an account. The new address is only a pending one until its owner
 * follows the confirmation link sent to it: `users.email` (where every mail and every login by
 * link goes) changes only then, so a typo or a hijacked session cannot move the account to an
 * address nobody controls. The old address is told at once, so its owner notices a change they
 * did not ask for.
 */

const confirmationLifetimeMs = 24 * 60 * 60_000;

const emailChangePath = (token: string) => `/e-mailadres-wijzigen/${token}`;

const changePurposes = ["change-email", "change-email-admin"] as const;

/** Masks the new address in the notice to the old one: enough to recognise it, not to harvest it. */
function masked(email: string) {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}***@${domain}`;
}

async function addressTaken(db: DbOrTx, email: string, exceptUserId: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, ne(users.id, exceptUserId)))
    .limit(1);
  return !!row;
}

/**
 * Sets the pending address and sends the two mails: the confirmation link to the new address
 * and a notice to the old one. An earlier pending change is replaced (its link stops working).
 * An address another account has is refused with the same sentence as any unusable address.
 */
export async function startEmailChange(
  db: Db,
  userId: string,
  newEmail: string,
  request: RequestInfo,
  by: "self" | "admin",
) {
  const email = newEmail.trim().toLowerCase();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
        erasedAt: users.erasedAt,
      })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!user || user.erasedAt) throw new Error(`startEmailChange: no account ${userId}`);
    if (user.email.toLowerCase() === email) {
      throw new FieldError("email", "error.emailChange.same");
    }
    if (await addressTaken(tx, email, userId)) {
      throw new FieldError("email", "error.emailChange.unavailable");
    }
    await tx.update(users).set({ pendingEmail: email }).where(eq(users.id, userId));
    await tx
      .delete(authTokens)
      .where(
        and(
          eq(authTokens.userId, userId),
          inArray(authTokens.purpose, changePurposes),
          isNull(authTokens.usedAt),
        ),
      );
    const token = newToken();
    await tx.insert(authTokens).values({
      tokenHash: hashToken(token),
      userId,
      purpose: by === "self" ? "change-email" : "change-email-admin",
      expiresAt: new Date(Date.now() + confirmationLifetimeMs),
    });
    await sendTemplatedMail(tx, { email, locale: user.locale }, "mail.emailChange", {
      name: user.name,
      url: `${request.baseUrl}${emailChangePath(token)}`,
    });
    await sendTemplatedMail(
      tx,
      user,
      by === "self" ? "mail.emailChangeNotice" : "mail.emailChangeByAdminNotice",
      by === "self"
        ? {
            name: user.name,
            newEmail: masked(email),
            url: `${request.baseUrl}/wachtwoord-vergeten`,
          }
        : { name: user.name, newEmail: masked(email), contact: env().PRIVACY_CONTACT_EMAIL },
    );
  });
}

type OwnEmailChangeOutcome =
  | { kind: "sent"; email: string }
  | { kind: "rate-limited"; retryAfterSeconds: number };

/**
 * A person changes their own address after proving it is them: their password, or (an account
 * without one) the token of a fresh login at their school's provider. Every try counts against
 * a limit per account, so the form cannot be used to guess the password or to probe which
 * addresses have an account.
 */
export async function requestOwnEmailChange(
  db: Db,
  actor: Actor,
  input: { email: string; password?: string; proof?: string },
  request: RequestInfo,
): Promise<OwnEmailChangeOutcome> {
  const limit = await hitRateLimit(
    db,
    `email-change:account:${actor.userId}`,
    rateLimitRules.mailPerAccount,
  );
  if (!limit.allowed) {
    log.warn("email_change.rate_limited", { userId: actor.userId, ip: request.ipAddress });
    return { kind: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const proof = await proveIdentity(db, actor.userId, {
    password: input.password,
    reauthToken: input.proof,
  });
  if (proof.kind === "rate-limited") return proof;
  if (proof.kind === "password-required") {
    throw new FieldError("password", "error.password.required");
  }
  if (proof.kind === "wrong-password") {
    log.info("email_change.wrong_password", { userId: actor.userId, ip: request.ipAddress });
    throw new FieldError("password", "error.emailChange.wrongPassword");
  }
  if (proof.kind === "needs-reauth") throw new FieldError("form", "error.emailChange.proof");
  await startEmailChange(db, actor.userId, input.email, request, "self");
  log.info("email_change.requested", { userId: actor.userId, by: "self" });
  return { kind: "sent", email: input.email.trim().toLowerCase() };
}

/** The pending address of an account, for its own page. */
export async function pendingEmailOf(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ pendingEmail: users.pendingEmail })
    .from(users)
    .where(eq(users.id, userId));
  return row?.pendingEmail ?? null;
}

/** Whether a confirmation link would still work, without using it (the page before the button). */
export async function isEmailChangeTokenUsable(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ userId: authTokens.userId })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        inArray(authTokens.purpose, changePurposes),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    );
  return !!row;
}

type EmailChangeConfirmation =
  /** loggedOut: every session of the account ended (a change an admin started) */
  { kind: "changed"; userId: string; loggedOut: boolean } | { kind: "invalid" } | { kind: "taken" };

const isUniqueViolation = (error: unknown) =>
  (error as { code?: unknown })?.code === "23505" ||
  (error as { cause?: { code?: unknown } })?.cause?.code === "23505";

/**
 * The owner of the new address followed the link: the account's address becomes the pending one,
 * confirmed (the link proves it). If another account took the address meanwhile, nothing changes.
 */
export async function confirmEmailChange(db: Db, token: string): Promise<EmailChangeConfirmation> {
  try {
    return await db.transaction(async (tx) => {
      const [used] = await tx
        .update(authTokens)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(authTokens.tokenHash, hashToken(token)),
            inArray(authTokens.purpose, changePurposes),
            isNull(authTokens.usedAt),
            gt(authTokens.expiresAt, new Date()),
          ),
        )
        .returning({ userId: authTokens.userId, purpose: authTokens.purpose });
      if (!used) return { kind: "invalid" } as const;
      const [user] = await tx
        .select({ pendingEmail: users.pendingEmail, erasedAt: users.erasedAt })
        .from(users)
        .where(eq(users.id, used.userId))
        .for("update");
      if (!user?.pendingEmail || user.erasedAt) return { kind: "invalid" } as const;
      if (await addressTaken(tx, user.pendingEmail, used.userId)) {
        return { kind: "taken" } as const;
      }
      await tx
        .update(users)
        .set({ email: user.pendingEmail, pendingEmail: null, emailVerifiedAt: new Date() })
        .where(eq(users.id, used.userId));
      const byAdmin = used.purpose === "change-email-admin";
      // An admin moved the account to another mailbox: whoever held it before is logged out
      // everywhere, and from now on a login link goes to the new address. (An admin who means
      // harm can still take an account this way — the notice to the old address and the log
      // are the check on that, not a protection.)
      if (byAdmin) await endAllSessions(tx, used.userId);
      log.info("email_change.confirmed", { userId: used.userId, byAdmin });
      return { kind: "changed", userId: used.userId, loggedOut: byAdmin } as const;
    });
  } catch (error) {
    // Two accounts confirming the same address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return { kind: "taken" };
    throw error;
  }
}
