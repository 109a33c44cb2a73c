import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { organisationMembers, outbox } from "#app/db/schema/index.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import {
  actorFor,
  addToOrganisation,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  getOrganisation,
  setOrganisationRole,
  setOrganisationTeam,
  setOrganisationTeamFor,
} from "./organisations.server.ts";
import {
  confirmWorkplace,
  declineWorkplace,
  listWorkplaces,
  setWorkplaces,
} from "./workplaces.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe("claiming a school is a request the school confirms", () => {
  const base = { baseUrl: "https://knooppunt.test" };
  const mailsTo = (email: string) =>
    database.db
      .select({ subject: outbox.subject, text: outbox.text })
      .from(outbox)
      .where(eq(outbox.to, email));

  async function setup() {
    const db = database.db;
    const board = await buildOrganisation(db, { kind: "board", sector: null });
    const school = await buildOrganisation(db, {
      name: "Baken Trinitas Gymnasium",
      boardId: board.id,
    });
    const otherSchool = await buildOrganisation(db);
    const admin = await buildUser(db);
    await addToOrganisation(db, admin.id, school.id, "admin");
    const colleague = await buildUser(db);
    await addToOrganisation(db, colleague.id, school.id);
    const boardAdmin = await buildUser(db);
    await addToOrganisation(db, boardAdmin.id, board.id, "admin");
    const otherAdmin = await buildUser(db);
    await addToOrganisation(db, otherAdmin.id, otherSchool.id, "admin");
    const newcomer = await buildUser(db, { name: "Nieuwe Collega" });
    await setWorkplaces(db, newcomer.id, [school.id], base);
    return {
      db,
      school,
      admin,
      colleague,
      newcomer,
      actors: {
        admin: await actorFor(db, admin),
        colleague: await actorFor(db, colleague),
        boardAdmin: await actorFor(db, boardAdmin),
        otherAdmin: await actorFor(db, otherAdmin),
        platformAdmin: await actorFor(db, await buildUser(db, { isPlatformAdmin: true })),
        newcomer: await actorFor(db, newcomer),
      },
    };
  }

  it("gives a new account that ticks a school no grant and no place among the school's people", async () => {
    const { db, school, admin, newcomer, actors } = await setup();
    expect(actors.newcomer.grants).toEqual([]);
    for (const viewer of [actors.colleague, actors.admin, actors.newcomer]) {
      const page = await getOrganisation(db, viewer, school.id);
      expect(page.people?.map((p) => p.id)).not.toContain(newcomer.id);
    }
    // Only the claimant sees the claim on their profile, marked as waiting.
    expect(await listWorkplaces(db, actors.colleague, newcomer.id)).toEqual([]);
    expect(
      (await listWorkplaces(db, actors.newcomer, newcomer.id)).map((w) => [w.id, w.status]),
    ).toEqual([[school.id, "requested"]]);
    expect((await getOrganisation(db, actors.newcomer, school.id)).myRequest).toBe(true);
    // The school's admin hears of it and sees it under Aanvragen; nobody else sees requests.
    expect((await mailsTo(admin.email)).map((m) => m.subject)).toEqual([
      "Aanvraag: Nieuwe Collega werkt bij Baken Trinitas Gymnasium",
    ]);
    expect((await getOrganisation(db, actors.admin, school.id)).requests?.map((r) => r.id)).toEqual(
      [newcomer.id],
    );
    expect((await getOrganisation(db, actors.colleague, school.id)).requests).toBeNull();
    expect((await getOrganisation(db, actors.newcomer, school.id)).requests).toBeNull();
    // A claimed row cannot be promoted or given a team before it is confirmed.
    await expect(
      setOrganisationRole(db, actors.admin, school.id, { userId: newcomer.id, role: "admin" }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      setOrganisationTeam(db, actors.admin, school.id, { userId: newcomer.id, team: "Engels" }),
    ).rejects.toThrow(NotFoundError);
  });

  it("lets the school's admin, its board's admin or a platform admin decide; nobody else", async () => {
    const { db, school, newcomer, actors } = await setup();
    for (const who of ["otherAdmin", "colleague", "newcomer"] as const) {
      await expect(
        confirmWorkplace(db, actors[who], school.id, { userId: newcomer.id }, base),
      ).rejects.toThrow(ForbiddenError);
      await expect(
        declineWorkplace(db, actors[who], school.id, { userId: newcomer.id }),
      ).rejects.toThrow(ForbiddenError);
    }
    await expect(
      confirmWorkplace(db, null, school.id, { userId: newcomer.id }, base),
    ).rejects.toThrow(ForbiddenError);
    expect((await actorFor(db, newcomer)).grants).toEqual([]);
    for (const who of ["admin", "boardAdmin", "platformAdmin"] as const) {
      expect((await getOrganisation(db, actors[who], school.id)).requests?.length).toBe(1);
    }
  });

  it("confirming gives the grant, a place among the school's people and a mail", async () => {
    const { db, school, newcomer, actors } = await setup();
    await confirmWorkplace(db, actors.admin, school.id, { userId: newcomer.id }, base);
    expect((await actorFor(db, newcomer)).grants).toEqual([
      { role: "organisation-member", scopeId: school.id },
    ]);
    const page = await getOrganisation(db, actors.colleague, school.id);
    expect(page.people?.map((p) => p.id)).toContain(newcomer.id);
    expect((await getOrganisation(db, actors.admin, school.id)).requests).toEqual([]);
    expect((await listWorkplaces(db, actors.colleague, newcomer.id)).map((w) => w.id)).toEqual([
      school.id,
    ]);
    const [mail] = await mailsTo(newcomer.email);
    expect(mail?.subject).toBe("Baken Trinitas Gymnasium heeft bevestigd dat je er werkt");
    expect(mail?.text).toContain(`https://knooppunt.test/organisaties/${school.id}`);
    // Confirmed once: a second confirmation finds no open request.
    await expect(
      confirmWorkplace(db, actors.admin, school.id, { userId: newcomer.id }, base),
    ).rejects.toThrow(NotFoundError);
    // Saving the profile again keeps the confirmation.
    await setWorkplaces(db, newcomer.id, [school.id], base);
    expect((await actorFor(db, newcomer)).grants).toHaveLength(1);
  });

  it("declining removes the claim and tells the person; they may ask again", async () => {
    const { db, school, newcomer, actors } = await setup();
    await declineWorkplace(db, actors.boardAdmin, school.id, { userId: newcomer.id });
    expect(await listWorkplaces(db, actors.newcomer, newcomer.id)).toEqual([]);
    expect((await getOrganisation(db, actors.admin, school.id)).requests).toEqual([]);
    expect((await mailsTo(newcomer.email)).map((m) => m.subject)).toEqual([
      "Baken Trinitas Gymnasium heeft je aanvraag niet bevestigd",
    ]);
    await expect(
      declineWorkplace(db, actors.admin, school.id, { userId: newcomer.id }),
    ).rejects.toThrow(NotFoundError);
    await setWorkplaces(db, newcomer.id, [school.id], base);
    expect((await getOrganisation(db, actors.admin, school.id)).requests?.map((r) => r.id)).toEqual(
      [newcomer.id],
    );
  });

  it("never lets a decision touch a confirmed colleague, and answers unknown ids with 404", async () => {
    const { db, school, colleague, actors } = await setup();
    await expect(
      declineWorkplace(db, actors.admin, school.id, { userId: colleague.id }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      confirmWorkplace(
        db,
        actors.admin,
        "00000000-0000-4000-8000-000000000000",
        { userId: colleague.id },
        base,
      ),
    ).rejects.toThrow(NotFoundError);
    await expect(
      confirmWorkplace(db, actors.admin, school.id, { userId: "geen-id" }, base),
    ).rejects.toThrow(NotFoundError);
    expect((await actorFor(db, colleague)).grants).toContainEqual({
      role: "organisation-member",
      scopeId: school.id,
    });
  });

  it("lets a person take a claim or a confirmed school off their profile by themselves", async () => {
    const { db, school, colleague, newcomer, actors } = await setup();
    await setWorkplaces(db, newcomer.id, [], base);
    expect((await getOrganisation(db, actors.admin, school.id)).requests).toEqual([]);
    await setWorkplaces(db, colleague.id, [], base);
    expect((await actorFor(db, colleague)).grants).toEqual([]);
    expect(
      (await getOrganisation(db, actors.admin, school.id)).people?.map((p) => p.id),
    ).not.toContain(colleague.id);
  });
});

