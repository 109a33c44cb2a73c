import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { harvestOutcomes, storedFiles } from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import {
  getGoodPractice,
  getHarvest,
  giveConsent,
  giveSchoolConsent,
  listGoodPractices,
  practicesPerPage,
  recordOutcome,
  requestPublication,
} from "./harvest.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("harvest and good practices", () => {
  it("publishes only with everyone's consent, names the school only when it agrees, and is found in Dutch", async () => {
    const { db } = database;
    const network = await buildNetwork(db, { phase: "oogsten" });
    const school = await buildOrganisation(db, { name: "Assink Lyceum (test)" });
    const author = await buildUser(db);
    const named = await buildUser(db, { name: "Jan Paul" });
    await addToOrganisation(db, author.id, school.id, "admin");
    await addNetworkMember(db, network.id, author.id);
    await addNetworkMember(db, network.id, named.id, "penvoerder");
    const authorActor = await actorFor(db, author);
    const outcomeId = await recordOutcome(db, await authorizeNetwork(db, authorActor, network.id), {
      title: "Samenwerken met de raad van toezicht",
      answer:
        "Vaste gesprekken met de toezichthouders over de koers van de scholen werkten het best.",
      learningQuestionId: null,
      people: [named.id],
      schoolId: school.id,
    });
    await requestPublication(db, await authorizeNetwork(db, authorActor, network.id), outcomeId);
    await expect(getGoodPractice(db, outcomeId)).rejects.toThrow(NotFoundError);
    expect((await listGoodPractices(db, "toezichthouders")).practices).toEqual([]);
    await giveConsent(
      db,
      await authorizeNetwork(db, await actorFor(db, named), network.id),
      outcomeId,
    );
    let practice = await getGoodPractice(db, outcomeId);
    expect(practice).toMatchObject({ schoolName: null, people: ["Jan Paul"] });
    await giveSchoolConsent(db, await authorizeNetwork(db, authorActor, network.id), outcomeId);
    practice = await getGoodPractice(db, outcomeId);
    expect(practice.schoolName).toBe("Assink Lyceum (test)");
    // Dutch stemming: "toezichthouder" finds "toezichthouders".
    expect((await listGoodPractices(db, "toezichthouder")).practices.map((p) => p.id)).toContain(
      outcomeId,
    );
    const outsider = await actorFor(db, await buildUser(db));
    await expect(getHarvest(db, await authorizeNetwork(db, outsider, network.id))).rejects.toThrow(
      NotFoundError,
    );
  });

  it("lists good practices 20 at a time, newest first, searchable through the pages, and counts to 1.000+", async () => {
    const { db } = database;
    const network = await buildNetwork(db, { phase: "oogsten" });
    const publish = (count: number, answer: string, from: number) =>
      db.execute(sql`insert into harvest_outcomes (network_id, title, answer, published_at)
        select ${network.id}, 'Voorbeeld ' || g, ${answer},
          now() - interval '1 day' - g * interval '1 minute'
        from generate_series(${from}::int, ${from + count - 1}::int) g`);
    await publish(25, "Leerlingen bespreken hun toetsing met de mentor.", 1);
    const first = await listGoodPractices(db, "");
    expect(first.practices).toHaveLength(practicesPerPage);
    expect(first.pager).toMatchObject({ page: 1, hasNext: true });
    // "toetsingen" finds "toetsing"; page 2 of what was found holds the last five.
    const found = await listGoodPractices(db, "toetsingen", {
      page: 2,
      perPage: practicesPerPage,
      offset: practicesPerPage,
    });
    expect(found.practices.map((p) => p.title)).toEqual(
      [21, 22, 23, 24, 25].map((n) => `Voorbeeld ${n}`),
    );
    expect(found.total).toEqual({ count: 25, more: false });
    expect(found.pager).toEqual({ page: 2, pages: 2, hasNext: false });

    await publish(1000, "Een vast rooster voor de mentorgesprekken.", 26);
    const all = await listGoodPractices(db, "");
    expect(all.total).toEqual({ count: 1000, more: true });
    expect(all.pager).toEqual({ page: 1, pages: null, hasNext: true });
  });

  it("records outcomes only in the harvest phase", async () => {
    const { db } = database;
    const network = await buildNetwork(db, { phase: "cultiveren" });
    const member = await buildUser(db);
    await addNetworkMember(db, network.id, member.id);
    await expect(
      recordOutcome(db, await authorizeNetwork(db, await actorFor(db, member), network.id), {
        title: "Te vroeg",
        answer: "Nog niets te oogsten hier.",
        learningQuestionId: null,
        people: [],
        schoolId: null,
      }),
    ).rejects.toMatchObject({ messageKey: "error.harvest.phase" });
  });

  it("stores an uploaded file only with the outcome it belongs to", async () => {
    const { db } = database;
    const network = await buildNetwork(db, { phase: "oogsten" });
    const member = await buildUser(db);
    await addNetworkMember(db, network.id, member.id);
    const memberActor = await actorFor(db, member);
    const outsider = await actorFor(db, await buildUser(db));
    const pdf = () =>
      new File(
        [Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")],
        "oogst.pdf",
      );
    const filesOf = (userId: string) =>
      db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.uploadedBy, userId));
    const outcome = {
      title: "Wat we leerden",
      answer: "Samen leren werkt het best met een vaste agenda.",
      learningQuestionId: null,
      people: [] as string[],
      schoolId: null,
    };
    // Someone without rights gets the 404 and leaves nothing behind.
    await expect(
      recordOutcome(db, await authorizeNetwork(db, outsider, network.id), outcome, pdf()),
    ).rejects.toThrow(NotFoundError);
    expect(await filesOf(outsider.userId)).toEqual([]);
    // A check that fails after the file was stored takes the file back with it.
    await expect(
      recordOutcome(
        db,
        await authorizeNetwork(db, memberActor, network.id),
        { ...outcome, people: [outsider.userId] },
        pdf(),
      ),
    ).rejects.toMatchObject({ field: "people" });
    expect(await filesOf(member.id)).toEqual([]);
    const id = await recordOutcome(
      db,
      await authorizeNetwork(db, memberActor, network.id),
      outcome,
      pdf(),
    );
    const [row] = await db.select().from(harvestOutcomes).where(eq(harvestOutcomes.id, id));
    expect(await filesOf(member.id)).toEqual([{ id: row?.fileId }]);
  });
});
