import nodemailer, { type Transporter } from "nodemailer";
import type { DbOrTx } from "#app/db/client.server.ts";
import { outbox } from "#app/db/schema/index.ts";
import { parseLocale, translate } from "#app/i18n/messages.ts";
import { log } from "./logger.server.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** where a reply goes (a discussion's personal reply address) */
  replyTo?: string;
  /** e.g. List-Unsubscribe */
  headers?: Record<string, string>;
}

let transport: Transporter | undefined;
let transportUrl: string | undefined;

function smtpTransport(url: string) {
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url);
    transportUrl = url;
  }
  return transport;
}

/**
 * Sends over SMTP when SMTP_URL is set; every mail is also recorded in the outbox,
 * which platform admins read in the app (the only delivery path without SMTP).
 */
export async function sendMail(db: DbOrTx, mail: Mail) {
  const url = process.env.SMTP_URL;
  let deliveredVia: "smtp" | "outbox" | "failed" = "outbox";
  let error: string | null = null;
  if (url) {
    try {
      await smtpTransport(url).sendMail({
        from: process.env.MAIL_FROM ?? "Knooppunt <noreply@knooppunt.local>",
        ...mail,
      });
      deliveredVia = "smtp";
    } catch (cause) {
      deliveredVia = "failed";
      error = cause instanceof Error ? cause.message : String(cause);
      log.error("mail.failed", { subject: mail.subject, error });
    }
  }
  await db
    .insert(outbox)
    .values({ to: mail.to, subject: mail.subject, text: mail.text, deliveredVia, error });
}

/** A mail from the dictionary ("<key>.subject" and "<key>.body"), in the recipient's language. */
export async function sendTemplatedMail(
  db: DbOrTx,
  recipient: { email: string; locale: string | null },
  key: string,
  params: Record<string, string>,
  extra: Pick<Mail, "replyTo" | "headers"> = {},
) {
  const locale = parseLocale(recipient.locale);
  await sendMail(db, {
    to: recipient.email,
    subject: translate(locale, `${key}.subject`, params),
    text: translate(locale, `${key}.body`, params),
    ...extra,
  });
}
