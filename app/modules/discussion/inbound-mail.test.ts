import net from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import type { Database } from "#app/db/client.server.ts";
import { discussionPosts, outbox } from "#app/db/schema/index.ts";
import {
  maxMailBytes,
  readAtMost,
  readInboundRequest,
  startInboundSmtp,
} from "#app/platform/inbound-mail.server.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { createTopic, listTopics } from "./discussion.server.ts";
import { networkAddress, replyAddress } from "./discussion-mail.server.ts";
import { answerInboundSmtp, receiveInboundMail } from "./inbound-mail.server.ts";
import { ensureSubscription } from "./subscriptions.server.ts";

const trustedRelay = "mx.knooppunt.test";
let database: Database;
let smtp: SMTPServer;
let smtpPort: number;
let handled = 0;
const saved = { ...process.env };

beforeAll(async () => {
  process.env.INBOUND_TRUSTED_AUTHSERV_ID = trustedRelay;
  process.env.INBOUND_MAIL_DOMAIN = "reageer.knooppunt.test";
  resetEnvForTests();
  database = await createTestDatabase();
  // The endpoint as the app runs it (entry.server.tsx), on a free port.
  smtp = startInboundSmtp(0, "127.0.0.1", async (mail) => {
    handled += 1;
    return answerInboundSmtp(database.db, mail);
  });
  await new Promise((resolve) => smtp.server.once("listening", resolve));
  smtpPort = (smtp.server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await database?.close();
  process.env = saved;
  resetEnvForTests();
});

async function setup() {
  const { db } = database;
  const network = await buildNetwork(db, { openness: "closed" });
  const [member, other] = await Promise.all([buildUser(db), buildUser(db)]);
  if (!member || !other) throw new Error("setup");
  await addNetworkMember(db, network.id, member.id, "deelnemer");
  await addNetworkMember(db, network.id, other.id, "deelnemer");
  const actor = await actorFor(db, member);
  const otherActor = await actorFor(db, other);
  if (!actor || !otherActor) throw new Error("setup");
  return { db, network, member, other, actor, otherActor };
}

const mailsTo = (email: string) =>
  database.db.select().from(outbox).where(eq(outbox.to, email.toLowerCase()));

/** As a mail server on the internet would deliver it: envelope sender and From: apart. */
function deliver(mail: {
  envelopeFrom: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}) {
  return nodemailer
    .createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true })
    .sendMail({ ...mail, envelope: { from: mail.envelopeFrom, to: [mail.to] } });
}

