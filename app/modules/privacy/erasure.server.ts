import { eq } from "drizzle-orm";
import { log } from "#app/core/logger.server.ts";
import type { DbOrTx, Tx } from "#app/db/client.server.ts";
import { users } from "#app/db/schema/index.ts";
import type { PersonalDataProvider } from "#app/platform/personal-data.ts";
import { personalDataProviders } from "./register.server.ts";

/** Who asked for the erasure: the person, an admin, or one of the retention jobs. */
export type ErasureReason = "self" | "admin" | "retention-unverified" | "retention-inactive";

const candidateColumns = {
  id: users.id,
  erasedAt: users.erasedAt,
  createdAt: users.createdAt,
  lastActiveAt: users.lastActiveAt,
  emailVerifiedAt: users.emailVerifiedAt,
  inactivityWarnedAt: users.inactivityWarnedAt,
  isPlatformAdmin: users.isPlatformAdmin,
};

/** The account row as eraseAccount's lock reads it, for a `stillDue` check. */
export interface ErasureCandidate {
  id: string;
  erasedAt: Date | null;
  createdAt: Date;
  lastActiveAt: Date;
  emailVerifiedAt: Date | null;
  inactivityWarnedAt: Date | null;
  isPlatformAdmin: boolean;
}

/**
 * Erases an account (AVG art. 17): every module applies its declared rule, in the register's
 * erasure order (the modules that build on others first, accounts' "oud-lid" tombstone last), in
 * one transaction, so an erasure that fails halfway leaves the person as they were rather than
 * half gone. Erasing an account that is already erased does nothing (a retention job and the
 * person may race). An unknown id is a programming error and throws.
 *
 * The log line names the account by id only: after erasure the id points to the tombstone.
 */
export async function eraseAccount(
  db: DbOrTx,
  userId: string,
  options: {
    reason: ErasureReason;
    /** the rules to apply; every module's by default (a test passes its own to prove the rollback) */
    providers?: readonly PersonalDataProvider[];
    /**
     * Asked under the row lock, before anything is erased: whether the account is still due.
     * The retention sweep selects its accounts first and erases them one by one; a login in
     * between (which writes this row, so it waits for or precedes the lock) must save the
     * account. False: nothing happens.
     */
    stillDue?: (tx: Tx, person: ErasureCandidate) => boolean | Promise<boolean>;
  },
): Promise<void> {
  const providers = options.providers ?? personalDataProviders;
  const erased = await db.transaction(async (tx) => {
    // The row lock makes a second erasure of the same account wait and then see erased_at.
    const [person] = await tx
      .select(candidateColumns)
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!person) throw new Error(`eraseAccount: no account ${userId}`);
    if (person.erasedAt) return false;
    if (options.stillDue && !(await options.stillDue(tx, person))) return false;
    for (const provider of providers) {
      await provider.erase(tx, userId);
    }
    // The accounts provider leaves the tombstone; make sure no rule forgot it.
    const [after] = await tx
      .select({ erasedAt: users.erasedAt, email: users.email })
      .from(users)
      .where(eq(users.id, userId));
    if (!after?.erasedAt || !after.email.endsWith("@knooppunt.invalid")) {
      throw new Error("eraseAccount: the accounts provider left no tombstone");
    }
    return true;
  });
  if (erased) log.info("account.erased", { userId, reason: options.reason });
}
