import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { ForbiddenError } from "#app/platform/errors.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { cleanSlate } from "./clean-slate.server.ts";
import { authorizeSpace } from "./space-access.server.ts";
import { getThemeAnalysis, saveThemeAnalysis } from "./theme-analysis.server.ts";
import { addKenniswebItem, getKennisweb, kenniswebPerPage } from "./theme-kennisweb.server.ts";
import {
  getProgramme,
  sendNewsletter,
  startProgramme,
  toggleSignup,
  updateActivity,
} from "./theme-programme.server.ts";
import { getThemeHeader } from "./themes.server.ts";
import { setupSchoolWithTheme } from "./toolkit.fixtures.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const school = () => setupSchoolWithTheme(database.db);

describe("theme analysis, network programme and kennisweb", () => {
  it("refuses a timeline that ends before it starts and a name not among the brainstorm words", async () => {
    const { db, id, schakel, colleague, themeId } = await school();
    const canvas = {
      words: ["differentiatie", "maatwerk"],
      chosenName: "differentiatie",
      remarks: "",
      story: "",
      ideas: "",
      startsOn: "2026-11-15",
      manifestationOn: "2026-10-01",
      manifestation: "",
    };
    await expect(
      saveThemeAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), themeId, canvas),
    ).rejects.toMatchObject({
      field: "manifestationOn",
    });
    await expect(
      saveThemeAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
        ...canvas,
        manifestationOn: null,
        chosenName: "iets",
      }),
    ).rejects.toMatchObject({ field: "chosenName" });
    // only the schakel (or a keeper) shapes the theme
    await expect(
      saveThemeAnalysis(db, await authorizeSpace(db, colleague, "organisation", id), themeId, {
        ...canvas,
        manifestationOn: null,
      }),
    ).rejects.toThrow(ForbiddenError);
    await saveThemeAnalysis(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
      ...canvas,
      manifestationOn: "2027-03-31",
    });
    expect(
      (await getThemeAnalysis(db, await authorizeSpace(db, colleague, "organisation", id), themeId))
        .analysis?.chosenName,
    ).toBe("differentiatie");
  });

  it("spreads the nine activities over the period and mails the newsletter to subscribers only", async () => {
    const { db, id, schakel, colleague, themeId } = await school();
    await startProgramme(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
      startsOn: "2027-02-01",
      months: 3,
    });
    let view = await getProgramme(
      db,
      await authorizeSpace(db, colleague, "organisation", id),
      themeId,
    );
    const days = view.programme?.activities.map((a) => a.plannedOn ?? "") ?? [];
    expect(days).toHaveLength(9);
    expect(days[0]).toBe("2027-02-01");
    expect(days.every((d) => d >= "2027-02-01" && d <= "2027-05-01")).toBe(true);
    expect([...days].sort()).toEqual(days);
    await expect(
      updateActivity(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
        activity: "manifestatie",
        plannedOn: "2027-09-01",
        note: "",
        done: false,
      }),
    ).rejects.toMatchObject({ field: "plannedOn" });
    await expect(
      sendNewsletter(
        db,
        await authorizeSpace(db, schakel, "organisation", id),
        themeId,
        { title: "Nr 1", body: "Hallo allemaal" },
        "https://x",
      ),
    ).rejects.toMatchObject({ field: "title" });
    await toggleSignup(
      db,
      await authorizeSpace(db, colleague, "organisation", id),
      themeId,
      "nieuwsbrief",
    );
    await toggleSignup(db, await authorizeSpace(db, colleague, "organisation", id), themeId, "doe");
    expect(
      await sendNewsletter(
        db,
        await authorizeSpace(db, schakel, "organisation", id),
        themeId,
        { title: "Nr 1", body: "Hallo allemaal" },
        "https://x",
      ),
    ).toBe(1);
    view = await getProgramme(db, await authorizeSpace(db, colleague, "organisation", id), themeId);
    expect(view.programme?.mine.sort()).toEqual(["doe", "nieuwsbrief"]);
    expect(view.programme?.issues.map((i) => [i.title, i.recipients])).toEqual([["Nr 1", 1]]);
  });

  it("keeps the kennisweb after the theme closes, and a renewed theme brings it back, searchable in Dutch", async () => {
    const { db, id, admin, schakel, themeId } = await school();
    await addKenniswebItem(db, await authorizeSpace(db, schakel, "organisation", id), themeId, {
      kind: "voorbeeld",
      title: "Gedifferentieerde instructie in 2 havo",
      body: "Drie niveaus van uitleg met verlengde instructie.",
      url: "",
    });
    await cleanSlate(db, await authorizeSpace(db, admin, "organisation", id), "2027-2028", {
      [themeId]: "renew",
    });
    const schakelSpace = await authorizeSpace(db, schakel, "organisation", id);
    expect((await getThemeHeader(db, schakelSpace, themeId)).theme.closedAt).not.toBeNull();
    expect((await getKennisweb(db, schakelSpace, themeId)).kennisweb).toHaveLength(1);
    const { themes } = await import("#app/db/schema/index.ts");
    const { eq } = await import("drizzle-orm");
    const [renewed] = await db.select().from(themes).where(eq(themes.renewedFromId, themeId));
    const view = await getKennisweb(
      db,
      await authorizeSpace(db, schakel, "organisation", id),
      renewed?.id ?? "",
      "instructie",
    );
    expect(view.kennisweb.map((k) => [k.title, k.earlier])).toEqual([
      ["Gedifferentieerde instructie in 2 havo", true],
    ]);
    expect(
      (
        await getKennisweb(
          db,
          await authorizeSpace(db, schakel, "organisation", id),
          renewed?.id ?? "",
          "roosters",
        )
      ).kennisweb,
    ).toHaveLength(0);
  });
  it("shows the kennisweb 20 items at a time, finds Dutch words through the pages, and stops counting at 1.000+", async () => {
    const { db, id, schakel, themeId } = await school();
    const space = await authorizeSpace(db, schakel, "organisation", id);
    const { sql } = await import("drizzle-orm");
    const items = (count: number, word: string) =>
      db.execute(sql`insert into kennisweb_items (theme_id, kind, title, body, created_at)
        select ${themeId}, 'verhaal', 'Verhaal ' || g, 'Over ' || ${word},
          now() - g * interval '1 minute'
        from generate_series(1, ${count}) g`);
    await items(25, "de toetsing in de onderbouw");
    const first = await getKennisweb(db, space, themeId);
    expect(first.kennisweb.map((k) => k.title)).toEqual(
      Array.from({ length: kenniswebPerPage }, (_, i) => `Verhaal ${i + 1}`),
    );
    expect(first.total).toEqual({ count: 25, more: false });
    expect(first.pager).toEqual({ page: 1, pages: 2, hasNext: true });
    const page2 = { page: 2, perPage: kenniswebPerPage, offset: kenniswebPerPage };
    // "toetsingen" finds "toetsing": the search pages like the list.
    const found = await getKennisweb(db, space, themeId, "toetsingen", page2);
    expect(found.kennisweb.map((k) => k.title)).toEqual(
      [21, 22, 23, 24, 25].map((n) => `Verhaal ${n}`),
    );
    expect(found.pager).toEqual({ page: 2, pages: 2, hasNext: false });
    expect((await getKennisweb(db, space, themeId, "roosters")).total).toEqual({
      count: 0,
      more: false,
    });

    await items(1000, "het rooster");
    const many = await getKennisweb(db, space, themeId);
    expect(many.total).toEqual({ count: 1000, more: true });
    expect(many.pager).toEqual({ page: 1, pages: null, hasNext: true });
    expect((await getKennisweb(db, space, themeId, "roosters")).total).toEqual({
      count: 1000,
      more: false,
    });
  });
});
