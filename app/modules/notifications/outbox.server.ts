import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { outbox } from "#app/db/schema/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { canReadOutbox } from "../accounts/accounts.policy.ts";

export async function listOutbox(db: DbOrTx, actor: MaybeActor) {
  authorize(canReadOutbox(actor), "not-found");
  return db
    .select({
      id: outbox.id,
      to: outbox.to,
      subject: outbox.subject,
      deliveredVia: outbox.deliveredVia,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(200);
}

export async function getOutboxMail(db: DbOrTx, actor: MaybeActor, id: string) {
  authorize(canReadOutbox(actor), "not-found");
  const [mail] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!mail) notFound();
  return mail;
}
