import { eq } from "drizzle-orm";
import type { Db } from "#app/db/client.server.ts";
import { outbox } from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";

// What the discussion tests share: a closed network with a facilitator (guide), two members and
// an outsider, a question to post, and the mails waiting for someone.

export async function setupDiscussionNetwork(db: Db) {
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

export const question = {
  kind: "question" as const,
  title: "Wie heeft een goed verzuimprotocol?",
  body: "We herschrijven ons protocol. **Wie** deelt het zijne?",
  themes: ["Passend onderwijs"],
  meetingId: null,
};

export function outboxTo(db: Db, email: string) {
  return db.select().from(outbox).where(eq(outbox.to, email));
}
