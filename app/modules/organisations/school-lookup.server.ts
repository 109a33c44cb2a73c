import { inArray } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { organisations } from "#app/db/schema/index.ts";
import { isUuid } from "#app/platform/ids.ts";
import { findOrganisationForLogin } from "./login-domains.server.ts";
import { listOrganisationsByIds, searchOrganisations } from "./organisations.server.ts";

/** A BRIN code as people type it: two digits and two letters, perhaps a location's two digits. */
const brinPattern = /^\d{2}[A-Z]{2}(\d{2})?$/;

/**
 * Schools for "which school do you work at?", by name, place or BRIN code: the school with that
 * code first, then those whose name or place contains the words. Boards are not workplaces here.
 */
export async function findSchools(db: DbOrTx, query: string, limit = 10) {
  const term = query.trim();
  const code = term.replace(/\s+/g, "").toUpperCase();
  const byBrin = brinPattern.test(code)
    ? await findOrganisationForLogin(db, { kind: "brin", value: code })
    : null;
  const [exact, found] = await Promise.all([
    listOrganisationsByIds(db, byBrin ? [byBrin] : []),
    searchOrganisations(db, term, limit + 1),
  ]);
  const schools = [...exact, ...found.filter((org) => org.id !== byBrin)].filter(
    (org) => org.kind === "school",
  );
  return schools.slice(0, limit);
}

/** What a person's schools say about where they work: sectors and regions (for suggestions). */
export async function sectorsAndRegionsOf(db: DbOrTx, organisationIds: string[]) {
  const ids = organisationIds.filter(isUuid);
  if (ids.length === 0) return { sectors: [], regionIds: [] };
  const rows = await db
    .select({ sector: organisations.sector, regionId: organisations.regionId })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return {
    sectors: rows.flatMap((row) => (row.sector ? [row.sector] : [])),
    regionIds: rows.flatMap((row) => (row.regionId ? [row.regionId] : [])),
  };
}
