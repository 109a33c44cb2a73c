import {
  and,
  asc,
  eq,
  isNotNull,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { env, publicBaseUrl } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import type { Db, Tx } from "#app/db/client.server.ts";
import { userIdentities, users } from "#app/db/schema/index.ts";
import { formatDate } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { type ErasureCandidate, eraseAccount } from "./erasure.server.ts";

/*
 * The retention rules for accounts (AVG art. 5(1)(e): not kept longer than needed), run by the
 * worker's hourly housekeeping:
 *
 * - An account whose address was never confirmed and that was never used is erased after
 *   UNVERIFIED_ACCOUNT_DAYS: a registration nobody confirmed is junk (a typo, a stranger's
 *   address). "Never used" is: no login method from a provider linked to it, and last_active_at
 *   still within a minute of created_at. Every login writes last_active_at (createSession, with no
 *   hourly damping), and an unverified password account cannot log in at all, so the only logins
 *   within that first minute are the SSO ones that created the account — and those leave a
 *   linked identity. Sessions are no evidence: they are deleted when they end.
 * - Every other account — an Entree account without a provider address is unverified but really
 *   used — follows the inactivity rule: nobody logged in to it for INACTIVE_ACCOUNT_YEARS, it gets a
 *   warning INACTIVE_WARNING_DAYS before; a login in between withdraws it (touchUserActivity).
 *   Still inactive that long after the warning, it is erased. An unverified address gets no
 *   warning mail (the mailer will not write to it), so for those the warning period only starts
 *   when the inactivity period is over: they are erased after the full inactivity period plus the
 *   warning period, a month's grace for the mail they never got.
 * - A platform admin is never erased by these rules (the platform must keep someone who can run
 *   it): they are warned as anyone else, and the log says so, for the operator to act on.
 *
 * A disabled account follows the same rules: disabling stops the person, not the clock.
 *
 * The sweep selects, then erases one account at a time; eraseAccount asks `stillDue` under its
 * row lock with the same conditions, so a login between the two keeps the account.
 *
 * Each account is erased in its own transaction, a batch at a time and a bounded number of
 * batches per run, so a backlog (a national install's first run) never holds a long transaction
 * or one hourly run for hours: the rest follows in the next runs.
 */

export interface RetentionSettings {
  unverifiedDays: number;
  inactiveYears: number;
  warningDays: number;
  batchSize: number;
  batchesPerRun: number;
}

function retentionSettings(): RetentionSettings {
  const { UNVERIFIED_ACCOUNT_DAYS, INACTIVE_ACCOUNT_YEARS, INACTIVE_WARNING_DAYS } = env();
  return {
    unverifiedDays: UNVERIFIED_ACCOUNT_DAYS,
    inactiveYears: INACTIVE_ACCOUNT_YEARS,
    warningDays: INACTIVE_WARNING_DAYS,
    batchSize: 100,
    batchesPerRun: 10,
  };
}

const dayMs = 24 * 60 * 60_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * dayMs);
function yearsBefore(now: Date, years: number) {
  const at = new Date(now);
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return at;
}

interface RetentionReport {
  erasedUnverified: number;
  warned: number;
  erasedInactive: number;
  /** selected, but no longer due when its erasure took the lock (a login in between) */
  kept: number;
  failed: number;
}

/** Activity this close to creation is the creation itself (see the rules above). */
const creationSlackMs = 60_000;

function cutoffs(now: Date, settings: RetentionSettings) {
  const unverified = daysBefore(now, settings.unverifiedDays);
  const inactive = yearsBefore(now, settings.inactiveYears);
  return {
    unverified,
    inactive,
    warn: new Date(inactive.getTime() + settings.warningDays * dayMs),
    warnedBefore: daysBefore(now, settings.warningDays),
  };
}

const hasIdentity = sql`exists (select 1 from ${userIdentities} where ${userIdentities.userId} = ${users.id})`;

/**
 * The sweep's conditions again, on the row eraseAccount locked: what the selection saw may be
 * stale by then.
 */
function stillDue(rule: RetentionRule, now: Date, settings: RetentionSettings) {
  const at = cutoffs(now, settings);
  return async (tx: Tx, person: ErasureCandidate) => {
    if (person.isPlatformAdmin) return false;
    if (rule === "retention-inactive") {
      return (
        person.lastActiveAt < at.inactive &&
        person.inactivityWarnedAt !== null &&
        person.inactivityWarnedAt <= at.warnedBefore
      );
    }
    if (
      person.emailVerifiedAt !== null ||
      person.createdAt >= at.unverified ||
      person.lastActiveAt >= at.unverified ||
      person.lastActiveAt.getTime() > person.createdAt.getTime() + creationSlackMs
    ) {
      return false;
    }
    const [identity] = await tx
      .select({ id: userIdentities.userId })
      .from(userIdentities)
      .where(eq(userIdentities.userId, person.id))
      .limit(1);
    return !identity;
  };
}

type RetentionRule = "retention-unverified" | "retention-inactive";

/**
 * The sweep's three selections, a batch each, oldest first. The first is served by
 * users_unverified_idx (created_at, where unverified and not erased: the predicate repeats the
 * index's so the planner can use it); the other two walk users_last_active_idx (last_active_at,
 * where not erased). The test EXPLAINs them.
 */
