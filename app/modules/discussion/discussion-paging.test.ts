import { sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#app/db/client.server.ts";
import { loadNamespace } from "#app/i18n/format.ts";
import { pageFrom } from "#app/platform/paging.ts";
import { Pagination } from "#app/ui/pagination.tsx";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { question, setupDiscussionNetwork } from "./discussion.fixtures.ts";
import {
  createTopic,
  getTopic,
  listTopics,
  pageOfPost,
  postsPerPage,
  topicsPerPage,
} from "./discussion.server.ts";
import { replyToTopic } from "./replies.server.ts";
import { topicSortOf } from "./topic-sort.ts";

// A discussion grows without bound: the list, a search and a long thread are read a page at a
// time, and what counts them stops at "1.000+".

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const setup = () => setupDiscussionNetwork(database.db);
const pageOf = (search: string, perPage: number) =>
  pageFrom(new URL(`http://knooppunt.test/discussie?${search}`), perPage);

/** `count` topics, one an hour apart (the newest first as "Onderwerp 1"), in one statement. */
async function manyTopics(db: Db, networkId: string, authorId: string, count: number, word = "") {
  await db.execute(sql`insert into discussion_topics
      (network_id, author_id, title, body, created_at, last_activity_at)
    select ${networkId}, ${authorId}, 'Onderwerp ' || g || ${word ? ` over ${word}` : ""}, 'Tekst',
      now() - g * interval '1 hour', now() - g * interval '1 hour'
    from generate_series(1, ${count}) g`);
}

/** The pager of page 2 of a list whose count stopped at the cap. */
const SecondOfMany = () => createElement(Pagination, { page: 2, pages: null, hasNext: true });

describe("discussion pages", () => {
  it("shows the topics 20 at a time, newest activity first, and page 2 goes on where page 1 stopped", async () => {
    const { db, network, asker, helper } = await setup();
    await manyTopics(db, network.id, asker.userId, 45);
    const member = await authorizeNetwork(db, helper, network.id);

    const first = await listTopics(db, member, {});
    expect(first.topics.map((t) => t.title)).toEqual(
      Array.from({ length: topicsPerPage }, (_, i) => `Onderwerp ${i + 1}`),
    );
    expect(first.total).toEqual({ count: 45, more: false });
    expect(first.pager).toEqual({ page: 1, pages: 3, hasNext: true });
    // Written before this member joined: history, not news, though they never opened them.
    expect(first.topics.some((t) => t.isNew)).toBe(false);

    const second = await listTopics(db, member, {}, pageOf("pagina=2", topicsPerPage));
    expect(second.topics.map((t) => t.title)).toEqual(
      Array.from({ length: topicsPerPage }, (_, i) => `Onderwerp ${i + 21}`),
    );
    const last = await listTopics(db, member, {}, pageOf("pagina=3", topicsPerPage));
    expect(last.topics.map((t) => t.title)).toEqual([
      "Onderwerp 41",
      "Onderwerp 42",
      "Onderwerp 43",
      "Onderwerp 44",
      "Onderwerp 45",
    ]);
    expect(last.pager).toEqual({ page: 3, pages: 3, hasNext: false });
  });

  it("pages through what a search found, and a count past a thousand says 1.000+", async () => {
    const { db, network, asker, helper } = await setup();
    await manyTopics(db, network.id, asker.userId, 1005, "roosters");
    await manyTopics(db, network.id, asker.userId, 25, "toetsing");
    const member = await authorizeNetwork(db, helper, network.id);

    const all = await listTopics(db, member, {});
    expect(all.total).toEqual({ count: 1000, more: true });
    expect(all.pager).toEqual({ page: 1, pages: null, hasNext: true });

    // "toetsingen" finds "toetsing" (Dutch stemming), 25 of them: page 2 holds the last 5.
    const found = await listTopics(db, member, { q: "toetsingen" });
    expect(found.total).toEqual({ count: 25, more: false });
    expect(found.topics).toHaveLength(topicsPerPage);
    const rest = await listTopics(db, member, { q: "toetsingen" }, pageOf("pagina=2", 20));
    expect(rest.topics.map((t) => t.title)).toEqual(
      [21, 22, 23, 24, 25].map((n) => `Onderwerp ${n} over toetsing`),
    );
    expect(rest.pager).toEqual({ page: 2, pages: 2, hasNext: false });

    // Beyond the cap the pages still go on, as long as there are topics.
    const deep = await listTopics(db, member, { q: "rooster" }, pageOf("pagina=51", 20));
    expect(deep.topics.map((t) => t.title)).toEqual([
      "Onderwerp 1001 over roosters",
      "Onderwerp 1002 over roosters",
      "Onderwerp 1003 over roosters",
      "Onderwerp 1004 over roosters",
      "Onderwerp 1005 over roosters",
    ]);
    expect(deep.pager).toEqual({ page: 51, pages: null, hasNext: false });
  });

  it("finds a topic by a Dutch word in its text or in one of its answers only", async () => {
    const { db, network, asker, helper } = await setup();
    const byAsker = await authorizeNetwork(db, asker, network.id);
    const protocol = await createTopic(db, byAsker, question);
    const other = await createTopic(db, byAsker, {
      ...question,
      title: "Ervaringen met de nieuwe toetsing in groep 8?",
      body: "Hoe pakken jullie het aan?",
    });
    await replyToTopic(db, await authorizeNetwork(db, helper, network.id), protocol, {
      body: "Wij voeren gesprekken met ouders bij het derde verzuim.",
      parentId: null,
    });
    const search = async (q: string) =>
      (await listTopics(db, await authorizeNetwork(db, helper, network.id), { q })).topics.map(
        (t) => t.id,
      );
    // In the answer only, in another form of the word: "gesprek" finds "gesprekken".
    expect(await search("gesprek")).toEqual([protocol]);
    expect(await search("toetsingen")).toEqual([other]);
    expect(await search("verzuimprotocol")).toEqual([protocol]);
    // A topic found both by itself and by its answer shows once.
    expect(await search("ouders OR protocol")).toEqual([protocol]);
  });

  it("reads a long thread 100 answers at a time; what is on a later page stays new", async () => {
    const { db, network, asker, helper } = await setup();
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), question);
    await db.execute(sql`insert into discussion_posts (topic_id, network_id, author_id, body, created_at)
      select ${topicId}, ${network.id}, ${helper.userId}, 'Antwoord ' || g, now() + g * interval '1 second'
      from generate_series(1, 105) g`);
    await db.execute(sql`update discussion_topics set last_activity_at = now() + 105 * interval '1 second'
      where id = ${topicId}`);
    const forAsker = await authorizeNetwork(db, asker, network.id);

    const first = await getTopic(db, forAsker, topicId);
    expect(first.posts).toHaveLength(postsPerPage);
    expect(first.posts[0]?.body).toBe("Antwoord 1");
    expect(first.answerCount).toEqual({ count: 105, more: false });
    expect(first.pager).toEqual({ page: 1, pages: 2, hasNext: true });
    // Read up to answer 100: the five after it are still new for the asker.
    const listed = await listTopics(db, forAsker, {});
    expect(listed.topics.find((t) => t.id === topicId)).toMatchObject({
      isNew: true,
      newAnswers: { count: 5, more: false },
      answers: { count: 105, more: false },
    });

    const second = await getTopic(db, forAsker, topicId, pageOf("pagina=2", postsPerPage));
    expect(second.posts.map((p) => p.body)).toEqual(
      [101, 102, 103, 104, 105].map((n) => `Antwoord ${n}`),
    );
    expect(second.posts.every((p) => p.isNew)).toBe(true);
    expect(second.pager).toEqual({ page: 2, pages: 2, hasNext: false });
    expect((await listTopics(db, forAsker, {})).topics[0]).toMatchObject({ isNew: false });

    // After an answer (or marking one helpful) the route sends the writer to the page it is on.
    expect(await pageOfPost(db, topicId, second.posts[0]?.id ?? "")).toBe(2);
    expect(await pageOfPost(db, topicId, first.posts[99]?.id ?? "")).toBe(1);
  });

  it("sorts by last activity, by newest question, or shows only the unanswered, each with its reply count", async () => {
    const { db, network, guide, asker, helper } = await setup();
    const byAsker = await authorizeNetwork(db, asker, network.id);
    const oldest = await createTopic(db, byAsker, { ...question, title: "Oudste" });
    const selfAnswered = await createTopic(db, byAsker, { ...question, title: "Zelf aangevuld" });
    const newest = await createTopic(db, byAsker, { ...question, title: "Nieuwste" });
    // One hour apart, in the order they were asked.
    for (const [id, hours] of [
      [oldest, 3],
      [selfAnswered, 2],
      [newest, 1],
    ] as const)
      await db.execute(sql`update discussion_topics set created_at = now() - ${hours} * interval '1 hour',
        last_activity_at = now() - ${hours} * interval '1 hour' where id = ${id}`);
    // The oldest gets two answers from others, so it is the most recently active; the asker's
    // own addition is no answer.
    const answer = async (who: typeof helper, topicId: string) =>
      replyToTopic(db, await authorizeNetwork(db, who, network.id), topicId, {
        body: "Zo doen wij het.",
        parentId: null,
      });
    await answer(asker, selfAnswered);
    await answer(helper, oldest);
    await answer(guide, oldest);

    const list = async (sort?: "actief" | "nieuw" | "onbeantwoord") =>
      (await listTopics(db, await authorizeNetwork(db, helper, network.id), { sort })).topics.map(
        (t) => [t.title, t.answers.count],
      );
    expect(await list()).toEqual([
      ["Oudste", 2],
      ["Zelf aangevuld", 1],
      ["Nieuwste", 0],
    ]);
    expect(await list("nieuw")).toEqual([
      ["Nieuwste", 0],
      ["Zelf aangevuld", 1],
      ["Oudste", 2],
    ]);
    expect(await list("onbeantwoord")).toEqual([
      ["Nieuwste", 0],
      ["Zelf aangevuld", 1],
    ]);
    const unanswered = await listTopics(db, await authorizeNetwork(db, helper, network.id), {
      sort: "onbeantwoord",
      q: "aangevuld",
    });
    expect(unanswered.topics.map((t) => t.title)).toEqual(["Zelf aangevuld"]);
    expect(unanswered.total).toEqual({ count: 1, more: false });
    expect(topicSortOf("onbeantwoord")).toBe("onbeantwoord");
    expect(topicSortOf("iets anders")).toBe("actief");
  });

  it("links Vorige and Volgende to the pages next to this one, keeping the search and the theme", async () => {
    await loadNamespace("nl", "shell");
    const here = "/netwerken/n1/discussie?q=toetsing&thema=Lezen&pagina=2";
    const Stub = createRoutesStub([
      {
        path: "/netwerken/:networkId/discussie",
        Component: SecondOfMany,
      },
    ]);
    const html = renderToString(createElement(Stub, { initialEntries: [here] }));
    const links = [...html.matchAll(/<a[^>]*href="([^"]+)"[^>]*>([^<]+)</g)].map((m) => [
      m[2],
      m[1]?.replaceAll("&amp;", "&"),
    ]);
    expect(links).toEqual([
      ["Vorige", "/netwerken/n1/discussie?q=toetsing&thema=Lezen&pagina=1"],
      ["Volgende", "/netwerken/n1/discussie?q=toetsing&thema=Lezen&pagina=3"],
    ]);
    expect(html).toContain("Pagina 2");
  });
});
