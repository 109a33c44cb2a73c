import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { networkMembers } from "#app/db/schema/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { ForbiddenError } from "#app/platform/errors.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { recordAttendance } from "./attendance.server.ts";
import { meetingForm, setupMeetingNetwork } from "./meetings.fixtures.ts";
import { createMeeting, getMeeting } from "./meetings.server.ts";

let database: Database;

/** The network as the layout authorises it for this person, once per request. */
const inNetwork = <A extends MaybeActor>(actor: A, network: { id: string }) =>
  authorizeNetwork(database.db, actor, network.id);

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const setup = () => setupMeetingNetwork(database.db);

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
    ).rejects.toThrow(ForbiddenError);
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
