import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "#app/db/client.server.ts";
import { discussionReads, discussionTopics, networkMembers } from "#app/db/schema/index.ts";

/*
 * "Nieuw" means unread by me, one rule for the topic list, the counts and the start page:
 * a topic is unread when a message by someone else (the topic itself or an answer) was posted
 * after the later of my last read of it and my joining the network. So a new member is not
 * greeted with the whole history as new, and a topic I started that nobody answered is not
 * new to me.
 */

type Ref = SQL | AnyPgColumn;

/** From when on messages are new to me: my last read or my joining, whichever is later. */
export function readSince(seenAt: Ref, joinedAt: Ref): SQL {
  // greatest() skips nulls; -infinity stands for "never read" and for an undated membership.
  return sql`greatest(${seenAt}, ${joinedAt}, '-infinity'::timestamptz)`;
}

/** Answers to a topic by someone other than me, posted after `since`. */
export function newAnswersWhere(topicId: Ref, me: string, since: SQL): SQL {
  return sql`p.topic_id = ${topicId} and p.created_at > ${since} and p.author_id is distinct from ${me}`;
}

/** The topic has a message by someone else after `since` (see the rule above). */
export function unreadWhere(me: string, since: SQL): SQL {
  return sql`(${discussionTopics.lastActivityAt} > ${since} and (
    (${discussionTopics.authorId} is distinct from ${me} and ${discussionTopics.createdAt} > ${since})
    or exists (select 1 from discussion_posts p where ${newAnswersWhere(discussionTopics.id, me, since)})))`;
}

/**
 * Per network, how many topics are unread for this person (0 for a network without any, or where
 * they are no active member). One grouped query: per network, the topics active since joining
 * come from the (network, last activity) index, each checked against the reader's own read mark.
 */
export async function unreadTopicCounts(
  db: DbOrTx,
  userId: string,
  networkIds: string[],
): Promise<Map<string, number>> {
  const counts = new Map(networkIds.map((id) => [id, 0]));
  if (networkIds.length === 0) return counts;
  const joined = sql`coalesce(${networkMembers.joinedAt}, '-infinity'::timestamptz)`;
  const rows = await db
    .select({ networkId: discussionTopics.networkId, count: sql<number>`count(*)::int` })
    .from(networkMembers)
    .innerJoin(
      discussionTopics,
      and(
        eq(discussionTopics.networkId, networkMembers.networkId),
        // The one bound the index can use; the read mark narrows it per topic below.
        sql`${discussionTopics.lastActivityAt} > ${joined}`,
      ),
    )
    .leftJoin(
      discussionReads,
      and(eq(discussionReads.topicId, discussionTopics.id), eq(discussionReads.userId, userId)),
    )
    .where(
      and(
        eq(networkMembers.userId, userId),
        eq(networkMembers.status, "active"),
        inArray(networkMembers.networkId, networkIds),
        unreadWhere(userId, readSince(discussionReads.seenAt, networkMembers.joinedAt)),
      ),
    )
    .groupBy(discussionTopics.networkId);
  for (const row of rows) counts.set(row.networkId, row.count);
  return counts;
}
