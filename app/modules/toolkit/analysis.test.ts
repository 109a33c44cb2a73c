import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import {
  addItem,
  analysisTable,
  getAnalysis,
  moveItem,
  removeItem,
  startAnalysis,
  updateSchakel,
} from "./analysis.server.ts";
import { type AuthorizedSpace, authorizeSpace } from "./space-access.server.ts";
import { setupSchoolWithTheme } from "./toolkit.fixtures.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const school = () => setupSchoolWithTheme(database.db);

describe("network analysis", () => {
  it("loses nobody's additions when several people add at the same time", async () => {
    const { db, id, schakel, colleague, themeId } = await school();
    const analysisId = await startAnalysis(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      {
        initiativeId: null,
        themeId,
      },
    );
    const labels = Array.from({ length: 12 }, (_, i) => `idee ${i + 1}`);
    const spaces = await Promise.all(
      [schakel, colleague].map((actor) => authorizeSpace(db, actor, "organisation", id)),
    );
    await Promise.all(
      labels.map((label, i) =>
        addItem(db, spaces[i % 2] as AuthorizedSpace, analysisId, {
          kind: "ingredient",
          label,
          category: "idee",
          userId: null,
          ingredientIds: [],
        }),
      ),
    );
    const view = await getAnalysis(
      db,
      await authorizeSpace(db, colleague, "organisation", id),
      analysisId,
    );
    expect(view.items.map((i) => i.label).sort()).toEqual([...labels].sort());
  });

  it("raises its revision with every change, one per editor when two add at once, so a page can tell the newer view", async () => {
    const { db, id, schakel, colleague, themeId } = await school();
    const analysisId = await startAnalysis(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      {
        initiativeId: null,
        themeId,
      },
    );
    const view = async () =>
      getAnalysis(db, await authorizeSpace(db, colleague, "organisation", id), analysisId);
    const add = async (actor: typeof schakel, label: string) =>
      addItem(db, await authorizeSpace(db, actor, "organisation", id), analysisId, {
        kind: "ingredient",
        label,
        category: "initiatief",
        userId: null,
        ingredientIds: [],
      });
    expect((await view()).analysis.revision).toBe(0);
    const olympiade = await add(schakel, "Olympiade");
    expect((await view()).analysis.revision).toBe(1);
    await Promise.all([add(schakel, "Plusprogramma begaafdheid"), add(colleague, "Studiewijzer")]);
    const both = await view();
    expect([both.analysis.revision, both.items.length]).toEqual([3, 3]);
    await moveItem(
      db,
      await authorizeSpace(db, colleague, "organisation", id),
      analysisId,
      olympiade,
      { x: 40, y: 60 },
    );
    expect((await view()).analysis.revision).toBe(4);
    await updateSchakel(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      olympiade,
      {
        label: "Olympiade",
        story: "",
        email: "",
        position: null,
      },
    );
    expect((await view()).analysis.revision).toBe(5);
    await removeItem(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      olympiade,
    );
    const after = await view();
    expect([after.analysis.revision, after.items.length]).toEqual([6, 2]);
  });

  it("needs a name for a schakel and a position in i/p/s/l/g, and keeps the history of positions", async () => {
    const { db, id, schakel, colleague, outsider, themeId } = await school();
    const analysisId = await startAnalysis(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      {
        initiativeId: null,
        themeId,
      },
    );
    // the centre must be an initiative or theme of this school
    const elsewhere = await school();
    await expect(
      startAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), {
        initiativeId: null,
        themeId: elsewhere.themeId,
      }),
    ).rejects.toMatchObject({ field: "about" });
    await expect(
      startAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), {
        initiativeId: null,
        themeId: null,
      }),
    ).rejects.toMatchObject({ field: "about" });
    await expect(
      addItem(db, await authorizeSpace(db, schakel, "organisation", id), analysisId, {
        kind: "schakel",
        label: "",
        category: "persoon",
        userId: null,
        ingredientIds: [],
      }),
    ).rejects.toMatchObject({ field: "label" });
    const ingredient = await addItem(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      {
        kind: "ingredient",
        label: "Plusprogramma",
        category: "idee",
        userId: null,
        ingredientIds: [],
      },
    );
    const itemId = await addItem(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      {
        kind: "schakel",
        label: "",
        category: "persoon",
        userId: colleague.userId,
        ingredientIds: [ingredient],
      },
    );
    const input = { label: "Collega", story: "Jouw verhaal", email: "", position: "g" as const };
    await updateSchakel(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      itemId,
      input,
    );
    await updateSchakel(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
      itemId,
      {
        ...input,
        position: "p",
      },
    );
    const view = await getAnalysis(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
    );
    const item = view.items.find((i) => i.id === itemId);
    expect(item?.position).toBe("p");
    expect(item?.positionHistory.map((p) => p.position)).toEqual(["g"]);
    expect(item?.linkedTo).toEqual([ingredient]);
    const table = await analysisTable(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      analysisId,
    );
    expect(table.csv).toContain('"schakel";"Collega";"persoon"');
    expect(table.csv).toContain('"p";"Plusprogramma";"Jouw verhaal"');
    await expect(
      (async () =>
        getAnalysis(db, await authorizeSpace(db, outsider, "organisation", id), analysisId))(),
    ).rejects.toThrow(NotFoundError);
  });
});
