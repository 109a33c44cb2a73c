import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networkMembers, networks, regions } from "#app/db/schema/index.ts";
import { isUuid } from "#app/platform/ids.ts";

interface FitProfile {
  /** the sectors of the person's schools (PO, VO …) */
  sectors: string[];
  /** their own region and their schools' */
  regionIds: string[];
  /** what they know, as expertise tags (lower case, as network themes are) */
  themes: string[];
  jobFunction: string | null;
}

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/**
 * Networks a person could join that fit their sector, region or themes, best match first: only
 * what the catalogue offers for joining — open networks and networks in formation, never an
 * ended one, and a closed one only before it starts (isJoinable) — and not the person's own.
 * Nothing matches an empty profile.
 */
export async function listNetworksThatFit(
  db: DbOrTx,
  userId: string,
  profile: FitProfile,
  limit = 6,
) {
  const sectors = [...new Set(profile.sectors)];
  const regionIds = [...new Set(profile.regionIds.filter(isUuid))];
  const themes = [...new Set(profile.themes.map((theme) => theme.toLowerCase()))];
  const reasons = [
    sectors.length ? sql`${networks.sectors} && ${textArray(sectors)}` : null,
    regionIds.length
      ? sql`${networks.regionId} in (${sql.join(
          regionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : null,
    themes.length ? sql`${networks.themes} && ${textArray(themes)}` : null,
  ].filter((reason) => reason !== null);
  if (reasons.length === 0) return [];
  const sectorMatch = sectors.length
    ? sql<boolean>`${networks.sectors} && ${textArray(sectors)}`
    : sql<boolean>`false`;
  const regionMatch = regionIds.length
    ? sql<boolean>`coalesce(${networks.regionId} in (${sql.join(
        regionIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}), false)`
    : sql<boolean>`false`;
  const sharedThemes = themes.length
    ? sql<
        string[]
      >`array(select unnest(${networks.themes}) intersect select unnest(${textArray(themes)}) order by 1)`
    : sql<string[]>`'{}'::text[]`;
  const functionMatch = profile.jobFunction
    ? sql<boolean>`${networks.targetFunctions} @> array[${profile.jobFunction}]::text[]`
    : sql<boolean>`false`;
  // Each shared theme counts once; sector and region weigh as much as two themes.
  const score = sql<number>`(2 * (${sectorMatch})::int + 2 * (${regionMatch})::int + cardinality(${sharedThemes}) + (${functionMatch})::int)`;
  const rows = await db
    .select({
      id: networks.id,
      name: networks.name,
      question: networks.question,
      status: networks.status,
      openness: networks.openness,
      regionName: regions.name,
      sectorMatch,
      regionMatch,
      sharedThemes,
      score,
    })
    .from(networks)
    .leftJoin(regions, eq(regions.id, networks.regionId))
    .where(
      and(
        sql`${networks.status} <> 'ended'`,
        or(eq(networks.openness, "open"), eq(networks.status, "in-formation")),
        // A closed network in formation takes people only until it starts, as the catalogue says.
        or(
          eq(networks.openness, "open"),
          sql`${networks.startDate} is null`,
          sql`${networks.startDate} > current_date`,
        ),
        or(...reasons),
        // Their own networks are no suggestion.
        sql`not exists (select 1 from ${networkMembers} where ${networkMembers.networkId} = ${networks.id} and ${networkMembers.userId} = ${userId} and ${networkMembers.status} = 'active')`,
      ),
    )
    .orderBy(desc(score), asc(networks.name), asc(networks.id))
    .limit(limit);
  return rows;
}
