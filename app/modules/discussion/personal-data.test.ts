import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  discussionPosts,
  discussionSubscriptions,
  discussionTopics,
  inboundMails,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { eraseAccount } from "../privacy/erasure.server.ts";
import { question, setupDiscussionNetwork } from "./discussion.fixtures.ts";
import { createTopic, getTopic, listTopics } from "./discussion.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";
import { replyToTopic } from "./replies.server.ts";
import { ensureSubscription } from "./subscriptions.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

/** The whole erasure, every module's rule and the tombstone, as the account page runs it. */
function erase(userId: string) {
  return eraseAccount(database.db, userId, { reason: "self" });
}

const pdf = (name: string) =>
  new File([Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")], name);

describe("discussion: a member's posts after erasure", () => {
  it("keeps what others answered as 'Oud-lid', deletes the rest, and search no longer finds their name", async () => {
    const { db } = database;
    const { network, asker, helper } = await setupDiscussionNetwork(db);
    await db
      .update(users)
      .set({ name: "Jozefien Verhaegen", email: "j.verhaegen@vathorst.test" })
      .where(eq(users.id, asker.userId));
    const asAsker = await authorizeNetwork(db, asker, network.id);
    const asHelper = await authorizeNetwork(db, helper, network.id);
    await ensureSubscription(db, network.id, asker.userId);

    // A question others answered, signed with her name and carrying her file.
    const answered = await createTopic(
      db,
      asAsker,
      { ...question, body: "Wie deelt zijn protocol?\n\nGroet, Jozefien Verhaegen" },
      [pdf("ons-protocol.pdf")],
    );
    const helperAnswer = await replyToTopic(db, asHelper, answered, {
      parentId: null,
      body: "Wij gebruiken dat van de GGD.",
    });
    // Her follow-up that the helper answered again stays; her thanks nobody answered goes.
    const followUp = await replyToTopic(db, asAsker, answered, {
      parentId: helperAnswer,
      body: "Mag ik het hebben? Mail j.verhaegen@vathorst.test",
    });
    await replyToTopic(db, asHelper, answered, { parentId: followUp, body: "Is verstuurd." });
    await replyToTopic(db, asAsker, answered, { parentId: null, body: "Dank, Jozefien" });
    // A topic only she wrote in goes altogether.
    const alone = await createTopic(db, asAsker, {
      ...question,
      title: "Verhaegen zoekt een roostermaker",
      body: "Iemand?",
    });
    await replyToTopic(db, asAsker, alone, { parentId: null, body: "Nog steeds op zoek." });
    // The helper's own topic, with an answer from her nobody replied to.
    const helpers = await createTopic(db, asHelper, {
      ...question,
      title: "Ervaringen met de vierdaagse schoolweek?",
      body: "Wij overwegen het.",
    });
    await replyToTopic(db, asAsker, helpers, { parentId: null, body: "Wij niet, Jozefien" });
    await db.insert(inboundMails).values({
      sender: "J.Verhaegen@vathorst.test",
      recipient: "netwerk@knooppunt.test",
      outcome: "accepted",
    });

    const { data, files } = await personalDataProvider.export(db, asker.userId);
    const exported = JSON.stringify(data);
    expect(exported).toContain("Groet, Jozefien Verhaegen");
    expect(exported).toContain("Verhaegen zoekt een roostermaker");
    expect(exported).toContain("Wij niet, Jozefien");
    expect(exported).not.toContain("Wij gebruiken dat van de GGD.");
    expect(files?.map((f) => f.name)).toEqual(["ons-protocol.pdf"]);

    await erase(asker.userId);

    for (const q of ["Verhaegen", "Jozefien", "j.verhaegen@vathorst.test"]) {
      const found = await listTopics(db, asHelper, { q });
      expect(found.topics, q).toEqual([]);
    }
    const list = await listTopics(db, asHelper);
    expect(list.topics.map((t) => [t.title, t.authorName])).toEqual([
      ["Ervaringen met de vierdaagse schoolweek?", expect.any(String)],
      [question.title, "Oud-lid"],
    ]);
    const thread = await getTopic(db, asHelper, answered);
    expect(thread.topic.authorName).toBe("Oud-lid");
    expect(thread.topic.body).toBe("Wie deelt zijn protocol?\n\nGroet, Oud-lid");
    expect(thread.posts.map((p) => [p.authorName, p.body])).toEqual([
      [expect.any(String), "Wij gebruiken dat van de GGD."],
      ["Oud-lid", "Mag ik het hebben? Mail Oud-lid"],
      [expect.any(String), "Is verstuurd."],
    ]);
    expect(thread.posts[0]?.authorName).not.toBe("Oud-lid");
    expect(thread.attachments).toEqual([]);
    expect((await getTopic(db, asHelper, helpers)).posts.map((p) => p.body)).toEqual([]);
    expect(await db.select().from(discussionTopics).where(eq(discussionTopics.id, alone))).toEqual(
      [],
    );
    expect(
      await db.select().from(storedFiles).where(eq(storedFiles.uploadedBy, asker.userId)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(discussionSubscriptions)
        .where(eq(discussionSubscriptions.userId, asker.userId)),
    ).toEqual([]);
    expect((await db.select().from(inboundMails)).map((m) => m.sender)).toEqual(["oud-lid"]);
    // The helper's own words are untouched.
    const helperPosts = await db
      .select({ body: discussionPosts.body })
      .from(discussionPosts)
      .where(eq(discussionPosts.authorId, helper.userId));
    expect(helperPosts.map((p) => p.body).sort()).toEqual([
      "Is verstuurd.",
      "Wij gebruiken dat van de GGD.",
    ]);
  });
  it("scrubs a short name only where it is a whole word; the mail log loses every address she sent from", async () => {
    const { db } = database;
    const { network, asker, helper } = await setupDiscussionNetwork(db);
    await db.update(users).set({ name: "Ad" }).where(eq(users.id, asker.userId));
    const asAsker = await authorizeNetwork(db, asker, network.id);
    const asHelper = await authorizeNetwork(db, helper, network.id);
    const topic = await createTopic(db, asAsker, {
      ...question,
      title: "Advies gevraagd over de administratie",
      body: "Adviezen graag. Groet, Ad",
    });
    await replyToTopic(db, asHelper, topic, { parentId: null, body: "Lees het Adviesrapport." });
    // The topic came in by mail from an address she had before; a pending address too.
    await db
      .update(users)
      .set({ pendingEmail: "ad.nieuw@elders.test" })
      .where(eq(users.id, asker.userId));
    await db.insert(inboundMails).values([
      {
        sender: "ad.oud@elders.test",
        recipient: "n@knooppunt.test",
        outcome: "accepted",
        topicId: topic,
      },
      { sender: "Ad.Nieuw@elders.test", recipient: "n@knooppunt.test", outcome: "rejected" },
      { sender: "iemand@anders.test", recipient: "n@knooppunt.test", outcome: "accepted" },
    ]);

    await erase(asker.userId);
    const senders = (await db.select().from(inboundMails)).map((m) => m.sender);
    expect(senders).not.toContain("ad.oud@elders.test");
    expect(senders).not.toContain("Ad.Nieuw@elders.test");
    expect(senders).toContain("iemand@anders.test");

    const thread = await getTopic(db, asHelper, topic);
    expect(thread.topic.title).toBe("Advies gevraagd over de administratie");
    expect(thread.topic.body).toBe("Adviezen graag. Groet, Oud-lid");
  });
});
