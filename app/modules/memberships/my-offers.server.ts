import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networks, waitingList } from "#app/db/schema/index.ts";

/** Places offered to the person from a waiting list, still open: accepted on the network's page. */
export async function myOpenOffers(db: DbOrTx, userId: string, now = new Date()) {
  const rows = await db
    .select({
      networkId: networks.id,
      networkName: networks.name,
      expiresAt: waitingList.offerExpiresAt,
    })
    .from(waitingList)
    .innerJoin(networks, eq(networks.id, waitingList.networkId))
    .where(
      and(
        eq(waitingList.userId, userId),
        eq(waitingList.status, "offered"),
        gt(waitingList.offerExpiresAt, now),
      ),
    )
    .orderBy(asc(waitingList.offerExpiresAt));
  return rows.map((row) => ({ ...row, path: `/netwerken/${row.networkId}` }));
}
