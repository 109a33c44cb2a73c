import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { networkMembers, outbox, stepCompletions } from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { agendaItems } from "../calendar/calendar.server.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { getMyRoute, getProgressTable, recordAttendanceWithProgress } from "./completion.server.ts";
import {
  confirmSlot,
  getConversation,
  proposeSlots,
  saveConversationNotes,
} from "./conversations.server.ts";
import { submitPresentation } from "./presentations.server.ts";
import { createProgressDatabase, mail, setupProgressNetwork } from "./progress.fixtures.ts";
import { slotProposalSchema } from "./progress.schema.ts";

let database: Database;

beforeAll(async () => {
  database = await createProgressDatabase();
});

afterAll(async () => {
  await database?.close();
});

const setup = (minMeetings?: number) => setupProgressNetwork(database.db, minMeetings);

describe("a member's route", () => {
  it("runs from intake to the closing presentation, and is completed with enough attendance", async () => {
    const { network, facilitator, member, memberId, meetingIds } = await setup();
    const { db } = database;
    // Intake: slots proposed, one confirmed, the conversation held with a shared summary.
    await proposeSlots(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      slotProposalSchema.parse({
        memberId,
        stepNumber: "2",
        slot1Day: "2030-03-02",
        slot1Time: "10:00",
        slot2Day: "2030-03-03",
        slot2Time: "14:00",
        minutes: "45",
      }),
      mail,
    );
    let route = await getMyRoute(db, await authorizeNetwork(db, member, network.id));
    const intake = route.conversations[0];
    expect(intake?.slots).toHaveLength(2);
    await confirmSlot(
      db,
      await authorizeNetwork(db, member, network.id),
      intake?.id ?? "",
      intake?.slots[1]?.id ?? "",
      mail,
    );
    // The confirmed intake is in the member's and the facilitator's agenda, once each.
    const since = new Date("2030-01-01T00:00:00Z");
    const talksOf = async (userId: string) =>
      (await agendaItems(db, userId, since)).filter((i) => i.kind === "conversation");
    expect((await talksOf(member.userId)).map((i) => i.startsAt.toISOString())).toEqual([
      "2030-03-03T13:00:00.000Z",
    ]);
    expect(await talksOf(facilitator.userId)).toHaveLength(1);
    await saveConversationNotes(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      intake?.id ?? "",
      {
        privateNote: "Let op: twijfelt over haar rol.",
        sharedSummary: "Nadruk op verandermanagement.",
        held: true,
      },
      new Date("2030-03-03T14:00:00Z"),
    );
    const asMember = await getConversation(
      db,
      await authorizeNetwork(db, member, network.id),
      intake?.id ?? "",
    );
    expect(asMember.conversation.privateNote).toBeNull();
    expect(asMember.conversation.sharedSummary).toBe("Nadruk op verandermanagement.");
    const asFacilitator = await getConversation(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      intake?.id ?? "",
    );
    expect(asFacilitator.conversation.privateNote).toBe("Let op: twijfelt over haar rol.");

    // The development and closing conversations were held like the intake.
    await db.insert(stepCompletions).values([
      { memberId, stepNumber: 4 },
      { memberId, stepNumber: 5 },
    ]);
    await submitPresentation(db, await authorizeNetwork(db, member, network.id), {
      link: "https://slides.example/innovatie",
      note: "",
    });
    route = await getMyRoute(db, await authorizeNetwork(db, member, network.id));
    expect(route.progress?.complete).toBe(false);
    expect(route.progress?.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);

    for (const meetingId of meetingIds) {
      await recordAttendanceWithProgress(
        db,
        await authorizeNetwork(db, facilitator, network.id),
        meetingId,
        {
          [member.userId]: "present",
        },
      );
    }
    route = await getMyRoute(db, await authorizeNetwork(db, member, network.id));
    expect(route.progress?.complete).toBe(true);
    const [row] = await db.select().from(networkMembers).where(eq(networkMembers.id, memberId));
    expect(row?.routeCompletedAt).toBeInstanceOf(Date);

    // A corrected attendance record takes the completion back.
    await recordAttendanceWithProgress(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      meetingIds[0] ?? "",
      {
        [member.userId]: "absent",
      },
    );
    const [after] = await db.select().from(networkMembers).where(eq(networkMembers.id, memberId));
    expect(after?.routeCompletedAt).toBeNull();
  });

  it("shows the facilitator everyone's progress, and mails the member the proposed slots", async () => {
    const { network, facilitator, member, other, memberId } = await setup();
    await proposeSlots(
      database.db,
      await authorizeNetwork(database.db, facilitator, network.id),
      slotProposalSchema.parse({
        memberId,
        stepNumber: "2",
        slot1Day: "2030-04-02",
        slot1Time: "10:00",
        minutes: "30",
      }),
      mail,
    );
    const table = await getProgressTable(
      database.db,
      await authorizeNetwork(database.db, facilitator, network.id),
    );
    expect(table.rows.map((r) => r.member.name).sort()).toEqual([member.name, other.name].sort());
    expect(
      table.rows.find((r) => r.member.userId === other.userId)?.steps.map((s) => s.number),
    ).toEqual([1, 3, 6]);
    await expect(
      getProgressTable(database.db, await authorizeNetwork(database.db, member, network.id)),
    ).rejects.toThrow(NotFoundError);
    const mails = await database.db.select().from(outbox).where(eq(outbox.to, member.email));
    expect(mails.at(-1)?.subject).toContain("stelt tijden voor");
  });

  it("refuses overlapping slots and conversation steps outside the member's route", async () => {
    const { network, facilitator, memberId, otherId } = await setup();
    const asFacilitator = await authorizeNetwork(database.db, facilitator, network.id);
    const propose = (input: Record<string, string>) =>
      proposeSlots(
        database.db,
        asFacilitator,
        slotProposalSchema.parse({ minutes: "60", ...input }),
        mail,
      );
    await expect(
      propose({
        memberId,
        stepNumber: "2",
        slot1Day: "2030-05-02",
        slot1Time: "10:00",
        slot2Day: "2030-05-02",
        slot2Time: "10:30",
      }),
    ).rejects.toMatchObject({ field: "slot2Time", messageKey: "error.conversation.overlap" });
    await propose({ memberId, stepNumber: "2", slot1Day: "2030-05-02", slot1Time: "10:00" });
    await expect(
      propose({ memberId, stepNumber: "4", slot1Day: "2030-05-02", slot1Time: "10:30" }),
    ).rejects.toMatchObject({
      messageKey: "error.conversation.overlap",
    });
    await expect(
      propose({ memberId: otherId, stepNumber: "2", slot1Day: "2030-06-02", slot1Time: "10:00" }),
    ).rejects.toMatchObject({
      messageKey: "error.conversation.step",
    });
  });
});
