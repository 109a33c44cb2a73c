import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { meetings, networkMembers, networks } from "#app/db/schema/index.ts";
import { containsText } from "#app/db/schema/search.ts";
import type { Actor } from "#app/platform/actor.ts";

/**
 * The site search's part of the meetings: those of the networks the person is an active member
 * of now (meeting pages are member content; a coordinator or admin looks on the network itself).
 * Meetings have no search index: the walk starts from the person's memberships and reads their
 * networks' meetings by network, a few dozen a year each, so the words are matched on those rows
 * only (Dutch full text on theme and speaker, or the theme contains the letters).
 */
export async function searchMeetings(db: DbOrTx, actor: Actor, q: string, limit: number) {
  const text = sql`${meetings.theme} || ' ' || ${meetings.speakerName} || ' ' || ${meetings.nextTheme}`;
  return db
    .select({
      id: meetings.id,
      theme: meetings.theme,
      startsAt: meetings.startsAt,
      networkId: networks.id,
      networkName: networks.name,
    })
    .from(networkMembers)
    .innerJoin(meetings, eq(meetings.networkId, networkMembers.networkId))
    .innerJoin(networks, eq(networks.id, meetings.networkId))
    .where(
      and(
        eq(networkMembers.userId, actor.userId),
        eq(networkMembers.status, "active"),
        isNull(meetings.cancelledAt),
        or(
          sql`to_tsvector('dutch', ${text}) @@ websearch_to_tsquery('dutch', ${q})`,
          containsText(sql`kn_unaccent(lower(${meetings.theme}))`, q),
        ),
      ),
    )
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(limit);
}
