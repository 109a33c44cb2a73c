import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { storedFiles } from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { eraseAccount } from "../privacy/erasure.server.ts";
import { assignmentSchema } from "./courses.schema.ts";
import { createAssignment, getAssignment, giveFeedback, submitWork } from "./courses.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";

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

const pdf = (name: string) =>
  new File([Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")], name);

describe("courses: a participant's work after erasure", () => {
  it("exports their work, its file and the feedback on it; erasing removes the work, keeps their feedback to others as 'Oud-lid'", async () => {
    const { db } = database;
    const course = await buildNetwork(db, {
      kind: "course",
      startDate: "2027-01-20",
      endDate: "2027-10-31",
    });
    const people = await Promise.all([buildUser(db), buildUser(db), buildUser(db)]);
    const [teacher, anna, bram] = await Promise.all(people.map((p) => actorFor(db, p)));
    const annaUser = people[1];
    if (!teacher || !anna || !bram || !annaUser) throw new Error("setup");
    await addNetworkMember(db, course.id, teacher.userId, "facilitator");
    await addNetworkMember(db, course.id, anna.userId);
    await addNetworkMember(db, course.id, bram.userId);
    const asTeacher = await authorizeNetwork(db, teacher, course.id);
    const assignmentId =
      (await createAssignment(
        db,
        asTeacher,
        assignmentSchema.parse({ title: "Analyse praktijkvraagstuk", dueDay: "2027-02-15" }),
      )) ?? "";
    await submitWork(
      db,
      await authorizeNetwork(db, anna, course.id),
      assignmentId,
      { text: "Anna's analyse van teamleren.", reflection: "" },
      pdf("anna.pdf"),
    );
    await submitWork(db, await authorizeNetwork(db, bram, course.id), assignmentId, {
      text: "Bram's analyse.",
      reflection: "",
    });
    const before = await getAssignment(db, asTeacher, assignmentId);
    const annaWork = before.submissions.find((s) => s.userId === anna.userId);
    const bramWork = before.submissions.find((s) => s.userId === bram.userId);
    if (!annaWork || !bramWork) throw new Error("setup");
    await giveFeedback(db, asTeacher, annaWork.id, "Mooi begin, Anna.");
    await giveFeedback(db, asTeacher, bramWork.id, "Goed, Bram.");

    const { data, files } = await personalDataProvider.export(db, anna.userId);
    const json = JSON.stringify(data);
    expect(json).toContain("Anna's analyse van teamleren.");
    expect(json).toContain("Mooi begin, Anna.");
    expect(json).not.toContain("Bram's analyse.");
    expect(files?.map((f) => f.name)).toEqual(["anna.pdf"]);

    // The teacher is erased: Bram keeps the feedback, signed "Oud-lid".
    await erase(teacher.userId);
    const asBram = await authorizeNetwork(db, bram, course.id);
    const bramView = await getAssignment(db, asBram, assignmentId);
    expect(
      bramView.submissions
        .find((s) => s.userId === bram.userId)
        ?.feedback.map((f) => [f.authorName, f.text]),
    ).toEqual([["Oud-lid", "Goed, Bram."]]);

    // Anna is erased: her work and file are gone, Bram's stays.
    await erase(anna.userId);
    const after = await getAssignment(db, asBram, assignmentId);
    expect(after.submissions.map((s) => s.text)).toEqual(["Bram's analyse."]);
    expect(JSON.stringify(after)).not.toContain(annaUser.name);
    expect(
      await db.select().from(storedFiles).where(eq(storedFiles.uploadedBy, anna.userId)),
    ).toEqual([]);
    expect((await personalDataProvider.export(db, anna.userId)).data).toEqual({
      submissions: [],
      feedbackGiven: [],
    });
  });
});