describe("a school's admin puts a selection of colleagues in one team", () => {
  async function setup() {
    const db = database.db;
    const school = await buildOrganisation(db, { name: "Baken Trinitas Gymnasium" });
    const otherSchool = await buildOrganisation(db);
    const admin = await buildUser(db);
    await addToOrganisation(db, admin.id, school.id, "admin");
    const joost = await buildUser(db, { name: "Joost Peters" });
    const ilse = await buildUser(db, { name: "Ilse de Wit" });
    await addToOrganisation(db, joost.id, school.id);
    await addToOrganisation(db, ilse.id, school.id);
    const elsewhere = await buildUser(db, { name: "Elders Werkzaam" });
    await addToOrganisation(db, elsewhere.id, otherSchool.id);
    const claimant = await buildUser(db, { name: "Nog Niet Bevestigd" });
    await setWorkplaces(db, claimant.id, [school.id], { baseUrl: "https://knooppunt.test" });
    const teams = async () =>
      Object.fromEntries(
        ((await getOrganisation(db, await actorFor(db, admin), school.id)).people ?? []).map(
          (p) => [p.name, p.team],
        ),
      );
    return {
      db,
      school,
      joost,
      ilse,
      elsewhere,
      claimant,
      teams,
      actors: { admin: await actorFor(db, admin), joost: await actorFor(db, joost) },
    };
  }

  it("sets the team of everyone selected at once, and an empty team takes them out", async () => {
    const { db, school, joost, ilse, actors, teams } = await setup();
    await setOrganisationTeamFor(db, actors.admin, school.id, {
      userIds: [joost.id, ilse.id, joost.id],
      team: "  Sectie geschiedenis ",
    });
    expect(await teams()).toMatchObject({
      "Joost Peters": "Sectie geschiedenis",
      "Ilse de Wit": "Sectie geschiedenis",
    });
    await setOrganisationTeamFor(db, actors.admin, school.id, { userIds: [ilse.id], team: "" });
    expect(await teams()).toMatchObject({
      "Joost Peters": "Sectie geschiedenis",
      "Ilse de Wit": null,
    });
  });

  it("refuses the whole batch when one person does not work here (or only claims to)", async () => {
    const { db, school, joost, ilse, elsewhere, claimant, actors, teams } = await setup();
    for (const outsider of [elsewhere.id, claimant.id, "00000000-0000-4000-8000-000000000000"]) {
      const refused = await setOrganisationTeamFor(db, actors.admin, school.id, {
        userIds: [joost.id, outsider, ilse.id],
        team: "Onderbouw",
      }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(FieldError);
      expect(refused).toMatchObject({ field: "userIds", messageKey: "error.org.people.notHere" });
    }
    // Joost and Ilse were updated before the outsider was found: rolled back with the rest.
    expect(await teams()).toMatchObject({ "Joost Peters": null, "Ilse de Wit": null });
    const [outsiderRow] = await db
      .select({ team: organisationMembers.team })
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, elsewhere.id));
    expect(outsiderRow?.team).toBeNull();
    await expect(
      setOrganisationTeamFor(db, actors.admin, school.id, { userIds: [], team: "Onderbouw" }),
    ).rejects.toMatchObject({ field: "userIds", messageKey: "error.org.people.none" });
  });

  it("lets only who may keep the school do it; an unknown school is a 404", async () => {
    const { db, school, joost, actors, teams } = await setup();
    await expect(
      setOrganisationTeamFor(db, actors.joost, school.id, {
        userIds: [joost.id],
        team: "Eigen team",
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      setOrganisationTeamFor(db, null, school.id, { userIds: [joost.id], team: "Eigen team" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      setOrganisationTeamFor(db, actors.admin, "00000000-0000-4000-8000-000000000000", {
        userIds: [joost.id],
        team: "Eigen team",
      }),
    ).rejects.toThrow(NotFoundError);
    expect((await teams())["Joost Peters"]).toBeNull();
  });
});
