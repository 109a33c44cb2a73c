import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  discussionPosts,
  discussionTopics,
  networkMembers,
  networks,
} from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";

/*
 * The site search's part of the discussion. A network's discussion is for its active members only
 * (requireDiscussion), open network or closed, so the search reads only the networks the person
 * is an active member of now: someone who left, was declined or only nominated finds nothing.
 * The words are matched against the stored Dutch search vectors (their GIN indexes).
 */

/** The networks whose discussion the actor may read: active membership, any role. */
const myNetworks = (actor: Actor) =>
  sql`(select ${networkMembers.networkId} from ${networkMembers}
       where ${networkMembers.userId} = ${actor.userId} and ${networkMembers.status} = 'active')`;

const dutchQuery = (q: string) => sql`websearch_to_tsquery('dutch', ${q})`;

/** Topics (title or opening text) in my networks, best match first, then the liveliest. */
export async function searchTopics(db: DbOrTx, actor: Actor, q: string, limit: number) {
  const query = dutchQuery(q);
  return db
    .select({
      id: discussionTopics.id,
      title: discussionTopics.title,
      text: sql<string>`left(${discussionTopics.body}, 2000)`,
      networkId: networks.id,
      networkName: networks.name,
    })
    .from(discussionTopics)
    .innerJoin(networks, eq(networks.id, discussionTopics.networkId))
    .where(
      and(
        inArray(discussionTopics.networkId, myNetworks(actor)),
        sql`${discussionTopics.searchVector} @@ ${query}`,
      ),
    )
    .orderBy(
      desc(sql`ts_rank(${discussionTopics.searchVector}, ${query})`),
      desc(discussionTopics.lastActivityAt),
      desc(discussionTopics.id),
    )
    .limit(limit);
}

/** Answers in my networks' discussions, with the topic they belong to. */
export async function searchPosts(db: DbOrTx, actor: Actor, q: string, limit: number) {
  const query = dutchQuery(q);
  return db
    .select({
      id: discussionPosts.id,
      topicId: discussionTopics.id,
      title: discussionTopics.title,
      text: sql<string>`left(${discussionPosts.body}, 2000)`,
      networkId: networks.id,
      networkName: networks.name,
    })
    .from(discussionPosts)
    .innerJoin(discussionTopics, eq(discussionTopics.id, discussionPosts.topicId))
    .innerJoin(networks, eq(networks.id, discussionPosts.networkId))
    .where(
      and(
        inArray(discussionPosts.networkId, myNetworks(actor)),
        sql`${discussionPosts.searchVector} @@ ${query}`,
      ),
    )
    .orderBy(
      desc(sql`ts_rank(${discussionPosts.searchVector}, ${query})`),
      desc(discussionPosts.createdAt),
      desc(discussionPosts.id),
    )
    .limit(limit);
}
