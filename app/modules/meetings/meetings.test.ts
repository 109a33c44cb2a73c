import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { meetings, outbox } from "#app/db/schema/index.ts";
import { instantToAmsterdam } from "#app/i18n/dates.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { meetingForm, setupMeetingNetwork } from "./meetings.fixtures.ts";
import { seriesSchema } from "./meetings.schema.ts";
import {
  cancelMeeting,
  createMeeting,
  createSeries,
  getMeeting,
  listMeetings,
  updateMeeting,
} from "./meetings.server.ts";

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

const setup = () => setupMeetingNetwork(database.db);

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
    ).rejects.toThrow(ForbiddenError);
    const id = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    await expect(getMeeting(database.db, await inNetwork(outsider, network), id)).rejects.toThrow(
      NotFoundError,
    );
    await expect(listMeetings(database.db, await inNetwork(outsider, network))).rejects.toThrow(
      NotFoundError,
    );
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
