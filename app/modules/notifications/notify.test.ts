import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#app/db/client.server.ts";
import {
  networkMembers,
  notificationPreferences,
  notifications,
  outbox,
  waitingList,
} from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { assignmentSchema } from "../courses/courses.schema.ts";
import {
  createAssignment,
  getAssignment,
  giveFeedback,
  submitWork,
} from "../courses/courses.server.ts";
import { question, setupDiscussionNetwork } from "../discussion/discussion.fixtures.ts";
import { createTopic } from "../discussion/discussion.server.ts";
import { discussionJobHandlers } from "../discussion/discussion-mail.server.ts";
import { replyToTopic } from "../discussion/replies.server.ts";
import { surveyDefinitionSchema } from "../evaluation/evaluation.schema.ts";
import { scaleLabels } from "../evaluation/survey-template.ts";
import { createSurvey, sendSurvey } from "../evaluation/surveys.server.ts";
import { meetingForm, setupMeetingNetwork } from "../meetings/meetings.fixtures.ts";
import { cancelMeeting, createMeeting, updateMeeting } from "../meetings/meetings.server.ts";
import { leave } from "../memberships/enrolment.server.ts";
import { decideIntake } from "../memberships/intake.server.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { proposeSlots } from "../progress/conversations.server.ts";
import { setupProgressNetwork } from "../progress/progress.fixtures.ts";
import { slotProposalSchema } from "../progress/progress.schema.ts";
import type { NotificationChannel, NotificationKind } from "./kinds.ts";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "./notifications.server.ts";

let database: Database;
const mail = { baseUrl: "https://knooppunt.test" };
const firstPage = { page: 1, perPage: 20, offset: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function rowsOf(db: Db, userId: string) {
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}

function mailsTo(db: Db, email: string, kind?: string) {
  return db
    .select()
    .from(outbox)
    .where(kind ? and(eq(outbox.to, email), eq(outbox.kind, kind)) : eq(outbox.to, email));
}

async function choose(
  db: Db,
  userId: string,
  kind: NotificationKind,
  channel: NotificationChannel,
) {
  await db.insert(notificationPreferences).values({ userId, kind, channel });
}

describe("the discussion", () => {
  it("tells nobody who left the network of answers to their old question", async () => {
    const { db, network, asker, helper } = await setupDiscussionNetwork(database.db);
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), question);
    await leave(db, await authorizeNetwork(db, asker, network.id), mail);
    await replyToTopic(db, await authorizeNetwork(db, helper, network.id), topicId, {
      body: "Nog een antwoord, nu de vrager weg is.",
      parentId: null,
    });
    expect(await rowsOf(db, asker.userId)).toEqual([]);
  });

  it("tells the asker of an answer and the answered of a reply, never the writer; an app-only choice skips the mail", async () => {
    const { db, network, asker, helper, guide, emailOf } = await setupDiscussionNetwork(
      database.db,
    );
    const topicId = await createTopic(db, await authorizeNetwork(db, asker, network.id), question);
    await runDueJobs(db, discussionJobHandlers);
    // The asker hears of answers in the app only.
    await choose(db, asker.userId, "discussion-answer", "app");

    const answerId = await replyToTopic(
      db,
      await authorizeNetwork(db, helper, network.id),
      topicId,
      {
        body: "Ons protocol staat in de gedeelde map; ik stuur het je.",
        parentId: null,
      },
    );
    const [answer] = await rowsOf(db, asker.userId);
    expect(answer).toMatchObject({
      kind: "discussion-answer",
      actorId: helper.userId,
      networkId: network.id,
      subject: question.title,
      link: `/netwerken/${network.id}/discussie/${topicId}#bericht-${answerId}`,
    });
    expect(await rowsOf(db, helper.userId)).toEqual([]);
    expect(await rowsOf(db, guide.userId)).toEqual([]);
    // Never the body.
    expect(JSON.stringify(answer)).not.toContain("protocol staat");

    await runDueJobs(db, discussionJobHandlers);
    expect(await mailsTo(db, emailOf(asker.userId), "mail.discussion")).toEqual([]);
    // Others who follow each message still get the mail.
    expect(await mailsTo(db, emailOf(guide.userId), "mail.discussion")).toHaveLength(2);

    // The asker replies to the helper's answer: the helper hears of it, the asker (writer) not.
    await replyToTopic(db, await authorizeNetwork(db, asker, network.id), topicId, {
      body: "Dank je!",
      parentId: answerId,
    });
    const helperRows = await rowsOf(db, helper.userId);
    expect(helperRows).toEqual([
      expect.objectContaining({ kind: "discussion-reply", actorId: asker.userId }),
    ]);
    expect(await rowsOf(db, asker.userId)).toHaveLength(1);

    // The guide replies to the helper's answer in the asker's topic: one row each, of its kind.
    await replyToTopic(db, await authorizeNetwork(db, guide, network.id), topicId, {
      body: "Mooi voorbeeld.",
      parentId: answerId,
    });
    expect((await rowsOf(db, helper.userId)).map((r) => r.kind)).toEqual([
      "discussion-reply",
      "discussion-reply",
    ]);
    expect((await rowsOf(db, asker.userId)).map((r) => r.kind)).toEqual([
      "discussion-answer",
      "discussion-answer",
    ]);
  });
});

