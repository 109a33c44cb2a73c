import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#app/db/client.server.ts";
import {
  discussionPosts,
  discussionReads,
  discussionTopics,
  networkMembers,
} from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { actorFor, addNetworkMember, buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { question, setupDiscussionNetwork } from "./discussion.fixtures.ts";
import { createTopic, getTopic, listTopics } from "./discussion.server.ts";
import { replyToTopic } from "./replies.server.ts";
import { unreadTopicCounts } from "./unread.server.ts";

// "Nieuw" means unread by me: a message by someone else after my last read of the topic and
// after my joining the network. The topic list, the counts per network and the start page agree.

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A network whose members joined a month ago (the fixture's members join "now"). */
async function setup() {
  const s = await setupDiscussionNetwork(database.db);
  await s.db
    .update(networkMembers)
    .set({ joinedAt: sql`now() - interval '30 days'` })
    .where(eq(networkMembers.networkId, s.network.id));
  return s;
}

/** Moves a topic, its answers and its reads back in time, as if all that happened `days` ago. */
async function age(db: Db, topicId: string, days: number) {
  const back = sql`${days} * interval '1 day'`;
  await db
    .update(discussionTopics)
    .set({
      createdAt: sql`${discussionTopics.createdAt} - ${back}`,
      lastActivityAt: sql`${discussionTopics.lastActivityAt} - ${back}`,
    })
    .where(eq(discussionTopics.id, topicId));
  await db
    .update(discussionPosts)
    .set({ createdAt: sql`${discussionPosts.createdAt} - ${back}` })
    .where(eq(discussionPosts.topicId, topicId));
  await db
    .update(discussionReads)
    .set({ seenAt: sql`${discussionReads.seenAt} - ${back}` })
    .where(eq(discussionReads.topicId, topicId));
}

const ask = async (db: Db, who: Actor, networkId: string, title: string) =>
  createTopic(db, await authorizeNetwork(db, who, networkId), { ...question, title });

const reply = async (db: Db, who: Actor, networkId: string, topicId: string) =>
  replyToTopic(db, await authorizeNetwork(db, who, networkId), topicId, {
    body: "Wij doen het zo.",
    parentId: null,
  });

async function newTitles(db: Db, who: Actor, networkId: string) {
  const { topics } = await listTopics(db, await authorizeNetwork(db, who, networkId));
  return topics.filter((t) => t.isNew).map((t) => t.title);
}

describe("what is new to me in a discussion", () => {
  it("shows a new member none of the history as new, only what others write after they joined", async () => {
    const { db, network, asker, helper } = await setup();
    const old = await ask(db, asker, network.id, "Oude vraag");
    await reply(db, helper, network.id, old);
    await age(db, old, 10);
    const newcomer = await actorFor(db, await buildUser(db));
    await addNetworkMember(db, network.id, newcomer.userId);
    await db
      .update(networkMembers)
      .set({ joinedAt: sql`now() - interval '1 day'` })
      .where(
        and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, newcomer.userId)),
      );

    expect(await newTitles(db, newcomer, network.id)).toEqual([]);
    expect((await unreadTopicCounts(db, newcomer.userId, [network.id])).get(network.id)).toBe(0);
    // Those who were there go by their own reads: the helper answered it (and so read it), the
    // asker has not seen that answer yet.
    expect(await newTitles(db, helper, network.id)).toEqual([]);
    expect(await newTitles(db, asker, network.id)).toEqual(["Oude vraag"]);

    // An answer to the old topic after joining makes it new, with one new answer.
    await reply(db, helper, network.id, old);
    await ask(db, asker, network.id, "Nieuwe vraag");
    const { topics } = await listTopics(db, await authorizeNetwork(db, newcomer, network.id));
    expect(topics.map((t) => [t.title, t.isNew, t.newAnswers.count, t.answers.count])).toEqual([
      ["Nieuwe vraag", true, 0, 0],
      ["Oude vraag", true, 1, 2],
    ]);
    expect((await unreadTopicCounts(db, newcomer.userId, [network.id])).get(network.id)).toBe(2);
  });

  it("makes a topic new again by someone else's answer after my read, not by my own", async () => {
    const { db, network, asker, helper } = await setup();
    const topicId = await ask(db, asker, network.id, "Verzuimprotocol");
    // My own question, unanswered, is not new to me; to the others it is.
    expect(await newTitles(db, asker, network.id)).toEqual([]);
    expect(await newTitles(db, helper, network.id)).toEqual(["Verzuimprotocol"]);

    await getTopic(db, await authorizeNetwork(db, helper, network.id), topicId);
    expect(await newTitles(db, helper, network.id)).toEqual([]);
    await reply(db, helper, network.id, topicId);
    expect(await newTitles(db, helper, network.id)).toEqual([]);
    expect(await newTitles(db, asker, network.id)).toEqual(["Verzuimprotocol"]);

    await reply(db, asker, network.id, topicId);
    expect(await newTitles(db, helper, network.id)).toEqual(["Verzuimprotocol"]);
    expect((await unreadTopicCounts(db, helper.userId, [network.id])).get(network.id)).toBe(1);
    await getTopic(db, await authorizeNetwork(db, helper, network.id), topicId);
    expect(await newTitles(db, helper, network.id)).toEqual([]);
    expect((await unreadTopicCounts(db, helper.userId, [network.id])).get(network.id)).toBe(0);
  });

  it("counts unread topics per network in one go, as the topic lists show them", async () => {
    const first = await setup();
    const { db, asker, helper } = first;
    const second = await setup();
    // The same people in a second network (they joined it a month ago too).
    for (const who of [asker, helper])
      await db.insert(networkMembers).values({
        networkId: second.network.id,
        userId: who.userId,
        role: "deelnemer",
        status: "active",
        joinedAt: sql`now() - interval '30 days'`,
      });
    for (const title of ["Een", "Twee", "Drie"]) await ask(db, asker, first.network.id, title);
    const read = await ask(db, asker, second.network.id, "Gelezen");
    await ask(db, asker, second.network.id, "Ongelezen");
    await getTopic(db, await authorizeNetwork(db, helper, second.network.id), read);
    // A network where I am no member counts nothing, whatever happens there.
    const elsewhere = await setup();
    await ask(db, elsewhere.asker, elsewhere.network.id, "Elders");

    const ids = [first.network.id, second.network.id, elsewhere.network.id];
    const counts = await unreadTopicCounts(db, helper.userId, ids);
    expect(ids.map((id) => counts.get(id))).toEqual([3, 1, 0]);
    for (const id of [first.network.id, second.network.id])
      expect((await newTitles(db, helper, id)).length).toBe(counts.get(id));
    expect((await unreadTopicCounts(db, asker.userId, ids)).get(first.network.id)).toBe(0);
    expect(await unreadTopicCounts(db, helper.userId, [])).toEqual(new Map());
  });
});
