import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networkMembers, networks } from "#app/db/schema/index.ts";

/**
 * The networks a person is in now (active membership, any role), in name order: "Mijn netwerken"
 * in the navigation, the start page and the catalogue's "you are a member" mark.
 */
export async function listMyNetworks(db: DbOrTx, userId: string) {
  return db
    .select({
      id: networks.id,
      name: networks.name,
      kind: networks.kind,
      status: networks.status,
      openness: networks.openness,
      role: networkMembers.role,
      joinedAt: networkMembers.joinedAt,
    })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(and(eq(networkMembers.userId, userId), eq(networkMembers.status, "active")))
    .orderBy(asc(networks.name), asc(networks.id));
}

export type MyNetwork = Awaited<ReturnType<typeof listMyNetworks>>[number];
