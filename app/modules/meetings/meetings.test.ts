import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { meetings, networkMembers, outbox } from "#app/db/schema/index.ts";
import { instantToAmsterdam } from "#app/i18n/dates.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { recordAttendance } from "./attendance.server.ts";
import { meetingSchema, seriesSchema } from "./meetings.schema.ts";
import {
  cancelMeeting,
  createMeeting,
  createSeries,
  getMeeting,
  listMeetings,
  updateMeeting,
} from "./meetings.server.ts";
import { addCase, recordNextTheme, saveProgramme, setPreparers } from "./programme.server.ts";

let database: Database;
/** The network as the layout authorises it for this person, once per request. */
const inNetwork = <A extends MaybeActor>(actor: A, network: { id: string }) =>
  authorizeNetwork(database.db, actor, network.id);
const mail = { baseUrl: "https://knooppunt.test" };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function setup() {
  const { db } = database;
  const network = await buildNetwork(db, { startDate: "2026-09-01", endDate: "2027-07-15" });
  const facilitator = await buildUser(db);
  const member = await buildUser(db);
  const colleague = await buildUser(db);
  const outsider = await buildUser(db);
  await addNetworkMember(db, network.id, facilitator.id, "facilitator");
  await addNetworkMember(db, network.id, member.id);
  await addNetworkMember(db, network.id, colleague.id);
  // Everyone enrolled before the school year's meetings.
  await db
    .update(networkMembers)
    .set({ joinedAt: new Date("2026-08-15T09:00:00Z") })
    .where(eq(networkMembers.networkId, network.id));
  return {
    network,
    facilitator: await actorFor(db, facilitator),
    member: await actorFor(db, member),
    colleague: await actorFor(db, colleague),
    outsider: await actorFor(db, outsider),
  };
}

const meetingForm = (overrides: Record<string, string> = {}) =>
  meetingSchema.parse({
    day: "2026-10-06",
    startTime: "08:30",
    endTime: "12:30",
    mode: "online",
    onlineUrl: "https://zoom.example/j/123",
    theme: "Missie en visie",
    ...overrides,
  });

