import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  discussionPosts,
  discussionSubscriptions,
  discussionTopics,
  inboundMails,
  networkMembers,
  networks,
  users,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant, instantToAmsterdam } from "#app/i18n/dates.ts";
import { parseLocale, translate } from "#app/i18n/messages.ts";
import { env, publicBaseUrl } from "#app/platform/env.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { JobHandler } from "#app/platform/jobs.server.ts";
import { sendMail } from "#app/platform/mailer.server.ts";
import {
  attachFiles,
  ensureSubscription,
  insertPost,
  insertTopic,
  isActiveMember,
} from "./discussion.server.ts";
import { cleanSubject, replyMarker, stripQuotedReply } from "./reply-parsing.ts";

const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A member's personal reply address for one topic: the key shows the reply is theirs. */
export function replyAddress(topicId: string, replyKey: string) {
  return `t-${topicId}-${replyKey}@${env().INBOUND_MAIL_DOMAIN}`;
}

/** The address that starts a new topic in a network. */
export function networkAddress(networkId: string) {
  return `netwerk-${networkId}@${env().INBOUND_MAIL_DOMAIN}`;
}

export type InboundAddress =
  | { kind: "reply"; topicId: string; replyKey: string }
  | { kind: "network"; networkId: string };

export function parseInboundAddress(address: string): InboundAddress | null {
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
export async function digestContent(
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

export interface InboundMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  attachments: File[];
  sizeBytes: number;
}

export type InboundOutcome =
  | { accepted: true; topicId: string; postId: string | null }
  | { accepted: false; reason: InboundRefusal };

export type InboundRefusal =
  | "unknownAddress"
  | "unknownSender"
  | "notMember"
  | "forgedSender"
  | "topicGone"
  | "empty"
  | "badTitle"
  | "attachment";

/**
 * A mail to a reply address becomes an answer, a mail to a network's address a new topic. The
 * sender must be an active member; a reply must also carry that member's own key, so a forged
 * From alone does not get a message in. Refusals are answered with a Dutch bounce.
 */
export async function receiveInboundMail(db: Db, mail: InboundMail): Promise<InboundOutcome> {
  const sender = mail.from.trim().toLowerCase();
  const address = mail.to.map(parseInboundAddress).find((a) => a !== null) ?? null;
  const recipient = mail.to[0] ?? "";
  const outcome = await decide(db, mail, sender, address);
  await db.insert(inboundMails).values({
    sender,
    recipient,
    outcome: outcome.accepted ? "accepted" : outcome.reason,
    topicId: outcome.accepted ? outcome.topicId : null,
    postId: outcome.accepted ? outcome.postId : null,
    sizeBytes: mail.sizeBytes,
  });
  if (!outcome.accepted && sender.includes("@")) {
    const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${sender}`);
    const locale = parseLocale(user?.locale ?? "nl");
    await sendMail(db, {
      to: sender,
      subject: translate(locale, "mail.bounce.subject", { subject: mail.subject }),
      text: translate(locale, "mail.bounce.body", {
        reason: translate(locale, `mail.bounce.${outcome.reason}`),
      }),
    });
  }
  return outcome;
}

async function decide(
  db: Db,
  mail: InboundMail,
  sender: string,
  address: InboundAddress | null,
): Promise<InboundOutcome> {
  const refuse = (reason: InboundRefusal): InboundOutcome => ({ accepted: false, reason });
  if (!address) return refuse("unknownAddress");
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${sender}`);
  if (!user) return refuse("unknownSender");
  try {
    if (address.kind === "reply") {
      const [topic] = await db
        .select({ id: discussionTopics.id, networkId: discussionTopics.networkId })
        .from(discussionTopics)
        .where(eq(discussionTopics.id, address.topicId));
      if (!topic) return refuse("topicGone");
      if (!(await isActiveMember(db, topic.networkId, user.id))) return refuse("notMember");
      const [subscription] = await db
        .select({ replyKey: discussionSubscriptions.replyKey })
        .from(discussionSubscriptions)
        .where(
          and(
            eq(discussionSubscriptions.networkId, topic.networkId),
            eq(discussionSubscriptions.userId, user.id),
          ),
        );
      if (subscription?.replyKey.toLowerCase() !== address.replyKey) return refuse("forgedSender");
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
      return { accepted: true, topicId: topic.id, postId };
    }
    const [network] = await db
      .select({ id: networks.id })
      .from(networks)
      .where(eq(networks.id, address.networkId));
    if (!network) return refuse("unknownAddress");
    if (!(await isActiveMember(db, network.id, user.id))) return refuse("notMember");
    const title = cleanSubject(mail.subject);
    if (title.length < 5 || title.length > 150) return refuse("badTitle");
    const body = stripQuotedReply(mail.text);
    if (!body) return refuse("empty");
    const topicId = await db.transaction(async (tx) => {
      const id = await insertTopic(tx, {
        networkId: network.id,
        authorId: user.id,
        kind: "question",
        title,
        body: body.slice(0, 20000),
        themes: [],
        meetingId: null,
        via: "email",
      });
      await attachFiles(tx, id, null, mail.attachments, user.id);
      return id;
    });
    return { accepted: true, topicId, postId: null };
  } catch (error) {
    if (error instanceof FieldError) return refuse("attachment");
    throw error;
  }
}

/** Mail addresses a member can use, shown on the discussion page. */
export async function myMailAddresses(db: DbOrTx, networkId: string, userId: string) {
  const subscription = await ensureSubscription(db, networkId, userId);
  return { networkAddress: networkAddress(networkId), mode: subscription.mode };
}
