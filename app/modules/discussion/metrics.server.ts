import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { discussionPosts, discussionTopics, networkMembers, users } from "#app/db/schema/index.ts";
import { instantToAmsterdam } from "#app/i18n/dates.ts";
import { type AuthorizedNetwork, requireNetworkRight } from "../networks/network-access.server.ts";
import { canManageNetwork } from "../networks/networks.policy.ts";
import { monthlyMetrics } from "./metrics.ts";

const monthOf = (instant: Date) => instantToAmsterdam(instant).day.slice(0, 7);

function lastMonths(count: number, now: Date) {
  const [year, month] = monthOf(now).split("-").map(Number);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year ?? 2026, (month ?? 1) - 1 - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return months;
}

/** Does the network live? Questions per month, answers, time to the first answer, quiet members. */
export async function discussionMetrics(
  db: DbOrTx,
  authorized: AuthorizedNetwork,
  now = new Date(),
  monthCount = 12,
) {
  requireNetworkRight(authorized, canManageNetwork, "not-found");
  const { network, id: networkId } = authorized;
  const months = lastMonths(monthCount, now);
  const from = new Date(`${months[0]}-01T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 1);
  const asked = and(
    eq(discussionTopics.networkId, networkId),
    eq(discussionTopics.kind, "question"),
    sql`${discussionTopics.createdAt} >= ${from}`,
  );
  const questions = await db
    .select({
      id: discussionTopics.id,
      authorId: discussionTopics.authorId,
      createdAt: discussionTopics.createdAt,
    })
    .from(discussionTopics)
    .where(asked);
  // The answers to those questions by a subquery, not a list of ids: a busy network's year of
  // questions would not fit in one statement's parameters.
  const answers = questions.length
    ? await db
        .select({
          topicId: discussionPosts.topicId,
          authorId: discussionPosts.authorId,
          createdAt: discussionPosts.createdAt,
        })
        .from(discussionPosts)
        .where(
          and(
            eq(discussionPosts.networkId, networkId),
            inArray(
              discussionPosts.topicId,
              db.select({ id: discussionTopics.id }).from(discussionTopics).where(asked),
            ),
          ),
        )
    : [];
  // Quiet: active members who neither asked nor answered in the last three months.
  const since = new Date(now.getTime() - 91 * 24 * 3600 * 1000);
  const quiet = await db
    .select({ userId: users.id, name: users.name })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        sql`not exists (select 1 from discussion_topics t where t.network_id = ${networkId} and t.author_id = ${users.id} and t.created_at >= ${since})`,
        sql`not exists (select 1 from discussion_posts p where p.network_id = ${networkId} and p.author_id = ${users.id} and p.created_at >= ${since})`,
      ),
    )
    .orderBy(asc(users.name));
  return {
    network,
    months: monthlyMetrics(
      questions.map((q) => ({ ...q, createdAt: new Date(q.createdAt) })),
      answers.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
      monthOf,
      months,
    ),
    quiet,
  };
}
