import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { discussionPosts, discussionReads, discussionTopics } from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { SignedInNetwork } from "../networks/network-access.server.ts";
import { findTopic, notifyLater } from "./discussion.internal.ts";
import type { PostInput } from "./discussion.schema.ts";
import { attachFiles, requireDiscussion } from "./discussion.server.ts";

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
