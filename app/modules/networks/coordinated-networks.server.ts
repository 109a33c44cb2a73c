import { and, asc, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networks, programmes } from "#app/db/schema/index.ts";
import { type Actor, grantsOf } from "#app/platform/actor.ts";
import { isCoordinatorFor } from "./networks.policy.ts";

/**
 * The programmes a person coordinates (by their own grants, never all of them for an admin) and
 * the networks of each that have not ended, as far as their grant reaches: a regional
 * coordinator sees their region's networks and the programme's national ones.
 */
export async function listCoordinatedNetworks(db: DbOrTx, actor: Actor) {
  const programmeIds = [...new Set(grantsOf(actor, "programme-coordinator").map((g) => g.scopeId))];
  if (!programmeIds.length) return [];
  const [programmeRows, networkRows] = await Promise.all([
    db
      .select({ id: programmes.id, name: programmes.name })
      .from(programmes)
      .where(inArray(programmes.id, programmeIds))
      .orderBy(asc(programmes.name)),
    db
      .select({
        id: networks.id,
        name: networks.name,
        status: networks.status,
        programmeId: networks.programmeId,
        regionId: networks.regionId,
      })
      .from(networks)
      .where(and(inArray(networks.programmeId, programmeIds), ne(networks.status, "ended")))
      .orderBy(asc(networks.name), asc(networks.id)),
  ]);
  return programmeRows.map((programme) => ({
    ...programme,
    networks: networkRows.filter(
      (n) => n.programmeId === programme.id && isCoordinatorFor(actor, programme.id, n.regionId),
    ),
  }));
}
