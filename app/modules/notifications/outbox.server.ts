import { count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { outbox } from "#app/db/schema/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import { hasPublicSubject } from "#app/platform/mailer.server.ts";
import { canReadOutbox } from "../accounts/accounts.policy.ts";

type OutboxStatus = (typeof outbox.$inferSelect)["status"];

/**
 * What a platform admin may know of a mail: who, what kind, and how its delivery went. Never
 * the body, reply address or headers (login links, tokens, member-only text), and the subject
 * only for kinds that name nothing confidential.
 */
const metadata = {
  id: outbox.id,
  to: outbox.to,
  kind: outbox.kind,
  subject: outbox.subject,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  nextAttemptAt: outbox.nextAttemptAt,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

function withoutConfidentialSubject<T extends { kind: string | null; subject: string | null }>(
  mail: T,
) {
  return { ...mail, subject: hasPublicSubject(mail.kind) ? mail.subject : null };
}

export async function listOutbox(
  db: DbOrTx,
  actor: MaybeActor,
  filter: { status?: OutboxStatus } = {},
) {
  authorize(canReadOutbox(actor), "not-found");
  const rows = await db
    .select(metadata)
    .from(outbox)
    .where(filter.status ? eq(outbox.status, filter.status) : undefined)
    .orderBy(desc(outbox.createdAt))
    .limit(200);
  const [failed] = await db
    .select({ count: count() })
    .from(outbox)
    .where(eq(outbox.status, "failed"));
  return { mails: rows.map(withoutConfidentialSubject), failed: failed?.count ?? 0 };
}

export async function getOutboxMail(db: DbOrTx, actor: MaybeActor, id: string) {
  authorize(canReadOutbox(actor), "not-found");
  if (!isUuid(id)) notFound();
  const [mail] = await db.select(metadata).from(outbox).where(eq(outbox.id, id));
  if (!mail) notFound();
  return withoutConfidentialSubject(mail);
}
