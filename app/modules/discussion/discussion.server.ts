import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  discussionAttachments,
  discussionPosts,
  discussionReads,
  discussionTopics,
  meetings,
  networkMembers,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { fileMeta, storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { cappedCount } from "#app/platform/paging.server.ts";
import { cappedTotal, countCap, type Page, pageOf, pagerOf } from "#app/platform/paging.ts";
import { shownAvatarFileId } from "../accounts/avatar.server.ts";
import {
  type AuthorizedNetwork,
  requireNetworkMember,
  type SignedInNetwork,
} from "../networks/network-access.server.ts";
import { canManageNetwork, isNetworkGuide, isNetworkMember } from "../networks/networks.policy.ts";
import { findTopic, notifyLater } from "./discussion.internal.ts";
import type { TopicInput } from "./discussion.schema.ts";
import type { TopicSort } from "./topic-sort.ts";
import { newAnswersWhere, readSince, unreadWhere } from "./unread.server.ts";

/** A network's discussion is for its active members only, closed or open (others: 404). */
export function requireDiscussion(network: SignedInNetwork) {
  requireNetworkMember(network);
  return { network: network.network, access: network.access, actor: network.actor };
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

/** A page of topics; the page shows 20, and what was found stays within reach of "Volgende". */
export const topicsPerPage = 20;

/** Answers per page of a topic: a long thread is read in parts, oldest first. */
export const postsPerPage = 100;

/** count(*) of a topic's answers, stopped at the cap like every count that grows. */
const cappedPosts = (where: SQL) =>
  sql<number>`(select count(*)::int from (select 1 from discussion_posts p where ${where} limit ${countCap + 1}) capped)`;

/**
 * Topics of a network, a page at a time: by last activity (the default), by when they were asked,
 * or only those nobody but the asker answered yet (newest first). Each with its number of answers
 * and whether it is unread by me (see unread.server.ts). A search asks the stored Dutch search
 * vectors of topics and of answers through their GIN indexes (a union of the two, not an EXISTS
 * per topic), so no text is stemmed per row.
 */
export async function listTopics(
  db: DbOrTx,
  authorized: SignedInNetwork,
  filter: { q?: string; theme?: string; sort?: TopicSort } = {},
  page: Page = { page: 1, perPage: topicsPerPage, offset: 0 },
) {
  const { network, access, actor } = requireDiscussion(authorized);
  const networkId = authorized.id;
  const me = actor.userId;
  const sort = filter.sort ?? "actief";
  const conditions = [eq(discussionTopics.networkId, networkId)];
  const q = filter.q?.trim();
  if (q) {
    const query = sql`websearch_to_tsquery('dutch', ${q})`;
    conditions.push(
      inArray(
        discussionTopics.id,
        sql`(select t.id from discussion_topics t where t.network_id = ${networkId} and t.search_vector @@ ${query}
          union select p.topic_id from discussion_posts p where p.network_id = ${networkId} and p.search_vector @@ ${query})`,
      ),
    );
  }
  if (filter.theme) conditions.push(sql`${filter.theme} = any(${discussionTopics.themes})`);
  if (sort === "onbeantwoord")
    conditions.push(
      sql`not exists (select 1 from discussion_posts p where p.topic_id = ${discussionTopics.id}
        and p.author_id is distinct from ${discussionTopics.authorId})`,
    );
  const where = and(...conditions);
  // Evaluated once per query (it refers to no topic): my joining, the start of what can be new.
  const joined = sql`(select m.joined_at from network_members m
    where m.network_id = ${networkId} and m.user_id = ${me} and m.status = 'active' limit 1)`;
  const since = readSince(discussionReads.seenAt, joined);
  const order =
    sort === "actief"
      ? [desc(discussionTopics.lastActivityAt), desc(discussionTopics.id)]
      : [desc(discussionTopics.createdAt), desc(discussionTopics.id)];
  const [rows, total] = await Promise.all([
    db
      .select({
        id: discussionTopics.id,
        kind: discussionTopics.kind,
        title: discussionTopics.title,
        themes: discussionTopics.themes,
        authorId: discussionTopics.authorId,
        authorName: users.name,
        authorAvatarFileId: shownAvatarFileId,
        createdAt: discussionTopics.createdAt,
        lastActivityAt: discussionTopics.lastActivityAt,
        isNew: sql<boolean>`${unreadWhere(me, since)}`,
        // The question itself is new to me (not only answers to it): the tag says "nieuw".
        newTopic: sql<boolean>`(${discussionTopics.authorId} is distinct from ${me} and ${discussionTopics.createdAt} > ${since})`,
        answers: cappedPosts(sql`p.topic_id = ${discussionTopics.id}`),
        newAnswers: cappedPosts(newAnswersWhere(discussionTopics.id, me, since)),
        helped: sql<boolean>`exists (select 1 from discussion_posts p where p.topic_id = ${discussionTopics.id} and p.helpful)`,
      })
      .from(discussionTopics)
      .leftJoin(users, eq(users.id, discussionTopics.authorId))
      .leftJoin(
        discussionReads,
        and(eq(discussionReads.topicId, discussionTopics.id), eq(discussionReads.userId, me)),
      )
      .where(where)
      .orderBy(...order)
      .limit(page.perPage + 1)
      .offset(page.offset),
    cappedCount(
      db,
      db.select({ id: discussionTopics.id }).from(discussionTopics).where(where).$dynamic(),
    ),
  ]);
  const { rows: shown, hasNext } = pageOf(rows, page);
  return {
    network,
    sort,
    isGuide: isNetworkGuide(access),
    canSeeMetrics: canManageNetwork(actor, access),
    topics: shown.map((topic) => ({
      ...topic,
      answers: cappedTotal(topic.answers),
      newAnswers: cappedTotal(topic.newAnswers),
    })),
    total,
    pager: pagerOf(page, total, hasNext),
  };
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
export async function getTopic(
  db: Db,
  authorized: SignedInNetwork,
  topicId: string,
  page: Page = { page: 1, perPage: postsPerPage, offset: 0 },
) {
  const { network, access, actor } = requireDiscussion(authorized);
  const networkId = authorized.id;
  const me = actor.userId;
  const topic = await findTopic(db, networkId, topicId);
  const [author] = topic.authorId
    ? await db
        .select({ name: users.name, avatarFileId: shownAvatarFileId })
        .from(users)
        .where(eq(users.id, topic.authorId))
    : [];
  const rows = await db
    .select({
      id: discussionPosts.id,
      parentId: discussionPosts.parentId,
      authorId: discussionPosts.authorId,
      authorName: users.name,
      authorAvatarFileId: shownAvatarFileId,
      body: discussionPosts.body,
      via: discussionPosts.via,
      helpful: discussionPosts.helpful,
      createdAt: discussionPosts.createdAt,
    })
    .from(discussionPosts)
    .leftJoin(users, eq(users.id, discussionPosts.authorId))
    .where(eq(discussionPosts.topicId, topic.id))
    .orderBy(asc(discussionPosts.createdAt), asc(discussionPosts.id))
    .limit(page.perPage + 1)
    .offset(page.offset);
  const { rows: posts, hasNext } = pageOf(rows, page);
  const total = await cappedCount(
    db,
    db
      .select({ id: discussionPosts.id })
      .from(discussionPosts)
      .where(eq(discussionPosts.topicId, topic.id))
      .$dynamic(),
  );
  const attachments = await db
    .select({
      postId: discussionAttachments.postId,
      fileId: storedFiles.id,
      name: storedFiles.name,
      size: storedFiles.size,
    })
    .from(discussionAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, discussionAttachments.fileId))
    .where(
      and(
        eq(discussionAttachments.topicId, topic.id),
        posts.length
          ? or(
              isNull(discussionAttachments.postId),
              inArray(
                discussionAttachments.postId,
                posts.map((p) => p.id),
              ),
            )
          : isNull(discussionAttachments.postId),
      ),
    );
  const [meeting] = topic.meetingId
    ? await db
        .select({ id: meetings.id, theme: meetings.theme, startsAt: meetings.startsAt })
        .from(meetings)
        .where(eq(meetings.id, topic.meetingId))
    : [];
  const [mark] = await db
    .select({ seenAt: discussionReads.seenAt, joinedAt: networkMembers.joinedAt })
    .from(networkMembers)
    .leftJoin(
      discussionReads,
      and(eq(discussionReads.topicId, topic.id), eq(discussionReads.userId, me)),
    )
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.userId, me),
        eq(networkMembers.status, "active"),
      ),
    )
    .limit(1);
  const lastSeen = mark?.seenAt ?? null;
  // What was written before I joined is history, not news (the rule of unread.server.ts).
  const newAfter = Math.max(lastSeen?.getTime() ?? 0, mark?.joinedAt?.getTime() ?? 0);
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
    topic: {
      ...topic,
      authorName: author?.name ?? null,
      authorAvatarFileId: author?.avatarFileId ?? null,
    },
    meeting: meeting ?? null,
    posts: posts.map((post) => ({
      ...post,
      isNew: post.authorId !== me && post.createdAt.getTime() > newAfter,
    })),
    attachments,
    answerCount: total,
    pager: pagerOf(page, total, hasNext),
    isAsker: topic.authorId === me,
    canDelete: topic.authorId === me || isNetworkGuide(access),
    me,
  };
}

