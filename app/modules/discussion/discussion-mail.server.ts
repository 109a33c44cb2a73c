import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { env, publicBaseUrl } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  discussionAttachments,
  discussionPosts,
  discussionSubscriptions,
  discussionTopics,
  heldInboundMailFiles,
  heldInboundMails,
  inboundMails,
  networkMembers,
  networks,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant, instantToAmsterdam } from "#app/i18n/dates.ts";
import { parseLocale, translate } from "#app/i18n/messages.ts";
import type { Actor } from "#app/platform/actor.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { notFound } from "#app/platform/http.server.ts";
import { type ParsedMail, senderAuthenticated } from "#app/platform/inbound-mail.server.ts";
import type { JobHandler } from "#app/platform/jobs.server.ts";
import { sendMail, sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";
import { attachFiles, insertTopic, isActiveMember } from "./discussion.server.ts";
import { insertPost } from "./replies.server.ts";
import { cleanSubject, replyMarker, stripQuotedReply } from "./reply-parsing.ts";
import { ensureSubscription } from "./subscriptions.server.ts";

const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A member's personal reply address for one topic: the key shows the reply is theirs. */
export function replyAddress(topicId: string, replyKey: string) {
  return `t-${topicId}-${replyKey}@${env().INBOUND_MAIL_DOMAIN}`;
}

/** The address that starts a new topic in a network. */
export function networkAddress(networkId: string) {
  return `netwerk-${networkId}@${env().INBOUND_MAIL_DOMAIN}`;
}

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

interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: string;
  mode: string | null;
}

/** Active members of the network with how they follow it (null: never chose, so each message). */
async function membersWithModes(db: DbOrTx, networkId: string): Promise<Recipient[]> {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      mode: discussionSubscriptions.mode,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .leftJoin(
      discussionSubscriptions,
      and(
        eq(discussionSubscriptions.networkId, networkMembers.networkId),
        eq(discussionSubscriptions.userId, networkMembers.userId),
      ),
    )
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")));
}

function unsubscribeHeaders(token: string) {
  const url = `${publicBaseUrl()}/uitschrijven/${token}`;
  return { url, headers: { "List-Unsubscribe": `<${url}>` } };
}

/** "each message": one mail per new topic or answer, with a personal reply address. */
const notify: JobHandler = async (db, payload) => {
  const kind = payload.kind === "topic" ? "topic" : "post";
  const id = String(payload.id ?? "");
  const [item] =
    kind === "topic"
      ? await db
          .select({
            topicId: discussionTopics.id,
            authorId: discussionTopics.authorId,
            body: discussionTopics.body,
          })
          .from(discussionTopics)
          .where(eq(discussionTopics.id, id))
      : await db
          .select({
            topicId: discussionPosts.topicId,
            authorId: discussionPosts.authorId,
            body: discussionPosts.body,
          })
          .from(discussionPosts)
          .where(eq(discussionPosts.id, id));
  if (!item) return; // deleted before the mail went out
  const [topic] = await db
    .select({
      id: discussionTopics.id,
      title: discussionTopics.title,
      networkId: discussionTopics.networkId,
      networkName: networks.name,
    })
    .from(discussionTopics)
    .innerJoin(networks, eq(networks.id, discussionTopics.networkId))
    .where(eq(discussionTopics.id, item.topicId));
  if (!topic) return;
  const [author] = item.authorId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, item.authorId))
    : [];
  const link = `${publicBaseUrl()}/netwerken/${topic.networkId}/discussie/${topic.id}`;
  for (const member of await membersWithModes(db, topic.networkId)) {
    if (member.userId === item.authorId || (member.mode && member.mode !== "each")) continue;
    const subscription = await ensureSubscription(db, topic.networkId, member.userId);
    const unsubscribe = unsubscribeHeaders(subscription.unsubscribeToken);
    const locale = parseLocale(member.locale);
    await sendMail(db, {
      kind: "mail.discussion",
      to: member.email,
      replyTo: replyAddress(topic.id, subscription.replyKey),
      headers: unsubscribe.headers,
      subject: `[${topic.networkName}] ${kind === "post" ? "Re: " : ""}${topic.title}`,
      text: translate(locale, "mail.discussion.body", {
        marker: replyMarker,
        author: author?.name ?? "?",
        body: item.body,
        link,
        unsubscribe: unsubscribe.url,
      }),
    });
  }
};