export function retentionQueries(db: Db, now: Date, settings: RetentionSettings) {
  const at = cutoffs(now, settings);
  return {
    unverified: (skip?: SQL) =>
      db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            isNull(users.emailVerifiedAt),
            isNull(users.erasedAt),
            lt(users.createdAt, at.unverified),
            lt(users.lastActiveAt, at.unverified),
            sql`${users.lastActiveAt} <= ${users.createdAt} + interval '1 minute'`,
            sql`not ${hasIdentity}`,
            eq(users.isPlatformAdmin, false),
            skip,
          ),
        )
        .orderBy(asc(users.createdAt))
        .limit(settings.batchSize),
    inactive: (skip?: SQL) =>
      db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            isNull(users.erasedAt),
            lt(users.lastActiveAt, at.inactive),
            isNotNull(users.inactivityWarnedAt),
            lte(users.inactivityWarnedAt, at.warnedBefore),
            eq(users.isPlatformAdmin, false),
            skip,
          ),
        )
        .orderBy(asc(users.lastActiveAt))
        .limit(settings.batchSize),
    toWarn: () =>
      db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          locale: users.locale,
          disabledAt: users.disabledAt,
          isPlatformAdmin: users.isPlatformAdmin,
        })
        .from(users)
        .where(
          and(
            isNull(users.erasedAt),
            lt(users.lastActiveAt, at.warn),
            isNull(users.inactivityWarnedAt),
            // No mail reaches an unverified address: its warning period starts only when the
            // inactivity period is over, so its owner still has the whole of it.
            or(isNotNull(users.emailVerifiedAt), lt(users.lastActiveAt, at.inactive)),
          ),
        )
        .orderBy(asc(users.lastActiveAt))
        .limit(settings.batchSize),
  };
}

export async function runRetention(
  db: Db,
  now = new Date(),
  settings = retentionSettings(),
): Promise<RetentionReport> {
  const report: RetentionReport = {
    erasedUnverified: 0,
    warned: 0,
    erasedInactive: 0,
    kept: 0,
    failed: 0,
  };
  const queries = retentionQueries(db, now, settings);
  const unverified = await eraseInBatches(
    db,
    now,
    settings,
    "retention-unverified",
    queries.unverified,
  );
  report.erasedUnverified = unverified.erased;
  report.kept += unverified.kept;
  report.failed += unverified.failed;

  // Erased before warning, so an account is never warned and erased in the same run.
  const inactive = await eraseInBatches(db, now, settings, "retention-inactive", queries.inactive);
  report.erasedInactive = inactive.erased;
  report.kept += inactive.kept;
  report.failed += inactive.failed;

  report.warned = await warnInactive(db, now, settings, queries.toWarn);

  if (Object.values(report).some((count) => count > 0)) {
    log.info("retention.ran", { ...report });
  }
  return report;
}

/**
 * Erases what `batch` selects until it runs dry or the run's batches are used up. An account
 * whose erasure fails is logged and left out for the rest of this run (the next run tries again),
 * so one broken account never stops the others.
 */
async function eraseInBatches(
  db: Db,
  now: Date,
  settings: RetentionSettings,
  rule: RetentionRule,
  batch: (skip?: SQL) => Promise<{ id: string }[]>,
) {
  // Failed and kept accounts are left out of the rest of this run's batches.
  const skipIds: string[] = [];
  let erased = 0;
  let kept = 0;
  let failed = 0;
  for (let round = 0; round < settings.batchesPerRun; round++) {
    const rows = await batch(skipIds.length ? notInArray(users.id, skipIds) : undefined);
    for (const { id } of rows) {
      try {
        if ((await eraseIfStillDue(db, id, rule, now, settings)) === "erased") {
          erased++;
        } else {
          kept++;
          skipIds.push(id);
        }
      } catch (error) {
        failed++;
        skipIds.push(id);
        log.error("retention.erase_failed", { userId: id, reason: rule, error: String(error) });
      }
    }
    if (rows.length < settings.batchSize) break;
  }
  return { erased, kept, failed };
}

/**
 * The sweep's erase step for one selected account: erased only if, under eraseAccount's row
 * lock, the rule still holds for it.
 */
export async function eraseIfStillDue(
  db: Db,
  userId: string,
  rule: RetentionRule,
  now: Date,
  settings: RetentionSettings,
): Promise<"erased" | "kept"> {
  const due = stillDue(rule, now, settings);
  let decided = true;
  await eraseAccount(db, userId, {
    reason: rule,
    stillDue: async (tx, person) => {
      decided = await due(tx, person);
      return decided;
    },
  });
  return decided ? "erased" : "kept";
}

async function warnInactive(
  db: Db,
  now: Date,
  settings: RetentionSettings,
  batch: ReturnType<typeof retentionQueries>["toWarn"],
) {
  const eraseOn = new Date(now.getTime() + settings.warningDays * dayMs);
  let warned = 0;
  for (let round = 0; round < settings.batchesPerRun; round++) {
    const rows = await batch();
    for (const person of rows) {
      if (person.isPlatformAdmin) {
        // Warned like anyone (a login is what is asked), but never erased: the operator decides.
        log.warn("retention.platform_admin_inactive", { userId: person.id });
      }
      await db.transaction(async (tx) => {
        // The clock starts for a disabled account too, but its owner cannot log in to stop it:
        // telling them to would be a false promise, so they get no mail.
        if (!person.disabledAt) {
          const locale = parseLocale(person.locale);
          await sendTemplatedMail(tx, person, "mail.inactivityWarning", {
            name: person.name,
            date: formatDate(eraseOn, locale),
            url: `${publicBaseUrl()}/inloggen`,
          });
        }
        await tx.update(users).set({ inactivityWarnedAt: now }).where(eq(users.id, person.id));
      });
      warned++;
    }
    if (rows.length < settings.batchSize) break;
  }
  return warned;
}
