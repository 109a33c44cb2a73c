import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { env, publicBaseUrl } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { notificationPreferences, outbox, users } from "#app/db/schema/index.ts";
import {
  type MailCategory,
  type MailTemplate,
  mailCategory,
  mailTemplates,
  markdownParams,
} from "#app/i18n/mail/templates.server.ts";
import { type Locale, type MailKey, parseLocale, translate } from "#app/i18n/messages.ts";
import { renderMail } from "./mail-layout.server.ts";
import {
  allMailPreference,
  type UnsubscribeScope,
  unsubscribeUrl,
} from "./mail-unsubscribe.server.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** the HTML part, rendered from the same template as text (mail-layout.server.ts) */
  html?: string;
  /** where a reply goes (a discussion's personal reply address) */
  replyTo?: string;
  /** e.g. List-Unsubscribe, Message-ID, In-Reply-To */
  headers?: Record<string, string>;
  /** the template key; sendTemplatedMail fills it in */
  kind?: string;
}

/**
 * Subjects that name nothing about a network, group or discussion: admins may read them in
 * the outbox. Every other kind (and a mail without a kind) shows admins only its metadata,
 * and its subject is wiped with the body once the mail has left.
 */
const kindsWithPublicSubject = new Set([
  "mail.verify",
  "mail.alreadyRegistered",
  "mail.reset",
  "mail.magicLink",
]);

export function hasPublicSubject(kind: string | null) {
  return kind !== null && kindsWithPublicSubject.has(kind);
}

/**
 * The mails about the account itself, which prove or protect the address: the only kinds an
 * account's address receives before it is confirmed.
 */
const kindsForUnconfirmedAddresses = new Set([
  "mail.verify",
  "mail.alreadyRegistered",
  "mail.reset",
  "mail.magicLink",
  "mail.emailChange",
  "mail.emailChangeNotice",
  "mail.emailChangeByAdminNotice",
  "mail.linkIdentity",
  "mail.ssoAddressTaken",
]);

