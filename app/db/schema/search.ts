import { type SQL, sql } from "drizzle-orm";
import { customType, type ExtraConfigColumn, index, type PgColumn } from "drizzle-orm/pg-core";

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The form in which "contains" searches compare text: lower case, accents removed
 * (kn_unaccent, migration 0020). Tables keep it in a stored generated `search_text` column:
 * computing it per row at query time costs ~20 µs a row, too much for a filter over thousands.
 */
export const folded = (expression: string) => sql.raw(`kn_unaccent(lower(${expression}))`);

/** A trigram GIN index on a search_text column: serves LIKE '%…%' on it. */
export const trigramIndex = (name: string, column: ExtraConfigColumn) =>
  index(name).using("gin", column.op("gin_trgm_ops"));

/** A LIKE pattern for "contains `text`": the person's % and _ are their own characters. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * The search_text column contains `text`, ignoring case and accents ("michielsgestel" finds
 * "Sint-Michiëlsgestel"). The pattern is folded by the same SQL function as the column.
 */
export const containsText = (searchText: PgColumn | SQL, text: string) =>
  sql`${searchText} like kn_unaccent(lower(${containsPattern(text)}))`;

/**
 * The same folding in JavaScript, to say why a row matched: lower case without diacritics.
 * (unaccent also folds a few letters NFD leaves alone, such as ø and ß; rare in Dutch names.)
 */
export const foldText = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase("nl");