describe("planning meetings", () => {
  it("plans a year of ten meetings in Amsterdam time, across the change to winter time", async () => {
    const { network, facilitator } = await setup();
    const count = await createSeries(
      database.db,
      await inNetwork(facilitator, network),
      seriesSchema.parse({
        firstDay: "2026-09-15",
        count: "10",
        intervalWeeks: "4",
        startTime: "08:30",
        endTime: "12:30",
        mode: "location",
        address: "De Werkplaats, Utrecht",
      }),
    );
    expect(count).toBe(10);
    const { meetings: planned } = await listMeetings(
      database.db,
      await inNetwork(facilitator, network),
    );
    expect(planned).toHaveLength(10);
    // Every meeting starts at 08.30 on the wall clock, summer time or winter time.
    expect(new Set(planned.map((m) => instantToAmsterdam(m.startsAt).time))).toEqual(
      new Set(["08:30"]),
    );
    expect(planned[0]?.startsAt.toISOString()).toBe("2026-09-15T06:30:00.000Z");
    expect(planned[2]?.startsAt.toISOString()).toBe("2026-11-10T07:30:00.000Z");
  });

  it("refuses an end before the start and a date outside the network's period, saving nothing", async () => {
    const { network, facilitator } = await setup();
    await expect(
      createMeeting(
        database.db,
        await inNetwork(facilitator, network),
        meetingForm({ endTime: "08:00" }),
      ),
    ).rejects.toMatchObject({ field: "endTime", messageKey: "error.meeting.endBeforeStart" });
    await expect(
      createMeeting(
        database.db,
        await inNetwork(facilitator, network),
        meetingForm({ day: "2027-08-01" }),
      ),
    ).rejects.toBeInstanceOf(FieldError);
    await expect(
      createSeries(
        database.db,
        await inNetwork(facilitator, network),
        seriesSchema.parse({
          firstDay: "2027-05-01",
          count: "10",
          intervalWeeks: "4",
          startTime: "16:00",
          endTime: "19:00",
          mode: "online",
          onlineUrl: "https://meet.example/x",
        }),
      ),
    ).rejects.toMatchObject({ field: "count" });
    const rows = await database.db
      .select()
      .from(meetings)
      .where(eq(meetings.networkId, network.id));
    expect(rows).toHaveLength(0);
  });

  it("takes a 24-hour meeting across two days", async () => {
    const { network, facilitator } = await setup();
    const id = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm({
        day: "2026-11-12",
        startTime: "16:00",
        endDay: "2026-11-13",
        endTime: "16:00",
        mode: "location",
        address: "Hotel De Wageningsche Berg",
      }),
    );
    const { meeting } = await getMeeting(database.db, await inNetwork(facilitator, network), id);
    expect(meeting.endsAt.getTime() - meeting.startsAt.getTime()).toBe(24 * 3600_000);
  });

  it("lets only the planners plan, and keeps the meeting from non-members (404)", async () => {
    const { network, facilitator, member, outsider } = await setup();
    await expect(
      createMeeting(database.db, await inNetwork(member, network), meetingForm()),
    ).rejects.toMatchObject({ init: { status: 403 } });
    const id = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    await expect(
      getMeeting(database.db, await inNetwork(outsider, network), id),
    ).rejects.toMatchObject({
      init: { status: 404 },
    });
    await expect(
      listMeetings(database.db, await inNetwork(outsider, network)),
    ).rejects.toMatchObject({
      init: { status: 404 },
    });
    const seen = await getMeeting(database.db, await inNetwork(member, network), id);
    expect(seen.meeting.onlineUrl).toBe("https://zoom.example/j/123");
  });

  it("tells the members when a meeting moves or is cancelled", async () => {
    const { network, facilitator, member } = await setup();
    const id = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    await updateMeeting(
      database.db,
      await inNetwork(facilitator, network),
      id,
      meetingForm({ day: "2026-10-13" }),
      mail,
    );
    await cancelMeeting(database.db, await inNetwork(facilitator, network), id, mail);
    const mails = await database.db.select().from(outbox).where(eq(outbox.to, member.email));
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringContaining("verplaatst"),
      expect.stringContaining("gaat niet door"),
    ]);
    expect(mails[0]?.text).toContain("di 13 okt 2026");
  });
});

describe("preparing together", () => {
  it("lets the preparation group edit the programme, and others not", async () => {
    const { network, facilitator, member, colleague } = await setup();
    const id = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    await setPreparers(database.db, await inNetwork(facilitator, network), id, [member.userId]);
    await saveProgramme(database.db, await inNetwork(member, network), id, [
      "Opening",
      "Gastspreker",
      "Casusronde",
      "Keuze volgend thema",
    ]);
    const { programme } = await getMeeting(database.db, await inNetwork(colleague, network), id);
    expect(programme.map((p) => p.title)).toEqual([
      "Opening",
      "Gastspreker",
      "Casusronde",
      "Keuze volgend thema",
    ]);
    await expect(
      saveProgramme(database.db, await inNetwork(colleague, network), id, ["Iets anders"]),
    ).rejects.toMatchObject({ init: { status: 404 } });
  });

  it("puts the chosen theme on the next meeting at once", async () => {
    const { network, facilitator, member } = await setup();
    const first = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    const second = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm({ day: "2026-11-03", theme: "" }),
    );
    await recordNextTheme(
      database.db,
      await inNetwork(facilitator, network),
      first,
      "Leidinggeven aan leren",
    );
    const { meeting } = await getMeeting(database.db, await inNetwork(member, network), second);
    expect(meeting.theme).toBe("Leidinggeven aan leren");
  });

  it("shows cases to members only; a coordinator-free outsider cannot add one", async () => {
    const { network, facilitator, member, outsider } = await setup();
    const id = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    await addCase(database.db, await inNetwork(member, network), id, {
      title: "Teamleren op De Regenboog",
      description: "Ons team wil leren van elkaars lessen, maar de tijd ontbreekt steeds.",
      question: "Hoe maak je tijd voor collegiale consultatie?",
    });
    const seen = await getMeeting(database.db, await inNetwork(facilitator, network), id);
    expect(seen.cases?.map((c) => c.title)).toEqual(["Teamleren op De Regenboog"]);
    await expect(
      addCase(database.db, await inNetwork(outsider, network), id, {
        title: "x".repeat(5),
        description: "y".repeat(20),
        question: "z".repeat(10),
      }),
    ).rejects.toMatchObject({ init: { status: 404 } });
  });
});