/** The page of a topic an answer is on, so "sent" lands where the new answer shows. */
export async function pageOfPost(db: DbOrTx, topicId: string, postId: string) {
  const [row] = await db
    .select({ before: sql<number>`count(*)::int` })
    .from(discussionPosts)
    .where(
      and(
        eq(discussionPosts.topicId, topicId),
        sql`(${discussionPosts.createdAt}, ${discussionPosts.id}) < (select p.created_at, p.id from discussion_posts p where p.id = ${postId})`,
      ),
    );
  return Math.floor((row?.before ?? 0) / postsPerPage) + 1;
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
export async function topicOptions(db: DbOrTx, authorized: SignedInNetwork) {
  const { network } = requireDiscussion(authorized);
  const networkId = authorized.id;
  const list = await db
    .select({ id: meetings.id, theme: meetings.theme, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.networkId, networkId), isNull(meetings.cancelledAt)))
    .orderBy(asc(meetings.startsAt));
  return { network, themes: network.themes, meetings: list };
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
  authorized: SignedInNetwork,
  input: TopicInput,
  files: File[] = [],
) {
  const { network, actor } = requireDiscussion(authorized);
  const networkId = authorized.id;
  return db.transaction(async (tx) => {
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

/** The asker or a guide removes a topic with its answers and files; later mail replies bounce. */
export async function deleteTopic(db: Db, authorized: SignedInNetwork, topicId: string) {
  const { access, actor } = requireDiscussion(authorized);
  await db.transaction(async (tx) => {
    const topic = await findTopic(tx, authorized.id, topicId);
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
export async function discussionFile(db: DbOrTx, authorized: SignedInNetwork, fileId: string) {
  requireDiscussion(authorized);
  const networkId = authorized.id;
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

/** The network's questions linked to a meeting, for its members (others get an empty list). */
export async function topicsForMeeting(
  db: DbOrTx,
  authorized: AuthorizedNetwork,
  meetingId: string,
) {
  const { actor, access, id: networkId } = authorized;
  if (!actor || !isNetworkMember(access) || !isUuid(meetingId)) return [];
  return db
    .select({ id: discussionTopics.id, title: discussionTopics.title })
    .from(discussionTopics)
    .where(
      and(eq(discussionTopics.networkId, networkId), eq(discussionTopics.meetingId, meetingId)),
    )
    .orderBy(asc(discussionTopics.createdAt));
}
