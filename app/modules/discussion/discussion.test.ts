import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import type { Database } from "#app/db/client.server.ts";
import {
  discussionPosts,
  discussionSubscriptions,
  discussionTopics,
  heldInboundMails,
  jobs,
  meetings,
  networkMembers,
  outbox,
  storedFiles,
} from "#app/db/schema/index.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  createTopic,
  deleteTopic,
  getTopic,
  listTopics,
  topicsForMeeting,
} from "./discussion.server.ts";
import {
  discardHeldMail,
  discussionJobHandlers,
  getHeldMail,
  networkAddress,
  nextDigestRun,
  planDigests,
  publishHeldMail,
  receiveInboundMail,
  replyAddress,
} from "./discussion-mail.server.ts";
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

async function setup() {
  const { db } = database;
  const network = await buildNetwork(db, { openness: "closed", themes: ["Passend onderwijs"] });
  const users = await Promise.all([buildUser(db), buildUser(db), buildUser(db), buildUser(db)]);
  const [guide, asker, helper, outsider] = await Promise.all(users.map((u) => actorFor(db, u)));
  if (!guide || !asker || !helper || !outsider) throw new Error("setup");
  await addNetworkMember(db, network.id, guide.userId, "facilitator");
  await addNetworkMember(db, network.id, asker.userId, "deelnemer");
  await addNetworkMember(db, network.id, helper.userId, "deelnemer");
  const emails = Object.fromEntries(users.map((u) => [u.id, u.email]));
  return { db, network, guide, asker, helper, outsider, emailOf: (id: string) => emails[id] ?? "" };
}

const question = {
  kind: "question" as const,
  title: "Wie heeft een goed verzuimprotocol?",
  body: "We herschrijven ons protocol. **Wie** deelt het zijne?",
  themes: ["Passend onderwijs"],
  meetingId: null,
};

