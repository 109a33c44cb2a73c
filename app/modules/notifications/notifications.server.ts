import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networkMembers, networks, notifications } from "#app/db/schema/index.ts";

/** The bell counts at most this many; beyond it it reads "99+". */
export const unreadCap = 99;

/**
 * A notification stays visible only while its reader may still see its network: one without a
 * network, one of an open network, or one of a network the reader is an active member of. Someone
 * who left a closed network no longer hears what happened in it. (The networks module holds the
 * full rule; notifications sits below it, so the rule is repeated here in SQL for the reader's
 * own notifications.)
 */
function visibleToReader(userId: string): SQL {
  return sql`(${notifications.networkId} is null
    or exists (select 1 from ${networks} where ${networks.id} = ${notifications.networkId} and ${networks.openness} = 'open')
    or exists (select 1 from ${networkMembers} where ${networkMembers.networkId} = ${notifications.networkId}
      and ${networkMembers.userId} = ${userId} and ${networkMembers.status} = 'active'))`;
}

/**
 * The number on the bell, asked on every page: counts at most unreadCap + 1 unread rows on the
 * partial index notifications_unread_idx, so it costs the same however many there are.
 */
export async function countUnreadNotifications(db: DbOrTx, userId: string): Promise<number> {
  const unread = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), isNull(notifications.readAt), visibleToReader(userId)),
    )
    .limit(unreadCap + 1)
    .as("unread");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(unread);
  return row?.n ?? 0;
}
