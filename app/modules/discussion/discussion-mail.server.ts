import { and, eq, gt, lte, sql } from "drizzle-orm";
import { env, publicBaseUrl } from "#app/core/env.server.ts";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  discussionPosts,
  discussionSubscriptions,
  discussionTopics,
  networkMembers,
  networks,
  users,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant, instantToAmsterdam } from "#app/i18n/dates.ts";
import { parseLocale, translate } from "#app/i18n/messages.ts";
import type { JobHandler } from "#app/platform/jobs.server.ts";
import { messageId, sendTemplatedMail, topicMessageId } from "#app/platform/mailer.server.ts";
import { channelsFor } from "../notifications/notify.server.ts";
import { isActiveMember } from "./discussion.server.ts";
import { answerAudience } from "./replies.server.ts";
import { replyMarker } from "./reply-parsing.ts";
import { ensureSubscription } from "./subscriptions.server.ts";

/** A member's personal reply address for one topic: the key shows the reply is theirs. */
export function replyAddress(topicId: string, replyKey: string) {
  return `t-${topicId}-${replyKey}@${env().INBOUND_MAIL_DOMAIN}`;
}

/** The address that starts a new topic in a network. */
export function networkAddress(networkId: string) {
  return `netwerk-${networkId}@${env().INBOUND_MAIL_DOMAIN}`;
}

interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: string;
  mode: string | null;
}

/** Active members of the network with how they follow it (null: never chose, so each message). */
async function membersWithModes(db: DbOrTx, networkId: string): Promise<Recipient[]> {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      mode: discussionSubscriptions.mode,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .leftJoin(
      discussionSubscriptions,
      and(
        eq(discussionSubscriptions.networkId, networkMembers.networkId),
        eq(discussionSubscriptions.userId, networkMembers.userId),
      ),
    )
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")));
}

/** The asker or answered author who chose the bell only for this answer: their bell has it already. */
async function appOnlyAudience(db: DbOrTx, postId: string) {
  const appOnly = new Set<string>();
  for (const [userId, kind] of await answerAudience(db, postId)) {
    if ((await channelsFor(db, [userId], kind)).get(userId) === "app") appOnly.add(userId);
  }
  return appOnly;
}

/** "each message": one mail per new topic or answer, with a personal reply address. */
const notify: JobHandler = async (db, payload) => {
  const kind = payload.kind === "topic" ? "topic" : "post";
  const id = String(payload.id ?? "");
  const [item] =
    kind === "topic"
      ? await db
          .select({
            topicId: discussionTopics.id,
            authorId: discussionTopics.authorId,
            body: discussionTopics.body,
          })
          .from(discussionTopics)
          .where(eq(discussionTopics.id, id))
      : await db
          .select({
            topicId: discussionPosts.topicId,
            authorId: discussionPosts.authorId,
            body: discussionPosts.body,
          })
          .from(discussionPosts)
          .where(eq(discussionPosts.id, id));
  if (!item) return; // deleted before the mail went out
  const [topic] = await db
    .select({
      id: discussionTopics.id,
      title: discussionTopics.title,
      networkId: discussionTopics.networkId,
      networkName: networks.name,
    })
    .from(discussionTopics)
    .innerJoin(networks, eq(networks.id, discussionTopics.networkId))
    .where(eq(discussionTopics.id, item.topicId));
  if (!topic) return;
  const [author] = item.authorId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, item.authorId))
    : [];
  const link = `${publicBaseUrl()}/netwerken/${topic.networkId}/discussie/${topic.id}`;
  const appOnly = kind === "post" ? await appOnlyAudience(db, id) : new Set<string>();
  for (const member of await membersWithModes(db, topic.networkId)) {
    if (member.userId === item.authorId || (member.mode && member.mode !== "each")) continue;
    if (appOnly.has(member.userId)) continue;
    const subscription = await ensureSubscription(db, topic.networkId, member.userId);
    // Every mail of a topic points at the topic's own Message-ID, so mail clients show one thread.
    const root = topicMessageId(topic.id);
    await sendTemplatedMail(
      db,
      member,
      "mail.discussion",
      {
        marker: replyMarker,
        name: member.name,
        author: author?.name ?? "?",
        network: topic.networkName,
        title: topic.title,
        reply: kind === "post" ? "yes" : "no",
        body: item.body,
        link,
      },
      {
        replyTo: replyAddress(topic.id, subscription.replyKey),
        discussion: {
          networkId: topic.networkId,
          networkName: topic.networkName,
          ...(kind === "post"
            ? { messageId: messageId(`post-${id}`), inReplyTo: root }
            : { messageId: root }),
        },
      },
    );
  }
};