/** The next 07:00 in Amsterdam after `now` (for weekly: on a Monday). */
export function nextDigestRun(mode: "daily" | "weekly", now: Date) {
  let { day } = instantToAmsterdam(now);
  for (let i = 0; i < 9; i++) {
    const run = amsterdamToInstant(day, "07:00");
    const isMonday = new Date(`${day}T12:00:00Z`).getUTCDay() === 1;
    if (run > now && (mode === "daily" || isMonday)) return run;
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  throw new Error("no digest time found");
}

/**
 * Plans the next digest of every member who asked for one, as durable jobs keyed by member,
 * network and time (one statement per mode, so planning stays cheap with many members).
 */
export async function planDigests(db: DbOrTx, now = new Date()) {
  for (const mode of ["daily", "weekly"] as const) {
    const runAt = nextDigestRun(mode, now);
    const stamp = runAt.toISOString();
    await db.execute(sql`
      insert into jobs (kind, key, payload, run_at, status)
      select 'discussion-digest',
        'discussion-digest:' || s.user_id || ':' || s.network_id || ':' || ${stamp}::text,
        jsonb_build_object('userId', s.user_id, 'networkId', s.network_id, 'mode', ${mode}::text, 'until', ${stamp}::text),
        ${stamp}::timestamptz, 'pending'
      from discussion_subscriptions s
      join network_members m on m.network_id = s.network_id and m.user_id = s.user_id and m.status = 'active'
      where s.mode = ${mode}::text
      on conflict (key) do nothing`);
  }
}

/** What a digest holds: per topic, the new topic and answers by others in (since, until]. */
async function digestContent(
  db: DbOrTx,
  networkId: string,
  userId: string,
  since: Date,
  until: Date,
) {
  const newTopics = await db
    .select({ id: discussionTopics.id, title: discussionTopics.title })
    .from(discussionTopics)
    .where(
      and(
        eq(discussionTopics.networkId, networkId),
        gt(discussionTopics.createdAt, since),
        lte(discussionTopics.createdAt, until),
        sql`${discussionTopics.authorId} is distinct from ${userId}`,
      ),
    );
  const answers = await db
    .select({
      topicId: discussionPosts.topicId,
      title: discussionTopics.title,
      body: discussionPosts.body,
      authorName: users.name,
    })
    .from(discussionPosts)
    .innerJoin(discussionTopics, eq(discussionTopics.id, discussionPosts.topicId))
    .leftJoin(users, eq(users.id, discussionPosts.authorId))
    .where(
      and(
        eq(discussionPosts.networkId, networkId),
        gt(discussionPosts.createdAt, since),
        lte(discussionPosts.createdAt, until),
        sql`${discussionPosts.authorId} is distinct from ${userId}`,
      ),
    )
    .orderBy(discussionPosts.createdAt);
  const topics = new Map<
    string,
    { id: string; title: string; isNew: boolean; answers: string[] }
  >();
  for (const topic of newTopics) topics.set(topic.id, { ...topic, isNew: true, answers: [] });
  for (const answer of answers) {
    const entry = topics.get(answer.topicId) ?? {
      id: answer.topicId,
      title: answer.title,
      isNew: false,
      answers: [],
    };
    const firstLine = answer.body.split("\n")[0]?.slice(0, 160) ?? "";
    entry.answers.push(`${answer.authorName ?? "?"}: ${firstLine}`);
    topics.set(answer.topicId, entry);
  }
  return [...topics.values()];
}

const digest: JobHandler = async (db, payload) => {
  const networkId = String(payload.networkId);
  const userId = String(payload.userId);
  const until = new Date(String(payload.until));
  const [subscription] = await db
    .select()
    .from(discussionSubscriptions)
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, userId),
      ),
    );
  // Changed their mind since the job was planned: the new choice decides.
  if (!subscription || subscription.mode !== payload.mode) return;
  if (!(await isActiveMember(db, networkId, userId))) return;
  const period = subscription.mode === "weekly" ? 7 : 1;
  const since = subscription.digestedUntil ?? new Date(until.getTime() - period * 24 * 3600 * 1000);
  if (since >= until) return;
  const topics = await digestContent(db, networkId, userId, since, until);
  if (topics.length) {
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    const [network] = await db
      .select({ name: networks.name })
      .from(networks)
      .where(eq(networks.id, networkId));
    if (!user || !network) return;
    const locale = parseLocale(user.locale);
    const base = `${publicBaseUrl()}/netwerken/${networkId}/discussie`;
    const lines = topics.map(
      (topic) =>
        `${topic.isNew ? `${translate(locale, "mail.digest.newTopic")} ` : ""}${topic.title}\n${topic.answers.map((a) => `  – ${a}`).join("\n")}${topic.answers.length ? "\n" : ""}  ${base}/${topic.id}`,
    );
    const unsubscribe = unsubscribeHeaders(subscription.unsubscribeToken);
    await sendMail(db, {
      kind: "mail.digest",
      to: user.email,
      headers: unsubscribe.headers,
      subject: translate(
        locale,
        subscription.mode === "weekly" ? "mail.digest.weekly" : "mail.digest.daily",
        { network: network.name },
      ),
      text: translate(locale, "mail.digest.body", {
        name: user.name,
        topics: lines.join("\n\n"),
        link: base,
        unsubscribe: unsubscribe.url,
      }),
    });
  }
  await db
    .update(discussionSubscriptions)
    .set({ digestedUntil: until })
    .where(
      and(
        eq(discussionSubscriptions.networkId, networkId),
        eq(discussionSubscriptions.userId, userId),
      ),
    );
};