/** The account that has this address, if any (the unique index on lower(email)). */
async function accountOf(db: DbOrTx, to: string) {
  const [row] = await db
    .select({ id: users.id, verified: users.emailVerifiedAt })
    .from(users)
    .where(sql`lower(${users.email}) = ${to.toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

/** A Message-ID at our own host: stable where the caller names it (a discussion topic). */
export function messageId(local: string) {
  return `<${local}@${new URL(publicBaseUrl()).hostname}>`;
}

/** The Message-ID of a topic's first mail: every answer's mail points at it, so clients thread. */
export function topicMessageId(topicId: string) {
  return messageId(`topic-${topicId}`);
}

async function enqueue(db: DbOrTx, mail: Mail) {
  await db.insert(outbox).values({
    to: mail.to,
    kind: mail.kind ?? null,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    replyTo: mail.replyTo ?? null,
    headers: { "Message-ID": messageId(randomUUID()), ...mail.headers },
    // The sender compares with its own clock; the database's now() has microseconds it has not.
    nextAttemptAt: new Date(),
  });
  nudgeSender();
}

/**
 * Writes the mail into the outbox with the caller's handle: inside a transaction it is sent
 * only if the change commits. The sender (startMailSender) delivers it afterwards.
 *
 * Checked here, where every module's mail passes, rather than in each module: an account's
 * address that nobody confirmed gets account mails only (kindsForUnconfirmedAddresses) — no
 * network, discussion or reminder mail reaches an address its owner may not be.
 */
export async function sendMail(db: DbOrTx, mail: Mail) {
  if (!kindsForUnconfirmedAddresses.has(mail.kind ?? "")) {
    const account = await accountOf(db, mail.to);
    if (account && !account.verified) {
      log.info("mail.skipped_unconfirmed", { kind: mail.kind ?? null });
      return;
    }
  }
  await enqueue(db, mail);
}

/**
 * A parameter is data: a name, a link, a date already written in the recipient's language, or a
 * text of the dictionary ({ text: key }) that is written in the recipient's language here.
 * Modules never pass sentences of their own.
 */
export type MailParams = Record<string, string | { text: MailKey }>;

export interface MailExtra {
  replyTo?: string;
  headers?: Record<string, string>;
  /** a discussion mail: its network (what its unsubscribe stops) and its place in the thread */
  discussion?: { networkId: string; networkName: string; messageId: string; inReplyTo?: string };
}

/** Whether the person stopped this mail: its notification kind, or all non-essential mail. */
async function stoppedByChoice(db: DbOrTx, userId: string, category: MailCategory) {
  const kinds = [allMailPreference];
  if (typeof category === "object") kinds.push(category.notification);
  const [row] = await db
    .select({ kind: notificationPreferences.kind })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.userId, userId),
        inArray(notificationPreferences.kind, kinds),
        eq(notificationPreferences.channel, "app"),
      ),
    )
    .limit(1);
  return !!row;
}

function scopeOf(category: MailCategory, extra: MailExtra): UnsubscribeScope | null {
  if (category === "account" || category === "reply") return null;
  if (typeof category === "object") return { type: "kind", kind: category.notification };
  if (category === "discussion" && extra.discussion)
    return { type: "discussion", networkId: extra.discussion.networkId };
  return { type: "all" };
}

function reasonOf(locale: Locale, category: MailCategory, extra: MailExtra) {
  if (typeof category === "object") return translate(locale, "mail.reason.notification");
  if (category === "discussion")
    return translate(locale, "mail.reason.discussion", {
      network: extra.discussion?.networkName ?? "Knooppunt",
    });
  return translate(locale, reasonKeys[category]);
}

const reasonKeys = {
  account: "mail.reason.account",
  other: "mail.reason.other",
  reply: "mail.reason.reply",
} as const;

/**
 * A mail from the dictionary, in the recipient's language: its subject, and its body as a text
 * and an HTML part from the one template (mail-layout.server.ts), with a footer saying why it
 * came and how to change that. Mail that is not about the account carries a signed one-click
 * unsubscribe (List-Unsubscribe with List-Unsubscribe-Post, RFC 8058) and is not sent once the
 * person used it.
 */
export async function sendTemplatedMail(
  db: DbOrTx,
  recipient: { email: string; locale: string | null },
  key: MailTemplate,
  params: MailParams,
  extra: MailExtra = {},
) {
  const locale = parseLocale(recipient.locale);
  const filled = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === "string" ? value : translate(locale, value.text),
    ]),
  );
  const category = mailCategory[key];
  const account = await accountOf(db, recipient.email);
  if (!kindsForUnconfirmedAddresses.has(key) && account && !account.verified) {
    log.info("mail.skipped_unconfirmed", { kind: key });
    return;
  }
  const scope = scopeOf(category, extra);
  if (scope && account && (await stoppedByChoice(db, account.id, category))) {
    log.info("mail.skipped_unsubscribed", { kind: key });
    return;
  }
  const unsubscribe = scope && account ? await unsubscribeUrl(db, account.id, scope) : null;
  const subject = translate(locale, mailTemplates[key].subject, filled);
  const { text, html } = renderMail({
    locale,
    subject,
    body: mailTemplates[key].body,
    params: filled,
    markdown: markdownParams[key],
    footer: {
      reason: reasonOf(locale, category, extra),
      settingsUrl: `${publicBaseUrl()}/account/meldingen`,
      unsubscribeUrl: unsubscribe,
    },
  });
  const headers: Record<string, string> = { ...extra.headers };
  if (unsubscribe) {
    headers["List-Unsubscribe"] = `<${unsubscribe}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  if (extra.discussion) {
    headers["Message-ID"] = extra.discussion.messageId;
    if (extra.discussion.inReplyTo) {
      headers["In-Reply-To"] = extra.discussion.inReplyTo;
      headers.References = extra.discussion.inReplyTo;
    }
  }
  await enqueue(db, {
    to: recipient.email,
    subject,
    text,
    html,
    kind: key,
    ...(extra.replyTo ? { replyTo: extra.replyTo } : {}),
    headers,
  });
}

export const maxMailAttempts = 5;
/** 1, 2, 4, 8 minutes between the five attempts: a short SMTP outage costs no mail. */
const firstRetryMs = 60_000;
/** Longer than one SMTP conversation may take (timeouts below), so a live send keeps its claim. */
const leaseMs = 5 * 60_000;

let transport: Transporter | undefined;
let transportUrl: string | undefined;

function smtpTransport(url: string) {
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    transportUrl = url;
  }
  return transport;
}

type OutboxRow = typeof outbox.$inferSelect;

/**
 * Without SMTP (the local demo) the operator's terminal is the mailbox: the person trying
 * Knooppunt reads the login link where `./knooppunt start` runs, and no admin page holds it.
 */
function writeToTerminal(mail: OutboxRow) {
  const rule = "─".repeat(60);
  process.stdout.write(
    `\n${rule}\nMail aan ${mail.to}\nOnderwerp: ${mail.subject ?? ""}\n${rule}\n${mail.text ?? ""}\n${rule}\n\n`,
  );
}

