import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { customType, index } from "drizzle-orm/pg-core";

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The form in which "contains" searches compare text: lower case, accents removed
 * (kn_unaccent, migration 0020). Indexes and queries must use this same expression, or the
 * planner cannot match them and scans the table.
 */
export const searchable = (column: SQLWrapper | SQL) => sql`kn_unaccent(lower(${column}))`;

/** A trigram GIN index on searchable(column): serves LIKE '%…%' on that expression. */
export const trigramIndex = (name: string, column: SQLWrapper | SQL) =>
  index(name).using("gin", sql`${searchable(column)} gin_trgm_ops`);
