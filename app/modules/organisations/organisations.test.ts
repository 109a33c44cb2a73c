import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { organisations } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { ForbiddenError, NotFoundError, refusalStatus } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import {
  actorFor,
  addToOrganisation,
  buildOrganisation,
  buildProgramme,
  buildUser,
  makeCoordinator,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  canChangeBoard,
  canEditOrganisation,
  canViewOrganisationPeople,
} from "./organisations.policy.ts";
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  searchOrganisations,
  setOrganisationRole,
  updateOrganisation,
} from "./organisations.server.ts";
import { listWorkplaces, setWorkplaces } from "./workplaces.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const input = (name: string) => ({
  name,
  brin: "",
  sector: "VO" as const,
  place: "Zeist",
  regionId: "",
  boardId: "",
});

async function status(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    const refused = refusalStatus(error);
    if (refused) return refused;
    throw error;
  }
}

describe("organisation policy: every role against every action", () => {
  it("matches the table, in the policy and in the module functions alike", async () => {
    const db = database.db;
    const board = await buildOrganisation(db, {
      kind: "board",
      name: "Bestuur Test",
      sector: null,
    });
    const school = await buildOrganisation(db, { boardId: board.id });
    const otherSchool = await buildOrganisation(db);

    const member = await buildUser(db);
    await addToOrganisation(db, member.id, school.id);
    const schoolAdmin = await buildUser(db);
    await addToOrganisation(db, schoolAdmin.id, school.id, "admin");
    const boardAdmin = await buildUser(db);
    await addToOrganisation(db, boardAdmin.id, board.id, "admin");
    const otherAdmin = await buildUser(db);
    await addToOrganisation(db, otherAdmin.id, otherSchool.id, "admin");
    const coordinator = await buildUser(db);
    await makeCoordinator(db, coordinator.id, (await buildProgramme(db)).id);
    const platformAdmin = await buildUser(db, { isPlatformAdmin: true });

    const actors: Record<string, Actor | null> = {
      visitor: null,
      member: await actorFor(db, member),
      schoolAdmin: await actorFor(db, schoolAdmin),
      boardAdmin: await actorFor(db, boardAdmin),
      otherSchoolAdmin: await actorFor(db, otherAdmin),
      coordinator: await actorFor(db, coordinator),
      platformAdmin: await actorFor(db, platformAdmin),
    };
    const expected: Record<string, { seesPeople: boolean; edits: boolean; movesBoard: boolean }> = {
      visitor: { seesPeople: false, edits: false, movesBoard: false },
      member: { seesPeople: true, edits: false, movesBoard: false },
      schoolAdmin: { seesPeople: true, edits: true, movesBoard: false },
      boardAdmin: { seesPeople: true, edits: true, movesBoard: false },
      otherSchoolAdmin: { seesPeople: true, edits: false, movesBoard: false },
      coordinator: { seesPeople: true, edits: false, movesBoard: false },
      platformAdmin: { seesPeople: true, edits: true, movesBoard: true },
    };
    for (const [role, actor] of Object.entries(actors)) {
      const want = expected[role];
      expect({ role, seesPeople: canViewOrganisationPeople(actor) }).toEqual({
        role,
        seesPeople: want?.seesPeople,
      });
      expect({ role, edits: canEditOrganisation(actor, school) }).toEqual({
        role,
        edits: want?.edits,
      });
      expect({ role, movesBoard: canChangeBoard(actor) }).toEqual({
        role,
        movesBoard: want?.movesBoard,
      });

      const page = await getOrganisation(db, actor, school.id);
      expect({ role, seesPeople: page.people !== null, edits: page.canEdit }).toEqual({
        role,
        seesPeople: want?.seesPeople,
        edits: want?.edits,
      });
      const update = await status(updateOrganisation(db, actor, school.id, input(school.name)));
      expect({ role, update }).toEqual({ role, update: want?.edits ? 200 : 403 });
    }
  });

  it("gives a 404 for an unknown organisation, also to admins", async () => {
    const admin = await buildUser(database.db, { isPlatformAdmin: true });
    const actor = await actorFor(database.db, admin);
    expect(
      await status(getOrganisation(database.db, actor, "00000000-0000-4000-8000-000000000000")),
    ).toBe(404);
    expect(
      await status(
        updateOrganisation(database.db, actor, "00000000-0000-4000-8000-000000000000", input("X")),
      ),
    ).toBe(404);
  });
});

