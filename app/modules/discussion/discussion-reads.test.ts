import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  discussionPosts,
  discussionReads,
  discussionSubscriptions,
  discussionTopics,
  networkMembers,
} from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { createTopic, getTopic, listTopics } from "./discussion.server.ts";
import { replyToTopic } from "./replies.server.ts";
import { getMySubscription, setSubscription } from "./subscriptions.server.ts";

// What viewing the discussion pages (GET) may and may not write.

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function setup() {
  const { db } = database;
  const network = await buildNetwork(db, { openness: "closed" });
  const [asker, reader] = await Promise.all([buildUser(db), buildUser(db)]);
  await addNetworkMember(db, network.id, asker.id);
  await addNetworkMember(db, network.id, reader.id);
  // Members since yesterday: what the test writes "minutes ago" is after their joining.
  await db
    .update(networkMembers)
    .set({ joinedAt: sql`now() - interval '1 day'` })
    .where(eq(networkMembers.networkId, network.id));
  return {
    db,
    network,
    asker: await actorFor(db, asker),
    reader: await actorFor(db, reader),
  };
}

const topic = {
  kind: "question" as const,
  title: "Wie heeft een goed verzuimprotocol?",
  body: "We herschrijven ons protocol.",
  themes: [],
  meetingId: null,
};

describe("viewing the discussion", () => {
  it("shows the mail preference without creating a subscription; no choice means each message", async () => {
    const { db, network, reader } = await setup();
    expect(await getMySubscription(db, await authorizeNetwork(db, reader, network.id))).toEqual({
      mode: "each",
    });
    const rows = () =>
      db
        .select({ mode: discussionSubscriptions.mode })
        .from(discussionSubscriptions)
        .where(eq(discussionSubscriptions.userId, reader.userId));
    expect(await rows()).toEqual([]);
    await setSubscription(db, await authorizeNetwork(db, reader, network.id), "weekly");
    expect(await getMySubscription(db, await authorizeNetwork(db, reader, network.id))).toEqual({
      mode: "weekly",
    });
    expect(await rows()).toEqual([{ mode: "weekly" }]);
  });

  it("marks read what was shown, so an answer saved meanwhile stays new", async () => {
    const { db, network, asker, reader } = await setup();
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), topic);
    await db
      .update(discussionTopics)
      .set({ createdAt: sql`now() - interval '10 minutes'` })
      .where(eq(discussionTopics.id, topicId));
    await getTopic(db, await authorizeNetwork(db, reader, network.id), topicId);
    // An answer whose transaction began before the page was read but committed after it.
    await db.insert(discussionPosts).values({
      topicId,
      networkId: network.id,
      authorId: asker.userId,
      body: "Ons protocol staat op de website.",
      createdAt: sql`now() - interval '5 minutes'`,
    });
    const listed = async () =>
      (await listTopics(db, await authorizeNetwork(db, reader, network.id))).topics.find(
        (t) => t.id === topicId,
      );
    expect(await listed()).toMatchObject({ isNew: true, newAnswers: { count: 1, more: false } });
    const view = await getTopic(db, await authorizeNetwork(db, reader, network.id), topicId);
    expect(view.posts.map((p) => p.isNew)).toEqual([true]);
    expect(await listed()).toMatchObject({ isNew: false, newAnswers: { count: 0, more: false } });

    // Viewing an unchanged topic again writes nothing, and a later answer is new again.
    const seen = () =>
      db
        .select({ seenAt: sql<string>`${discussionReads.seenAt}::text` })
        .from(discussionReads)
        .where(
          and(eq(discussionReads.topicId, topicId), eq(discussionReads.userId, reader.userId)),
        );
    const before = await seen();
    expect(
      (await getTopic(db, await authorizeNetwork(db, reader, network.id), topicId)).posts[0]?.isNew,
    ).toBe(false);
    expect(await seen()).toEqual(before);
    await replyToTopic(db, await authorizeNetwork(db, asker, network.id), topicId, {
      body: "En een tweede.",
      parentId: null,
    });
    expect(await listed()).toMatchObject({ isNew: true, newAnswers: { count: 1, more: false } });
  });
});
