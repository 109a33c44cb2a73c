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
  agendaItems,
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

describe("where and when to be reminded, in the feed and the agenda", () => {
  const atSchool = (day: string) =>
    meetingSchema.parse({
      day,
      startTime: "09:00",
      endTime: "12:00",
      mode: "location",
      address: "Het Baken, lokaal 3; ingang Parkweg\\achter",
      theme: "Feedback, en dan? 🙂",
    });

  async function networkWithMeetings() {
    const { db } = database;
    const network = await buildNetwork(db);
    const facilitator = await actorFor(db, await buildUser(db));
    const member = await actorFor(db, await buildUser(db));
    await addNetworkMember(db, network.id, facilitator.userId, "facilitator");
    await addNetworkMember(db, network.id, member.userId);
    const net = await authorizeNetwork(db, facilitator, network.id);
    const online = await createMeeting(db, net, form("2031-02-03", "16:00", "18:00"));
    const inPerson = await createMeeting(db, net, atSchool("2031-02-10"));
    return { network, member, online, inPerson };
  }

  const alarmsOf = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((vevent) =>
      vevent.getAllSubcomponents("valarm").map((alarm) => ({
        action: alarm.getFirstPropertyValue("action"),
        trigger: String(alarm.getFirstPropertyValue("trigger")),
        description: alarm.getFirstPropertyValue("description"),
      })),
    );

  it("puts one alarm on each event at the person's reminder hours, none when they turned reminders off", async () => {
    const { db } = database;
    const { member } = await networkWithMeetings();
    const token = await createFeed(db, member);

    // Never chosen: the default, a day before.
    expect(alarmsOf((await feedForToken(db, token, baseUrl)) ?? "")).toEqual([
      [{ action: "DISPLAY", trigger: "-PT24H", description: expect.stringContaining(":") }],
      [{ action: "DISPLAY", trigger: "-PT24H", description: expect.stringContaining(":") }],
    ]);

    await saveReminderSettings(db, member, { meetingReminderHours: 2, dueReminderHours: null });
    const ics = (await feedForToken(db, token, baseUrl)) ?? "";
    expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(2);
    expect(ics).toContain("TRIGGER:-PT2H");
    expect(alarmsOf(ics).map((alarms) => alarms.map((a) => a.trigger))).toEqual([
      ["-PT2H"],
      ["-PT2H"],
    ]);

    await saveReminderSettings(db, member, { meetingReminderHours: null, dueReminderHours: 48 });
    const quiet = (await feedForToken(db, token, baseUrl)) ?? "";
    expect(quiet).not.toContain("VALARM");
    expect(eventsOf(quiet)).toHaveLength(2);
  });

  it("says where: the address or the online link in LOCATION, URL and DESCRIPTION, and on the agenda", async () => {
    const { db } = database;
    const { network, member, online, inPerson } = await networkWithMeetings();
    const ics = (await feedForToken(db, await createFeed(db, member), baseUrl)) ?? "";
    const [first, second] = eventsOf(ics);
    expect(first?.location).toBe("https://zoom.example/j/1");
    expect(first?.description).toContain("Online: https://zoom.example/j/1");
    expect(first?.component.getFirstPropertyValue("url")).toBe(
      `${baseUrl}/netwerken/${network.id}/bijeenkomsten/${online}`,
    );
    // Commas, semicolons, a backslash and an emoji come back as they were written.
    expect(second?.location).toBe("Het Baken, lokaal 3; ingang Parkweg\\achter");
    expect(second?.summary).toContain("Feedback, en dan? 🙂");
    expect(second?.description).toContain("Plaats: Het Baken, lokaal 3; ingang Parkweg\\achter");
    expect(second?.description).toContain(`/bijeenkomsten/${inPerson}`);

    const agenda = await agendaItems(db, member.userId, new Date("2031-01-01T00:00:00Z"));
    expect(agenda.map(({ place, onlineUrl }) => ({ place, onlineUrl }))).toEqual([
      { place: "", onlineUrl: "https://zoom.example/j/1" },
      { place: "Het Baken, lokaal 3; ingang Parkweg\\achter", onlineUrl: "" },
    ]);
  });

  it("gives the single meeting's .ics the downloader's own reminder", async () => {
    const { db } = database;
    const { network, member, inPerson } = await networkWithMeetings();
    const download = async () =>
      meetingCalendar(db, await authorizeNetwork(db, member, network.id), inPerson, baseUrl);
    await saveReminderSettings(db, member, { meetingReminderHours: 168, dueReminderHours: null });
    const ics = await download();
    expect(alarmsOf(ics)).toEqual([
      [{ action: "DISPLAY", trigger: "-PT168H", description: expect.stringContaining("Feedback") }],
    ]);
    expect(eventsOf(ics)[0]?.location).toBe("Het Baken, lokaal 3; ingang Parkweg\\achter");
    await saveReminderSettings(db, member, { meetingReminderHours: null, dueReminderHours: null });
    expect(await download()).not.toContain("VALARM");
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
    // The meeting day's midnight (UTC): after the reminder a day before 16:00 Amsterdam time, before
    // the meeting, whatever the hour the test runs (now + 2.5 days missed it just after midnight).
    const later = new Date(`${day}T00:00:00Z`);
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
