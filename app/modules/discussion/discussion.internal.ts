import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { discussionTopics } from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import { scheduleJob } from "#app/platform/jobs.server.ts";

export async function findTopic(db: DbOrTx, networkId: string, topicId: string) {
  if (!isUuid(topicId)) notFound();
  const [topic] = await db
    .select()
    .from(discussionTopics)
    .where(and(eq(discussionTopics.id, topicId), eq(discussionTopics.networkId, networkId)));
  if (!topic) notFound();
  return topic;
}

export function notifyLater(tx: DbOrTx, kind: "topic" | "post", id: string) {
  return scheduleJob(tx, {
    kind: "discussion-notify",
    key: `discussion-notify:${kind}:${id}`,
    payload: { kind, id },
    runAt: new Date(),
  });
}
