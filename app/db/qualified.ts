import { getTableName, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * A column with its table's name, for correlated subqueries inside a select field: there Drizzle
 * writes columns bare when the query has no join, so `sub.parent_id = "id"` silently compares the
 * subquery's own id (a count that is always 0).
 */
export function qualified(column: PgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
