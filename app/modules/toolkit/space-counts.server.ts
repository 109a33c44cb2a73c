import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { initiatives, themes } from "#app/db/schema/index.ts";

export interface SpaceCounts {
  /** initiatives still under way (not completed) */
  initiatives: number;
  /** themes not closed at the clean slate */
  themes: number;
}

/**
 * What is going on in the schools' toolkits, counted per school in two grouped reads. Only for
 * schools whose toolkit the person may open (their confirmed workplace): the caller decides.
 */
export async function countSchoolSpaces(db: DbOrTx, organisationIds: string[]) {
  const counts = new Map<string, SpaceCounts>(
    organisationIds.map((id) => [id, { initiatives: 0, themes: 0 }]),
  );
  if (!organisationIds.length) return counts;
  const [initiativeRows, themeRows] = await Promise.all([
    db
      .select({ spaceId: initiatives.spaceId, n: count() })
      .from(initiatives)
      .where(
        and(
          eq(initiatives.spaceKind, "organisation"),
          inArray(initiatives.spaceId, organisationIds),
          isNull(initiatives.completedAt),
        ),
      )
      .groupBy(initiatives.spaceId),
    db
      .select({ spaceId: themes.spaceId, n: count() })
      .from(themes)
      .where(
        and(
          eq(themes.spaceKind, "organisation"),
          inArray(themes.spaceId, organisationIds),
          isNull(themes.closedAt),
        ),
      )
      .groupBy(themes.spaceId),
  ]);
  for (const row of initiativeRows) {
    const entry = counts.get(row.spaceId);
    if (entry) entry.initiatives = row.n;
  }
  for (const row of themeRows) {
    const entry = counts.get(row.spaceId);
    if (entry) entry.themes = row.n;
  }
  return counts;
}
