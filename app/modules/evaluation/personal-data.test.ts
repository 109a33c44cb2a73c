import { count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  actionPlanItems,
  actionPlans,
  competenceFrameworks,
  competenceStatements,
  harvestOutcomes,
  harvestPeople,
  polls,
  pollVoters,
  selfScanScores,
  selfScans,
  surveyAnswers,
  surveyInvitations,
  surveyItems,
  surveyResponses,
  surveys,
} from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { eraseAccount } from "../privacy/erasure.server.ts";
import { getHarvest } from "./harvest.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";
import { getSharedPlans } from "./selfscan.server.ts";

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

async function insertOne<T>(rows: Promise<T[]>) {
  const [row] = await rows;
  if (!row) throw new Error("not inserted");
  return row;
}

describe("evaluation: a member's answers, scans and outcomes after erasure", () => {
  it("exports what can be tied to them; erasure unlinks named answers, keeps anonymous ones and the counts, deletes scans and plans", async () => {
    const { db } = database;
    const network = await buildNetwork(db);
    const [guideUser, personUser, otherUser] = [
      await buildUser(db),
      await buildUser(db, { name: "Ruud Kloppenburg" }),
      await buildUser(db),
    ];
    const guide = await actorFor(db, guideUser);
    const person = await actorFor(db, personUser);
    const other = await actorFor(db, otherUser);
    await addNetworkMember(db, network.id, guide.userId, "facilitator");
    await addNetworkMember(db, network.id, person.userId);
    await addNetworkMember(db, network.id, other.userId);

    // A named survey and an anonymous one, both answered by the person.
    const named = await insertOne(
      db
        .insert(surveys)
        .values({
          networkId: network.id,
          kind: "closing",
          title: "Eindevaluatie",
          anonymous: false,
        })
        .returning(),
    );
    const anonymous = await insertOne(
      db
        .insert(surveys)
        .values({ networkId: network.id, kind: "baseline", title: "Nulmeting" })
        .returning(),
    );
    for (const survey of [named, anonymous]) {
      const [scale, open] = await db
        .insert(surveyItems)
        .values([
          { surveyId: survey.id, position: 1, kind: "scale", code: "q1", text: "Ik leer veel" },
          { surveyId: survey.id, position: 2, kind: "open", code: "q2", text: "Opmerkingen" },
        ])
        .returning();
      await db.insert(surveyInvitations).values({
        surveyId: survey.id,
        userId: person.userId,
        tokenHash: `hash-${survey.id}`,
        answered: true,
      });
      const response = await insertOne(
        db
          .insert(surveyResponses)
          .values({ surveyId: survey.id, userId: survey.anonymous ? null : person.userId })
          .returning(),
      );
      await db.insert(surveyAnswers).values([
        { responseId: response.id, itemId: scale?.id ?? "", score: 4 },
        {
          responseId: response.id,
          itemId: open?.id ?? "",
          text: `Als rector van het Kloppenburg-college (${survey.title})`,
        },
      ]);
    }
    const poll = await insertOne(
      db
        .insert(polls)
        .values({ networkId: network.id, title: "Thema's", question: "Welke?" })
        .returning(),
    );
    await db.insert(pollVoters).values({ pollId: poll.id, userId: person.userId });

    const framework = await insertOne(
      db.insert(competenceFrameworks).values({ name: "Schoolleider PO" }).returning(),
    );
    const statement = await insertOne(
      db
        .insert(competenceStatements)
        .values({
          frameworkId: framework.id,
          competence: "Visie",
          position: 1,
          text: "Ik heb een visie",
        })
        .returning(),
    );
    for (const userId of [person.userId, other.userId]) {
      const scan = await insertOne(
        db.insert(selfScans).values({ userId, frameworkId: framework.id }).returning(),
      );
      await db
        .insert(selfScanScores)
        .values({ scanId: scan.id, statementId: statement.id, score: 3 });
      const plan = await insertOne(
        db
          .insert(actionPlans)
          .values({ userId, scanId: scan.id, networkId: network.id, sharedWith: "facilitator" })
          .returning(),
      );
      await db.insert(actionPlanItems).values({
        planId: plan.id,
        position: 1,
        goal: userId === person.userId ? "Ruud's doel: beter delegeren" : "Doel van de ander",
        action: "Oefenen",
      });
    }
    const outcome = await insertOne(
      db
        .insert(harvestOutcomes)
        .values({
          networkId: network.id,
          title: "Het leesoffensief",
          answer: "Samen lezen werkt.",
          createdBy: person.userId,
        })
        .returning(),
    );
    await db.insert(harvestPeople).values([
      { outcomeId: outcome.id, userId: person.userId, consentAt: new Date() },
      { outcomeId: outcome.id, userId: other.userId },
    ]);

    const exported = JSON.stringify((await personalDataProvider.export(db, person.userId)).data);
    expect(exported).toContain("Als rector van het Kloppenburg-college (Eindevaluatie)");
    // The anonymous answer cannot be tied to them, so it is not in their export.
    expect(exported).not.toContain("(Nulmeting)");
    expect(exported).toContain("Ruud's doel: beter delegeren");
    expect(exported).not.toContain("Doel van de ander");
    expect(exported).toContain("Het leesoffensief");
    expect(exported).toContain('"title":"Thema\'s"');

    const responsesBefore = await db.select({ n: count() }).from(surveyResponses);
    await erase(person.userId);

    // Counts hold: responses, invitations (answered), voters.
    expect(await db.select({ n: count() }).from(surveyResponses)).toEqual(responsesBefore);
    expect(
      (
        await db.select().from(surveyInvitations).where(eq(surveyInvitations.userId, person.userId))
      ).map((i) => [i.answered, i.tokenHash.startsWith("erased:")]),
    ).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(await db.select({ n: count() }).from(pollVoters)).toEqual([{ n: 1 }]);
    // The named answer is unlinked and its open text gone; the anonymous one stays as it was.
    expect(
      await db.select().from(surveyResponses).where(eq(surveyResponses.userId, person.userId)),
    ).toEqual([]);
    const texts = (await db.select({ text: surveyAnswers.text }).from(surveyAnswers))
      .map((a) => a.text)
      .filter(Boolean);
    expect(texts).toEqual(["Als rector van het Kloppenburg-college (Nulmeting)"]);
    expect(
      await db.select({ n: count() }).from(surveyResponses).where(isNull(surveyResponses.userId)),
    ).toEqual([{ n: 2 }]);
    // Scans and plans are gone; the other's stay and the facilitator sees only theirs.
    expect(await db.select().from(selfScans).where(eq(selfScans.userId, person.userId))).toEqual(
      [],
    );
    const shared = await getSharedPlans(db, await authorizeNetwork(db, guide, network.id));
    expect(JSON.stringify(shared)).not.toContain("Ruud");
    expect(JSON.stringify(shared)).toContain("Doel van de ander");
    // The outcome stays, no longer naming them.
    const harvest = await getHarvest(db, await authorizeNetwork(db, other, network.id));
    expect(JSON.stringify(harvest)).not.toContain("Kloppenburg");
    expect(
      (await db.select().from(harvestPeople).where(eq(harvestPeople.outcomeId, outcome.id))).map(
        (p) => p.userId,
      ),
    ).toEqual([other.userId]);
    expect((await personalDataProvider.export(db, person.userId)).data).toMatchObject({
      surveyAnswers: [],
      selfScans: [],
      actionPlans: [],
      outcomesNamingMe: [],
    });
  });
});