async function deliver(mail: OutboxRow) {
  const { SMTP_URL: url, MAIL_FROM } = env();
  if (!url) {
    writeToTerminal(mail);
    return;
  }
  // A trickling server resets the socket timeout with every byte: the whole send gets a cap well
  // inside the lease, so no second process claims a mail this one is still sending.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("SMTP duurde te lang")), leaseMs / 2);
  });
  // Nodemailer writes the threading headers itself; given as plain headers they would be doubled.
  const {
    "Message-ID": messageIdHeader,
    "In-Reply-To": inReplyTo,
    References: references,
    ...headers
  } = mail.headers ?? {};
  try {
    await Promise.race([
      smtpTransport(url).sendMail({
        from: MAIL_FROM,
        to: mail.to,
        subject: mail.subject ?? "",
        text: mail.text ?? "",
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(messageIdHeader ? { messageId: messageIdHeader } : {}),
        ...(inReplyTo ? { inReplyTo } : {}),
        ...(references ? { references } : {}),
        headers,
      }),
      cap,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A 5xx reply refuses this message for good; anything else (no connection, 4xx) may pass later. */
function isPermanent(error: unknown) {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Claims one due mail. SKIP LOCKED lets several app processes share the outbox without
 * waiting on each other, and the lease hands a mail to another process if this one dies mid-send.
 */
async function claimDueMail(db: Db, now: Date) {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "pending"),
        lte(outbox.nextAttemptAt, now),
        or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(1)
    .for("update", { skipLocked: true });
  const [mail] = await db
    .update(outbox)
    .set({
      lockedUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${outbox.attempts} + 1`,
    })
    .where(eq(outbox.id, sql`(${due})`))
    .returning();
  return mail ?? null;
}

/** What stays of a mail that has left or given up: metadata only, no link, token or text. */
function wiped(mail: OutboxRow) {
  return {
    text: null,
    html: null,
    replyTo: null,
    headers: null,
    lockedUntil: null,
    subject: hasPublicSubject(mail.kind) ? mail.subject : null,
  };
}

/** Delivers every due mail; returns how many were tried. Called by the sender, and by tests. */
export async function deliverPendingMail(db: Db, now = new Date()) {
  let tried = 0;
  for (;;) {
    const mail = await claimDueMail(db, now);
    if (!mail) return tried;
    tried++;
    try {
      await deliver(mail);
      await db
        .update(outbox)
        .set({ ...wiped(mail), status: "sent", sentAt: new Date(), lastError: null })
        .where(stillOurs(mail));
      log.info("mail.sent", { id: mail.id, kind: mail.kind });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const givenUp = mail.attempts >= maxMailAttempts || isPermanent(error);
      log.error("mail.failed", {
        id: mail.id,
        kind: mail.kind,
        attempt: mail.attempts,
        error: message,
      });
      await db
        .update(outbox)
        .set(
          givenUp
            ? { ...wiped(mail), status: "failed", lastError: message }
            : {
                lockedUntil: null,
                lastError: message,
                nextAttemptAt: new Date(now.getTime() + firstRetryMs * 2 ** (mail.attempts - 1)),
              },
        )
        .where(stillOurs(mail));
    }
  }
}

/**
 * Only the process whose lease is on the row may write its outcome: a send that outlived its lease
 * was handed to another process, whose "sent" a late failure here must not overwrite.
 */
function stillOurs(mail: OutboxRow) {
  return and(
    eq(outbox.id, mail.id),
    mail.lockedUntil ? eq(outbox.lockedUntil, mail.lockedUntil) : isNull(outbox.lockedUntil),
  );
}

/** Metadata of delivered and failed mail is kept this long, for admins to trace a delivery. */
export async function purgeOldMail(db: DbOrTx, retentionDays: number, now = new Date()) {
  const before = new Date(now.getTime() - retentionDays * 24 * 60 * 60_000);
  await db
    .delete(outbox)
    .where(
      and(
        inArray(outbox.status, ["sent", "failed"]),
        lt(sql`coalesce(${outbox.sentAt}, ${outbox.createdAt})`, before),
      ),
    );
}

/**
 * The sender, in each worker (worker.js; on PGlite the web process itself). People wait for a
 * login link, so it looks for pending mail every two seconds (one indexed query; cheap next to a
 * page view), and where it runs in the process that wrote the mail, sendMail nudges it a moment
 * later: by then the request's transaction has usually committed, and if not, the next poll finds it. A nudge or poll while a round is running asks for one more round
 * instead of overlapping it.
 */
let sender:
  | {
      db: () => Promise<Db>;
      timer: ReturnType<typeof setInterval>;
      round: Promise<void> | undefined;
      again: boolean;
    }
  | undefined;

function runSender() {
  const current = sender;
  if (!current) return;
  if (current.round) {
    current.again = true;
    return;
  }
  current.round = current
    .db()
    .then((db) => deliverPendingMail(db))
    .then(
      () => {},
      (error) => log.error("mail.sender_failed", { error: String(error) }),
    )
    .finally(() => {
      current.round = undefined;
      if (current.again && sender === current) {
        current.again = false;
        runSender();
      }
    });
}

function nudgeSender() {
  if (sender) setTimeout(runSender, 100).unref();
}

export function startMailSender(db: () => Promise<Db>, everyMs = 2_000) {
  const timer = setInterval(runSender, everyMs);
  timer.unref();
  sender = { db, timer, round: undefined, again: false };
  runSender();
}

/** Waits for a round in flight, so the database closes after the last status is written. */
export async function stopMailSender() {
  const current = sender;
  if (!current) return;
  sender = undefined;
  clearInterval(current.timer);
  await current.round;
}
