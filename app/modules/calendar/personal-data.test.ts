import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { remindersSent } from "#app/db/schema/index.ts";
import { actorFor, buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  createFeed,
  feedForToken,
  getCalendarSettings,
  saveReminderSettings,
} from "./calendar.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function withCalendar(name: string) {
  const { db } = database;
  const user = await buildUser(db, { name });
  const actor = await actorFor(db, user);
  await saveReminderSettings(db, actor, { meetingReminderHours: 2, dueReminderHours: null });
  const token = await createFeed(db, actor);
  await db.insert(remindersSent).values({ userId: user.id, subject: "meeting:x" });
  return { user, actor, token };
}

describe("calendar: personal data", () => {
  it("exports their reminder settings and that they have a link, never the secret, nor another's", async () => {
    const { db } = database;
    const { user, token } = await withCalendar("Xander Export");
    await withCalendar("Yara Ander");
    const { data } = await personalDataProvider.export(db, user.id);
    expect(data).toMatchObject({
      settings: { meetingReminderHours: 2, dueReminderHours: null, calendarLink: true },
      remindersSent: [{ subject: "meeting:x" }],
    });
    expect(JSON.stringify(data)).not.toContain(token);
  });

  it("after erasure the calendar link no longer works and the settings are gone; another's link works", async () => {
    const { db } = database;
    const { user, actor, token } = await withCalendar("Zoë Weg");
    const other = await withCalendar("Anouk Blijft");
    expect(await feedForToken(db, token, "https://knooppunt.test")).toContain("Zoë Weg");

    await db.transaction((tx) => personalDataProvider.erase(tx, user.id));

    expect(await feedForToken(db, token, "https://knooppunt.test")).toBeNull();
    expect(await getCalendarSettings(db, actor)).toMatchObject({
      hasFeed: false,
      meetingReminderHours: 24,
    });
    expect(await db.select().from(remindersSent).where(eq(remindersSent.userId, user.id))).toEqual(
      [],
    );
    expect(await feedForToken(db, other.token, "https://knooppunt.test")).toContain("Anouk Blijft");
  });
});
