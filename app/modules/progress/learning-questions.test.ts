import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import {
  getMyLearningQuestion,
  listLearningQuestions,
  saveLearningQuestion,
} from "./learning-questions.server.ts";
import { createProgressDatabase, setupProgressNetwork } from "./progress.fixtures.ts";

let database: Database;

beforeAll(async () => {
  database = await createProgressDatabase();
});

afterAll(async () => {
  await database?.close();
});

const setup = (minMeetings?: number) => setupProgressNetwork(database.db, minMeetings);

describe("learning questions", () => {
  it("keeps the history of revisions and shows all questions to the facilitator only", async () => {
    const { network, facilitator, member, other, meetingIds } = await setup();
    const { db } = database;
    await saveLearningQuestion(db, await authorizeNetwork(db, member, network.id), {
      text: "Hoe maak ik mijn team eigenaar van de innovatie?",
      themes: ["verandermanagement"],
      professionalThemes: ["Verandermanagement"],
      meetingIds: [],
    });
    await saveLearningQuestion(db, await authorizeNetwork(db, member, network.id), {
      text: "Hoe maak ik mijn team eigenaar van de innovatie, zonder zelf te trekken?",
      themes: ["verandermanagement"],
      professionalThemes: ["Verandermanagement", "Visiegestuurd onderwijs"],
      meetingIds: [meetingIds[0] ?? ""],
    });
    const mine = await getMyLearningQuestion(db, await authorizeNetwork(db, member, network.id));
    expect(mine.revisions).toHaveLength(2);
    expect(mine.question?.meetingIds).toEqual([meetingIds[0]]);
    await expect(
      saveLearningQuestion(db, await authorizeNetwork(db, member, network.id), {
        text: "Een vraag met een verzonnen thema",
        themes: [],
        professionalThemes: ["Bestaat niet"],
        meetingIds: [],
      }),
    ).rejects.toMatchObject({ field: "professionalThemes" });
    const all = await listLearningQuestions(
      db,
      await authorizeNetwork(db, facilitator, network.id),
    );
    expect(all.questions.map((q) => q.text)).toEqual([
      "Hoe maak ik mijn team eigenaar van de innovatie, zonder zelf te trekken?",
    ]);
    await expect(
      listLearningQuestions(db, await authorizeNetwork(db, other, network.id)),
    ).rejects.toThrow(NotFoundError);
  });
});