async function mailsTo(email: string) {
  return database.db.select().from(outbox).where(eq(outbox.to, email));
}

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
    const topicId = await createTopic(db, asker, network.id, question);
    await expect(listTopics(db, outsider, network.id)).rejects.toMatchObject({
      init: { status: 404 },
    });
    await expect(getTopic(db, outsider, network.id, topicId)).rejects.toMatchObject({
      init: { status: 404 },
    });
    await expect(discussionMetrics(db, asker, network.id)).rejects.toMatchObject({
      init: { status: 404 },
    });
    await expect(
      replyToTopic(db, outsider, network.id, topicId, { body: "hoi", parentId: null }),
    ).rejects.toMatchObject({ init: { status: 404 } });
  });

  it("shows what is new since my last visit, and the asker marks what helped", async () => {
    const { db, network, asker, helper } = await setup();
    const topicId = await createTopic(db, asker, network.id, question);
    let list = await listTopics(db, helper, network.id);
    expect(list.topics.find((t) => t.id === topicId)?.isNew).toBe(true);
    await getTopic(db, helper, network.id, topicId);
    list = await listTopics(db, helper, network.id);
    expect(list.topics.find((t) => t.id === topicId)?.isNew).toBe(false);

    const answerId = await replyToTopic(db, helper, network.id, topicId, {
      body: "Wij gebruiken dat van de GGD.",
      parentId: null,
    });
    const forAsker = await listTopics(db, asker, network.id);
    expect(forAsker.topics.find((t) => t.id === topicId)).toMatchObject({
      isNew: true,
      newAnswers: 1,
    });
    const view = await getTopic(db, asker, network.id, topicId);
    expect(view.posts[0]).toMatchObject({ id: answerId, isNew: true });
    await expect(
      markHelpful(db, helper, network.id, topicId, answerId, true),
    ).rejects.toMatchObject({ init: { status: 403 } });
    await markHelpful(db, asker, network.id, topicId, answerId, true);
    expect((await listTopics(db, helper, network.id)).topics[0]?.helped).toBe(true);
    expect(
      (await listTopics(db, helper, network.id, { q: "verzuimprotocol" })).topics,
    ).toHaveLength(1);
    expect((await listTopics(db, helper, network.id, { q: "GGD" })).topics).toHaveLength(1);
    expect((await listTopics(db, helper, network.id, { q: "rooster" })).topics).toHaveLength(0);
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
    const topicId = await createTopic(db, asker, network.id, {
      ...question,
      meetingId: meeting?.id ?? null,
    });
    expect(await topicsForMeeting(db, asker, network.id, meeting?.id ?? "")).toEqual([
      { id: topicId, title: question.title },
    ]);
    expect(await topicsForMeeting(db, outsider, network.id, meeting?.id ?? "")).toEqual([]);
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
      createTopic(db, asker, network.id, { ...question, meetingId: elsewhere?.id ?? null }),
    ).rejects.toMatchObject({ field: "meetingId" });
  });

  it("refuses a theme or meeting of another network without saving anything", async () => {
    const { db, network, asker } = await setup();
    await expect(
      createTopic(db, asker, network.id, { ...question, themes: ["Iets anders"] }),
    ).rejects.toMatchObject({ field: "themes" });
    const rows = await db
      .select()
      .from(discussionTopics)
      .where(eq(discussionTopics.networkId, network.id));
    expect(rows).toHaveLength(0);
  });

  it("mails each message at once (as a durable job) to members who want that, not to the author", async () => {
    const { db, network, guide, asker, helper, emailOf } = await setup();
    await setSubscription(db, helper, network.id, "weekly");
    const topicId = await createTopic(db, asker, network.id, question);
    expect(await mailsTo(emailOf(guide.userId))).toHaveLength(0);
    await runDueJobs(db, discussionJobHandlers);
    const [mail] = await mailsTo(emailOf(guide.userId));
    expect(mail?.subject).toContain(question.title);
    expect(mail?.text).toContain(`/netwerken/${network.id}/discussie/${topicId}`);
    expect(mail?.text).toContain("/uitschrijven/");
    expect(await mailsTo(emailOf(asker.userId))).toHaveLength(0);
    expect(await mailsTo(emailOf(helper.userId))).toHaveLength(0);
  });

  it("sends digests per member: daily and weekly cover only what is new for them since their last one", async () => {
    const { db, network, guide, asker, helper, emailOf } = await setup();
    await setSubscription(db, helper, network.id, "daily");
    await setSubscription(db, guide, network.id, "weekly");
    // Settings were changed "now"; make the digests start from yesterday and last week.
    await db
      .update(discussionSubscriptions)
      .set({ digestedUntil: new Date(Date.now() - 8 * 24 * 3600_000) })
      .where(eq(discussionSubscriptions.networkId, network.id));
    const topicId = await createTopic(db, asker, network.id, question);
    await replyToTopic(db, helper, network.id, topicId, { body: "Van de GGD.", parentId: null });
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
    await expect(unsubscribeByToken(db, "ongeldig-token-xyz")).rejects.toMatchObject({
      init: { status: 404 },
    });
  });
});

