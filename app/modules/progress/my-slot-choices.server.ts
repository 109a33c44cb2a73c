import { and, asc, eq, gt, min } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  conversationSlots,
  conversations,
  networkMembers,
  networks,
} from "#app/db/schema/index.ts";

/**
 * Conversations the facilitator proposed times for and the person has still to choose one, in
 * networks they are an active member of. "Before" is the first proposed time still to come: after
 * it, that choice is gone.
 */
export async function mySlotChoices(db: DbOrTx, userId: string, now = new Date()) {
  const rows = await db
    .select({
      conversationId: conversations.id,
      kind: conversations.kind,
      networkId: networks.id,
      networkName: networks.name,
      firstSlot: min(conversationSlots.startsAt),
    })
    .from(networkMembers)
    .innerJoin(conversations, eq(conversations.memberId, networkMembers.id))
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .innerJoin(conversationSlots, eq(conversationSlots.conversationId, conversations.id))
    .where(
      and(
        eq(networkMembers.userId, userId),
        eq(networkMembers.status, "active"),
        eq(conversations.status, "proposed"),
        gt(conversationSlots.startsAt, now),
      ),
    )
    .groupBy(conversations.id, conversations.kind, networks.id, networks.name)
    .orderBy(asc(min(conversationSlots.startsAt)));
  return rows.map((row) => ({
    ...row,
    path: `/netwerken/${row.networkId}/gesprekken/${row.conversationId}`,
  }));
}