describe("meetings", () => {
  it("tells every other active member of a move and a cancellation; 'mail' makes no row but mails, 'app' a row and no mail", async () => {
    const { db } = database;
    const { network, facilitator, member, colleague } = await setupMeetingNetwork(db);
    await choose(db, member.userId, "meeting-changed", "mail");
    await choose(db, colleague.userId, "meeting-changed", "app");
    const net = await authorizeNetwork(db, facilitator, network.id);
    const id = await createMeeting(db, net, meetingForm());
    await updateMeeting(db, net, id, meetingForm({ day: "2026-10-13" }), mail);

    expect(await rowsOf(db, member.userId)).toEqual([]);
    expect(await mailsTo(db, member.email, "mail.meetingMoved")).toHaveLength(1);
    expect(await rowsOf(db, colleague.userId)).toEqual([
      expect.objectContaining({
        kind: "meeting-changed",
        actorId: facilitator.userId,
        subject: network.name,
        link: `/netwerken/${network.id}/bijeenkomsten/${id}`,
      }),
    ]);
    expect(await mailsTo(db, colleague.email, "mail.meetingMoved")).toEqual([]);
    expect(await rowsOf(db, facilitator.userId)).toEqual([]);

    // Another place is news too, with its own mail.
    await updateMeeting(
      db,
      net,
      id,
      meetingForm({ day: "2026-10-13", mode: "location", address: "De Werkplaats, Utrecht" }),
      mail,
    );
    expect(await rowsOf(db, colleague.userId)).toHaveLength(2);
    const [placeMail] = await mailsTo(db, member.email, "mail.meetingPlaceChanged");
    expect(placeMail?.text).toContain("op De Werkplaats, Utrecht");

    await cancelMeeting(db, net, id, mail);
    // No choice for cancellations: both.
    expect((await rowsOf(db, member.userId)).map((r) => r.kind)).toEqual(["meeting-cancelled"]);
    expect(await mailsTo(db, member.email, "mail.meetingCancelled")).toHaveLength(1);
  });
});

