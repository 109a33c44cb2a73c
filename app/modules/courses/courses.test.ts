import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { storedFiles, submissions } from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { formBuddyGroup, listBuddyGroups } from "../peergroups/buddies.server.ts";
import { assignmentSchema } from "./courses.schema.ts";
import {
  addLiterature,
  createAssignment,
  getAssignment,
  getCourse,
  giveFeedback,
  saveStudyLoad,
  submitWork,
} from "./courses.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function setup() {
  const { db } = database;
  const course = await buildNetwork(db, {
    kind: "course",
    startDate: "2027-01-20",
    endDate: "2027-10-31",
  });
  const people = await Promise.all([
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db),
  ]);
  const [teacher, anna, bram, carla, outsider] = await Promise.all(
    people.map((p) => actorFor(db, p)),
  );
  if (!teacher || !anna || !bram || !carla || !outsider) throw new Error("setup");
  await addNetworkMember(db, course.id, teacher.userId, "facilitator");
  for (const p of [anna, bram, carla]) await addNetworkMember(db, course.id, p.userId);
  return { course, teacher, anna, bram, carla, outsider };
}

describe("a course (leergang)", () => {
  it("shows the study load: 5 contact days of 8 hours and 120 hours of self-study make 160", async () => {
    const { course, teacher, anna } = await setup();
    await saveStudyLoad(database.db, await authorizeNetwork(database.db, teacher, course.id), {
      contactDays: 5,
      hoursPerContactDay: 8,
      selfStudyHours: 120,
    });
    await addLiterature(database.db, await authorizeNetwork(database.db, teacher, course.id), {
      citation: "Wessum, L. van & Verheggen, I. (2018). Leidinggeven aan een lerende school.",
      required: true,
    });
    const view = await getCourse(database.db, await authorizeNetwork(database.db, anna, course.id));
    expect(view.studyLoad).toMatchObject({ contactHours: 40, totalHours: 160 });
    expect(view.literature.map((l) => l.required)).toEqual([true]);
  });

  it("takes work, with interim feedback from the teacher and the buddy only", async () => {
    const { course, teacher, anna, bram, carla, outsider } = await setup();
    const { db } = database;
    await formBuddyGroup(db, await authorizeNetwork(db, anna, course.id), [
      anna.userId,
      bram.userId,
    ]);
    await expect(
      formBuddyGroup(db, await authorizeNetwork(db, carla, course.id), [carla.userId, bram.userId]),
    ).rejects.toMatchObject({ messageKey: "error.buddies.taken" });
    const assignmentId =
      (await createAssignment(
        db,
        await authorizeNetwork(db, teacher, course.id),
        assignmentSchema.parse({ title: "Analyse praktijkvraagstuk", dueDay: "2027-02-15" }),
      )) ?? "";
    await submitWork(db, await authorizeNetwork(db, anna, course.id), assignmentId, {
      text: "Mijn praktijkvraagstuk gaat over teamleren.",
      reflection: "",
    });
    const [submission] = (
      await getAssignment(db, await authorizeNetwork(db, teacher, course.id), assignmentId)
    ).submissions;
    // The course page tells Anna she handed it in, and the teacher how many did.
    const mine = (await getCourse(db, await authorizeNetwork(db, anna, course.id))).assignments;
    expect(mine.find((a) => a.id === assignmentId)?.submittedAt).toBeInstanceOf(Date);
    const theirs = (await getCourse(db, await authorizeNetwork(db, bram, course.id))).assignments;
    expect(theirs.find((a) => a.id === assignmentId)).toMatchObject({
      submittedAt: null,
      submissionCount: 1,
    });
    await giveFeedback(
      db,
      await authorizeNetwork(db, teacher, course.id),
      submission?.id ?? "",
      "Scherp geformuleerd; betrek de literatuur.",
    );
    await giveFeedback(
      db,
      await authorizeNetwork(db, bram, course.id),
      submission?.id ?? "",
      "Herkenbaar! Wat doe je morgen anders?",
    );
    await expect(
      giveFeedback(
        db,
        await authorizeNetwork(db, carla, course.id),
        submission?.id ?? "",
        "Mag ik ook iets zeggen?",
      ),
    ).rejects.toThrow(NotFoundError);
    await expect(
      giveFeedback(
        db,
        await authorizeNetwork(db, anna, course.id),
        submission?.id ?? "",
        "Eigen werk prijzen",
      ),
    ).rejects.toThrow(NotFoundError);

    const asAnna = await getAssignment(
      db,
      await authorizeNetwork(db, anna, course.id),
      assignmentId,
    );
    expect(asAnna.submissions[0]?.feedback.map((f) => f.authorRole)).toEqual(["teacher", "buddy"]);
    // Carla is in the course but not Anna's buddy: she does not read Anna's work.
    expect(
      (await getAssignment(db, await authorizeNetwork(db, carla, course.id), assignmentId))
        .submissions,
    ).toEqual([]);
    await expect(
      getAssignment(db, await authorizeNetwork(db, outsider, course.id), assignmentId),
    ).rejects.toThrow(NotFoundError);
  });

  it("asks a reflection with the final product", async () => {
    const { course, teacher, anna } = await setup();
    const finalId =
      (await createAssignment(
        database.db,
        await authorizeNetwork(database.db, teacher, course.id),
        assignmentSchema.parse({ title: "Eindproduct", dueDay: "2027-10-01", isFinal: "on" }),
      )) ?? "";
    await expect(
      submitWork(database.db, await authorizeNetwork(database.db, anna, course.id), finalId, {
        text: "De uitwerking van alle opdrachten.",
        reflection: "",
      }),
    ).rejects.toMatchObject({ field: "reflection" });
    await expect(
      createAssignment(
        database.db,
        await authorizeNetwork(database.db, teacher, course.id),
        assignmentSchema.parse({ title: "Te laat", dueDay: "2028-01-01" }),
      ),
    ).rejects.toMatchObject({ messageKey: "error.meeting.outsidePeriod" });
  });

  it("lets the teacher pair the rest", async () => {
    const { course, teacher, anna, bram, carla } = await setup();
    const asTeacher = await authorizeNetwork(database.db, teacher, course.id);
    await formBuddyGroup(database.db, asTeacher, [anna.userId, bram.userId, carla.userId]);
    const groups = await listBuddyGroups(database.db, asTeacher);
    expect(groups.groups[0]?.members).toHaveLength(3);
    expect(groups.unpaired).toEqual([]);
  });

  it("stores submitted work only for a participant, and replaces the earlier file", async () => {
    const { course, teacher, anna, outsider } = await setup();
    const { db } = database;
    const pdf = (name: string) =>
      new File([Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")], name);
    const filesOf = (userId: string) =>
      db
        .select({ id: storedFiles.id, name: storedFiles.name })
        .from(storedFiles)
        .where(eq(storedFiles.uploadedBy, userId));
    const finalId =
      (await createAssignment(
        db,
        await authorizeNetwork(db, teacher, course.id),
        assignmentSchema.parse({ title: "Eindproduct", dueDay: "2027-10-01", isFinal: "on" }),
      )) ?? "";
    const work = { text: "Mijn eindproduct.", reflection: "Ik leerde vooral luisteren." };
    await expect(
      submitWork(
        db,
        await authorizeNetwork(db, outsider, course.id),
        finalId,
        work,
        pdf("indringer.pdf"),
      ),
    ).rejects.toThrow(NotFoundError);
    expect(await filesOf(outsider.userId)).toEqual([]);
    // The missing reflection is found after the file was stored: the file goes with the refusal.
    await expect(
      submitWork(
        db,
        await authorizeNetwork(db, anna, course.id),
        finalId,
        { ...work, reflection: "" },
        pdf("te-vroeg.pdf"),
      ),
    ).rejects.toMatchObject({ field: "reflection" });
    expect(await filesOf(anna.userId)).toEqual([]);
    await submitWork(
      db,
      await authorizeNetwork(db, anna, course.id),
      finalId,
      work,
      pdf("versie-1.pdf"),
    );
    await submitWork(
      db,
      await authorizeNetwork(db, anna, course.id),
      finalId,
      work,
      pdf("versie-2.pdf"),
    );
    const files = await filesOf(anna.userId);
    expect(files.map((f) => f.name)).toEqual(["versie-2.pdf"]);
    const [row] = await db
      .select({ fileId: submissions.fileId })
      .from(submissions)
      .where(eq(submissions.userId, anna.userId));
    expect(row?.fileId).toBe(files[0]?.id);
  });
});
