import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "#app/db/client.server.ts";
import { outbox } from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { meetingSchema } from "../meetings/meetings.schema.ts";
import { createMeeting, updateMeeting } from "../meetings/meetings.server.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import {
  createFeed,
  feedForToken,
  meetingCalendar,
  revokeFeed,
  saveReminderSettings,
} from "./calendar.server.ts";
import { calendarJobHandlers, planReminders } from "./reminders.server.ts";

let database: Database;
const baseUrl = "https://knooppunt.test";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const form = (day: string, startTime: string, endTime: string) =>
  meetingSchema.parse({
    day,
    startTime,
    endTime,
    mode: "online",
    onlineUrl: "https://zoom.example/j/1",
    theme: "Leidinggeven aan leren",
  });

function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

describe("calendar feeds", () => {
  it("gives each member a secret feed with Amsterdam times on both sides of the DST change", async () => {
    const { db } = database;
    const network = await buildNetwork(db);
    const facilitator = await actorFor(db, await buildUser(db));
    const member = await actorFor(db, await buildUser(db));
    await addNetworkMember(db, network.id, facilitator.userId, "facilitator");
    await addNetworkMember(db, network.id, member.userId);
    // Summer time ends on 25 October 2026: one meeting before, one after.
    await createMeeting(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      form("2030-10-22", "16:00", "19:00"),
    );
    await createMeeting(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      form("2030-10-29", "16:00", "19:00"),
    );
    const token = await createFeed(db, member);
    const ics = await feedForToken(db, token, baseUrl);
    const events = eventsOf(ics ?? "");
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      "2030-10-22T14:00:00.000Z",
      "2030-10-29T15:00:00.000Z",
    ]);
    expect(events.map((e) => `${e.startDate.hour}:${e.startDate.minute}`)).toEqual([
      "16:0",
      "16:0",
    ]);
    expect(events[0]?.summary).toContain("Leidinggeven aan leren");

    await revokeFeed(db, member);
    expect(await feedForToken(db, token, baseUrl)).toBeNull();
    const outsider = await actorFor(db, await buildUser(db));
    const outsiderFeed = await feedForToken(db, await createFeed(db, outsider), baseUrl);
    expect(eventsOf(outsiderFeed ?? "")).toHaveLength(0);
  });

  it("offers one meeting as .ics to members, not to others", async () => {
    const { db } = database;
    const network = await buildNetwork(db);
    const facilitator = await actorFor(db, await buildUser(db));
    await addNetworkMember(db, network.id, facilitator.userId, "facilitator");
    const id = await createMeeting(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      form("2030-03-31", "08:30", "12:30"),
    );
    const [event] = eventsOf(
      await meetingCalendar(db, await authorizeNetwork(db, facilitator, network.id), id, baseUrl),
    );
    expect(event?.startDate.toJSDate().toISOString()).toBe("2030-03-31T06:30:00.000Z");
    const outsider = await actorFor(db, await buildUser(db));
    await expect(
      meetingCalendar(db, await authorizeNetwork(db, outsider, network.id), id, baseUrl),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("reminders", () => {
  it("are scheduled as jobs, survive a restart, respect each person's choice, and a moved meeting gets a fresh one", async () => {
    // A database on disk (PGlite folder or a PostgreSQL database) that we close and open again.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-jobs-"));
    const target = process.env.TEST_DB === "postgres" ? null : { dataDir: dir };
    let first: Database = target ? await openDatabase(target) : database;
    const network = await buildNetwork(first.db);
    const facilitator = await actorFor(first.db, await buildUser(first.db));
    const eager = await actorFor(first.db, await buildUser(first.db));
    const quiet = await actorFor(first.db, await buildUser(first.db));
    for (const [person, role] of [
      [facilitator, "facilitator"],
      [eager, "deelnemer"],
      [quiet, "deelnemer"],
    ] as const)
      await addNetworkMember(first.db, network.id, person.userId, role);
    await saveReminderSettings(first.db, quiet, {
      meetingReminderHours: null,
      dueReminderHours: null,
    });
    const now = new Date();
    const day = new Date(now.getTime() + 3 * 24 * 3600_000).toISOString().slice(0, 10);
    const id = await createMeeting(
      first.db,
      await authorizeNetwork(first.db, facilitator, network.id),
      form(day, "16:00", "19:00"),
    );
    expect(await planReminders(first.db, now)).toBe(2); // facilitator and eager, not quiet
    expect(await planReminders(first.db, now)).toBe(0); // planning twice schedules nothing new
    // Nothing is due yet.
    expect(await runDueJobs(first.db, calendarJobHandlers, now)).toBe(0);

    if (target) {
      await first.close();
      first = await openDatabase(target);
    }
    const later = new Date(now.getTime() + 2.5 * 24 * 3600_000);
    expect(await runDueJobs(first.db, calendarJobHandlers, later)).toBe(2);
    const sent = await first.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, eager.email)));
    expect(sent.map((m) => m.subject)).toEqual([expect.stringContaining("Herinnering")]);
    expect(await first.db.select().from(outbox).where(eq(outbox.to, quiet.email))).toEqual([]);

    // Moving the meeting: the new time gets its own reminder.
    const newDay = new Date(now.getTime() + 5 * 24 * 3600_000).toISOString().slice(0, 10);
    await updateMeeting(
      first.db,
      await authorizeNetwork(first.db, facilitator, network.id),
      id,
      form(newDay, "16:00", "19:00"),
      {
        baseUrl,
      },
    );
    expect(await planReminders(first.db, later)).toBe(2);
    if (target) {
      await first.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