export const discussionJobHandlers = { "discussion-notify": notify, "discussion-digest": digest };

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

type InboundRefusal =
  | "unknownAddress"
  | "unknownSender"
  | "notMember"
  | "forgedSender"
  | "topicGone"
  | "empty"
  | "badTitle"
  | "attachment"
  | "tooManyHeld";

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
        reason: translate(parseLocale(bounceTo.locale), `mail.bounce.${outcome.reason}`),
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

function insertEmailTopic(
  tx: DbOrTx,
  networkId: string,
  authorId: string,
  title: string,
  body: string,
) {
  return insertTopic(tx, {
    networkId,
    authorId,
    kind: "question",
    title,
    body,
    themes: [],
    meetingId: null,
    via: "email",
  });
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

/** Held mails nobody confirmed in time go, with their stored attachments. */
export async function purgeExpiredHeldMails(db: DbOrTx, now = new Date()) {
  const expired = db
    .select({ id: heldInboundMails.id })
    .from(heldInboundMails)
    .where(lte(heldInboundMails.expiresAt, now));
  await db
    .delete(storedFiles)
    .where(
      inArray(
        storedFiles.id,
        db
          .select({ id: heldInboundMailFiles.fileId })
          .from(heldInboundMailFiles)
          .where(inArray(heldInboundMailFiles.heldMailId, expired)),
      ),
    );
  await db.delete(heldInboundMails).where(lte(heldInboundMails.expiresAt, now));
}

/** The held mail behind a confirm link, for the member it was held for; anyone else gets a 404. */
async function findHeldMail(db: DbOrTx, actor: Actor, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) notFound();
  const [held] = await db
    .select()
    .from(heldInboundMails)
    .where(
      and(
        eq(heldInboundMails.tokenHash, hashToken(token)),
        gt(heldInboundMails.expiresAt, new Date()),
      ),
    );
  if (!held || held.userId !== actor.userId) notFound();
  return held;
}

async function heldFileIds(db: DbOrTx, heldMailId: string) {
  const rows = await db
    .select({ id: heldInboundMailFiles.fileId })
    .from(heldInboundMailFiles)
    .where(eq(heldInboundMailFiles.heldMailId, heldMailId));
  return rows.map((row) => row.id);
}

/** What the confirm page shows: the mail as it would be published. */
export async function getHeldMail(db: DbOrTx, actor: Actor, token: string) {
  const held = await findHeldMail(db, actor, token);
  const [network] = await db
    .select({ name: networks.name })
    .from(networks)
    .where(eq(networks.id, held.networkId));
  const files = await db
    .select({ name: storedFiles.name, size: storedFiles.size })
    .from(heldInboundMailFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, heldInboundMailFiles.fileId))
    .where(eq(heldInboundMailFiles.heldMailId, held.id));
  return {
    networkId: held.networkId,
    networkName: network?.name ?? "",
    title: held.title,
    body: held.body,
    receivedAt: held.createdAt,
    files,
  };
}

/**
 * The member confirms their held mail: it becomes a topic, as if it had been proven on
 * arrival. One use: the held row is deleted in the same transaction.
 */
export async function publishHeldMail(
  db: Db,
  actor: Actor,
  token: string,
): Promise<{ published: true; networkId: string; topicId: string } | { published: false }> {
  return db.transaction(async (tx) => {
    const held = await findHeldMail(tx, actor, token);
    if (!(await isActiveMember(tx, held.networkId, actor.userId))) return { published: false };
    const fileIds = await heldFileIds(tx, held.id);
    const [claimed] = await tx
      .delete(heldInboundMails)
      .where(eq(heldInboundMails.id, held.id))
      .returning({ id: heldInboundMails.id });
    if (!claimed) notFound();
    const topicId = await insertEmailTopic(tx, held.networkId, actor.userId, held.title, held.body);
    for (const fileId of fileIds) {
      await tx.insert(discussionAttachments).values({ topicId, postId: null, fileId });
    }
    return { published: true, networkId: held.networkId, topicId };
  });
}

/** The member did not send it (or changed their mind): it goes, attachments included. */
export async function discardHeldMail(db: Db, actor: Actor, token: string) {
  return db.transaction(async (tx) => {
    const held = await findHeldMail(tx, actor, token);
    const fileIds = await heldFileIds(tx, held.id);
    if (fileIds.length) await tx.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
    await tx.delete(heldInboundMails).where(eq(heldInboundMails.id, held.id));
    return { networkId: held.networkId };
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
    message: translate(parseLocale("nl"), `mail.bounce.${outcome.reason}`),
  };
}
