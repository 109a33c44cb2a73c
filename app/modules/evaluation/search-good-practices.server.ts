import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { harvestOutcomes, networks } from "#app/db/schema/index.ts";

/**
 * The site search's part of the good practices: the published ones, as /goede-voorbeelden shows
 * them to everyone (nothing is published without every named person's consent), best match
 * first. Unlike the list it asks no count: ranking needs every match, which the Dutch full-text
 * index gives, so the planner never walks all practices by date looking for the words.
 */
export async function searchGoodPractices(db: DbOrTx, q: string, limit: number) {
  const query = sql`websearch_to_tsquery('dutch', ${q})`;
  return db
    .select({
      id: harvestOutcomes.id,
      title: harvestOutcomes.title,
      text: sql<string>`left(${harvestOutcomes.answer}, 2000)`,
      networkName: networks.name,
    })
    .from(harvestOutcomes)
    .innerJoin(networks, eq(networks.id, harvestOutcomes.networkId))
    .where(
      and(isNotNull(harvestOutcomes.publishedAt), sql`${harvestOutcomes.searchVector} @@ ${query}`),
    )
    .orderBy(
      desc(sql`ts_rank(${harvestOutcomes.searchVector}, ${query})`),
      desc(harvestOutcomes.publishedAt),
      desc(harvestOutcomes.id),
    )
    .limit(limit);
}
