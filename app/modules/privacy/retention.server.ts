import { and, asc, eq, isNotNull, isNull, lt, lte, notInArray, type SQL } from "drizzle-orm";
import { env, publicBaseUrl } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import type { Db } from "#app/db/client.server.ts";
import { users } from "#app/db/schema/index.ts";
import { formatDate } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { type ErasureReason, eraseAccount } from "./erasure.server.ts";

/*
 * The retention rules for accounts (AVG art. 5(1)(e): not kept longer than needed), run by the
 * worker's hourly housekeeping:
 *
 * - An account whose address was never confirmed is erased after UNVERIFIED_ACCOUNT_DAYS, unless
 *   someone logged in to it in that time. A registration nobody confirmed is junk (a typo, a
 *   stranger's address), but an Entree login without a provider address makes an unverified
 *   account its owner really uses: its logins move last_active_at on, so it stays while it is
 *   used — and gets no mail until it is verified (see the mailer).
 * - An account nobody logged in to for INACTIVE_ACCOUNT_YEARS gets a warning INACTIVE_WARNING_DAYS
 *   before; a login in between withdraws it (touchUserActivity). Still inactive that long after
 *   the warning, it is erased.
 *
 * A disabled account follows the same rules: disabling stops the person, not the clock.
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
  failed: number;
}

/**
 * The sweep's three selections, a batch each, oldest first. The first is served by
 * users_unverified_idx (created_at, where unverified and not erased: the predicate repeats the
 * index's so the planner can use it); the other two walk users_last_active_idx (last_active_at,
 * where not erased). The test EXPLAINs them.
 */
export function retentionQueries(db: Db, now: Date, settings: RetentionSettings) {
  const unverifiedCutoff = daysBefore(now, settings.unverifiedDays);
  const inactiveCutoff = yearsBefore(now, settings.inactiveYears);
  const warnCutoff = new Date(inactiveCutoff.getTime() + settings.warningDays * dayMs);
  return {
    unverified: (skip?: SQL) =>
      db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            isNull(users.emailVerifiedAt),
            isNull(users.erasedAt),
            lt(users.createdAt, unverifiedCutoff),
            lt(users.lastActiveAt, unverifiedCutoff),
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
            lt(users.lastActiveAt, inactiveCutoff),
            isNotNull(users.inactivityWarnedAt),
            lte(users.inactivityWarnedAt, daysBefore(now, settings.warningDays)),
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
        })
        .from(users)
        .where(
          and(
            isNull(users.erasedAt),
            lt(users.lastActiveAt, warnCutoff),
            isNull(users.inactivityWarnedAt),
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
  const report: RetentionReport = { erasedUnverified: 0, warned: 0, erasedInactive: 0, failed: 0 };
  const queries = retentionQueries(db, now, settings);
  const unverified = await eraseInBatches(db, settings, "retention-unverified", queries.unverified);
  report.erasedUnverified = unverified.erased;
  report.failed += unverified.failed;

  // Erased before warning, so an account is never warned and erased in the same run.
  const inactive = await eraseInBatches(db, settings, "retention-inactive", queries.inactive);
  report.erasedInactive = inactive.erased;
  report.failed += inactive.failed;

  report.warned = await warnInactive(db, now, settings, queries.toWarn);

  if (report.erasedUnverified || report.warned || report.erasedInactive || report.failed) {
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
  settings: RetentionSettings,
  reason: ErasureReason,
  batch: (skip?: SQL) => Promise<{ id: string }[]>,
) {
  const failedIds: string[] = [];
  let erased = 0;
  for (let round = 0; round < settings.batchesPerRun; round++) {
    const rows = await batch(failedIds.length ? notInArray(users.id, failedIds) : undefined);
    for (const { id } of rows) {
      try {
        await eraseAccount(db, id, { reason });
        erased++;
      } catch (error) {
        failedIds.push(id);
        log.error("retention.erase_failed", { userId: id, reason, error: String(error) });
      }
    }
    if (rows.length < settings.batchSize) break;
  }
  return { erased, failed: failedIds.length };
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
