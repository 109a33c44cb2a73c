import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  buddyGroupMembers,
  buddyMeetings,
  networkMembers,
  networks,
} from "#app/db/schema/index.ts";

/**
 * The next meeting time of the person's buddy groups (one per network), in networks they are
 * still an active member of: a group they stayed in after leaving its network shows nothing.
 */
export async function myNextBuddyMeeting(db: DbOrTx, userId: string, now = new Date()) {
  const [row] = await db
    .select({
      groupId: buddyMeetings.groupId,
      startsAt: buddyMeetings.startsAt,
      endsAt: buddyMeetings.endsAt,
      place: buddyMeetings.place,
      networkId: networks.id,
      networkName: networks.name,
    })
    .from(buddyGroupMembers)
    .innerJoin(
      networkMembers,
      and(
        eq(networkMembers.networkId, buddyGroupMembers.networkId),
        eq(networkMembers.userId, userId),
        eq(networkMembers.status, "active"),
      ),
    )
    .innerJoin(buddyMeetings, eq(buddyMeetings.groupId, buddyGroupMembers.groupId))
    .innerJoin(networks, eq(networks.id, buddyGroupMembers.networkId))
    .where(and(eq(buddyGroupMembers.userId, userId), gt(buddyMeetings.endsAt, now)))
    .orderBy(asc(buddyMeetings.startsAt))
    .limit(1);
  return row ? { ...row, path: `/netwerken/${row.networkId}/maatjes/${row.groupId}` } : null;
}
