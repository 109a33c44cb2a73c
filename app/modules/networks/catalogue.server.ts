import { and, asc, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  enrolmentRoutes,
  networkMembers,
  networks,
  networkThemes,
  programmes,
  regions,
} from "#app/db/schema/index.ts";
import { containsText } from "#app/db/schema/search.ts";
import { isUuid } from "#app/platform/ids.ts";
import { cappedTotal, countCap, type Page, pageOf } from "#app/platform/paging.ts";

export interface CatalogueFilters {
  query?: string;
  theme?: string;
  sector?: string;
  regionId?: string;
  state?: "open" | "closed" | "in-formation" | "";
  programmeId?: string;
}

/**
 * The public catalogue: profiles only, never members; Dutch full-text search. Each branch of the
 * search has its own index (the stored search_vector; trigrams on search_text, the folded name
 * and themes), so the database combines two index scans instead of reading every network.
 */
export async function listCatalogue(db: DbOrTx, filters: CatalogueFilters, page: Page) {
  const conditions = [];
  const query = filters.query?.trim();
  if (query) {
    conditions.push(
      sql`(${networks.searchVector} @@ plainto_tsquery('dutch', ${query}) or ${containsText(networks.searchText, query)})`,
    );
  }
  if (filters.theme)
    conditions.push(sql`${networks.themes} @> array[${filters.theme.toLowerCase()}]::text[]`);
  if (filters.sector) conditions.push(sql`${filters.sector} = any(${networks.sectors})`);
  if (filters.regionId && isUuid(filters.regionId))
    conditions.push(eq(networks.regionId, filters.regionId));
  if (filters.programmeId && isUuid(filters.programmeId))
    conditions.push(eq(networks.programmeId, filters.programmeId));
  if (filters.state === "in-formation") conditions.push(eq(networks.status, "in-formation"));
  if (filters.state === "open" || filters.state === "closed") {
    conditions.push(and(eq(networks.openness, filters.state), eq(networks.status, "active")));
  }
  conditions.push(sql`${networks.status} <> 'ended'`);
  const where = and(...conditions);
  const memberCount = sql<number>`(select count(*)::int from ${networkMembers} where ${networkMembers.networkId} = ${networks.id} and ${networkMembers.status} = 'active')`;
  const lowestPrice = sql<
    number | null
  >`(select min(${enrolmentRoutes.priceCents}) from ${enrolmentRoutes} where ${enrolmentRoutes.networkId} = ${networks.id})`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: networks.id,
        kind: networks.kind,
        name: networks.name,
        question: networks.question,
        themes: networks.themes,
        sectors: networks.sectors,
        targetFunctions: networks.targetFunctions,
        status: networks.status,
        openness: networks.openness,
        joinMode: networks.joinMode,
        form: networks.form,
        meetingPattern: networks.meetingPattern,
        capacity: networks.capacity,
        startDate: networks.startDate,
        endDate: networks.endDate,
        durationMonths: networks.durationMonths,
        facilitatorNote: networks.facilitatorNote,
        regionName: regions.name,
        programmeName: programmes.name,
        memberCount,
        lowestPrice,
      })
      .from(networks)
      .leftJoin(regions, eq(regions.id, networks.regionId))
      .leftJoin(programmes, eq(programmes.id, networks.programmeId))
      .where(where)
      .orderBy(asc(networks.name), asc(networks.id))
      .limit(page.perPage + 1)
      .offset(page.offset),
    db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(networks)
        .where(where)
        .limit(countCap + 1)
        .as("capped"),
    ),
  ]);
  const { rows: shown, hasNext } = pageOf(rows, page);
  return {
    networks: shown.map((row) => ({ ...row, joinable: isJoinable(row, row.memberCount) })),
    total: cappedTotal(total?.n ?? 0),
    hasNext,
  };
}

/** Can one still join (perhaps via the waiting list)? Closed networks only before they start. */
export function isJoinable(
  network: { status: string; openness: string; startDate: string | null },
  _memberCount: number,
  today = new Date().toISOString().slice(0, 10),
) {
  if (network.status === "ended") return false;
  if (network.openness === "closed") return !network.startDate || network.startDate > today;
  return true;
}

/** The themes of networks that have not ended (kept current by a trigger, see networkThemes). */
export async function listThemes(db: DbOrTx) {
  const rows = await db
    .select({ theme: networkThemes.theme })
    .from(networkThemes)
    .orderBy(asc(networkThemes.theme));
  return rows.map((row) => row.theme);
}

export async function listProgrammes(db: DbOrTx) {
  return db.select().from(programmes).orderBy(asc(programmes.name));
}