describe("inbound mail over SMTP", () => {
  it("does not publish a forged From: with a foreign MAIL FROM, and mails nobody but the member named", async () => {
    const { network, member, actor } = await setup();
    await deliver({
      envelopeFrom: "attacker@evil.example",
      from: member.email,
      to: networkAddress(network.id),
      subject: "Dringend: nieuw wachtwoord nodig",
      text: "Log in op https://evil.example",
      // An attacker may add this header themselves: another authserv-id counts for nothing.
      headers: {
        "Authentication-Results": `mx.evil.example; dmarc=pass header.from=school.test; spf=pass smtp.mailfrom=school.test`,
      },
    });
    expect(
      (await listTopics(database.db, await authorizeNetwork(database.db, actor, network.id)))
        .topics,
    ).toHaveLength(0);
    expect(await mailsTo("attacker@evil.example")).toHaveLength(0);
    const mails = await mailsTo(member.email);
    expect(mails.map((m) => m.subject)).toEqual([`Bevestig je bericht aan ${network.name}`]);
  });

  it("answers an unproven mail to a closed network the same for members and non-members", async () => {
    const { db, network, member } = await setup();
    const stranger = await buildUser(db);
    if (!stranger) throw new Error("setup");
    const attempt = (from: string) =>
      deliver({
        envelopeFrom: "probe@evil.example",
        from,
        to: networkAddress(network.id),
        subject: "Wie zit er in dit netwerk?",
        text: "Even testen.",
      });
    // Both are taken (250): the answer does not say who is a member of this closed network.
    const asMember = await attempt(member.email);
    const asStranger = await attempt(stranger.email);
    expect(asMember.accepted).toEqual([networkAddress(network.id)]);
    expect(asStranger.accepted).toEqual([networkAddress(network.id)]);
    expect(await mailsTo(stranger.email)).toHaveLength(0);
    expect(await mailsTo("probe@evil.example")).toHaveLength(0);
  });

  it("publishes a mail whose From: domain our trusted relay vouches for", async () => {
    const { network, member, actor } = await setup();
    await deliver({
      envelopeFrom: member.email,
      from: member.email,
      to: networkAddress(network.id),
      subject: "Wie heeft een goed inwerkprogramma?",
      text: "Graag voorbeelden.",
      headers: {
        "Authentication-Results": `${trustedRelay}; spf=pass smtp.mailfrom=${member.email}; dkim=pass header.d=school.test`,
      },
    });
    const topics = (
      await listTopics(database.db, await authorizeNetwork(database.db, actor, network.id))
    ).topics;
    expect(topics.map((t) => t.title)).toEqual(["Wie heeft een goed inwerkprogramma?"]);
  });

  it("takes someone else's reply address without a word, posts nothing and mails nobody", async () => {
    const { db, network, member, other, actor } = await setup();
    const topicId = await createTopic(db, await authorizeNetwork(db, actor, network.id), {
      kind: "question",
      title: "Wie kent een goede coach?",
      body: "Graag namen.",
      themes: [],
      meetingId: null,
    });
    const key = (await ensureSubscription(db, network.id, member.id)).replyKey;
    // 250 like any mail: whether the From: has an account or the topic exists is not told.
    const forged = await deliver({
      envelopeFrom: "attacker@evil.example",
      from: other.email,
      to: replyAddress(topicId, key),
      subject: "Re: coach",
      text: "Nep",
    });
    const unknownSender = await deliver({
      envelopeFrom: "attacker@evil.example",
      from: "niemand@evil.example",
      to: replyAddress(topicId, key),
      subject: "Re: coach",
      text: "Nep",
    });
    expect(forged.accepted).toEqual(unknownSender.accepted);
    expect(forged.response).toMatch(/^250/);
    expect(await mailsTo("attacker@evil.example")).toHaveLength(0);
    expect(await mailsTo(other.email)).toHaveLength(0);
    expect(
      await db.select().from(discussionPosts).where(eq(discussionPosts.topicId, topicId)),
    ).toEqual([]);
  });

  it("answers 552 to DATA over 12 MB without keeping it in memory", async () => {
    const before = handled;
    const dataBytes = 60 * 1024 * 1024;
    // Garbage collected at each sample, so what is counted is what the process still holds.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    gc();
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = baseline;
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 50);
    const reply = await sendRawData(dataBytes).finally(() => clearInterval(sampler));
    expect(reply).toMatch(/^552 /);
    expect(handled).toBe(before);
    // At most the limit (plus socket buffers), never the 60 MB that came in.
    expect(peak - baseline).toBeLessThan(24 * 1024 * 1024);
  });
});

/**
 * A raw SMTP client that generates its DATA as it goes (nodemailer would hold the whole message
 * in this process and blur what the server keeps).
 */
function sendRawData(bytes: number) {
  return new Promise<string>((resolve, reject) => {
    const socket = net.connect(smtpPort, "127.0.0.1");
    const steps = [
      "EHLO test.example\r\n",
      "MAIL FROM:<someone@school.test>\r\n",
      `RCPT TO:<netwerk-00000000-0000-0000-0000-000000000000@reageer.knooppunt.test>\r\n`,
      "DATA\r\n",
    ];
    let buffer = "";
    let step = 0;
    socket.on("error", reject);
    socket.on("data", (chunk) => {
      buffer += chunk.toString();
      if (!buffer.endsWith("\r\n")) return;
      const lines = buffer.trimEnd().split("\r\n");
      const last = lines[lines.length - 1] ?? "";
      buffer = "";
      if (/^\d{3}-/.test(last)) return;
      if (step < steps.length) {
        socket.write(steps[step] ?? "");
        step += 1;
        return;
      }
      if (step === steps.length) {
        step += 1;
        void pump(socket, bytes).catch(reject);
        return;
      }
      socket.end("QUIT\r\n");
      resolve(last);
    });
  });
}

