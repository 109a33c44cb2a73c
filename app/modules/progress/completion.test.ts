import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { networkMembers } from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { stepKindFor } from "../networks/enrolment-routes.server.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import {
  evaluateProgress,
  getMyRoute,
  getProgressTable,
  recordAttendanceWithProgress,
  setStepDone,
} from "./completion.server.ts";
import { confirmSlot, proposeSlots, saveConversationNotes } from "./conversations.server.ts";
import { createProgressDatabase, mail, setupProgressNetwork, titles } from "./progress.fixtures.ts";
import { slotProposalSchema } from "./progress.schema.ts";

let database: Database;

beforeAll(async () => {
  database = await createProgressDatabase();
});

afterAll(async () => {
  await database?.close();
});

const setup = (minMeetings?: number) => setupProgressNetwork(database.db, minMeetings);

describe("completion rules", () => {
  const steps = titles.map((title, i) => ({ number: i + 1, title, kind: stepKindFor(title) }));
  const route = {
    id: "r",
    name: "r",
    stepNumbers: [1, 2, 3, 6],
    minMeetings: 9,
    requiresAllSteps: true,
  };
  const member = { id: "m", userId: "u", routeId: "r", routeCompletedAt: null };

  it("needs both the attendance and every step of the route", () => {
    const base = { member, route, steps, held: 10, planned: 10 };
    expect(
      evaluateProgress({
        ...base,
        completions: new Map([
          [2, new Date()],
          [6, new Date()],
        ]),
        present: 8,
      }).complete,
    ).toBe(false);
    expect(
      evaluateProgress({ ...base, completions: new Map([[2, new Date()]]), present: 9 }).complete,
    ).toBe(false);
    const done = evaluateProgress({
      ...base,
      completions: new Map([
        [2, new Date()],
        [6, new Date()],
      ]),
      present: 9,
    });
    expect(done.complete).toBe(true);
    // Steps outside the route are not shown; enrolling and the meeting step count by themselves.
    expect(done.steps.map((s) => [s.number, s.done])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [6, true],
    ]);
  });

  it("does not require steps when the route says so", () => {
    const progress = evaluateProgress({
      member,
      route: { ...route, requiresAllSteps: false },
      steps,
      completions: new Map(),
      present: 9,
      held: 10,
      planned: 10,
    });
    expect(progress.complete).toBe(true);
  });
});

describe("nothing is done before it happens", () => {
  it("refuses to mark a conversation held before it begins, with a message at the field", async () => {
    const { network, facilitator, member, memberId } = await setup();
    const { db } = database;
    await proposeSlots(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      slotProposalSchema.parse({
        memberId,
        stepNumber: "5",
        slot1Day: "2030-12-01",
        slot1Time: "16:30",
        minutes: "45",
      }),
      mail,
    );
    const talk = (await getMyRoute(db, await authorizeNetwork(db, member, network.id)))
      .conversations[0];
    await confirmSlot(
      db,
      await authorizeNetwork(db, member, network.id),
      talk?.id ?? "",
      talk?.slots[0]?.id ?? "",
      mail,
    );
    const notes = { privateNote: "", sharedSummary: "Presentatie voorbereid.", held: true };
    await expect(
      saveConversationNotes(
        db,
        await authorizeNetwork(db, facilitator, network.id),
        talk?.id ?? "",
        notes,
      ),
    ).rejects.toMatchObject({ field: "held", messageKey: "error.conversation.notYetHeld" });
    let route = await getMyRoute(db, await authorizeNetwork(db, member, network.id));
    expect(route.progress?.steps.find((s) => s.number === 5)?.done).toBe(false);
    expect(route.conversations[0]?.status).toBe("confirmed");
    // From the moment it begins, it can be marked held.
    await saveConversationNotes(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      talk?.id ?? "",
      notes,
      new Date("2030-12-01T15:31:00Z"),
    );
    route = await getMyRoute(db, await authorizeNetwork(db, member, network.id));
    expect(route.progress?.steps.find((s) => s.number === 5)?.done).toBe(true);
  });

  it("does not let the facilitator tick off a conversation or the presentation", async () => {
    const { network, facilitator, memberId } = await setup();
    for (const step of [2, 5, 6])
      await expect(
        setStepDone(
          database.db,
          await authorizeNetwork(database.db, facilitator, network.id),
          memberId,
          step,
          true,
        ),
      ).rejects.toThrow(NotFoundError);
  });

  it("answers a tick without its member or step with a 404, not a database error", async () => {
    const { network, facilitator, memberId } = await setup();
    for (const [member, step] of [
      ["", Number.NaN],
      ["", 1],
      [memberId, Number.NaN],
    ] as const)
      await expect(
        setStepDone(
          database.db,
          await authorizeNetwork(database.db, facilitator, network.id),
          member,
          step,
          true,
        ),
      ).rejects.toThrow(NotFoundError);
  });

  it("counts the presentation only once the closing meeting has begun", () => {
    const steps = titles.map((title, i) => ({ number: i + 1, title, kind: stepKindFor(title) }));
    const closing = new Date("2026-12-08T07:30:00Z");
    const inputs = {
      member: { id: "m", userId: "u", routeId: "r", routeCompletedAt: null },
      route: { id: "r", name: "r", stepNumbers: [1, 3, 6], minMeetings: 1, requiresAllSteps: true },
      steps,
      completions: new Map([[6, new Date("2026-11-27T10:00:00Z")]]),
      present: 9,
      held: 9,
      planned: 10,
      closingStartsAt: closing,
    };
    const before = evaluateProgress({ ...inputs, now: new Date("2026-11-27T10:00:00Z") });
    expect(before.complete).toBe(false);
    expect(before.steps.find((s) => s.number === 6)).toMatchObject({
      done: false,
      waitsFor: closing,
    });
    const after = evaluateProgress({ ...inputs, now: new Date("2026-12-08T08:00:00Z") });
    expect(after.complete).toBe(true);
  });

  it("gives no attendance, and so no completion, for meetings before a member enrolled", async () => {
    const { network, facilitator, member, memberId, meetingIds } = await setup(1);
    const { db } = database;
    // She enrolled today; the meetings of January and February were before her time.
    await db
      .update(networkMembers)
      .set({ joinedAt: new Date() })
      .where(eq(networkMembers.id, memberId));
    await expect(
      recordAttendanceWithProgress(
        db,
        await authorizeNetwork(db, facilitator, network.id),
        meetingIds[0] ?? "",
        {
          [member.userId]: "present",
        },
      ),
    ).rejects.toMatchObject({
      field: `a-${member.userId}`,
      messageKey: "error.attendance.beforeEnrolment",
    });
    // Caught up, with a reason: it counts, and the reason is in the progress table.
    await expect(
      recordAttendanceWithProgress(
        db,
        await authorizeNetwork(db, facilitator, network.id),
        meetingIds[0] ?? "",
        {},
        {
          [member.userId]: " ",
        },
      ),
    ).rejects.toMatchObject({ field: `reason-${member.userId}` });
    await recordAttendanceWithProgress(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      meetingIds[0] ?? "",
      {},
      {
        [member.userId]: "Opname bekeken en besproken met de facilitator",
      },
    );
    const table = await getProgressTable(db, await authorizeNetwork(db, facilitator, network.id));
    const row = table.rows.find((r) => r.member.id === memberId);
    expect(row?.attendance.present).toBe(1);
    expect(row?.caughtUp).toEqual([
      {
        startsAt: expect.any(Date),
        reason: "Opname bekeken en besproken met de facilitator",
      },
    ]);
  });
});
