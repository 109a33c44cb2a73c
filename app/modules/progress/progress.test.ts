import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  networkMembers,
  networkSteps,
  outbox,
  professionalThemes,
  stepCompletions,
  storedFiles,
} from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildRoute,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { meetingSchema } from "../meetings/meetings.schema.ts";
import { createMeeting } from "../meetings/meetings.server.ts";
import { stepKindFor } from "../networks/networks.server.ts";
import { slotProposalSchema } from "./progress.schema.ts";
import {
  confirmSlot,
  evaluateProgress,
  getConversation,
  getMyLearningQuestion,
  getMyRoute,
  getProgressTable,
  listLearningQuestions,
  proposeSlots,
  recordAttendanceWithProgress,
  saveConversationNotes,
  saveLearningQuestion,
  setStepDone,
  submitPresentation,
} from "./progress.server.ts";

let database: Database;
const mail = { baseUrl: "https://knooppunt.test" };
const titles = [
  "Aanmelden bij een van de netwerken",
  "Online intakegesprek",
  "Tijdens bijeenkomsten werken aan innovatie",
  "Online ontwikkelgesprek",
  "Online afrondend gesprek",
  "Afsluitende bijeenkomst met presentatie",
];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insert(professionalThemes)
    .values(
      ["Visiegestuurd onderwijs", "Verandermanagement"].map((name, position) => ({
        name,
        position,
      })),
    )
    .onConflictDoNothing();
});
afterAll(async () => {
  await database?.close();
});

async function setup(minMeetings = 2) {
  const { db } = database;
  const network = await buildNetwork(db, { themes: ["verandermanagement"] });
  await db.insert(networkSteps).values(
    titles.map((title, i) => ({
      networkId: network.id,
      number: i + 1,
      title,
      kind: stepKindFor(title),
    })),
  );
  const withPoints = await buildRoute(db, network.id, {
    name: "Met herregistratie",
    stepNumbers: [1, 2, 3, 4, 5, 6],
    minMeetings,
  });
  const without = await buildRoute(db, network.id, {
    name: "Zonder herregistratie",
    stepNumbers: [1, 3, 6],
    minMeetings,
  });
  const facilitatorUser = await buildUser(db);
  const memberUser = await buildUser(db);
  const otherUser = await buildUser(db);
  await addNetworkMember(db, network.id, facilitatorUser.id, "facilitator");
  const memberId = await addNetworkMember(
    db,
    network.id,
    memberUser.id,
    "deelnemer",
    null,
    withPoints.id,
  );
  const otherId = await addNetworkMember(
    db,
    network.id,
    otherUser.id,
    "deelnemer",
    null,
    without.id,
  );
  // Both enrolled before the first meeting of the year.
  await db
    .update(networkMembers)
    .set({ joinedAt: new Date("2026-01-05T09:00:00Z") })
    .where(eq(networkMembers.networkId, network.id));
  const facilitator = await actorFor(db, facilitatorUser);
  const meetingIds: string[] = [];
  for (const day of ["2026-01-12", "2026-02-09"]) {
    meetingIds.push(
      await createMeeting(
        db,
        facilitator,
        network.id,
        meetingSchema.parse({
          day,
          startTime: "16:00",
          endTime: "19:00",
          mode: "location",
          address: "Utrecht",
        }),
      ),
    );
  }
  return {
    network,
    facilitator,
    member: await actorFor(db, memberUser),
    other: await actorFor(db, otherUser),
    memberId,
    otherId,
    meetingIds,
  };
}

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