describe("progress, courses, intake, waiting list and surveys", () => {
  it("tells the member of proposed conversation slots", async () => {
    const { db } = database;
    const { network, facilitator, member, memberId } = await setupProgressNetwork(db);
    await proposeSlots(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      slotProposalSchema.parse({
        memberId,
        stepNumber: "2",
        slot1Day: "2030-12-01",
        slot1Time: "16:30",
        minutes: "45",
      }),
      mail,
    );
    expect(await rowsOf(db, member.userId)).toEqual([
      expect.objectContaining({
        kind: "conversation-proposed",
        actorId: facilitator.userId,
        link: `/netwerken/${network.id}/mijn-route`,
      }),
    ]);
    expect(await mailsTo(db, member.email, "mail.slotsProposed")).toHaveLength(1);
  });

  it("tells the author of feedback on their work, by mail too, without the feedback itself", async () => {
    const { db } = database;
    const course = await buildNetwork(db, {
      kind: "course",
      startDate: "2027-01-20",
      endDate: "2027-10-31",
    });
    const teacher = await actorFor(db, await buildUser(db));
    const annaUser = await buildUser(db);
    const anna = await actorFor(db, annaUser);
    await addNetworkMember(db, course.id, teacher.userId, "facilitator");
    await addNetworkMember(db, course.id, anna.userId);
    const assignmentId =
      (await createAssignment(
        db,
        await authorizeNetwork(db, teacher, course.id),
        assignmentSchema.parse({ title: "Analyse praktijkvraagstuk", dueDay: "2027-02-15" }),
      )) ?? "";
    await submitWork(db, await authorizeNetwork(db, anna, course.id), assignmentId, {
      text: "Mijn vraagstuk.",
      reflection: "",
    });
    const [submission] = (
      await getAssignment(db, await authorizeNetwork(db, teacher, course.id), assignmentId)
    ).submissions;
    await giveFeedback(
      db,
      await authorizeNetwork(db, teacher, course.id),
      submission?.id ?? "",
      "Betrek de literatuur.",
    );
    expect(await rowsOf(db, anna.userId)).toEqual([
      expect.objectContaining({
        kind: "feedback-given",
        subject: "Analyse praktijkvraagstuk",
        link: `/netwerken/${course.id}/leergang/opdrachten/${assignmentId}`,
      }),
    ]);
    const [feedbackMail] = await mailsTo(db, annaUser.email, "mail.feedbackGiven");
    expect(feedbackMail?.text).toContain("Analyse praktijkvraagstuk");
    expect(feedbackMail?.text).not.toContain("Betrek de literatuur");
  });

  it("tells a candidate of the intake decision, even when declined from a closed network", async () => {
    const { db } = database;
    const network = await buildNetwork(db, { openness: "closed", joinMode: "nomination" });
    const penvoerder = await actorFor(db, await buildUser(db));
    await addNetworkMember(db, network.id, penvoerder.userId, "penvoerder");
    const candidate = await buildUser(db);
    const [pending] = await db
      .insert(networkMembers)
      .values({
        networkId: network.id,
        userId: candidate.id,
        role: "deelnemer",
        status: "awaiting-intake",
      })
      .returning({ id: networkMembers.id });
    await decideIntake(
      db,
      await authorizeNetwork(db, penvoerder, network.id),
      { memberId: pending?.id ?? "", decision: "decline", message: "Volgend jaar graag." },
      mail,
    );
    const { rows } = await listNotifications(db, candidate.id, firstPage);
    expect(rows).toEqual([
      expect.objectContaining({ kind: "intake-decided", link: `/netwerken/${network.id}` }),
    ]);
    expect(await mailsTo(db, candidate.email, "mail.intakeDeclined")).toHaveLength(1);
  });

  it("tells the first on the waiting list of a place that came free", async () => {
    const { db } = database;
    const network = await buildNetwork(db, { capacity: 1 });
    const leaver = await actorFor(db, await buildUser(db));
    await addNetworkMember(db, network.id, leaver.userId);
    const waiting = await buildUser(db);
    await db
      .insert(waitingList)
      .values({ networkId: network.id, userId: waiting.id, status: "waiting" });
    await leave(db, await authorizeNetwork(db, leaver, network.id), mail);
    expect(await rowsOf(db, waiting.id)).toEqual([
      expect.objectContaining({ kind: "place-offered", link: `/netwerken/${network.id}` }),
    ]);
    expect(await mailsTo(db, waiting.email, "mail.placeOffered")).toHaveLength(1);
  });

  it("tells each participant of a survey without putting the one-time link in the bell", async () => {
    const { db } = database;
    const network = await buildNetwork(db);
    const facilitator = await actorFor(db, await buildUser(db));
    await addNetworkMember(db, network.id, facilitator.userId, "facilitator");
    const participant = await buildUser(db);
    await addNetworkMember(db, network.id, participant.id);
    const net = await authorizeNetwork(db, facilitator, network.id);
    const surveyId = await createSurvey(
      db,
      net,
      surveyDefinitionSchema.parse({
        kind: "baseline",
        title: "Nulmeting",
        useTemplate: "on",
        scaleLabels: scaleLabels.join(","),
      }),
    );
    await sendSurvey(db, net, surveyId, mail);
    const rows = await rowsOf(db, participant.id);
    expect(rows).toEqual([
      expect.objectContaining({ kind: "survey-invitation", subject: "Nulmeting", link: "/" }),
    ]);
    expect(await mailsTo(db, participant.email, "mail.survey")).toHaveLength(1);
    expect(await rowsOf(db, facilitator.userId)).toEqual([]);
  });
});