async function pump(socket: net.Socket, bytes: number) {
  const line = `${"x".repeat(998)}\r\n`;
  const chunk = Buffer.from(`Subject: groot\r\n\r\n${line.repeat(64)}`);
  const body = Buffer.from(line.repeat(64));
  let sent = 0;
  let first = true;
  while (sent < bytes) {
    const piece = first ? chunk : body;
    first = false;
    sent += piece.length;
    if (!socket.write(piece)) await new Promise((resolve) => socket.once("drain", resolve));
  }
  socket.write("\r\n.\r\n");
}

describe("reading a body with a byte counter", () => {
  async function* generated(total: number, size = 64 * 1024) {
    for (let sent = 0; sent < total; sent += size) yield new Uint8Array(size);
  }

  it("stops keeping chunks past the limit, and with drain reads on to the end", async () => {
    const drained = await readAtMost(generated(40 * 1024 * 1024), maxMailBytes, { drain: true });
    expect(drained).toMatchObject({ tooLarge: true, bytesSeen: 40 * 1024 * 1024 });
    if (!drained.tooLarge) throw new Error("not too large");
    expect(drained.mostBytesHeld).toBeLessThanOrEqual(maxMailBytes);
    const fits = await readAtMost(generated(1024 * 1024), maxMailBytes, { drain: true });
    expect(fits.tooLarge ? 0 : fits.bytes.length).toBe(1024 * 1024);
  });

  it("the webhook reads a chunked body without Content-Length only up to 12 MB", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 40 * 1024 * 1024) return controller.close();
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request("http://knooppunt.test/api/inkomende-mail", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    expect(await readInboundRequest(request)).toBeNull();
    expect(pulled).toBeLessThanOrEqual(maxMailBytes + 256 * 1024);
  });
});

describe("inbound mail through the webhook", () => {
  const raw = (from: string, to: string, subject: string, headers: string[] = []) =>
    new Request("http://knooppunt.test/api/inkomende-mail", {
      method: "POST",
      headers: { "Content-Type": "message/rfc822", "X-Envelope-To": to },
      body: [
        ...headers,
        `From: ${from}`,
        `To: ${to}`,
        `Subject: ${subject}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Wie heeft ervaring hiermee?",
        "",
      ].join("\r\n"),
    });

  it("holds a forged From: and publishes one with a trusted, aligned pass", async () => {
    const { db, network, member, actor } = await setup();
    const to = networkAddress(network.id);
    const forged = await readInboundRequest(
      raw(member.email, to, "Vervalst onderwerp", [
        `Authentication-Results: ${trustedRelay}; spf=pass smtp.mailfrom=evil.example`,
      ]),
    );
    if (!forged) throw new Error("not parsed");
    expect(await receiveInboundMail(db, forged)).toEqual({ accepted: true, held: true });

    const proven = await readInboundRequest(
      raw(member.email, to, "Echt onderwerp", [
        `Authentication-Results: ${trustedRelay};\r\n\tdkim=pass (2048-bit key; unprotected) header.d=school.test header.i=@school.test;\r\n\tdmarc=pass (p=reject) header.from=school.test`,
      ]),
    );
    if (!proven) throw new Error("not parsed");
    expect(await receiveInboundMail(db, proven)).toMatchObject({ accepted: true, held: false });
    const topics = (await listTopics(db, await authorizeNetwork(db, actor, network.id))).topics.map(
      (t) => t.title,
    );
    expect(topics).toEqual(["Echt onderwerp"]);
  });
});
