import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  discussionAttachments,
  discussionPosts,
  discussionReads,
  discussionSubscriptions,
  discussionTopics,
  meetings,
  networkMembers,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import { instantToAmsterdam } from "#app/i18n/dates.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { fileMeta, storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { isUuid } from "#app/platform/ids.ts";
import { scheduleJob } from "#app/platform/jobs.server.ts";
import { canManageNetwork, isNetworkGuide, isNetworkMember } from "../networks/networks.policy.ts";
import { loadNetworkAccess } from "../networks/network-access.server.ts";
import type { PostInput, SubscriptionMode, TopicInput } from "./discussion.schema.ts";
import { monthlyMetrics } from "./metrics.ts";

/** A network's discussion is for its active members only, closed or open. */
export async function loadDiscussion(db: DbOrTx, actor: MaybeActor, networkId: string) {
  const loaded = await loadNetworkAccess(db, actor, networkId);
  authorize(!!actor && isNetworkMember(loaded.access), "not-found");
  return loaded;
}

export async function isActiveMember(db: DbOrTx, networkId: string, userId: string) {
  const [row] = await db
    .select({ userId: networkMembers.userId })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.userId, userId),
        eq(networkMembers.status, "active"),
      ),
    )
    .limit(1);
  return !!row;
}

/** Topics of a network, newest activity first, with what is new for me since I last read them. */
export async function listTopics(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  filter: { q?: string; theme?: string } = {},
) {
  const { network, access } = await loadDiscussion(db, actor, networkId);
  const me = (actor as Actor).userId;
  const conditions = [eq(discussionTopics.networkId, networkId)];
  const q = filter.q?.trim();
  if (q) {
    conditions.push(sql`(
      to_tsvector('dutch', ${discussionTopics.title} || ' ' || ${discussionTopics.body}) @@ websearch_to_tsquery('dutch', ${q})
      or exists (select 1 from discussion_posts p where p.topic_id = ${discussionTopics.id}
        and to_tsvector('dutch', p.body) @@ websearch_to_tsquery('dutch', ${q})))`);
  }
  if (filter.theme) conditions.push(sql`${filter.theme} = any(${discussionTopics.themes})`);
  const topics = await db
    .select({
      id: discussionTopics.id,
      kind: discussionTopics.kind,
      title: discussionTopics.title,
      themes: discussionTopics.themes,
      authorName: users.name,
      createdAt: discussionTopics.createdAt,
      lastActivityAt: discussionTopics.lastActivityAt,
      seenAt: discussionReads.seenAt,
      answers: sql<number>`(select count(*)::int from discussion_posts p where p.topic_id = ${discussionTopics.id})`,
      newAnswers: sql<number>`(select count(*)::int from discussion_posts p where p.topic_id = ${discussionTopics.id}
        and p.author_id is distinct from ${me}
        and (${discussionReads.seenAt} is null or p.created_at > ${discussionReads.seenAt}))`,
      helped: sql<boolean>`exists (select 1 from discussion_posts p where p.topic_id = ${discussionTopics.id} and p.helpful)`,
    })
    .from(discussionTopics)
    .leftJoin(users, eq(users.id, discussionTopics.authorId))
    .leftJoin(
      discussionReads,
      and(eq(discussionReads.topicId, discussionTopics.id), eq(discussionReads.userId, me)),
    )
    .where(and(...conditions))
    .orderBy(desc(discussionTopics.lastActivityAt))
    .limit(200);
  return {
    network,
    isGuide: isNetworkGuide(access),
    canSeeMetrics: canManageNetwork(actor, access),
    topics: topics.map((topic) => ({
      ...topic,
      isNew: topic.seenAt === null || topic.newAnswers > 0,
    })),
  };
}

async function findTopic(db: DbOrTx, networkId: string, topicId: string) {
  if (!isUuid(topicId)) notFound();
  const [topic] = await db
    .select()
    .from(discussionTopics)
    .where(and(eq(discussionTopics.id, topicId), eq(discussionTopics.networkId, networkId)));
  if (!topic) notFound();
  return topic;
}

/**
 * One topic with its answers; reading it marks it read (what was new is returned as such).
 *
 * The read marker is the one write a GET makes, on purpose: it is the reader's own "new since your
 * last visit", after the member check, and touches nothing anyone else sees. It is kept harmless
 * and idempotent: it records the newest message actually shown (not the clock, so an answer saved
 * while the page was being built stays new), only ever moves forward, and a second view of an
 * unchanged topic writes nothing. A POST on page view would need JavaScript to say "I've read it".
 */
