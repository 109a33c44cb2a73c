import { and, eq, gt, sql } from "drizzle-orm";
import { env, publicBaseUrl } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import type { Db } from "#app/db/client.server.ts";
import {
  discussionSubscriptions,
  discussionTopics,
  heldInboundMailFiles,
  heldInboundMails,
  inboundMails,
  networks,
  users,
} from "#app/db/schema/index.ts";
import { type MailKey, translate } from "#app/i18n/messages.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { type ParsedMail, senderAuthenticated } from "#app/platform/inbound-mail.server.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";
import { attachFiles, isActiveMember } from "./discussion.server.ts";
import { insertEmailTopic, purgeExpiredHeldMails } from "./held-mail.server.ts";
import { insertPost } from "./replies.server.ts";
import { cleanSubject, stripQuotedReply } from "./reply-parsing.ts";

const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

type InboundAddress =
  | { kind: "reply"; topicId: string; replyKey: string }
  | { kind: "network"; networkId: string };

function parseInboundAddress(address: string): InboundAddress | null {
  const [local, domain] = address.trim().toLowerCase().split("@");
  if (!local || domain !== env().INBOUND_MAIL_DOMAIN.toLowerCase()) return null;
  const reply = local.match(new RegExp(`^t-(${uuidPattern})-([a-z0-9_-]{6,32})$`));
  if (reply?.[1] && reply[2]) return { kind: "reply", topicId: reply[1], replyKey: reply[2] };
  const network = local.match(new RegExp(`^netwerk-(${uuidPattern})$`));
  if (network?.[1]) return { kind: "network", networkId: network[1] };
  return null;
}

type InboundMail = ParsedMail;

export type InboundOutcome =
  | { accepted: true; held: false; topicId: string; postId: string | null }
  | { accepted: true; held: true }
  | {
      accepted: false;
      reason: InboundRefusal;
      /**
       * Refused without a word to an unproven sender: over SMTP and the webhook it looks like any
       * held mail, so the answer tells a forger neither who is a member nor who has an account.
       */
      quiet?: true;
    };

type InboundRefusal = keyof typeof refusalText;

/** Why a mail was not placed, in the bounce and in the answer to the sending server. */
const refusalText = {
  unknownAddress: "mail.bounce.unknownAddress",
  unknownSender: "mail.bounce.unknownSender",
  notMember: "mail.bounce.notMember",
  forgedSender: "mail.bounce.forgedSender",
  topicGone: "mail.bounce.topicGone",
  empty: "mail.bounce.empty",
  badTitle: "mail.bounce.badTitle",
  attachment: "mail.bounce.attachment",
  tooManyHeld: "mail.bounce.tooManyHeld",
} as const satisfies Record<string, MailKey>;

/** The reason in Dutch for the sending server (SMTP 550, the webhook's answer): no recipient's language is known there. */
export function refusalMessage(reason: InboundRefusal) {
  return translate("nl", refusalText[reason]);
}

/** How long a held mail waits for its member, and how many may wait at once (a flood of forgeries mails the member only this often). */
const heldForDays = 7;

const maxPendingHeld = 5;

interface Verdict {
  outcome: InboundOutcome;
  /** only a proven sender hears why: a bounce to anyone else would be backscatter */
  bounceTo: { email: string; locale: string | null } | null;
}

/**
 * A mail to a reply address becomes an answer, a mail to a network's address a new topic. The
 * From: address proves nothing by itself: a reply must carry the key of the member named in
 * From:, and a new topic is published only when a relay we trust vouches for the From:
 * domain (Authentication-Results). Otherwise it is held and the member confirms it in
 * Knooppunt. Refusals are answered with a Dutch bounce only to a proven sender.
 */
export async function receiveInboundMail(db: Db, mail: InboundMail): Promise<InboundOutcome> {
  const sender = mail.from.trim().toLowerCase();
  const address = mail.to.map(parseInboundAddress).find((a) => a !== null) ?? null;
  const recipient = mail.to[0] ?? "";
  await purgeExpiredHeldMails(db);
  const { outcome, bounceTo } = await decide(db, mail, sender, address);
  await db.insert(inboundMails).values({
    sender,
    recipient,
    outcome: outcome.accepted ? (outcome.held ? "held" : "accepted") : outcome.reason,
    topicId: outcome.accepted && !outcome.held ? outcome.topicId : null,
    postId: outcome.accepted && !outcome.held ? outcome.postId : null,
    sizeBytes: mail.sizeBytes,
  });
  if (!outcome.accepted && !bounceTo) {
    log.info("inbound.dropped", { recipient, reason: outcome.reason });
    return { ...outcome, quiet: true };
  }
  if (!outcome.accepted) {
    if (bounceTo) {
      await sendTemplatedMail(db, bounceTo, "mail.bounce", {
        reason: { text: refusalText[outcome.reason] },
      });
    } else {
      log.info("inbound.dropped", { recipient, reason: outcome.reason });
    }
  }
  return outcome;
}

