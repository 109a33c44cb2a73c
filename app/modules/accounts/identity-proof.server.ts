import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { authTokens, users } from "#app/db/schema/index.ts";
import { clearAttempts, rateLimitRules, takeAttempt } from "#app/platform/rate-limit.server.ts";
import { hashToken } from "#app/platform/tokens.server.ts";
import { verifyAgainstNothing, verifyPassword } from "./passwords.server.ts";

export type IdentityProof = {
  password?: string;
  /** the single-use token a fresh login at a linked provider left (sso: purpose "reauth") */
  reauthToken?: string;
};

export type ProofOutcome =
  | { kind: "proven" }
  | { kind: "password-required" }
  | { kind: "wrong-password" }
  | { kind: "needs-reauth" }
  | { kind: "rate-limited"; retryAfterSeconds: number };

const attemptKey = (userId: string) => `reauth:account:${userId}`;

/**
 * "Prove it is you again", for what a session alone must not do (add a way in, change the
 * address, erase the account): a borrowed laptop or a stolen cookie has the session, not this.
 *
 * One rule for all three: an account with a password proves it with the password, and only with
 * it; an account without one proves it with a fresh login at a provider it is linked to. Wrong
 * passwords count against the account (failures only, like logging in), so no form here can be
 * used to guess it; an account without a password still costs a hash, so timing tells nothing.
 */
export async function proveIdentity(
  db: DbOrTx,
  userId: string,
  proof: IdentityProof,
): Promise<ProofOutcome> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return { kind: "needs-reauth" };
  if (!user.passwordHash) {
    if (proof.reauthToken && (await consumeReauthentication(db, userId, proof.reauthToken))) {
      return { kind: "proven" };
    }
    if (proof.password) await verifyAgainstNothing(proof.password);
    return { kind: "needs-reauth" };
  }
  if (!proof.password) return { kind: "password-required" };
  const attempt = await takeAttempt(db, attemptKey(userId), rateLimitRules.loginPerAccount);
  if (!attempt.allowed)
    return { kind: "rate-limited", retryAfterSeconds: attempt.retryAfterSeconds };
  if (!(await verifyPassword(user.passwordHash, proof.password))) return { kind: "wrong-password" };
  await clearAttempts(db, attemptKey(userId));
  return { kind: "proven" };
}

/** Uses up the token a fresh provider login left for this person; false when it is not theirs, used or expired. */
export async function consumeReauthentication(db: DbOrTx, userId: string, token: string) {
  const used = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.userId, userId),
        eq(authTokens.purpose, "reauthenticated"),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: authTokens.userId });
  return used.length > 0;
}
