import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { discussionSubscriptions, discussionTopics, jobs, meetings } from "#app/db/schema/index.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import { buildNetwork } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { outboxTo, question, setupDiscussionNetwork } from "./discussion.fixtures.ts";
import { createTopic, getTopic, listTopics, topicsForMeeting } from "./discussion.server.ts";
import { discussionJobHandlers, nextDigestRun, planDigests } from "./discussion-mail.server.ts";
import { discussionMetrics } from "./metrics.server.ts";
import { monthlyMetrics } from "./metrics.ts";
import { markHelpful, replyToTopic } from "./replies.server.ts";
import { cleanSubject, replyMarker, stripQuotedReply } from "./reply-parsing.ts";
import { ensureSubscription, setSubscription, unsubscribeByToken } from "./subscriptions.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const setup = () => setupDiscussionNetwork(database.db);
const mailsTo = (email: string) => outboxTo(database.db, email);

describe("reply parsing", () => {
  it("keeps what was written above the quote, in the common mail programs' styles", () => {
    expect(
      stripQuotedReply(`Wij gebruiken het protocol van de GGD.\n\n${replyMarker}\nHelga schreef:`),
    ).toBe("Wij gebruiken het protocol van de GGD.");
    expect(
      stripQuotedReply(
        "Goed idee!\n\nOp ma 23 nov 2026 om 10:12 schreef Helga Moll <helga@pro.nl>:\n> Wie heeft een protocol?",
      ),
    ).toBe("Goed idee!");
    expect(
      stripQuotedReply(
        "Zie bijlage.\n\nOp maandag 23 november 2026 heeft Helga Moll <helga@pro.nl> het\nvolgende geschreven schreef:\n> x",
      ),
    ).toBe("Zie bijlage.");
    expect(stripQuotedReply("Eens.\n\nVan: Helga Moll\nVerzonden: maandag\nOnderwerp: x")).toBe(
      "Eens.",
    );
    expect(stripQuotedReply("Top\n-- \nPieter Hoekstra\nHR-adviseur")).toBe("Top");
    expect(stripQuotedReply("> alleen citaat\n> nog meer")).toBe("");
    expect(cleanSubject("Re: AW: Re: Verzuimprotocol")).toBe("Verzuimprotocol");
  });
});

describe("metrics", () => {
  it("counts answers by others only, the median time to the first, and the ≥7-in-a-week benchmark", () => {
    const t0 = new Date("2026-10-05T09:00:00Z");
    const hours = (h: number) => new Date(t0.getTime() + h * 3600_000);
    const questions = [
      { id: "q1", authorId: "a", createdAt: t0 },
      { id: "q2", authorId: "b", createdAt: hours(24) },
      { id: "q3", authorId: "c", createdAt: new Date("2026-11-02T09:00:00Z") },
    ];
    const answers = [
      // q1: 7 answers within the week, the first after 2 hours, plus the asker's own thanks
      ...Array.from({ length: 7 }, (_, i) => ({
        topicId: "q1",
        authorId: `p${i}`,
        createdAt: hours(2 + i * 10),
      })),
      { topicId: "q1", authorId: "a", createdAt: hours(1) },
      // q2: one answer after 6 hours, one after 10 days
      { topicId: "q2", authorId: "x", createdAt: hours(30) },
      { topicId: "q2", authorId: "y", createdAt: hours(24 + 240) },
    ];
    const month = (d: Date) => d.toISOString().slice(0, 7);
    const [october, november] = monthlyMetrics(questions, answers, month, ["2026-10", "2026-11"]);
    expect(october).toEqual({
      month: "2026-10",
      asked: 2,
      answeredShare: 100,
      medianHoursToFirstAnswer: 4, // (2 + 6) / 2
      answersPerQuestion: 4.5,
      reachedBenchmark: 1,
    });
    expect(november).toMatchObject({ asked: 1, answeredShare: 0, medianHoursToFirstAnswer: null });
  });
});

