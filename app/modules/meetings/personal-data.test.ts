import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  attendance,
  meetingCases,
  meetingPreparers,
  meetings,
  users,
} from "#app/db/schema/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { eraseAccount } from "../privacy/erasure.server.ts";
import { recordAttendance } from "./attendance.server.ts";
import { meetingForm, setupMeetingNetwork } from "./meetings.fixtures.ts";
import { createMeeting, getMeeting } from "./meetings.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";
import { addCase, setPreparers } from "./programme.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

/** The whole erasure, every module's rule and the tombstone, as the account page runs it. */
function erase(userId: string) {
  return eraseAccount(database.db, userId, { reason: "self" });
}

describe("meetings: a member's data after erasure", () => {
  it("exports their cases, preparation and attendance; erasing drops the case and the preparer, the meeting still counts them", async () => {
    const { db } = database;
    const { network, facilitator, member, colleague } = await setupMeetingNetwork(db);
    const [person] = await db.select().from(users).where(eq(users.id, member.userId));
    if (!person) throw new Error("setup");
    const asFacilitator = await authorizeNetwork(db, facilitator, network.id);
    const meetingId = await createMeeting(db, asFacilitator, meetingForm());
    await db
      .update(meetings)
      .set({ speakerName: person.name, speakerInvitedBy: "Iemand anders" })
      .where(eq(meetings.id, meetingId));
    await setPreparers(db, asFacilitator, meetingId, [member.userId, colleague.userId]);
    const asMember = await authorizeNetwork(db, member, network.id);
    await addCase(db, asMember, meetingId, {
      title: "Ouder boos op mentor",
      description: "Een vader van leerling Sanne belt elke dag.",
      question: "Hoe begrens ik dit?",
    });
    const asColleague = await authorizeNetwork(db, colleague, network.id);
    await addCase(db, asColleague, meetingId, {
      title: "Collega's case",
      description: "Vertrouwelijk van de collega.",
      question: "Wat nu?",
    });
    await recordAttendance(
      db,
      asFacilitator,
      meetingId,
      {
        [member.userId]: "present",
        [colleague.userId]: "present",
      },
      new Date("2026-10-07T12:00:00Z"),
    );

    const exported = (await personalDataProvider.export(db, member.userId)).data as {
      preparedMeetings: unknown[];
      cases: { title: string }[];
      attendance: { status: string }[];
    };
    expect(exported.preparedMeetings).toHaveLength(1);
    expect(exported.cases.map((c) => c.title)).toEqual(["Ouder boos op mentor"]);
    expect(exported.attendance.map((a) => a.status)).toEqual(["present"]);
    expect(JSON.stringify(exported)).not.toContain("Vertrouwelijk van de collega");

    const presentBefore = await db
      .select({ n: count() })
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId));
    await erase(member.userId);

    const seen = await getMeeting(db, asColleague, meetingId);
    expect(seen.preparers.map((p) => p.userId)).toEqual([colleague.userId]);
    expect(seen.cases?.map((c) => c.title)).toEqual(["Collega's case"]);
    expect(seen.meeting.speakerName).toBe("Oud-lid");
    expect(seen.meeting.speakerInvitedBy).toBe("Iemand anders");
    expect(JSON.stringify(seen)).not.toContain(person.name);
    expect(JSON.stringify(seen)).not.toContain(person.email);
    const presentAfter = await db
      .select({ n: count() })
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId));
    expect(presentAfter).toEqual(presentBefore);
    expect(
      await db.select().from(meetingCases).where(eq(meetingCases.authorId, member.userId)),
    ).toEqual([]);
    expect(
      await db.select().from(meetingPreparers).where(eq(meetingPreparers.userId, member.userId)),
    ).toEqual([]);
  });

  it("forgets the facilitator who recorded attendance, but not the attendance", async () => {
    const { db } = database;
    const { network, facilitator, member } = await setupMeetingNetwork(db);
    const asFacilitator = await authorizeNetwork(db, facilitator, network.id);
    const meetingId = await createMeeting(db, asFacilitator, meetingForm());
    await recordAttendance(
      db,
      asFacilitator,
      meetingId,
      { [member.userId]: "excused" },
      new Date("2026-10-07T12:00:00Z"),
    );
    await erase(facilitator.userId);
    const rows = await db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
    expect(rows.map((r) => [r.userId, r.status, r.recordedBy])).toEqual([
      [member.userId, "excused", null],
    ]);
  });
});
