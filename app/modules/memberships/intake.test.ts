import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { outbox } from "#app/db/schema/index.ts";
import { ForbiddenError } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { enrol, getMyStanding } from "./enrolment.server.ts";
import { decideIntake, nominate } from "./intake.server.ts";
import { getMembershipAdmin } from "./members.server.ts";

let database: Database;

const mail = { baseUrl: "https://knooppunt.test" };

const motivation = { motivation: "Ik wil leren van collega's.", learningQuestionDraft: "" };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

async function personAt(organisationId: string | null = null) {
  const user = await buildUser(database.db);
  if (organisationId) await addToOrganisation(database.db, user.id, organisationId);
  return { user, actor: await actorFor(database.db, user) };
}

describe("nomination and intake", () => {
  it("lets a member nominate a colleague, who enrols and is accepted or declined by the penvoerder", async () => {
    const db = database.db;
    const network = await buildNetwork(db, {
      joinMode: "nomination",
      name: "Eindverantwoordelijk Schoolleiders",
    });
    const penvoerder = await personAt();
    await addNetworkMember(db, network.id, penvoerder.user.id, "penvoerder");
    const member = await personAt();
    await addNetworkMember(db, network.id, member.user.id);

    const stranger = await personAt();
    await expect(
      enrol(
        db,
        await authorizeNetwork(db, stranger.actor, network.id),
        { routeId: "", organisationId: "", ...motivation },
        mail,
      ),
    ).rejects.toMatchObject({ messageKey: "error.enrol.nominationRequired" });
    await expect(
      nominate(
        db,
        await authorizeNetwork(db, stranger.actor, network.id),
        { email: member.user.email, note: "" },
        mail,
      ),
    ).rejects.toThrow(ForbiddenError);

    const candidate = await personAt();
    await nominate(
      db,
      await authorizeNetwork(db, member.actor, network.id),
      { email: candidate.user.email, note: "Zij zoekt sparringpartners." },
      mail,
    );
    const [nominationMail] = await db
      .select()
      .from(outbox)
      .where(eq(outbox.to, candidate.user.email));
    expect(nominationMail?.text).toContain("Zij zoekt sparringpartners.");
    expect(
      await enrol(
        db,
        await authorizeNetwork(db, candidate.actor, network.id),
        { routeId: "", organisationId: "", ...motivation },
        mail,
      ),
    ).toEqual({ kind: "awaiting-intake" });

    const admin = await getMembershipAdmin(
      db,
      await authorizeNetwork(db, penvoerder.actor, network.id),
    );
    const pending = admin.history.find((h) => h.status === "awaiting-intake");
    expect(pending?.nominatedByName).toBe(member.user.name);
    await expect(
      decideIntake(
        db,
        await authorizeNetwork(db, member.actor, network.id),
        { memberId: pending!.id, decision: "accept", message: "" },
        mail,
      ),
    ).rejects.toThrow(ForbiddenError);
    expect(
      await decideIntake(
        db,
        await authorizeNetwork(db, penvoerder.actor, network.id),
        { memberId: pending!.id, decision: "accept", message: "Welkom!" },
        mail,
      ),
    ).toBe("accepted");
    expect(
      (await getMyStanding(db, await authorizeNetwork(db, candidate.actor, network.id)))?.membership
        ?.status,
    ).toBe("active");

    const declined = await personAt();
    await nominate(
      db,
      await authorizeNetwork(db, member.actor, network.id),
      { email: declined.user.email, note: "" },
      mail,
    );
    await enrol(
      db,
      await authorizeNetwork(db, declined.actor, network.id),
      { routeId: "", organisationId: "", ...motivation },
      mail,
    );
    const pending2 = (
      await getMembershipAdmin(db, await authorizeNetwork(db, penvoerder.actor, network.id))
    ).history.find((h) => h.status === "awaiting-intake");
    expect(
      await decideIntake(
        db,
        await authorizeNetwork(db, penvoerder.actor, network.id),
        {
          memberId: pending2!.id,
          decision: "decline",
          message: "Dit netwerk is voor eindverantwoordelijken.",
        },
        mail,
      ),
    ).toBe("declined");
    const [declineMail] = await db
      .select()
      .from(outbox)
      .where(eq(outbox.to, declined.user.email))
      .orderBy(desc(outbox.createdAt));
    expect(declineMail?.text).toContain("Dit netwerk is voor eindverantwoordelijken.");
  });
});