describe("a member's route", () => {
  it("runs from intake to the closing presentation, and is completed with enough attendance", async () => {
    const { network, facilitator, member, memberId, meetingIds } = await setup();
    const { db } = database;
    // Intake: slots proposed, one confirmed, the conversation held with a shared summary.
    await proposeSlots(
      db,
      facilitator,
      network.id,
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
    let route = await getMyRoute(db, member, network.id);
    const intake = route.conversations[0];
    expect(intake?.slots).toHaveLength(2);
    await confirmSlot(db, member, network.id, intake?.id ?? "", intake?.slots[1]?.id ?? "", mail);
    await saveConversationNotes(
      db,
      facilitator,
      network.id,
      intake?.id ?? "",
      {
        privateNote: "Let op: twijfelt over haar rol.",
        sharedSummary: "Nadruk op verandermanagement.",
        held: true,
      },
      new Date("2030-03-03T14:00:00Z"),
    );
    const asMember = await getConversation(db, member, network.id, intake?.id ?? "");
    expect(asMember.conversation.privateNote).toBeNull();
    expect(asMember.conversation.sharedSummary).toBe("Nadruk op verandermanagement.");
    const asFacilitator = await getConversation(db, facilitator, network.id, intake?.id ?? "");
    expect(asFacilitator.conversation.privateNote).toBe("Let op: twijfelt over haar rol.");

    // The development and closing conversations were held like the intake.
    await db.insert(stepCompletions).values([
      { memberId, stepNumber: 4 },
      { memberId, stepNumber: 5 },
    ]);
    await submitPresentation(db, member, network.id, {
      link: "https://slides.example/innovatie",
      note: "",
    });
    route = await getMyRoute(db, member, network.id);
    expect(route.progress?.complete).toBe(false);
    expect(route.progress?.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);

    for (const meetingId of meetingIds) {
      await recordAttendanceWithProgress(db, facilitator, network.id, meetingId, {
        [member.userId]: "present",
      });
    }
    route = await getMyRoute(db, member, network.id);
    expect(route.progress?.complete).toBe(true);
    const [row] = await db.select().from(networkMembers).where(eq(networkMembers.id, memberId));
    expect(row?.routeCompletedAt).toBeInstanceOf(Date);

    // A corrected attendance record takes the completion back.
    await recordAttendanceWithProgress(db, facilitator, network.id, meetingIds[0] ?? "", {
      [member.userId]: "absent",
    });
    const [after] = await db.select().from(networkMembers).where(eq(networkMembers.id, memberId));
    expect(after?.routeCompletedAt).toBeNull();
  });

  it("shows the facilitator everyone's progress, and mails the member the proposed slots", async () => {
    const { network, facilitator, member, other, memberId } = await setup();
    await proposeSlots(
      database.db,
      facilitator,
      network.id,
      slotProposalSchema.parse({
        memberId,
        stepNumber: "2",
        slot1Day: "2030-04-02",
        slot1Time: "10:00",
        minutes: "30",
      }),
      mail,
    );
    const table = await getProgressTable(database.db, facilitator, network.id);
    expect(table.rows.map((r) => r.member.name).sort()).toEqual([member.name, other.name].sort());
    expect(
      table.rows.find((r) => r.member.userId === other.userId)?.steps.map((s) => s.number),
    ).toEqual([1, 3, 6]);
    await expect(getProgressTable(database.db, member, network.id)).rejects.toMatchObject({
      init: { status: 404 },
    });
    const mails = await database.db.select().from(outbox).where(eq(outbox.to, member.email));
    expect(mails.at(-1)?.subject).toContain("stelt tijden voor");
  });

  it("refuses overlapping slots and conversation steps outside the member's route", async () => {
    const { network, facilitator, memberId, otherId } = await setup();
    const propose = (input: Record<string, string>) =>
      proposeSlots(
        database.db,
        facilitator,
        network.id,
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

describe("nothing is done before it happens", () => {
  it("refuses to mark a conversation held before it begins, with a message at the field", async () => {
    const { network, facilitator, member, memberId } = await setup();
    const { db } = database;
    await proposeSlots(
      db,
      facilitator,
      network.id,
      slotProposalSchema.parse({
        memberId,
        stepNumber: "5",
        slot1Day: "2030-12-01",
        slot1Time: "16:30",
        minutes: "45",
      }),
      mail,
    );
    const talk = (await getMyRoute(db, member, network.id)).conversations[0];
    await confirmSlot(db, member, network.id, talk?.id ?? "", talk?.slots[0]?.id ?? "", mail);
    const notes = { privateNote: "", sharedSummary: "Presentatie voorbereid.", held: true };
    await expect(
      saveConversationNotes(db, facilitator, network.id, talk?.id ?? "", notes),
    ).rejects.toMatchObject({ field: "held", messageKey: "error.conversation.notYetHeld" });
    let route = await getMyRoute(db, member, network.id);
    expect(route.progress?.steps.find((s) => s.number === 5)?.done).toBe(false);
    expect(route.conversations[0]?.status).toBe("confirmed");
    // From the moment it begins, it can be marked held.
    await saveConversationNotes(
      db,
      facilitator,
      network.id,
      talk?.id ?? "",
      notes,
      new Date("2030-12-01T15:31:00Z"),
    );
    route = await getMyRoute(db, member, network.id);
    expect(route.progress?.steps.find((s) => s.number === 5)?.done).toBe(true);
  });

  it("does not let the facilitator tick off a conversation or the presentation", async () => {
    const { network, facilitator, memberId } = await setup();
    for (const step of [2, 5, 6])
      await expect(
        setStepDone(database.db, facilitator, network.id, memberId, step, true),
      ).rejects.toMatchObject({ init: { status: 404 } });
  });

  it("answers a tick without its member or step with a 404, not a database error", async () => {
    const { network, facilitator, memberId } = await setup();
    for (const [member, step] of [
      ["", Number.NaN],
      ["", 1],
      [memberId, Number.NaN],
    ] as const)
      await expect(
        setStepDone(database.db, facilitator, network.id, member, step, true),
      ).rejects.toMatchObject({ init: { status: 404 } });
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
      recordAttendanceWithProgress(db, facilitator, network.id, meetingIds[0] ?? "", {
        [member.userId]: "present",
      }),
    ).rejects.toMatchObject({
      field: `a-${member.userId}`,
      messageKey: "error.attendance.beforeEnrolment",
    });
    // Caught up, with a reason: it counts, and the reason is in the progress table.
    await expect(
      recordAttendanceWithProgress(
        db,
        facilitator,
        network.id,
        meetingIds[0] ?? "",
        {},
        {
          [member.userId]: " ",
        },
      ),
    ).rejects.toMatchObject({ field: `reason-${member.userId}` });
    await recordAttendanceWithProgress(
      db,
      facilitator,
      network.id,
      meetingIds[0] ?? "",
      {},
      {
        [member.userId]: "Opname bekeken en besproken met de facilitator",
      },
    );
    const table = await getProgressTable(db, facilitator, network.id);
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

describe("the presentation file", () => {
  const pdf = (name: string) =>
    new File([Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")], name);
  const filesOf = (userId: string) =>
    database.db
      .select({ id: storedFiles.id, name: storedFiles.name })
      .from(storedFiles)
      .where(eq(storedFiles.uploadedBy, userId));

  it("is stored only for a member with the step, and replaces the earlier one", async () => {
    const { db } = database;
    const { network, member, memberId } = await setup();
    const outsider = await actorFor(db, await buildUser(db));
    const input = { link: "", note: "" };
    await expect(
      submitPresentation(db, outsider, network.id, input, pdf("niet-van-mij.pdf")),
    ).rejects.toMatchObject({ init: { status: 404 } });
    expect(await filesOf(outsider.userId)).toEqual([]);

    await submitPresentation(db, member, network.id, input, pdf("eerste.pdf"));
    await expect(
      submitPresentation(
        db,
        member,
        network.id,
        input,
        new File(["<html><script>alert(1)</script></html>"], "tweede.pdf"),
      ),
    ).rejects.toMatchObject({ field: "file", messageKey: "file.typeNotAllowed" });
    await submitPresentation(db, member, network.id, input, pdf("derde.pdf"));
    const files = await filesOf(member.userId);
    expect(files.map((f) => f.name)).toEqual(["derde.pdf"]);
    const [completion] = await db
      .select({ fileId: stepCompletions.fileId })
      .from(stepCompletions)
      .where(eq(stepCompletions.memberId, memberId));
    expect(completion?.fileId).toBe(files[0]?.id);
  });
});

describe("learning questions", () => {
  it("keeps the history of revisions and shows all questions to the facilitator only", async () => {
    const { network, facilitator, member, other, meetingIds } = await setup();
    const { db } = database;
    await saveLearningQuestion(db, member, network.id, {
      text: "Hoe maak ik mijn team eigenaar van de innovatie?",
      themes: ["verandermanagement"],
      professionalThemes: ["Verandermanagement"],
      meetingIds: [],
    });
    await saveLearningQuestion(db, member, network.id, {
      text: "Hoe maak ik mijn team eigenaar van de innovatie, zonder zelf te trekken?",
      themes: ["verandermanagement"],
      professionalThemes: ["Verandermanagement", "Visiegestuurd onderwijs"],
      meetingIds: [meetingIds[0] ?? ""],
    });
    const mine = await getMyLearningQuestion(db, member, network.id);
    expect(mine.revisions).toHaveLength(2);
    expect(mine.question?.meetingIds).toEqual([meetingIds[0]]);
    await expect(
      saveLearningQuestion(db, member, network.id, {
        text: "Een vraag met een verzonnen thema",
        themes: [],
        professionalThemes: ["Bestaat niet"],
        meetingIds: [],
      }),
    ).rejects.toMatchObject({ field: "professionalThemes" });
    const all = await listLearningQuestions(db, facilitator, network.id);
    expect(all.questions.map((q) => q.text)).toEqual([
      "Hoe maak ik mijn team eigenaar van de innovatie, zonder zelf te trekken?",
    ]);
    await expect(listLearningQuestions(db, other, network.id)).rejects.toMatchObject({
      init: { status: 404 },
    });
  });
});
