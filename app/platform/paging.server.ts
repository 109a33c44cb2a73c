import { sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "#app/db/client.server.ts";
import { cappedTotal, countCap } from "./paging.ts";

/**
 * count(*) over at most countCap + 1 of the rows: a "how many" that costs the same at a thousand
 * rows as at a million. Pass the list's select (`.$dynamic()`), without order or limit.
 */
export async function cappedCount(db: DbOrTx, rows: PgSelect) {
  const capped = rows.limit(countCap + 1).as("capped");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  return cappedTotal(row?.n ?? 0);
}
