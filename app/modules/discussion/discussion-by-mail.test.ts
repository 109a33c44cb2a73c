import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import type { Database } from "#app/db/client.server.ts";
import {
  discussionPosts,
  heldInboundMails,
  networkMembers,
  storedFiles,
} from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { outboxTo, question, setupDiscussionNetwork } from "./discussion.fixtures.ts";
import { createTopic, deleteTopic, listTopics } from "./discussion.server.ts";
import { networkAddress, replyAddress } from "./discussion-mail.server.ts";
import { discardHeldMail, getHeldMail, publishHeldMail } from "./held-mail.server.ts";
import { receiveInboundMail } from "./inbound-mail.server.ts";
import { replyMarker } from "./reply-parsing.ts";
import { ensureSubscription } from "./subscriptions.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const setup = () => setupDiscussionNetwork(database.db);
const mailsTo = (email: string) => outboxTo(database.db, email);

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
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), question);
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
    await deleteTopic(db, await authorizeNetwork(db, asker, network.id), topicId);
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
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), question);
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
      (await listTopics(db, await authorizeNetwork(db, helper, network.id))).topics.map(
        (t) => t.title,
      );

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
    expect(
      (await listTopics(db, await authorizeNetwork(db, helper, network.id))).topics,
    ).toHaveLength(0);

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
    await expect(getHeldMail(db, asker, token)).rejects.toThrow(NotFoundError);
    await expect(publishHeldMail(db, outsider, token)).rejects.toThrow(NotFoundError);
    const view = await getHeldMail(db, helper, token);
    expect(view).toMatchObject({ title: "Gratis cadeaubon hier", networkName: network.name });

    const result = await publishHeldMail(db, helper, token);
    expect(result).toMatchObject({ published: true, networkId: network.id });
    const list = await listTopics(db, await authorizeNetwork(db, helper, network.id));
    expect(list.topics.map((t) => t.title)).toEqual(["Gratis cadeaubon hier"]);
    // One use only.
    await expect(publishHeldMail(db, helper, token)).rejects.toThrow(NotFoundError);
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
    await expect(getHeldMail(db, helper, token)).rejects.toThrow(NotFoundError);
    const filesAfter = await db.select({ id: storedFiles.id }).from(storedFiles);
    expect(filesAfter.length).toBe(filesBefore.length - 1);

    // Another one, never confirmed: after 7 days its link is dead and the next inbound mail clears it.
    await receiveInboundMail(db, withFile);
    const second = (await mailsTo(from))[1]?.text?.match(/bericht-bevestigen\/([\w-]+)/)?.[1] ?? "";
    await db
      .update(heldInboundMails)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(heldInboundMails.userId, helper.userId));
    await expect(getHeldMail(db, helper, second)).rejects.toThrow(NotFoundError);
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
