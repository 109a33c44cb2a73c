import { sql } from "drizzle-orm";
import { env } from "#app/core/env.server.ts";
import type { DbOrTx } from "#app/db/client.server.ts";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/**
 * Counts a hit in a fixed window stored in the database, so every app process
 * behind the load balancer shares one count.
 */
export async function hitRateLimit(db: DbOrTx, key: string, rule: RateLimitRule) {
  const window = `${rule.windowSeconds} seconds`;
  const result = (await db.execute(sql`
    insert into rate_limits (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start < now() - ${window}::interval then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start < now() - ${window}::interval then now() else rate_limits.window_start end
    returning hits, window_start`)) as unknown as {
    rows: { hits: number; window_start: string }[];
  };
  return verdict(result.rows[0], rule);
}

function verdict(row: { hits: number; window_start: string } | undefined, rule: RateLimitRule) {
  const hits = Number(row?.hits ?? 1);
  const windowStart = new Date(row?.window_start ?? Date.now());
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - Date.now()) / 1000),
  );
  return { allowed: hits <= rule.limit, retryAfterSeconds };
}

/**
 * For limits that count failures (login): the attempt is counted before the caller checks it, so
 * parallel guesses cannot slip past the limit, and the caller gives it back with
 * `giveBackAttempt` or `clearAttempts` when it succeeds. An attempt while the limit holds is
 * refused without being counted: the count stops at limit + 1 and the window keeps its start, so
 * retrying does not lengthen the wait.
 */
export async function takeAttempt(db: DbOrTx, key: string, rule: RateLimitRule) {
  const window = `${rule.windowSeconds} seconds`;
  const result = (await db.execute(sql`
    insert into rate_limits (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start < now() - ${window}::interval then 1
                  else least(rate_limits.hits + 1, ${rule.limit + 1}) end,
      window_start = case when rate_limits.window_start < now() - ${window}::interval then now() else rate_limits.window_start end
    returning hits, window_start`)) as unknown as {
    rows: { hits: number; window_start: string }[];
  };
  return verdict(result.rows[0], rule);
}

/** Uncounts one attempt taken with `takeAttempt` that turned out not to be a failure. */
export async function giveBackAttempt(db: DbOrTx, key: string) {
  await db.execute(sql`update rate_limits set hits = greatest(hits - 1, 0) where key = ${key}`);
}

/** Forgets every attempt counted on a key (a successful login clears its account's failures). */
export async function clearAttempts(db: DbOrTx, key: string) {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

export const rateLimitRules = {
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  // A school's shared address (or the browser-test suite) may need more: LOGIN_LIMIT_PER_IP.
  get loginPerIp() {
    return { limit: env().LOGIN_LIMIT_PER_IP ?? 100, windowSeconds: 15 * 60 };
  },
  mailPerAccount: { limit: 5, windowSeconds: 60 * 60 },
  mailPerIp: { limit: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

/** Windows older than a day can go; no rule looks back further. */
export async function purgeOldRateLimits(db: DbOrTx) {
  await db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
}
