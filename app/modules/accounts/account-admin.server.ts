import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { log } from "#app/core/logger.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { users } from "#app/db/schema/index.ts";
import { containsText } from "#app/db/schema/search.ts";
import type { Actor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { cappedCount } from "#app/platform/paging.server.ts";
import { type Page, pageOf } from "#app/platform/paging.ts";
import type { RequestInfo } from "./accounts.server.ts";
import { startEmailChange } from "./email-change.server.ts";
import { endAllSessions } from "./sessions.server.ts";

/*
 * The platform admin's account management (/beheer/accounts): find a person, disable or enable
 * their account, change their address (with re-verification), erase it. Every action is logged
 * with who did it and to which account, by id only.
 */

function requireAdmin(admin: Actor) {
  authorize(admin.isPlatformAdmin, "not-found");
}

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  pendingEmail: users.pendingEmail,
  emailVerifiedAt: users.emailVerifiedAt,
  disabledAt: users.disabledAt,
  isPlatformAdmin: users.isPlatformAdmin,
  createdAt: users.createdAt,
  lastActiveAt: users.lastActiveAt,
};

/**
 * A page of accounts. A query with an "@" is a whole address (the unique index on lower(email)
 * answers it; a part of an address would read every account); other words are looked for in
 * names through the trigram index the people search uses. Without a query: the enabled accounts
 * in name order (users_name_idx). Disabled accounts are found by name or address.
 */
export async function searchAccounts(
  db: DbOrTx,
  admin: Actor,
  input: { query: string; page: Page },
) {
  requireAdmin(admin);
  const query = input.query.trim();
  const where = and(
    isNull(users.erasedAt),
    query.includes("@")
      ? sql`lower(${users.email}) = ${query.toLowerCase()}`
      : query
        ? containsText(users.searchText, query)
        : isNull(users.disabledAt),
  );
  const [rows, total] = await Promise.all([
    db
      .select(accountColumns)
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(input.page.perPage + 1)
      .offset(input.page.offset),
    cappedCount(db, db.select({ one: sql`1` }).from(users).where(where).$dynamic()),
  ]);
  const { rows: accounts, hasNext } = pageOf(rows, input.page);
  return { accounts, total, hasNext };
}

/** One account for the admin's detail card; an unknown or erased account is 404. */
export async function findAccount(db: DbOrTx, admin: Actor, userId: string) {
  requireAdmin(admin);
  if (!isUuid(userId)) notFound();
  const [account] = await db
    .select(accountColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.erasedAt)));
  if (!account) notFound();
  return account;
}

/** An admin does not lock themselves out, nor erase themselves here (the account page does that). */
function refuseSelf(admin: Actor, userId: string) {
  if (admin.userId === userId) throw new FieldError("form", "accountAdmin.error.self");
}

/**
 * The platform keeps at least one enabled platform admin: disabling or erasing one is refused
 * unless another remains. The enabled admins' rows are locked (a handful), so two admins who
 * disable each other at the same moment cannot both succeed: the second waits, then sees the
 * first's change.
 */
async function refuseLastAdmin(tx: DbOrTx, userId: string) {
  const enabledAdmins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isPlatformAdmin, true), isNull(users.disabledAt), isNull(users.erasedAt)))
    .for("update");
  const isAdmin = enabledAdmins.some((row) => row.id === userId);
  if (isAdmin && !enabledAdmins.some((row) => row.id !== userId)) {
    throw new FieldError("form", "accountAdmin.error.lastAdmin");
  }
}

/**
 * Disables an account and ends all its sessions in the same transaction: the person is logged
 * out on their next request (this process's session cache is cleared by the write; another
 * process trusts its copy at most a few seconds longer). Logging in is refused with the same
 * message as a wrong password.
 */
export async function disableAccount(db: Db, admin: Actor, userId: string) {
  await findAccount(db, admin, userId);
  refuseSelf(admin, userId);
  await db.transaction(async (tx) => {
    await refuseLastAdmin(tx, userId);
    await tx
      .update(users)
      .set({ disabledAt: new Date() })
      .where(and(eq(users.id, userId), isNull(users.disabledAt)));
    await endAllSessions(tx, userId);
  });
  log.info("admin.account_disabled", { adminId: admin.userId, userId });
}

export async function enableAccount(db: Db, admin: Actor, userId: string) {
  await findAccount(db, admin, userId);
  await db
    .update(users)
    .set({ disabledAt: null })
    .where(and(eq(users.id, userId), isNotNull(users.disabledAt)));
  log.info("admin.account_enabled", { adminId: admin.userId, userId });
}

/**
 * Gives an account a new address the way a person changes their own: it waits as the pending
 * address until its owner confirms it from that mailbox; the old address is told.
 */
export async function changeAccountEmail(
  db: Db,
  admin: Actor,
  userId: string,
  email: string,
  request: RequestInfo,
) {
  await findAccount(db, admin, userId);
  await startEmailChange(db, userId, email, request, "admin");
  log.info("admin.account_email_change", { adminId: admin.userId, userId });
}

/**
 * Erases an account on an admin's word (the route asks for confirmation first). The erasure
 * itself is `erase` (privacy's eraseAccount, which sits above this module); its sessions end
 * here too, whatever its rules do.
 */
export async function eraseAccountAsAdmin(
  db: Db,
  admin: Actor,
  userId: string,
  erase: (db: DbOrTx, userId: string) => Promise<void>,
) {
  await findAccount(db, admin, userId);
  refuseSelf(admin, userId);
  await db.transaction(async (tx) => {
    await refuseLastAdmin(tx, userId);
    // The erasure's own transaction becomes a savepoint in this one.
    await erase(tx, userId);
    await endAllSessions(tx, userId);
  });
  log.info("admin.account_erased", { adminId: admin.userId, userId });
}