describe("discussion", () => {
  it("is for members only: a non-member gets 404 on the list, a topic and the metrics", async () => {
    const { db, network, asker, outsider } = await setup();
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), question);
    await expect(listTopics(db, await authorizeNetwork(db, outsider, network.id))).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      getTopic(db, await authorizeNetwork(db, outsider, network.id), topicId),
    ).rejects.toThrow(NotFoundError);
    await expect(
      discussionMetrics(db, await authorizeNetwork(db, asker, network.id)),
    ).rejects.toThrow(NotFoundError);
    await expect(
      replyToTopic(db, await authorizeNetwork(db, outsider, network.id), topicId, {
        body: "hoi",
        parentId: null,
      }),
    ).rejects.toThrow(NotFoundError);
  });

  it("shows what is new since my last visit, and the asker marks what helped", async () => {
    const { db, network, asker, helper } = await setup();
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), question);
    let list = await listTopics(db, await authorizeNetwork(db, helper, network.id));
    expect(list.topics.find((t) => t.id === topicId)?.isNew).toBe(true);
    await getTopic(db, await authorizeNetwork(db, helper, network.id), topicId);
    list = await listTopics(db, await authorizeNetwork(db, helper, network.id));
    expect(list.topics.find((t) => t.id === topicId)?.isNew).toBe(false);

    const answerId = await replyToTopic(
      db,
      await authorizeNetwork(db, helper, network.id),
      topicId,
      {
        body: "Wij gebruiken dat van de GGD.",
        parentId: null,
      },
    );
    const forAsker = await listTopics(db, await authorizeNetwork(db, asker, network.id));
    expect(forAsker.topics.find((t) => t.id === topicId)).toMatchObject({
      isNew: true,
      newAnswers: { count: 1, more: false },
    });
    const view = await getTopic(db, await authorizeNetwork(db, asker, network.id), topicId);
    expect(view.posts[0]).toMatchObject({ id: answerId, isNew: true });
    await expect(
      markHelpful(db, await authorizeNetwork(db, helper, network.id), topicId, answerId, true),
    ).rejects.toThrow(ForbiddenError);
    await markHelpful(db, await authorizeNetwork(db, asker, network.id), topicId, answerId, true);
    expect(
      (await listTopics(db, await authorizeNetwork(db, helper, network.id))).topics[0]?.helped,
    ).toBe(true);
    expect(
      (
        await listTopics(db, await authorizeNetwork(db, helper, network.id), {
          q: "verzuimprotocol",
        })
      ).topics,
    ).toHaveLength(1);
    expect(
      (await listTopics(db, await authorizeNetwork(db, helper, network.id), { q: "GGD" })).topics,
    ).toHaveLength(1);
    expect(
      (await listTopics(db, await authorizeNetwork(db, helper, network.id), { q: "rooster" }))
        .topics,
    ).toHaveLength(0);
  });

  it("links a question to a meeting of the network; the meeting shows it to members only", async () => {
    const { db, network, asker, outsider } = await setup();
    const [meeting] = await db
      .insert(meetings)
      .values({
        networkId: network.id,
        theme: "Verzuim",
        startsAt: new Date("2027-02-02T15:00:00Z"),
        endsAt: new Date("2027-02-02T18:00:00Z"),
        mode: "location",
      })
      .returning();
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), {
      ...question,
      meetingId: meeting?.id ?? null,
    });
    expect(
      await topicsForMeeting(db, await authorizeNetwork(db, asker, network.id), meeting?.id ?? ""),
    ).toEqual([{ id: topicId, title: question.title }]);
    expect(
      await topicsForMeeting(
        db,
        await authorizeNetwork(db, outsider, network.id),
        meeting?.id ?? "",
      ),
    ).toEqual([]);
    const other = await buildNetwork(db);
    const [elsewhere] = await db
      .insert(meetings)
      .values({
        networkId: other.id,
        startsAt: new Date("2027-02-02T15:00:00Z"),
        endsAt: new Date("2027-02-02T18:00:00Z"),
        mode: "online",
      })
      .returning();
    await expect(
      createTopic(db, await authorizeNetwork(db, asker, network.id), {
        ...question,
        meetingId: elsewhere?.id ?? null,
      }),
    ).rejects.toMatchObject({ field: "meetingId" });
  });

  it("refuses a theme or meeting of another network without saving anything", async () => {
    const { db, network, asker } = await setup();
    await expect(
      createTopic(db, await authorizeNetwork(db, asker, network.id), {
        ...question,
        themes: ["Iets anders"],
      }),
    ).rejects.toMatchObject({ field: "themes" });
    const rows = await db
      .select()
      .from(discussionTopics)
      .where(eq(discussionTopics.networkId, network.id));
    expect(rows).toHaveLength(0);
  });

  it("mails each message at once (as a durable job) to members who want that, not to the author", async () => {
    const { db, network, guide, asker, helper, emailOf } = await setup();
    await setSubscription(db, await authorizeNetwork(db, helper, network.id), "weekly");
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), question);
    expect(await mailsTo(emailOf(guide.userId))).toHaveLength(0);
    await runDueJobs(db, discussionJobHandlers);
    const [mail] = await mailsTo(emailOf(guide.userId));
    expect(mail?.subject).toContain(question.title);
    expect(mail?.text).toContain(`/netwerken/${network.id}/discussie/${topicId}`);
    expect(mail?.text).toContain("/afmelden/");
    // One thread per topic: the topic's mail has the Message-ID every answer's mail points at.
    const root = `<topic-${topicId}@localhost>`;
    expect(mail?.headers?.["Message-ID"]).toBe(root);
    expect(mail?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(await mailsTo(emailOf(asker.userId))).toHaveLength(0);
    expect(await mailsTo(emailOf(helper.userId))).toHaveLength(0);
    const postId = await replyToTopic(db, await authorizeNetwork(db, guide, network.id), topicId, {
      body: "Zie **het rooster**.",
      parentId: null,
    });
    await runDueJobs(db, discussionJobHandlers);
    const answer = (await mailsTo(emailOf(asker.userId))).at(-1);
    expect(answer?.subject).toBe(`[${network.name}] Re: ${question.title}`);
    expect(answer?.headers?.["Message-ID"]).toBe(`<post-${postId}@localhost>`);
    expect(answer?.headers?.["In-Reply-To"]).toBe(root);
    expect(answer?.headers?.References).toBe(root);
    expect(answer?.text).toContain("Zie het rooster.");
    expect(answer?.html).toContain("<strong>het rooster</strong>");
  });

  it("sends digests per member: daily and weekly cover only what is new for them since their last one", async () => {
    const { db, network, guide, asker, helper, emailOf } = await setup();
    await setSubscription(db, await authorizeNetwork(db, helper, network.id), "daily");
    await setSubscription(db, await authorizeNetwork(db, guide, network.id), "weekly");
    // Settings were changed "now"; make the digests start from yesterday and last week.
    await db
      .update(discussionSubscriptions)
      .set({ digestedUntil: new Date(Date.now() - 8 * 24 * 3600_000) })
      .where(eq(discussionSubscriptions.networkId, network.id));
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), question);
    await replyToTopic(db, await authorizeNetwork(db, helper, network.id), topicId, {
      body: "Van de GGD.",
      parentId: null,
    });
    await db.delete(jobs).where(eq(jobs.kind, "discussion-notify"));

    const now = new Date();
    await planDigests(db, now);
    await planDigests(db, now); // planning twice plans once
    const planned = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "discussion-digest"), inArray(jobs.status, ["pending"])));
    const mine = planned.filter((j) => j.payload.networkId === network.id);
    expect(mine.map((j) => j.payload.mode).sort()).toEqual(["daily", "weekly"]);
    const daily = mine.find((j) => j.payload.mode === "daily");
    expect(daily?.runAt.getTime()).toBe(nextDigestRun("daily", now).getTime());

    await runDueJobs(db, discussionJobHandlers, new Date(now.getTime() + 8 * 24 * 3600_000));
    const helperDigest = await mailsTo(emailOf(helper.userId));
    expect(helperDigest).toHaveLength(1);
    // the helper's own answer is not news to them; the new topic is
    expect(helperDigest[0]?.text).toContain(question.title);
    expect(helperDigest[0]?.text).not.toContain("Van de GGD.");
    const guideDigest = await mailsTo(emailOf(guide.userId));
    expect(guideDigest[0]?.subject).toMatch(/Wekelijks overzicht/);
    expect(guideDigest[0]?.text).toContain("Van de GGD.");

    // Nothing new since: the next digest sends nothing.
    await db.delete(jobs).where(eq(jobs.kind, "discussion-digest"));
    await planDigests(db, new Date(now.getTime() + 8 * 24 * 3600_000));
    await runDueJobs(db, discussionJobHandlers, new Date(now.getTime() + 16 * 24 * 3600_000));
    expect(await mailsTo(emailOf(helper.userId))).toHaveLength(1);
  });

  it("mondays at seven for weekly digests, every day at seven (Amsterdam) for daily ones", () => {
    const sunday = new Date("2026-11-22T10:00:00Z");
    expect(nextDigestRun("daily", sunday).toISOString()).toBe("2026-11-23T06:00:00.000Z");
    expect(nextDigestRun("weekly", sunday).toISOString()).toBe("2026-11-23T06:00:00.000Z");
    const monday = new Date("2026-11-23T07:00:00Z");
    expect(nextDigestRun("weekly", monday).toISOString()).toBe("2026-11-30T06:00:00.000Z");
    expect(nextDigestRun("daily", new Date("2026-07-01T12:00:00Z")).toISOString()).toBe(
      "2026-07-02T05:00:00.000Z",
    );
  });

  it("unsubscribes by the link's token without logging in", async () => {
    const { db, network, helper } = await setup();
    const subscription = await ensureSubscription(db, network.id, helper.userId);
    await unsubscribeByToken(db, subscription.unsubscribeToken);
    const after = await ensureSubscription(db, network.id, helper.userId);
    expect(after.mode).toBe("none");
    await expect(unsubscribeByToken(db, "ongeldig-token-xyz")).rejects.toThrow(NotFoundError);
  });
});