export async function getTopic(db: Db, actor: MaybeActor, networkId: string, topicId: string) {
  const { network, access } = await loadDiscussion(db, actor, networkId);
  const me = (actor as Actor).userId;
  const topic = await findTopic(db, networkId, topicId);
  const [author] = topic.authorId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, topic.authorId))
    : [];
  const posts = await db
    .select({
      id: discussionPosts.id,
      parentId: discussionPosts.parentId,
      authorId: discussionPosts.authorId,
      authorName: users.name,
      body: discussionPosts.body,
      via: discussionPosts.via,
      helpful: discussionPosts.helpful,
      createdAt: discussionPosts.createdAt,
    })
    .from(discussionPosts)
    .leftJoin(users, eq(users.id, discussionPosts.authorId))
    .where(eq(discussionPosts.topicId, topic.id))
    .orderBy(asc(discussionPosts.createdAt));
  const attachments = await db
    .select({
      postId: discussionAttachments.postId,
      fileId: storedFiles.id,
      name: storedFiles.name,
      size: storedFiles.size,
    })
    .from(discussionAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, discussionAttachments.fileId))
    .where(eq(discussionAttachments.topicId, topic.id));
  const [meeting] = topic.meetingId
    ? await db
        .select({ id: meetings.id, theme: meetings.theme, startsAt: meetings.startsAt })
        .from(meetings)
        .where(eq(meetings.id, topic.meetingId))
    : [];
  const [read] = await db
    .select({ seenAt: discussionReads.seenAt })
    .from(discussionReads)
    .where(and(eq(discussionReads.topicId, topic.id), eq(discussionReads.userId, me)));
  const lastSeen = read?.seenAt ?? null;
  const newest = Math.max(topic.createdAt.getTime(), ...posts.map((p) => p.createdAt.getTime()));
  if (!lastSeen || newest > lastSeen.getTime()) {
    // In SQL, at the database's own (microsecond) precision: a marker rounded to JavaScript's
    // milliseconds would leave the newest answer "new" for ever.
    const shownPosts = posts.length
      ? sql`(select max(${discussionPosts.createdAt}) from ${discussionPosts} where ${inArray(
          discussionPosts.id,
          posts.map((p) => p.id),
        )})`
      : sql`null`;
    const shownUntil = sql`greatest((select ${discussionTopics.createdAt} from ${discussionTopics}
      where ${eq(discussionTopics.id, topic.id)}), ${shownPosts})`;
    await db
      .insert(discussionReads)
      .values({ topicId: topic.id, userId: me, seenAt: shownUntil })
      .onConflictDoUpdate({
        target: [discussionReads.topicId, discussionReads.userId],
        set: { seenAt: sql`excluded.seen_at` },
        setWhere: sql`${discussionReads.seenAt} < excluded.seen_at`,
      });
  }
  return {
    network,
    topic: { ...topic, authorName: author?.name ?? null },
    meeting: meeting ?? null,
    posts: posts.map((post) => ({
      ...post,
      isNew: post.authorId !== me && (!lastSeen || post.createdAt > lastSeen),
    })),
    attachments,
    isAsker: topic.authorId === me,
    canDelete: topic.authorId === me || isNetworkGuide(access),
    me,
  };
}

export async function attachFiles(
  tx: DbOrTx,
  topicId: string,
  postId: string | null,
  files: File[],
  userId: string,
) {
  if (files.length > 5) throw new FieldError("files", "error.discussion.tooManyFiles");
  for (const file of files) {
    const stored = await storeUpload(tx, "files", file, userId);
    await tx.insert(discussionAttachments).values({ topicId, postId, fileId: stored.id });
  }
}

/** The network's meetings and themes a topic may be linked to. */
export async function topicOptions(db: DbOrTx, actor: MaybeActor, networkId: string) {
  const { network } = await loadDiscussion(db, actor, networkId);
  const list = await db
    .select({ id: meetings.id, theme: meetings.theme, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.networkId, networkId), isNull(meetings.cancelledAt)))
    .orderBy(asc(meetings.startsAt));
  return { network, themes: network.themes, meetings: list };
}

function notifyLater(tx: DbOrTx, kind: "topic" | "post", id: string) {
  return scheduleJob(tx, {
    kind: "discussion-notify",
    key: `discussion-notify:${kind}:${id}`,
    payload: { kind, id },
    runAt: new Date(),
  });
}

async function validateTopicLinks(
  tx: DbOrTx,
  networkId: string,
  themes: string[],
  input: TopicInput,
) {
  if (input.meetingId) {
    const [meeting] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.networkId, networkId)));
    if (!meeting) throw new FieldError("meetingId", "error.discussion.meeting");
  }
  if (input.themes.some((theme) => !themes.includes(theme)))
    throw new FieldError("themes", "error.discussion.theme");
}

