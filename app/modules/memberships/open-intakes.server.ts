import { and, count, inArray } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networkMembers } from "#app/db/schema/index.ts";

export interface MembershipTally {
  /** active members, any role */
  active: number;
  /** enrolled after a nomination; the penvoerder or facilitator decides the intake */
  awaitingIntake: number;
  /** put forward by a member; the nominee has not answered yet */
  nominated: number;
}

/**
 * Per network: its active members and the live memberships that wait for someone (the intakes a
 * guide decides, the nominations a nominee has yet to answer). One grouped read for all the
 * networks a person guides; the caller has already decided they may see these counts.
 */
export async function tallyMemberships(db: DbOrTx, networkIds: string[]) {
  const tally = new Map<string, MembershipTally>(
    networkIds.map((id) => [id, { active: 0, awaitingIntake: 0, nominated: 0 }]),
  );
  if (!networkIds.length) return tally;
  const rows = await db
    .select({ networkId: networkMembers.networkId, status: networkMembers.status, n: count() })
    .from(networkMembers)
    .where(
      and(
        inArray(networkMembers.networkId, networkIds),
        inArray(networkMembers.status, ["active", "awaiting-intake", "nominated"]),
      ),
    )
    .groupBy(networkMembers.networkId, networkMembers.status);
  for (const row of rows) {
    const entry = tally.get(row.networkId);
    if (!entry) continue;
    if (row.status === "active") entry.active = row.n;
    else if (row.status === "awaiting-intake") entry.awaitingIntake = row.n;
    else if (row.status === "nominated") entry.nominated = row.n;
  }
  return tally;
}
