import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networks, supportApplications } from "#app/db/schema/index.ts";
import { type Actor, grantsOf } from "#app/platform/actor.ts";
import { isCoordinatorFor } from "./networks.policy.ts";

/**
 * Per programme the person coordinates: how many support applications wait for their judgement
 * (submitted, not yet decided; a regional coordinator's only from their region). Only the
 * person's own coordinator grants count: the start page shows what is theirs to do, which for a
 * platform admin is not every programme's queue (/aanvragen shows them all).
 */
export async function countApplicationsToJudge(db: DbOrTx, actor: Actor) {
  const programmeIds = [...new Set(grantsOf(actor, "programme-coordinator").map((g) => g.scopeId))];
  const counts = new Map<string, number>(programmeIds.map((id) => [id, 0]));
  if (!programmeIds.length) return counts;
  const rows = await db
    .select({ programmeId: supportApplications.programmeId, regionId: networks.regionId })
    .from(supportApplications)
    .innerJoin(networks, eq(networks.id, supportApplications.networkId))
    .where(
      and(
        inArray(supportApplications.programmeId, programmeIds),
        eq(supportApplications.status, "submitted"),
      ),
    );
  for (const row of rows) {
    if (!isCoordinatorFor(actor, row.programmeId, row.regionId)) continue;
    counts.set(row.programmeId, (counts.get(row.programmeId) ?? 0) + 1);
  }
  return counts;
}