/** A member asks the network; attachments and the topic are saved together or not at all. */
export async function createTopic(
  db: Db,
  actor: Actor,
  networkId: string,
  input: TopicInput,
  files: File[] = [],
) {
  return db.transaction(async (tx) => {
    const { network } = await loadDiscussion(tx, actor, networkId);
    await validateTopicLinks(tx, networkId, network.themes, input);
    const id = await insertTopic(tx, {
      networkId,
      authorId: actor.userId,
      ...input,
      via: "web",
    });
    await attachFiles(tx, id, null, files, actor.userId);
    return id;
  });
}

export async function insertTopic(
  tx: DbOrTx,
  topic: {
    networkId: string;
    authorId: string;
    kind: "question" | "topic";
    title: string;
    body: string;
    themes: string[];
    meetingId: string | null;
    via: "web" | "email";
  },
) {
  const [row] = await tx
    .insert(discussionTopics)
    .values(topic)
    .returning({ id: discussionTopics.id });
  if (!row) throw new Error("topic not saved");
  await tx
    .insert(discussionReads)
    .values({ topicId: row.id, userId: topic.authorId, seenAt: new Date() })
    .onConflictDoNothing();
  await notifyLater(tx, "topic", row.id);
  return row.id;
}

/** Saves an answer (from the web or a mail) and queues the notification. */
export async function insertPost(
  tx: DbOrTx,
  post: {
    topicId: string;
    networkId: string;
    authorId: string;
    parentId: string | null;
    body: string;
    via: "web" | "email";
  },
) {
  if (post.parentId) {
    const [parent] = await tx
      .select({ id: discussionPosts.id })
      .from(discussionPosts)
      .where(and(eq(discussionPosts.id, post.parentId), eq(discussionPosts.topicId, post.topicId)));
    if (!parent) throw new FieldError("parentId", "error.discussion.parent");
  }
  const [row] = await tx.insert(discussionPosts).values(post).returning({
    id: discussionPosts.id,
    createdAt: discussionPosts.createdAt,
  });
  if (!row) throw new Error("post not saved");
  await tx
    .update(discussionTopics)
    .set({ lastActivityAt: row.createdAt })
    .where(eq(discussionTopics.id, post.topicId));
  await tx
    .insert(discussionReads)
    .values({ topicId: post.topicId, userId: post.authorId, seenAt: row.createdAt })
    .onConflictDoUpdate({
      target: [discussionReads.topicId, discussionReads.userId],
      set: { seenAt: row.createdAt },
    });
  await notifyLater(tx, "post", row.id);
  return row.id;
}

export async function replyToTopic(
  db: Db,
  actor: Actor,
  networkId: string,
  topicId: string,
  input: PostInput,
  files: File[] = [],
) {
  return db.transaction(async (tx) => {
    await loadDiscussion(tx, actor, networkId);
    const topic = await findTopic(tx, networkId, topicId);
    const id = await insertPost(tx, {
      topicId: topic.id,
      networkId,
      authorId: actor.userId,
      parentId: input.parentId,
      body: input.body,
      via: "web",
    });
    await attachFiles(tx, topic.id, id, files, actor.userId);
    return id;
  });
}

/** The asker marks what helped (or takes it back). */
export async function markHelpful(
  db: Db,
  actor: Actor,
  networkId: string,
  topicId: string,
  postId: string,
  helpful: boolean,
) {
  await loadDiscussion(db, actor, networkId);
  const topic = await findTopic(db, networkId, topicId);
  authorize(topic.authorId === actor.userId);
  if (!isUuid(postId)) notFound();
  const updated = await db
    .update(discussionPosts)
    .set({ helpful })
    .where(and(eq(discussionPosts.id, postId), eq(discussionPosts.topicId, topic.id)))
    .returning({ id: discussionPosts.id });
  if (!updated.length) notFound();
}

/** The asker or a guide removes a topic with its answers and files; later mail replies bounce. */
export async function deleteTopic(db: Db, actor: Actor, networkId: string, topicId: string) {
  await db.transaction(async (tx) => {
    const { access } = await loadDiscussion(tx, actor, networkId);
    const topic = await findTopic(tx, networkId, topicId);
    authorize(topic.authorId === actor.userId || isNetworkGuide(access));
    const files = await tx
      .select({ fileId: discussionAttachments.fileId })
      .from(discussionAttachments)
      .where(eq(discussionAttachments.topicId, topic.id));
    await tx.delete(discussionTopics).where(eq(discussionTopics.id, topic.id));
    if (files.length)
      await tx.delete(storedFiles).where(
        inArray(
          storedFiles.id,
          files.map((f) => f.fileId),
        ),
      );
  });
}

