import { getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { pollBallots } from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { ballotSchema, pollSchema } from "./evaluation.schema.ts";
import { castBallot, createPoll, getPoll } from "./polls.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("a network's ranking poll", () => {
  it("refuses fewer than three or duplicate options", () => {
    const few = pollSchema.safeParse({
      title: "Leervormen",
      question: "Wat werkt?",
      options: "Lezen\nCoaching",
    });
    expect(few.error?.issues[0]?.message).toBe("error.poll.fewOptions");
    const twice = pollSchema.safeParse({
      title: "Leervormen",
      question: "Wat werkt?",
      options: "Lezen\nCoaching\nlezen",
    });
    expect(twice.error?.issues[0]?.message).toBe("error.poll.duplicateOptions");
    expect(ballotSchema.safeParse({ first: "a", second: "a" }).error?.issues[0]?.message).toBe(
      "error.ballot.twice",
    );
  });

  it("takes one anonymous ballot per member and scores 3-2-1, 'other' included", async () => {
    const { db } = database;
    const network = await buildNetwork(db);
    const facilitator = await actorFor(db, await buildUser(db));
    const anna = await actorFor(db, await buildUser(db));
    const bram = await actorFor(db, await buildUser(db));
    const outsider = await actorFor(db, await buildUser(db));
    await addNetworkMember(db, network.id, facilitator.userId, "facilitator");
    await addNetworkMember(db, network.id, anna.userId);
    await addNetworkMember(db, network.id, bram.userId);
    const pollId = await createPoll(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      pollSchema.parse({
        title: "Leervormen",
        question: "Wat werkt voor jou?",
        options: "Intervisie\nCoaching\nLezen",
        allowOther: "on",
      }),
    );
    const { options } = await getPoll(db, anna, pollId);
    const [intervisie, coaching, lezen] = options.map((o) => o.id);
    await castBallot(
      db,
      anna,
      pollId,
      ballotSchema.parse({ first: intervisie, second: coaching, third: lezen }),
    );
    await castBallot(
      db,
      bram,
      pollId,
      ballotSchema.parse({ first: "other", second: intervisie, other: "Schoolbezoek" }),
    );
    await expect(
      castBallot(db, anna, pollId, ballotSchema.parse({ first: lezen })),
    ).rejects.toMatchObject({ messageKey: "error.ballot.already" });
    await expect(
      castBallot(db, outsider, pollId, ballotSchema.parse({ first: lezen })),
    ).rejects.toThrow(NotFoundError);
    const { results, respondents } = await getPoll(db, facilitator, pollId);
    expect(respondents).toBe(2);
    expect(results.map((r) => [r.option, r.points, r.firsts])).toEqual([
      ["Intervisie", 5, 1],
      ["Anders: Schoolbezoek", 3, 1],
      ["Coaching", 2, 0],
      ["Lezen", 1, 0],
    ]);
    // A ballot row has no column that could point at a person.
    expect(Object.keys(getTableColumns(pollBallots)).sort()).toEqual([
      "first",
      "id",
      "other",
      "pollId",
      "second",
      "third",
    ]);
  });
});
