import { and, asc, count, eq, inArray, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { organisationMembers, organisations, users } from "#app/db/schema/index.ts";
import { type Actor, grantsOf } from "#app/platform/actor.ts";

/**
 * The schools and boards a person keeps as organisation admin, with the schools under a board
 * they keep (whose workplace requests they decide too, see canDecideWorkplaceRequests), and how
 * many workplace requests wait at each. `ownGrant` marks where they hold the grant themselves:
 * only there are they a member and may open the organisation's toolkit.
 */
export async function listKeptOrganisations(db: DbOrTx, actor: Actor) {
  const keptIds = [...new Set(grantsOf(actor, "organisation-admin").map((g) => g.scopeId))];
  if (!keptIds.length) return [];
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(or(inArray(organisations.id, keptIds), inArray(organisations.boardId, keptIds)))
    .orderBy(asc(organisations.name), asc(organisations.id));
  const requests = await countOpenWorkplaceRequests(
    db,
    rows.map((r) => r.id),
  );
  const own = new Set(keptIds);
  return rows.map((row) => ({
    ...row,
    ownGrant: own.has(row.id),
    requests: requests.get(row.id) ?? 0,
  }));
}

/** Requests to confirm per organisation (claims of people whose account is not disabled). */
async function countOpenWorkplaceRequests(db: DbOrTx, organisationIds: string[]) {
  if (!organisationIds.length) return new Map<string, number>();
  const rows = await db
    .select({ organisationId: organisationMembers.organisationId, n: count() })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(
      and(
        inArray(organisationMembers.organisationId, organisationIds),
        eq(organisationMembers.status, "requested"),
        isNull(users.disabledAt),
      ),
    )
    .groupBy(organisationMembers.organisationId);
  return new Map(rows.map((row) => [row.organisationId, row.n]));
}
