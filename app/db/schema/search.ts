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

/** A LIKE pattern for "contains `text`": the person's % and _ are their own characters. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * `column` contains `text`, ignoring case and accents ("michielsgestel" finds
 * "Sint-Michiëlsgestel"). Served by the trigramIndex on that column.
 */
export const containsText = (column: SQLWrapper | SQL, text: string) =>
  sql`${searchable(column)} like ${searchable(sql`${containsPattern(text)}`)}`;

/**
 * The same folding in JavaScript, to say why a row matched: lower case without diacritics.
 * (unaccent also folds a few letters NFD leaves alone, such as ø and ß; rare in Dutch names.)
 */
export const foldText = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase("nl");