describe("attendance", () => {
  it("is recorded by the facilitator after the start; a member sees only their own record", async () => {
    const { network, facilitator, member, colleague } = await setup();
    const id = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    await expect(
      recordAttendance(
        database.db,
        await inNetwork(facilitator, network),
        id,
        { [member.userId]: "present" },
        new Date("2026-10-01"),
      ),
    ).rejects.toMatchObject({ messageKey: "error.attendance.future" });
    await recordAttendance(
      database.db,
      await inNetwork(facilitator, network),
      id,
      { [member.userId]: "present", [colleague.userId]: "excused" },
      new Date("2026-10-06T12:00:00Z"),
    );
    const seen = await getMeeting(database.db, await inNetwork(member, network), id);
    expect(seen.attendance).toEqual([
      { userId: member.userId, status: "present", caughtUpReason: null },
    ]);
    await expect(
      recordAttendance(
        database.db,
        await inNetwork(member, network),
        id,
        { [member.userId]: "present" },
        new Date("2026-10-07"),
      ),
    ).rejects.toMatchObject({ init: { status: 403 } });
  });
});

describe("attendance before the enrolment", () => {
  it("is refused for a member who enrolled after the meeting, unless caught up with a reason", async () => {
    const { network, facilitator, member, colleague } = await setup();
    const { db } = database;
    const id = await createMeeting(db, await inNetwork(facilitator, network), meetingForm());
    await db
      .update(networkMembers)
      .set({ joinedAt: new Date("2026-10-20T09:00:00Z") })
      .where(eq(networkMembers.userId, colleague.userId));
    const after = new Date("2026-11-01T12:00:00Z");
    const view = await getMeeting(db, await inNetwork(facilitator, network), id);
    expect(view.members.find((m) => m.userId === colleague.userId)?.joinedAfter).toBe(true);
    expect(view.members.find((m) => m.userId === member.userId)?.joinedAfter).toBe(false);
    await expect(
      recordAttendance(
        db,
        await inNetwork(facilitator, network),
        id,
        { [member.userId]: "present", [colleague.userId]: "present" },
        after,
      ),
    ).rejects.toMatchObject({
      field: `a-${colleague.userId}`,
      messageKey: "error.attendance.beforeEnrolment",
    });
    await expect(
      recordAttendance(db, await inNetwork(facilitator, network), id, {}, after, {
        [colleague.userId]: "ok",
      }),
    ).rejects.toMatchObject({
      field: `reason-${colleague.userId}`,
      messageKey: "error.attendance.reason",
    });
    // Nothing was stored by the refused attempts.
    expect((await getMeeting(db, await inNetwork(facilitator, network), id)).attendance).toEqual(
      [],
    );
    await recordAttendance(
      db,
      await inNetwork(facilitator, network),
      id,
      { [member.userId]: "present" },
      after,
      {
        [colleague.userId]: "Heeft de opname bekeken en een verslag geschreven",
      },
    );
    const seen = await getMeeting(db, await inNetwork(facilitator, network), id);
    expect(seen.attendance).toEqual(
      expect.arrayContaining([
        { userId: member.userId, status: "present", caughtUpReason: null },
        {
          userId: colleague.userId,
          status: "present",
          caughtUpReason: "Heeft de opname bekeken en een verslag geschreven",
        },
      ]),
    );
  });
});
