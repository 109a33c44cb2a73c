import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { organisationMembers, programmeCoordinators } from "#app/db/schema/index.ts";
import {
  actorFor,
  addToOrganisation,
  buildOrganisation,
  buildProgramme,
  buildUser,
  makeCoordinator,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { getOrganisation } from "./organisations.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A school where the person works (with a team), another where they asked to, and a colleague who is admin. */
async function setup() {
  const { db } = database;
  const school = await buildOrganisation(db, { name: "Trivium College" });
  const other = await buildOrganisation(db, { name: "Het Baken" });
  const person = await buildUser(db, { name: "Karin Verdwijnt" });
  const colleague = await buildUser(db, { name: "Lotte Blijft" });
  await addToOrganisation(db, person.id, school.id);
  await db
    .update(organisationMembers)
    .set({ team: "Sectie Engels" })
    .where(eq(organisationMembers.userId, person.id));
  await addToOrganisation(db, colleague.id, school.id, "admin");
  await addToOrganisation(db, colleague.id, other.id, "admin");
  await db
    .insert(organisationMembers)
    .values({ organisationId: other.id, userId: person.id, status: "requested" });
  const programme = await buildProgramme(db);
  await makeCoordinator(db, person.id, programme.id);
  return { school, other, person, colleague, programme };
}

describe("organisations: personal data", () => {
  it("exports the person's workplaces, requests and coordinator role, not a colleague's", async () => {
    const { db } = database;
    const { person, programme } = await setup();
    const { data } = await personalDataProvider.export(db, person.id);
    expect(data).toEqual({
      workplaces: [
        expect.objectContaining({ organisation: "Het Baken", status: "requested", role: "member" }),
        expect.objectContaining({
          organisation: "Trivium College",
          status: "confirmed",
          team: "Sectie Engels",
        }),
      ],
      coordinates: [{ programme: programme.name, region: null }],
    });
    expect(JSON.stringify(data)).not.toContain("admin");
  });

  it("after erasure the schools' member lists and requests no longer name them; the colleague stays", async () => {
    const { db } = database;
    const { school, other, person, colleague } = await setup();
    const admin = await actorFor(db, colleague);
    const before = await getOrganisation(db, admin, school.id);
    expect(before.people?.map((p) => p.name)).toContain("Karin Verdwijnt");

    await db.transaction((tx) => personalDataProvider.erase(tx, person.id));

    const after = await getOrganisation(db, admin, school.id);
    expect(after.people?.map((p) => p.name)).toEqual(["Lotte Blijft"]);
    const requests = await getOrganisation(db, admin, other.id);
    expect(requests.requests).toEqual([]);
    expect(JSON.stringify([after, requests])).not.toContain("Karin");
    expect(
      await db
        .select()
        .from(programmeCoordinators)
        .where(eq(programmeCoordinators.userId, person.id)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(organisationMembers)
        .where(eq(organisationMembers.userId, colleague.id)),
    ).toHaveLength(2);
  });
});
