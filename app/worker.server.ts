// The worker's part of Knooppunt: hourly housekeeping, the job loop (reminders, digests, lapsed
// offers), the outbox sender and the inbound SMTP server. worker.js runs it on PostgreSQL; on
// PGlite, where only one process may open the data folder, server.js runs it in-process.
import { env, publicBaseUrl } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import { getDatabase } from "#app/db/client.server.ts";
import { purgeExpiredSessions, purgeSpentTokens } from "#app/modules/accounts/sessions.server.ts";
import { calendarJobHandlers, planReminders } from "#app/modules/calendar/reminders.server.ts";
import {
  discussionJobHandlers,
  planDigests,
} from "#app/modules/discussion/discussion-mail.server.ts";
import { purgeExpiredHeldMails } from "#app/modules/discussion/held-mail.server.ts";
import { answerInboundSmtp } from "#app/modules/discussion/inbound-mail.server.ts";
import { surveyJobHandlers } from "#app/modules/evaluation/surveys.server.ts";
import { expireOffers } from "#app/modules/memberships/waiting-list.server.ts";
import { exportJobHandlers, purgeExpiredExports } from "#app/modules/privacy/export.server.ts";
import { runRetention } from "#app/modules/privacy/retention.server.ts";
import {
  planRegisterReminders,
  registerJobHandlers,
} from "#app/modules/register/reminders.server.ts";
import { purgeExpiredSsoFlows } from "#app/modules/sso/sso.server.ts";
import { startInboundSmtp } from "#app/platform/inbound-mail.server.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import { purgeOldMail, startMailSender, stopMailSender } from "#app/platform/mailer.server.ts";
import { purgeOldRateLimits } from "#app/platform/rate-limit.server.ts";

let housekeeping: ReturnType<typeof setInterval> | undefined;
let jobLoop: ReturnType<typeof setInterval> | undefined;
let inboundSmtp: ReturnType<typeof startInboundSmtp> | undefined;

/** Reminders: plan a week ahead, then send what is due. Jobs live in the database, so a restart loses none. */
async function work() {
  const { db } = await getDatabase();
  await planReminders(db);
  await planRegisterReminders(db);
  await planDigests(db);
  // A lapsed waiting-list offer passes to the next person within a minute, not only hourly.
  await expireOffers(db, { baseUrl: publicBaseUrl() });
  await runDueJobs(db, {
    ...calendarJobHandlers,
    ...registerJobHandlers,
    ...surveyJobHandlers,
    ...discussionJobHandlers,
    ...exportJobHandlers,
  });
}

async function tidy() {
  const { db } = await getDatabase();
  await purgeExpiredSessions(db);
  await purgeSpentTokens(db);
  await purgeOldRateLimits(db);
  await purgeOldMail(db, env().MAIL_RETENTION_DAYS);
  await purgeExpiredHeldMails(db);
  await purgeExpiredExports(db);
  await purgeExpiredSsoFlows(db);
  // Last: an erasure backlog delays no other tidying (it is bounded per run; the rest follows).
  await runRetention(db);
}

/**
 * Tidying is idempotent and jobs are claimed with a lease, so any number of workers may run
 * against one PostgreSQL database.
 */
export async function startWorker() {
  await tidy();
  housekeeping = setInterval(
    () => tidy().catch((error) => log.error("housekeeping.failed", { error: String(error) })),
    60 * 60 * 1000,
  );
  housekeeping.unref();
  let working = false;
  jobLoop = setInterval(() => {
    // A slow round is not overlapped by the next one.
    if (working) return;
    working = true;
    work()
      .catch((error) => log.error("jobs.failed", { error: String(error) }))
      .finally(() => {
        working = false;
      });
  }, env().JOB_INTERVAL_SECONDS * 1000);
  jobLoop.unref();
  // Mail written by requests and jobs leaves within seconds of their commit (see the sender).
  startMailSender(async () => (await getDatabase()).db);
  const inboundPort = env().INBOUND_SMTP_PORT;
  if (inboundPort) {
    inboundSmtp = startInboundSmtp(inboundPort, env().HOST, async (mail) => {
      const { db } = await getDatabase();
      return answerInboundSmtp(db, mail);
    });
  }
}

/** Stops taking work and waits for a mail round in flight, so the database can close after it. */
export async function stopWorker() {
  clearInterval(housekeeping);
  clearInterval(jobLoop);
  inboundSmtp?.close();
  inboundSmtp = undefined;
  await stopMailSender();
}