describe("inbound mail", () => {
  const mail = (
    from: string,
    to: string,
    text: string,
    subject = "Re: x",
    authenticationResults: string[] = [],
  ) => ({
    from,
    to: [to],
    subject,
    text,
    attachments: [] as File[],
    sizeBytes: text.length,
    authenticationResults,
  });
  const trustedRelay = "mx.knooppunt.test";
  let previousTrusted: string | undefined;
  beforeAll(() => {
    previousTrusted = process.env.INBOUND_TRUSTED_AUTHSERV_ID;
    process.env.INBOUND_TRUSTED_AUTHSERV_ID = trustedRelay;
    resetEnvForTests();
  });
  afterAll(() => {
    if (previousTrusted === undefined) delete process.env.INBOUND_TRUSTED_AUTHSERV_ID;
    else process.env.INBOUND_TRUSTED_AUTHSERV_ID = previousTrusted;
    resetEnvForTests();
  });

  it("turns a member's reply into an answer; a reply address used by anyone else is refused without a bounce", async () => {
    const { db, network, asker, helper, outsider, emailOf } = await setup();
    const topicId = await createTopic(db, asker, network.id, question);
    const helperKey = (await ensureSubscription(db, network.id, helper.userId)).replyKey;
    const address = replyAddress(topicId, helperKey);

    const accepted = await receiveInboundMail(
      db,
      mail(
        emailOf(helper.userId).toUpperCase(),
        address,
        `Wij delen graag.\n\n${replyMarker}\n> vraag`,
      ),
    );
    expect(accepted.accepted).toBe(true);
    const posts = await db
      .select()
      .from(discussionPosts)
      .where(eq(discussionPosts.topicId, topicId));
    expect(posts.map((p) => [p.body, p.via])).toEqual([["Wij delen graag.", "email"]]);

    // Someone else's From: on the helper's reply address: not theirs, and nobody gets a bounce
    // (the From: may be forged, so a bounce would land with an innocent person).
    const outsiderMail = await receiveInboundMail(
      db,
      mail(emailOf(outsider.userId), address, "Ik ook"),
    );
    expect(outsiderMail).toEqual({ accepted: false, reason: "forgedSender", quiet: true });
    const forged = await receiveInboundMail(db, mail(emailOf(asker.userId), address, "Nep"));
    expect(forged).toEqual({ accepted: false, reason: "forgedSender", quiet: true });
    const unknown = await receiveInboundMail(db, mail("iemand@elders.test", address, "Hallo"));
    expect(unknown).toEqual({ accepted: false, reason: "unknownSender", quiet: true });
    expect(await mailsTo(emailOf(outsider.userId))).toHaveLength(0);
    expect(await mailsTo("iemand@elders.test")).toHaveLength(0);
    expect(
      (await mailsTo(emailOf(asker.userId))).filter((m) => m.subject?.startsWith("Niet")),
    ).toHaveLength(0);

    // The key's owner is proven by the key: they hear why, without their subject echoed back.
    const empty = await receiveInboundMail(
      db,
      mail(emailOf(helper.userId), address, "> alleen", "Klik hier: https://evil.example/x"),
    );
    expect(empty).toEqual({ accepted: false, reason: "empty" });
    const [bounce] = await mailsTo(emailOf(helper.userId));
    expect(bounce?.subject).toBe("Niet geplaatst: je bericht aan Knooppunt");
    expect(bounce?.text).toContain("Je bericht was leeg");
    expect(bounce?.text).not.toContain("evil.example");

    // After the topic is deleted a reply bounces to its key's owner.
    await deleteTopic(db, asker, network.id, topicId);
    const gone = await receiveInboundMail(db, mail(emailOf(helper.userId), address, "Nog iets"));
    expect(gone).toEqual({ accepted: false, reason: "topicGone" });
    expect(await mailsTo(emailOf(helper.userId))).toHaveLength(2);
    const stillThere = await db
      .select()
      .from(discussionPosts)
      .where(eq(discussionPosts.topicId, topicId));
    expect(stillThere).toHaveLength(0);
  });

  it("tells a member who left, proven by their own key, that they are no longer a member", async () => {
    const { db, network, asker, helper, emailOf } = await setup();
    const topicId = await createTopic(db, asker, network.id, question);
    const helperKey = (await ensureSubscription(db, network.id, helper.userId)).replyKey;
    await db
      .update(networkMembers)
      .set({ status: "left" })
      .where(
        and(eq(networkMembers.networkId, network.id), eq(networkMembers.userId, helper.userId)),
      );
    const refused = await receiveInboundMail(
      db,
      mail(emailOf(helper.userId), replyAddress(topicId, helperKey), "Nog een tip"),
    );
    expect(refused).toEqual({ accepted: false, reason: "notMember" });
    const [bounce] = await mailsTo(emailOf(helper.userId));
    expect(bounce?.text).toContain("geen lid van dit netwerk");
  });

  const relayPass = (domain: string) => [
    `${trustedRelay}; spf=pass smtp.mailfrom=${domain}; dkim=pass (2048-bit key) header.d=${domain} header.s=s1; dmarc=pass (p=none dis=none) header.from=${domain}`,
  ];

  it("publishes a new topic from a mail to the network's address only when a trusted relay vouches for the From: domain", async () => {
    const { db, network, helper, emailOf } = await setup();
    const from = emailOf(helper.userId);
    const to = networkAddress(network.id);
    const topics = async () =>
      (await listTopics(db, helper, network.id)).topics.map((t) => t.title);

    const published = await receiveInboundMail(
      db,
      mail(
        from,
        to,
        "Wie werkt met Magister?",
        "Ervaringen met Magister",
        relayPass("school.test"),
      ),
    );
    expect(published).toMatchObject({ accepted: true, held: false });
    expect(await topics()).toEqual(["Ervaringen met Magister"]);

    // DKIM from a subdomain of the From: domain is aligned too.
    await receiveInboundMail(
      db,
      mail(from, to, "Tekst", "Subdomein uitgelijnd", [
        `${trustedRelay}; dkim=pass header.d=mail.school.test header.i=@mail.school.test`,
      ]),
    );
    expect(await topics()).toContain("Subdomein uitgelijnd");

    // Not proven: no header, a pass for another domain, a pass by a relay we do not trust
    // (anyone can write that header), a DMARC pass for another From: domain, a failed check.
    const unproven = [
      [],
      [
        `${trustedRelay}; spf=pass smtp.mailfrom=attacker@evil.example; dkim=pass header.d=evil.example`,
      ],
      [`mx.evil.example; dmarc=pass header.from=school.test; spf=pass smtp.mailfrom=school.test`],
      [`${trustedRelay}; dmarc=pass header.from=evil.example`],
      [
        `${trustedRelay}; spf=fail smtp.mailfrom=school.test; dkim=none; dmarc=fail header.from=school.test`,
      ],
      [`${trustedRelay}; dkim=pass header.d=test`],
      [`${trustedRelay}; dkim=pass header.d=evilschool.test`],
      // A quoted local part is part of the value: its domain is evil.example, not school.test.
      [`${trustedRelay}; dkim=pass header.d=evil.example header.i="x@school.test"@evil.example`],
      [`${trustedRelay}; spf=pass smtp.mailfrom="x@school.test"@evil.example`],
      [`${trustedRelay}; dmarc=pass header.from="x@school.test"@evil.example`],
      // Only the relay's own header on top counts; one further down came with the mail.
      [
        `${trustedRelay}; dkim=fail header.d=school.test`,
        `${trustedRelay}; dkim=pass header.d=school.test`,
      ],
    ];
    for (const [i, headers] of unproven.entries()) {
      const outcome = await receiveInboundMail(
        db,
        mail(from, to, "Nep", `Vervalst bericht ${i}`, headers),
      );
      // Held for the member to confirm; past five waiting ones, the rest is not kept at all.
      expect(outcome, `case ${i}`).toEqual(
        i < 5
          ? { accepted: true, held: true }
          : { accepted: false, reason: "tooManyHeld", quiet: true },
      );
    }
    expect((await topics()).filter((title) => title.startsWith("Vervalst"))).toEqual([]);
  });

  it("holds an unproven mail, mails the member named in From: a link, and publishes it only at their button", async () => {
    const { db, network, asker, helper, outsider, emailOf } = await setup();
    const from = emailOf(helper.userId);
    const held = await receiveInboundMail(
      db,
      mail(
        from,
        networkAddress(network.id),
        "Klik op https://evil.example",
        "Gratis cadeaubon hier",
      ),
    );
    expect(held).toEqual({ accepted: true, held: true });
    expect((await listTopics(db, helper, network.id)).topics).toHaveLength(0);

    // The member gets a mail at their own address with a link, holding nothing the sender wrote.
    const [confirm] = await mailsTo(from);
    expect(confirm?.subject).toBe(`Bevestig je bericht aan ${network.name}`);
    expect(confirm?.text).not.toContain("evil.example");
    expect(confirm?.text).not.toContain("cadeaubon");
    const token = confirm?.text?.match(/\/bericht-bevestigen\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
    expect(token).not.toBe("");
    // Only the hash of the token is stored.
    const rows = await db.select().from(heldInboundMails);
    expect(JSON.stringify(rows)).not.toContain(token);

    // Someone else (even another member) with the link sees nothing and publishes nothing.
    await expect(getHeldMail(db, asker, token)).rejects.toMatchObject({ init: { status: 404 } });
    await expect(publishHeldMail(db, outsider, token)).rejects.toMatchObject({
      init: { status: 404 },
    });
    const view = await getHeldMail(db, helper, token);
    expect(view).toMatchObject({ title: "Gratis cadeaubon hier", networkName: network.name });

    const result = await publishHeldMail(db, helper, token);
    expect(result).toMatchObject({ published: true, networkId: network.id });
    const list = await listTopics(db, helper, network.id);
    expect(list.topics.map((t) => t.title)).toEqual(["Gratis cadeaubon hier"]);
    // One use only.
    await expect(publishHeldMail(db, helper, token)).rejects.toMatchObject({
      init: { status: 404 },
    });
  });

  it("discards a held mail with its attachments, and lets it expire after a week", async () => {
    const { db, network, helper, emailOf } = await setup();
    const from = emailOf(helper.userId);
    const withFile = {
      ...mail(from, networkAddress(network.id), "Zie bijlage", "Ons verzuimprotocol"),
      attachments: [new File(["Protocol versie 3"], "protocol.txt", { type: "text/plain" })],
    };
    await receiveInboundMail(db, withFile);
    const token = (await mailsTo(from))[0]?.text?.match(/bericht-bevestigen\/([\w-]+)/)?.[1] ?? "";
    expect((await getHeldMail(db, helper, token)).files).toEqual([
      { name: "protocol.txt", size: 17 },
    ]);
    const filesBefore = await db.select({ id: storedFiles.id }).from(storedFiles);
    await discardHeldMail(db, helper, token);
    await expect(getHeldMail(db, helper, token)).rejects.toMatchObject({ init: { status: 404 } });
    const filesAfter = await db.select({ id: storedFiles.id }).from(storedFiles);
    expect(filesAfter.length).toBe(filesBefore.length - 1);

    // Another one, never confirmed: after 7 days its link is dead and the next inbound mail clears it.
    await receiveInboundMail(db, withFile);
    const second = (await mailsTo(from))[1]?.text?.match(/bericht-bevestigen\/([\w-]+)/)?.[1] ?? "";
    await db
      .update(heldInboundMails)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(heldInboundMails.userId, helper.userId));
    await expect(getHeldMail(db, helper, second)).rejects.toMatchObject({ init: { status: 404 } });
    await receiveInboundMail(db, mail("iemand@elders.test", "x@elders.test", "x"));
    expect(
      await db.select().from(heldInboundMails).where(eq(heldInboundMails.userId, helper.userId)),
    ).toHaveLength(0);
  });

  it("refuses non-members; only an authenticated sender hears why", async () => {
    const { db, network, outsider, emailOf } = await setup();
    const from = emailOf(outsider.userId);
    const forged = await receiveInboundMail(
      db,
      mail(from, networkAddress(network.id), "Hallo allemaal", "Mag ik meedoen?"),
    );
    // Unproven: refused without a word, and answered like a held mail (no membership oracle).
    expect(forged).toEqual({ accepted: false, reason: "notMember", quiet: true });
    expect(await mailsTo(from)).toHaveLength(0);
    const proven = await receiveInboundMail(
      db,
      mail(
        from,
        networkAddress(network.id),
        "Hallo allemaal",
        "Mag ik meedoen?",
        relayPass("school.test"),
      ),
    );
    expect(proven).toEqual({ accepted: false, reason: "notMember" });
    const [bounce] = await mailsTo(from);
    expect(bounce?.subject).toBe("Niet geplaatst: je bericht aan Knooppunt");
    expect(bounce?.text).toContain("geen lid van dit netwerk");
  });
});
