import { eq, sql } from "drizzle-orm";
import { log } from "#app/core/logger.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { jobs } from "#app/db/schema/index.ts";

export type JobHandler = (db: Db, payload: Record<string, unknown>) => Promise<void>;

/** Schedules (or re-schedules) the job with this key; a moved meeting moves its reminder. */
export async function scheduleJob(
  db: DbOrTx,
  job: { kind: string; key: string; payload: Record<string, unknown>; runAt: Date },
) {
  await db
    .insert(jobs)
    .values({ ...job, status: "pending" })
    .onConflictDoUpdate({
      target: jobs.key,
      set: {
        kind: job.kind,
        payload: job.payload,
        runAt: job.runAt,
        status: "pending",
        attempts: 0,
        lastError: null,
        lockedUntil: null,
      },
    });
}

/** Schedules a job unless one with this key was ever scheduled (done jobs included). */
export async function scheduleJobOnce(
  db: DbOrTx,
  job: { kind: string; key: string; payload: Record<string, unknown>; runAt: Date },
) {
  const inserted = await db
    .insert(jobs)
    .values({ ...job, status: "pending" })
    .onConflictDoNothing({ target: jobs.key })
    .returning({ id: jobs.id });
  return inserted.length > 0;
}

/** Claims one due job; SKIP LOCKED and the lease let several processes share the queue. */
async function claimDueJob(db: Db, now: Date) {
  const rows = await db.execute<{ id: string; kind: string; payload: Record<string, unknown> }>(sql`
    update jobs set locked_until = ${new Date(now.getTime() + 5 * 60_000)}, attempts = attempts + 1
    where id = (
      select id from jobs
      where status = 'pending' and run_at <= ${now}
        and (locked_until is null or locked_until < ${now})
      order by run_at
      limit 1
      for update skip locked
    )
    returning id, kind, payload`);
  const result = rows as unknown as { rows?: unknown[] } | unknown[];
  const list = (Array.isArray(result) ? result : (result.rows ?? [])) as {
    id: string;
    kind: string;
    payload: Record<string, unknown>;
  }[];
  return list[0] ?? null;
}

/** Runs every job that is due; returns how many ran. Failures retry with backoff, five times. */
export async function runDueJobs(db: Db, handlers: Record<string, JobHandler>, now = new Date()) {
  let ran = 0;
  for (;;) {
    const job = await claimDueJob(db, now);
    if (!job) return ran;
    ran++;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(db, job.payload);
      await db.update(jobs).set({ status: "done", lockedUntil: null }).where(eq(jobs.id, job.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error("job.failed", { kind: job.kind, error: message });
      await db
        .update(jobs)
        .set({
          lastError: message,
          lockedUntil: null,
          status: sql`case when ${jobs.attempts} >= 5 then 'failed' else 'pending' end`,
          runAt: sql`${now}::timestamptz + (interval '1 minute' * power(2, ${jobs.attempts}))`,
        })
        .where(eq(jobs.id, job.id));
    }
  }
}