/** The next 07:00 in Amsterdam after `now` (for weekly: on a Monday). */
export function nextDigestRun(mode: "daily" | "weekly", now: Date) {
  let { day } = instantToAmsterdam(now);
  for (let i = 0; i < 9; i++) {
    const run = amsterdamToInstant(day, "07:00");
    const isMonday = new Date(`${day}T12:00:00Z`).getUTCDay() === 1;
    if (run > now && (mode === "daily" || isMonday)) return run;
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  throw new Error("no digest time found");
}

/**
 * Plans the next digest of every member who asked for one, as durable jobs keyed by member,
 * network and time (one statement per mode, so planning stays cheap with many members).
 */
export async function planDigests(db: DbOrTx, now = new Date()) {
  for (const mode of ["daily", "weekly"] as const) {
    const runAt = nextDigestRun(mode, now);
    const stamp = runAt.toISOString();
    await db.execute(sql`
      insert into jobs (kind, key, payload, run_at, status)
      select 'discussion-digest',
        'discussion-digest:' || s.user_id || ':' || s.network_id || ':' || ${stamp}::text,
        jsonb_build_object('userId', s.user_id, 'networkId', s.network_id, 'mode', ${mode}::text, 'until', ${stamp}::text),
        ${stamp}::timestamptz, 'pending'
      from discussion_subscriptions s
      join network_members m on m.network_id = s.network_id and m.user_id = s.user_id and m.status = 'active'
      where s.mode = ${mode}::text
      on conflict (key) do nothing`);
  }
}

/** What a digest holds: per topic, the new topic and answers by others in (since, until]. */
async function digestContent(
  db: DbOrTx,
  networkId: string,
  userId: string,
  since: Date,
  until: Date,
) {
  const newTopics = await db
    .select({ id: discussionTopics.id, title: discussionTopics.title })
    .from(discussionTopics)
    .where(
      and(
        eq(discussionTopics.networkId, networkId),
        gt(discussionTopics.createdAt, since),
        lte(discussionTopics.createdAt, until),
        sql`${discussionTopics.authorId} is distinct from ${userId}`,
      ),
    );
  const answers = await db
    .select({
      topicId: discussionPosts.topicId,
      title: discussionTopics.title,
      body: discussionPosts.body,
      authorName: users.name,
    })
    .from(discussionPosts)
    .innerJoin(discussionTopics, eq(discussionTopics.id, discussionPosts.topicId))
    .leftJoin(users, eq(users.id, discussionPosts.authorId))
    .where(
      and(
        eq(discussionPosts.networkId, networkId),
        gt(discussionPosts.createdAt, since),
        lte(discussionPosts.createdAt, until),
        sql`${discussionPosts.authorId} is distinct from ${userId}`,
      ),
    )
    .orderBy(discussionPosts.createdAt);
  const topics = new Map<
    string,
    { id: string; title: string; isNew: boolean; answers: string[] }
  >();
  for (const topic of newTopics) topics.set(topic.id, { ...topic, isNew: true, answers: [] });
  for (const answer of answers) {
    const entry = topics.get(answer.topicId) ?? {
      id: answer.topicId,
      title: answer.title,
      isNew: false,
      answers: [],
    };
    const firstLine = answer.body.split("\n")[0]?.slice(0, 160) ?? "";
    entry.answers.push(`${answer.authorName ?? "?"}: ${firstLine}`);
    topics.set(answer.topicId, entry);
  }
  return [...topics.values()];
}

const digest: JobHandler = async (db, payload) => {
  const networkId = String(payload.networkId);
  const userId = String(payload.userId);
  const until = new Date(String(payload.until));
  const [subscription] = await db
    .select()
    .from(discussionSubscriptions)
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, userId),
      ),
    );
  // Changed their mind since the job was planned: the new choice decides.
  if (!subscription || subscription.mode !== payload.mode) return;
  if (!(await isActiveMember(db, networkId, userId))) return;
  const period = subscription.mode === "weekly" ? 7 : 1;
  const since = subscription.digestedUntil ?? new Date(until.getTime() - period * 24 * 3600 * 1000);
  if (since >= until) return;
  const topics = await digestContent(db, networkId, userId, since, until);
  if (topics.length) {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    const [network] = await db
      .select({ name: networks.name })
      .from(networks)
      .where(eq(networks.id, networkId));
    if (!user || !network) return;
    const locale = parseLocale(user.locale);
    const base = `${publicBaseUrl()}/netwerken/${networkId}/discussie`;
    // The overview is formatted text (rendered in the HTML part, plain in the text part); each
    // answer is its first line, as the people who wrote it formatted it.
    const topicsText = topics
      .map((topic) =>
        [
          `**${topic.isNew ? `${translate(locale, "mail.digest.newTopic")} ` : ""}${topic.title}**`,
          ...topic.answers.map((a) => `– ${a}`),
          `${base}/${topic.id}`,
        ].join("\n"),
      )
      .join("\n\n");
    await sendTemplatedMail(
      db,
      user,
      "mail.digest",
      {
        name: user.name,
        network: network.name,
        mode: subscription.mode === "weekly" ? "weekly" : "daily",
        topics: topicsText,
        link: base,
      },
      {
        discussion: {
          networkId,
          networkName: network.name,
          messageId: messageId(`digest-${networkId}-${userId}-${until.getTime()}`),
        },
      },
    );
  }
  await db
    .update(discussionSubscriptions)
    .set({ digestedUntil: until })
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, userId),
      ),
    );
};

export const discussionJobHandlers = { "discussion-notify": notify, "discussion-digest": digest };
