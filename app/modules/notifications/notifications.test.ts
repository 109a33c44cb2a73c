import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { notifications } from "#app/db/schema/index.ts";
import { addNetworkMember, buildNetwork, buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { countUnreadNotifications } from "./notifications.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe("the bell's count", () => {
  it("counts my unread notifications only, and stops at 100", async () => {
    const { db } = database;
    const [me, other] = await Promise.all([buildUser(db), buildUser(db)]);
    expect(await countUnreadNotifications(db, me.id)).toBe(0);
    await db.insert(notifications).values([
      { userId: me.id, kind: "survey-invitation", subject: "Evaluatie", link: "/a" },
      { userId: me.id, kind: "survey-invitation", subject: "Oud", link: "/b", readAt: new Date() },
      { userId: other.id, kind: "survey-invitation", subject: "Niet van mij", link: "/c" },
    ]);
    expect(await countUnreadNotifications(db, me.id)).toBe(1);
    await db.insert(notifications).values(
      Array.from({ length: 150 }, (_, i) => ({
        userId: me.id,
        kind: "survey-invitation",
        subject: `Enquête ${i}`,
        link: "/d",
      })),
    );
    expect(await countUnreadNotifications(db, me.id)).toBe(100);
  });

  it("leaves out what happened in a closed network I left", async () => {
    const { db } = database;
    const me = await buildUser(db);
    const closed = await buildNetwork(db, { openness: "closed" });
    await addNetworkMember(db, closed.id, me.id);
    await db.insert(notifications).values({
      userId: me.id,
      kind: "meeting-cancelled",
      networkId: closed.id,
      subject: "Bijeenkomst 3",
      link: "/x",
    });
    expect(await countUnreadNotifications(db, me.id)).toBe(1);
  });
});