async function decide(
  db: Db,
  mail: InboundMail,
  sender: string,
  address: InboundAddress | null,
): Promise<Verdict> {
  const authenticated = senderAuthenticated(
    mail.authenticationResults,
    sender,
    env().INBOUND_TRUSTED_AUTHSERV_ID,
  );
  const [user] = sender.includes("@")
    ? await db
        .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(sql`lower(${users.email}) = ${sender}`)
    : [];
  let proven = authenticated;
  const refuse = (reason: InboundRefusal): Verdict => ({
    outcome: { accepted: false, reason },
    bounceTo: proven
      ? user
        ? { email: user.email, locale: user.locale }
        : { email: sender, locale: "nl" }
      : null,
  });
  if (!address) return refuse("unknownAddress");
  if (!user) return refuse("unknownSender");
  try {
    if (address.kind === "reply") {
      const ownKeys = await db
        .select({ networkId: discussionSubscriptions.networkId })
        .from(discussionSubscriptions)
        .where(
          and(
            eq(discussionSubscriptions.userId, user.id),
            sql`lower(${discussionSubscriptions.replyKey}) = ${address.replyKey}`,
          ),
        );
      // The key only ever went to this member's own address: whoever uses it with their From: is them.
      if (ownKeys.length) proven = true;
      const [topic] = await db
        .select({ id: discussionTopics.id, networkId: discussionTopics.networkId })
        .from(discussionTopics)
        .where(eq(discussionTopics.id, address.topicId));
      if (!topic) return refuse("topicGone");
      if (!ownKeys.some((key) => key.networkId === topic.networkId)) return refuse("forgedSender");
      if (!(await isActiveMember(db, topic.networkId, user.id))) return refuse("notMember");
      const body = stripQuotedReply(mail.text);
      if (!body) return refuse("empty");
      const postId = await db.transaction(async (tx) => {
        const id = await insertPost(tx, {
          topicId: topic.id,
          networkId: topic.networkId,
          authorId: user.id,
          parentId: null,
          body: body.slice(0, 20000),
          via: "email",
        });
        await attachFiles(tx, topic.id, id, mail.attachments, user.id);
        return id;
      });
      return {
        outcome: { accepted: true, held: false, topicId: topic.id, postId },
        bounceTo: null,
      };
    }
    const [network] = await db
      .select({ id: networks.id, name: networks.name })
      .from(networks)
      .where(eq(networks.id, address.networkId));
    if (!network) return refuse("unknownAddress");
    if (!(await isActiveMember(db, network.id, user.id))) return refuse("notMember");
    const title = cleanSubject(mail.subject);
    if (title.length < 5 || title.length > 150) return refuse("badTitle");
    const body = stripQuotedReply(mail.text).slice(0, 20000);
    if (!body) return refuse("empty");
    if (authenticated) {
      const topicId = await db.transaction(async (tx) => {
        const id = await insertEmailTopic(tx, network.id, user.id, title, body);
        await attachFiles(tx, id, null, mail.attachments, user.id);
        return id;
      });
      return { outcome: { accepted: true, held: false, topicId, postId: null }, bounceTo: null };
    }
    const [pending] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(heldInboundMails)
      .where(and(eq(heldInboundMails.userId, user.id), gt(heldInboundMails.expiresAt, new Date())));
    if ((pending?.count ?? 0) >= maxPendingHeld) return refuse("tooManyHeld");
    await holdMail(db, { network, user, title, body, attachments: mail.attachments });
    return { outcome: { accepted: true, held: true }, bounceTo: null };
  } catch (error) {
    if (error instanceof FieldError) return refuse("attachment");
    throw error;
  }
}

/**
 * Keeps an unproven mail (attachments checked and stored) and mails the member named in From:,
 * at their own registered address, a link to publish it. The mail holds nothing the sender
 * wrote, so a forger cannot use it to put their words in front of the member.
 */
async function holdMail(
  db: Db,
  held: {
    network: { id: string; name: string };
    user: { id: string; email: string; name: string; locale: string | null };
    title: string;
    body: string;
    attachments: File[];
  },
) {
  const token = newToken();
  await db.transaction(async (tx) => {
    if (held.attachments.length > 5) throw new FieldError("files", "error.discussion.tooManyFiles");
    const [row] = await tx
      .insert(heldInboundMails)
      .values({
        networkId: held.network.id,
        userId: held.user.id,
        title: held.title,
        body: held.body,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + heldForDays * 24 * 3600 * 1000),
      })
      .returning({ id: heldInboundMails.id });
    if (!row) throw new Error("held mail not saved");
    for (const file of held.attachments) {
      const stored = await storeUpload(tx, "files", file, held.user.id);
      await tx.insert(heldInboundMailFiles).values({ heldMailId: row.id, fileId: stored.id });
    }
    await sendTemplatedMail(tx, held.user, "mail.heldInbound", {
      name: held.user.name,
      network: held.network.name,
      link: `${publicBaseUrl()}/bericht-bevestigen/${token}`,
      days: String(heldForDays),
    });
  });
}

/**
 * What Knooppunt's own SMTP endpoint answers: 250 for what it took (published, held, or refused
 * quietly), 550 with the Dutch reason only where a bounce would be allowed too.
 */
export async function answerInboundSmtp(db: Db, mail: InboundMail) {
  const outcome = await receiveInboundMail(db, mail);
  if (outcome.accepted || outcome.quiet) return { accepted: true as const };
  return {
    accepted: false as const,
    message: refusalMessage(outcome.reason),
  };
}
