import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  conversations,
  learningQuestionRevisions,
  learningQuestions,
  stepCompletions,
  storedFiles,
} from "#app/db/schema/index.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { eraseAccount } from "../privacy/erasure.server.ts";
import { listLearningQuestions } from "./learning-questions.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";
import { createProgressDatabase, setupProgressNetwork } from "./progress.fixtures.ts";

let database: Database;

beforeAll(async () => {
  database = await createProgressDatabase();
});

afterAll(async () => {
  await database?.close();
});

/** The whole erasure, every module's rule and the tombstone, as the account page runs it. */
function erase(userId: string) {
  return eraseAccount(database.db, userId, { reason: "self" });
}

async function seedRoute(setup: Awaited<ReturnType<typeof setupProgressNetwork>>) {
  const { db } = database;
  const { network, facilitator, member, other, memberId, otherId } = setup;
  for (const [userId, text] of [
    [member.userId, "Hoe geef ik feedback aan mijn team zonder dat het pijn doet?"],
    [other.userId, "Hoe voer ik een moeilijk gesprek met ouders?"],
  ] as const) {
    const [question] = await db
      .insert(learningQuestions)
      .values({ networkId: network.id, userId, text })
      .returning();
    await db
      .insert(learningQuestionRevisions)
      .values({ questionId: question?.id ?? "", text: `Eerste versie: ${text}` });
  }
  const [file] = await db
    .insert(storedFiles)
    .values({
      name: "presentatie.pdf",
      contentType: "application/pdf",
      size: 4,
      content: Buffer.from("%PDF"),
      uploadedBy: member.userId,
    })
    .returning();
  await db.insert(stepCompletions).values([
    { memberId, stepNumber: 1, note: "Aangemeld" },
    { memberId, stepNumber: 6, note: "Mijn presentatie", fileId: file?.id },
    { memberId: otherId, stepNumber: 1, note: "Ook aangemeld" },
  ]);
  await db.insert(conversations).values([
    {
      memberId,
      facilitatorId: facilitator.userId,
      stepNumber: 2,
      kind: "intake",
      status: "held",
      privateNote: "Let op: twijfelt of ze schoolleider wil blijven.",
      sharedSummary: "We spraken over feedback geven.",
    },
    {
      memberId: otherId,
      facilitatorId: facilitator.userId,
      stepNumber: 2,
      kind: "intake",
      status: "held",
      privateNote: "Privé over de ander.",
      sharedSummary: "Samenvatting van de ander.",
    },
  ]);
  return { fileId: file?.id ?? "" };
}

describe("progress: a participant's route after erasure", () => {
  it("exports their learning question with revisions, steps, presentation file and shared summaries, never the facilitator's private note", async () => {
    const setup = await setupProgressNetwork(database.db);
    const { fileId } = await seedRoute(setup);
    const { data, files } = await personalDataProvider.export(database.db, setup.member.userId);
    const json = JSON.stringify(data);
    expect(json).toContain("Hoe geef ik feedback aan mijn team");
    expect(json).toContain("Eerste versie: Hoe geef ik feedback");
    expect(json).toContain("Mijn presentatie");
    expect(json).toContain("We spraken over feedback geven.");
    expect(json).not.toContain("twijfelt of ze schoolleider");
    expect(json).not.toContain("moeilijk gesprek met ouders");
    expect(json).not.toContain("Samenvatting van de ander");
    expect(files).toEqual([{ storedFileId: fileId, name: "presentatie.pdf" }]);

    const held = JSON.stringify(
      (await personalDataProvider.export(database.db, setup.facilitator.userId)).data,
    );
    expect(held).toContain("twijfelt of ze schoolleider");
    // The facilitator's copy names the conversation by network and date, not by the participant.
    expect(held).toContain(setup.network.name);
    expect(held).not.toContain(setup.member.name);
    expect(held).not.toContain(setup.member.userId);
    expect(held).not.toContain(setup.memberId);
  });

  it("erases the learning question, steps, file and conversations; the other participant's stay", async () => {
    const { db } = database;
    const setup = await setupProgressNetwork(db);
    const { fileId } = await seedRoute(setup);
    await erase(setup.member.userId);

    const overview = await listLearningQuestions(
      db,
      await authorizeNetwork(db, setup.facilitator, setup.network.id),
    );
    expect(overview.questions.map((q) => q.text)).toEqual([
      "Hoe voer ik een moeilijk gesprek met ouders?",
    ]);
    expect(
      await db.select().from(stepCompletions).where(eq(stepCompletions.memberId, setup.memberId)),
    ).toEqual([]);
    expect(await db.select().from(storedFiles).where(eq(storedFiles.id, fileId))).toEqual([]);
    expect(
      await db.select().from(conversations).where(eq(conversations.memberId, setup.memberId)),
    ).toEqual([]);
    const others = await db
      .select()
      .from(conversations)
      .where(eq(conversations.memberId, setup.otherId));
    expect(others.map((c) => c.privateNote)).toEqual(["Privé over de ander."]);
    expect(
      await db.select().from(stepCompletions).where(eq(stepCompletions.memberId, setup.otherId)),
    ).toHaveLength(1);
    const { data } = await personalDataProvider.export(db, setup.member.userId);
    expect(data).toEqual({
      learningQuestions: [],
      steps: [],
      conversations: [],
      conversationsHeldAsFacilitator: [],
    });
  });

  it("keeps a conversation for the participant when the facilitator is erased, without the private note", async () => {
    const { db } = database;
    const setup = await setupProgressNetwork(db);
    await seedRoute(setup);
    await erase(setup.facilitator.userId);
    const rows = await db
      .select()
      .from(conversations)
      .where(eq(conversations.memberId, setup.memberId));
    expect(rows.map((c) => [c.sharedSummary, c.privateNote])).toEqual([
      ["We spraken over feedback geven.", ""],
    ]);
    const exported = JSON.stringify(
      (await personalDataProvider.export(db, setup.member.userId)).data,
    );
    expect(exported).toContain('"facilitator":"Oud-lid"');
  });
});