describe("reading notifications", () => {
  async function twoFor() {
    const { db } = database;
    const [me, other] = await Promise.all([buildUser(db), buildUser(db)]);
    const inserted = await db
      .insert(notifications)
      .values([
        { userId: me.id, kind: "survey-invitation", subject: "Eerste", link: "/een" },
        { userId: me.id, kind: "survey-invitation", subject: "Tweede", link: "/twee" },
      ])
      .returning({ id: notifications.id });
    return { db, me, other, ids: inserted.map((r) => r.id) };
  }

  it("marks one read and gives its link, then all", async () => {
    const { db, me, ids } = await twoFor();
    expect(await countUnreadNotifications(db, me.id)).toBe(2);
    expect(await markNotificationRead(db, me.id, ids[0] ?? "")).toBe("/een");
    expect(await countUnreadNotifications(db, me.id)).toBe(1);
    const { rows } = await listNotifications(db, me.id, firstPage);
    expect(rows.map((r) => [r.subject, r.read]).sort()).toEqual([
      ["Eerste", true],
      ["Tweede", false],
    ]);
    await markAllNotificationsRead(db, me.id);
    expect(await countUnreadNotifications(db, me.id)).toBe(0);
  });

  it("is a 404 for someone else, who sees none of mine", async () => {
    const { db, me, other, ids } = await twoFor();
    await expect(markNotificationRead(db, other.id, ids[0] ?? "")).rejects.toThrow(NotFoundError);
    await expect(markNotificationRead(db, other.id, "geen-id")).rejects.toThrow(NotFoundError);
    expect((await listNotifications(db, other.id, firstPage)).rows).toEqual([]);
    await markAllNotificationsRead(db, other.id);
    expect(await countUnreadNotifications(db, me.id)).toBe(2);
  });

  it("hides what happened in a network once I left it, open or closed", async () => {
    const { db } = database;
    const me = await actorFor(db, await buildUser(db));
    const closed = await buildNetwork(db, { openness: "closed" });
    const open = await buildNetwork(db, { openness: "open" });
    for (const network of [closed, open]) {
      await addNetworkMember(db, network.id, me.userId);
      await db.insert(notifications).values({
        userId: me.userId,
        kind: "meeting-cancelled",
        networkId: network.id,
        subject: network.name,
        link: `/netwerken/${network.id}`,
      });
    }
    expect(await countUnreadNotifications(db, me.userId)).toBe(2);
    for (const network of [closed, open]) {
      await leave(db, await authorizeNetwork(db, me, network.id), mail);
    }
    const { rows } = await listNotifications(db, me.userId, firstPage);
    expect(rows).toEqual([]);
    expect(await countUnreadNotifications(db, me.userId)).toBe(0);
    const [hidden] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.networkId, closed.id));
    await expect(markNotificationRead(db, me.userId, hidden?.id ?? "")).rejects.toThrow(
      NotFoundError,
    );
  });
});
