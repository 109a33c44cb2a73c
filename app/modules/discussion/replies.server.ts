import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  discussionPosts,
  discussionReads,
  discussionTopics,
  networkMembers,
} from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { SignedInNetwork } from "../networks/network-access.server.ts";
import type { NotificationKind } from "../notifications/kinds.ts";
import { notify } from "../notifications/notify.server.ts";
import { findTopic, notifyLater } from "./discussion.internal.ts";
import type { PostInput } from "./discussion.schema.ts";
import { attachFiles, pageOfPost, requireDiscussion } from "./discussion.server.ts";

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
  await notifyOfAnswer(tx, row.id);
  return row.id;
}

/**
 * Who hears of an answer in the app: the author of the post it replies to ("discussion-reply")
 * and the asker ("discussion-answer"), once each and never the writer themself. The mail job
 * asks the same, to leave out whoever chose to hear of it in the app only.
 */
export async function answerAudience(db: DbOrTx, postId: string) {
  const audience = new Map<string, NotificationKind>();
  const [post] = await db
    .select({
      authorId: discussionPosts.authorId,
      parentId: discussionPosts.parentId,
      networkId: discussionPosts.networkId,
      askerId: discussionTopics.authorId,
    })
    .from(discussionPosts)
    .innerJoin(discussionTopics, eq(discussionTopics.id, discussionPosts.topicId))
    .where(eq(discussionPosts.id, postId));
  if (!post) return audience;
  const [parent] = post.parentId
    ? await db
        .select({ authorId: discussionPosts.authorId })
        .from(discussionPosts)
        .where(eq(discussionPosts.id, post.parentId))
    : [];
  if (parent?.authorId && parent.authorId !== post.authorId) {
    audience.set(parent.authorId, "discussion-reply");
  }
  if (post.askerId && post.askerId !== post.authorId && !audience.has(post.askerId)) {
    audience.set(post.askerId, "discussion-answer");
  }
  if (audience.size === 0) return audience;
  // The discussion is its members': whoever left hears nothing more of it, open network or not.
  const members = await db
    .select({ userId: networkMembers.userId })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, post.networkId),
        inArray(networkMembers.userId, [...audience.keys()]),
        eq(networkMembers.status, "active"),
      ),
    );
  const stillIn = new Set(members.map((m) => m.userId));
  for (const userId of audience.keys()) if (!stillIn.has(userId)) audience.delete(userId);
  return audience;
}

async function notifyOfAnswer(tx: DbOrTx, postId: string) {
  const [post] = await tx
    .select({
      authorId: discussionPosts.authorId,
      topicId: discussionPosts.topicId,
      networkId: discussionPosts.networkId,
      title: discussionTopics.title,
    })
    .from(discussionPosts)
    .innerJoin(discussionTopics, eq(discussionTopics.id, discussionPosts.topicId))
    .where(eq(discussionPosts.id, postId));
  if (!post) return;
  const page = await pageOfPost(tx, post.topicId, postId);
  const link = `/netwerken/${post.networkId}/discussie/${post.topicId}${page > 1 ? `?pagina=${page}` : ""}#bericht-${postId}`;
  // No mail here: discussion mail goes by subscription (discussion-mail.server.ts).
  for (const [userId, kind] of await answerAudience(tx, postId)) {
    await notify(tx, {
      userId,
      kind,
      actorId: post.authorId,
      networkId: post.networkId,
      subject: post.title,
      link,
    });
  }
}

export async function replyToTopic(
  db: Db,
  authorized: SignedInNetwork,
  topicId: string,
  input: PostInput,
  files: File[] = [],
) {
  const { actor } = requireDiscussion(authorized);
  const networkId = authorized.id;
  return db.transaction(async (tx) => {
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
  authorized: SignedInNetwork,
  topicId: string,
  postId: string,
  helpful: boolean,
) {
  const { actor } = requireDiscussion(authorized);
  const topic = await findTopic(db, authorized.id, topicId);
  authorize(topic.authorId === actor.userId);
  if (!isUuid(postId)) notFound();
  const updated = await db
    .update(discussionPosts)
    .set({ helpful })
    .where(and(eq(discussionPosts.id, postId), eq(discussionPosts.topicId, topic.id)))
    .returning({ id: discussionPosts.id });
  if (!updated.length) notFound();
}
