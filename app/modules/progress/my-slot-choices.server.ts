import { and, eq, gt, inArray, min } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  conversationSlots,
  conversations,
  networkMembers,
  networks,
} from "#app/db/schema/index.ts";

/**
 * Conversations the facilitator proposed times for and the person has still to choose one, in
 * networks they are an active member of. "First" is the earliest proposed time still to come:
 * after it, that choice is gone. The times are read only when there is something to choose,
 * which for most people on most days there is not.
 */
export async function mySlotChoices(db: DbOrTx, userId: string, now = new Date()) {
  const proposed = await db
    .select({
      conversationId: conversations.id,
      kind: conversations.kind,
      networkId: networks.id,
      networkName: networks.name,
    })
    .from(networkMembers)
    .innerJoin(conversations, eq(conversations.memberId, networkMembers.id))
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(
      and(
        eq(networkMembers.userId, userId),
        eq(networkMembers.status, "active"),
        eq(conversations.status, "proposed"),
      ),
    );
  if (!proposed.length) return [];
  const firsts = await db
    .select({
      conversationId: conversationSlots.conversationId,
      first: min(conversationSlots.startsAt),
    })
    .from(conversationSlots)
    .where(
      and(
        inArray(
          conversationSlots.conversationId,
          proposed.map((p) => p.conversationId),
        ),
        gt(conversationSlots.startsAt, now),
      ),
    )
    .groupBy(conversationSlots.conversationId);
  const firstOf = new Map(firsts.map((f) => [f.conversationId, f.first]));
  // Once every proposed time has passed there is nothing left to choose until new ones come.
  return proposed
    .flatMap((row) => {
      const firstSlot = firstOf.get(row.conversationId);
      return firstSlot
        ? [
            {
              ...row,
              firstSlot,
              path: `/netwerken/${row.networkId}/gesprekken/${row.conversationId}`,
            },
          ]
        : [];
    })
    .sort((a, b) => a.firstSlot.getTime() - b.firstSlot.getTime());
}