/** A discussion attachment, for members of the network only. */
export async function discussionFile(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  fileId: string,
) {
  await loadDiscussion(db, actor, networkId);
  if (!isUuid(fileId)) notFound();
  const [row] = await db
    .select({ fileId: discussionAttachments.fileId })
    .from(discussionAttachments)
    .innerJoin(discussionTopics, eq(discussionTopics.id, discussionAttachments.topicId))
    .where(
      and(eq(discussionAttachments.fileId, fileId), eq(discussionTopics.networkId, networkId)),
    );
  if (!row || !(await fileMeta(db, fileId))) notFound();
  return fileId;
}

const newSecret = () => randomBytes(18).toString("base64url");

/** The member's e-mail settings for this network, created on first use. */
export async function ensureSubscription(db: DbOrTx, networkId: string, userId: string) {
  await db
    .insert(discussionSubscriptions)
    .values({
      networkId,
      userId,
      unsubscribeToken: newSecret(),
      replyKey: newSecret().slice(0, 12),
    })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(discussionSubscriptions)
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, userId),
      ),
    );
  if (!row) throw new Error("subscription missing");
  return row;
}

/**
 * How the member follows this network by mail, for the page: read only. No row means they never
 * chose, which is "each message" (the mail job reads it the same way); the row with its secrets is
 * made when a mail first needs them or the member saves a choice, never by viewing a page.
 */
export async function getMySubscription(db: DbOrTx, actor: MaybeActor, networkId: string) {
  await loadDiscussion(db, actor, networkId);
  const [row] = await db
    .select({ mode: discussionSubscriptions.mode })
    .from(discussionSubscriptions)
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, (actor as Actor).userId),
      ),
    );
  return { mode: row?.mode ?? ("each" as const) };
}

export async function setSubscription(
  db: Db,
  actor: Actor,
  networkId: string,
  mode: SubscriptionMode,
) {
  await loadDiscussion(db, actor, networkId);
  await ensureSubscription(db, networkId, actor.userId);
  await db
    .update(discussionSubscriptions)
    .set({ mode, digestedUntil: new Date() })
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, actor.userId),
      ),
    );
}

/** The unsubscribe link works without logging in; the token is the proof. */
export async function unsubscribeByToken(db: DbOrTx, token: string) {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) notFound();
  const [row] = await db
    .update(discussionSubscriptions)
    .set({ mode: "none" })
    .where(eq(discussionSubscriptions.unsubscribeToken, token))
    .returning({ networkId: discussionSubscriptions.networkId });
  if (!row) notFound();
  return row;
}

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
  actor: MaybeActor,
  networkId: string,
  now = new Date(),
  monthCount = 12,
) {
  const { network, access } = await loadNetworkAccess(db, actor, networkId);
  authorize(canManageNetwork(actor, access), "not-found");
  const months = lastMonths(monthCount, now);
  const from = new Date(`${months[0]}-01T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 1);
  const questions = await db
    .select({
      id: discussionTopics.id,
      authorId: discussionTopics.authorId,
      createdAt: discussionTopics.createdAt,
    })
    .from(discussionTopics)
    .where(
      and(
        eq(discussionTopics.networkId, networkId),
        eq(discussionTopics.kind, "question"),
        sql`${discussionTopics.createdAt} >= ${from}`,
      ),
    );
  const answers = questions.length
    ? await db
        .select({
          topicId: discussionPosts.topicId,
          authorId: discussionPosts.authorId,
          createdAt: discussionPosts.createdAt,
        })
        .from(discussionPosts)
        .where(
          inArray(
            discussionPosts.topicId,
            questions.map((q) => q.id),
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

/** The network's questions linked to a meeting, for its members (others get an empty list). */
export async function topicsForMeeting(
  db: DbOrTx,
  actor: MaybeActor,
  networkId: string,
  meetingId: string,
) {
  const { access } = await loadNetworkAccess(db, actor, networkId);
  if (!actor || !isNetworkMember(access) || !isUuid(meetingId)) return [];
  return db
    .select({ id: discussionTopics.id, title: discussionTopics.title })
    .from(discussionTopics)
    .where(
      and(eq(discussionTopics.networkId, networkId), eq(discussionTopics.meetingId, meetingId)),
    )
    .orderBy(asc(discussionTopics.createdAt));
}
