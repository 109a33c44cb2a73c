import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm/logger";
import { env } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";

/*
 * LOG_QUERIES=1: every SQL statement a request runs is logged with the request, and at its end
 * how many there were and which ran more than once (same statement, same parameters). This is
 * how the cost of a page is measured (issue 15: "queries per request, no repeated query").
 * Parameters are compared but never logged: they may hold tokens or personal data.
 */

interface RequestQueries {
  request: string;
  statements: { sql: string; key: string }[];
}

const current = new AsyncLocalStorage<RequestQueries>();

/** A statement with its parameters, as captured for the query-plan test. */
export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

const captured = new AsyncLocalStorage<CapturedQuery[]>();

/** Drizzle's logger hook; only installed when LOG_QUERIES is on. */
export const queryLogger: Logger = {
  logQuery(sql, params) {
    captured.getStore()?.push({ sql, params });
    // Outside a request (migrations, the worker's jobs) nothing is counted.
    const queries = current.getStore();
    if (!queries) return;
    queries.statements.push({ sql, key: `${sql}\u0000${JSON.stringify(params)}` });
    log.info("db.query", { request: queries.request, n: queries.statements.length, sql });
  },
};

export function queryLogEnabled() {
  return env().LOG_QUERIES;
}

/** Runs one request with its statements counted; a no-op unless LOG_QUERIES is on. */
export async function withQueryLog<T>(request: Request, work: () => Promise<T>): Promise<T> {
  if (!queryLogEnabled()) return work();
  const url = new URL(request.url);
  const queries: RequestQueries = {
    request: `${request.method} ${url.pathname}${url.search}`,
    statements: [],
  };
  try {
    return await current.run(queries, work);
  } finally {
    const seen = new Map<string, { sql: string; times: number }>();
    for (const { sql, key } of queries.statements) {
      const entry = seen.get(key) ?? { sql, times: 0 };
      entry.times += 1;
      seen.set(key, entry);
    }
    const repeated = [...seen.values()].filter((entry) => entry.times > 1);
    log.info("db.queries", {
      request: queries.request,
      count: queries.statements.length,
      repeated: repeated.map(({ sql, times }) => ({ times, sql })),
    });
  }
}

/**
 * The statements `work` runs, with their parameters, so the query-plan test can EXPLAIN each one
 * (app/routes/query-plans.test.ts). Only sees them when LOG_QUERIES was on as the database opened.
 */
export async function captureQueries<T>(work: () => Promise<T>) {
  const statements: CapturedQuery[] = [];
  const result = await captured.run(statements, work);
  return { result, statements };
}