describe("editing a school", () => {
  it("refuses a BRIN code that belongs to another school and changes nothing", async () => {
    const db = database.db;
    await buildOrganisation(db, { brin: "30XY" });
    const school = await buildOrganisation(db, { name: "Origineel College" });
    const admin = await actorFor(db, await buildUser(db, { isPlatformAdmin: true }));
    await expect(
      updateOrganisation(db, admin, school.id, { ...input("Nieuwe Naam"), brin: "30XY" }),
    ).rejects.toBeInstanceOf(FieldError);
    const [row] = await db.select().from(organisations).where(eq(organisations.id, school.id));
    expect(row?.name).toBe("Origineel College");
  });

  it("keeps the board of a school when a school admin (not a platform admin) saves", async () => {
    const db = database.db;
    const board = await buildOrganisation(db, { kind: "board", sector: null });
    const school = await buildOrganisation(db, { boardId: board.id });
    const admin = await buildUser(db);
    await addToOrganisation(db, admin.id, school.id, "admin");
    await updateOrganisation(db, await actorFor(db, admin), school.id, {
      ...input("Hernoemd"),
      boardId: "",
    });
    const [row] = await db.select().from(organisations).where(eq(organisations.id, school.id));
    expect(row?.name).toBe("Hernoemd");
    expect(row?.boardId).toBe(board.id);
  });

  it("rejects an unknown workplace without touching the existing ones", async () => {
    const db = database.db;
    const user = await buildUser(db);
    const school = await buildOrganisation(db);
    await setWorkplaces(db, user.id, [school.id]);
    await expect(
      setWorkplaces(db, user.id, ["00000000-0000-4000-8000-000000000001"]),
    ).rejects.toBeInstanceOf(FieldError);
    const actor = await actorFor(db, user);
    expect((await listWorkplaces(db, actor, user.id)).map((w) => w.id)).toEqual([school.id]);
  });
});

describe("adding schools and appointing admins", () => {
  it("lets only platform admins add a school, with a unique BRIN", async () => {
    const db = database.db;
    const admin = await actorFor(db, await buildUser(db, { isPlatformAdmin: true }));
    const schoolAdmin = await buildUser(db);
    await addToOrganisation(db, schoolAdmin.id, (await buildOrganisation(db)).id, "admin");
    const input = {
      kind: "school" as const,
      name: "Nieuw Lyceum",
      brin: "40QQ",
      sector: "VO" as const,
      place: "Gouda",
      regionId: "",
      boardId: "",
    };
    await expect(createOrganisation(db, await actorFor(db, schoolAdmin), input)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(createOrganisation(db, null, input)).rejects.toThrow(ForbiddenError);
    const id = await createOrganisation(db, admin, input);
    expect((await getOrganisation(db, admin, id!)).name).toBe("Nieuw Lyceum");
    await expect(createOrganisation(db, admin, { ...input, name: "Dubbel" })).rejects.toMatchObject(
      { field: "brin" },
    );
  });

  it("lets a school admin appoint a colleague as admin, but not at another school", async () => {
    const db = database.db;
    const school = await buildOrganisation(db);
    const other = await buildOrganisation(db);
    const admin = await buildUser(db);
    await addToOrganisation(db, admin.id, school.id, "admin");
    const colleague = await buildUser(db);
    await addToOrganisation(db, colleague.id, school.id);
    const elsewhere = await buildUser(db);
    await addToOrganisation(db, elsewhere.id, other.id);
    const actor = await actorFor(db, admin);
    await setOrganisationRole(db, actor, school.id, { userId: colleague.id, role: "admin" });
    expect((await actorFor(db, colleague)).grants).toContainEqual({
      role: "organisation-admin",
      scopeId: school.id,
    });
    await expect(
      setOrganisationRole(db, actor, other.id, { userId: elsewhere.id, role: "admin" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      setOrganisationRole(db, actor, school.id, { userId: elsewhere.id, role: "admin" }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("the school list", () => {
  it("finds a place without regard to accents or capitals, also in the pickers", async () => {
    const db = database.db;
    await buildOrganisation(db, { name: "Basisschool De Ruiserij", place: "Sint-Michiëlsgestel" });
    const page = { page: 1, perPage: 50, offset: 0 };
    for (const query of ["michielsgestel", "MICHIËLSGESTEL", "ruiserij"]) {
      const { organisations: found } = await listOrganisations(db, { query, page });
      expect(found.map((o) => o.name)).toEqual(["Basisschool De Ruiserij"]);
    }
    expect((await searchOrganisations(db, "michiels")).map((o) => o.place)).toEqual([
      "Sint-Michiëlsgestel",
    ]);
    // a percent sign is a character to look for, not a wildcard
    expect((await listOrganisations(db, { query: "%", page })).organisations).toEqual([]);
  });

  it("stops counting at 1 000 and still pages to the last school", async () => {
    const db = database.db;
    await db.execute(
      sql`insert into organisations (kind, name, place) select 'school', 'Telschool ' || lpad(i::text, 4, '0'), 'Telstad' from generate_series(1, 1005) as i`,
    );
    const perPage = 50;
    const first = await listOrganisations(db, {
      query: "telstad",
      page: { page: 1, perPage, offset: 0 },
    });
    expect(first.total).toEqual({ count: 1000, more: true });
    expect(first.organisations).toHaveLength(perPage);
    expect(first.organisations[0]?.name).toBe("Telschool 0001");
    expect(first.hasNext).toBe(true);
    const last = await listOrganisations(db, {
      query: "telstad",
      page: { page: 21, perPage, offset: 1000 },
    });
    expect(last.organisations.map((o) => o.name)).toEqual([
      "Telschool 1001",
      "Telschool 1002",
      "Telschool 1003",
      "Telschool 1004",
      "Telschool 1005",
    ]);
    expect(last.hasNext).toBe(false);
    const few = await listOrganisations(db, {
      query: "Telschool 100",
      page: { page: 1, perPage, offset: 0 },
    });
    expect(few.total).toEqual({ count: 6, more: false });
  });
});
