import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { initiatives } from "#app/db/schema/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { createInitiative, getInitiative, moveInitiative } from "./initiatives.server.ts";
import { authorizeSpace } from "./space-access.server.ts";
import { moveStep, stepPlans } from "./step-plans.ts";
import { initiative, setupSchool } from "./toolkit.fixtures.ts";
import { spaceOverview } from "./toolkit.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const school = () => setupSchool(database.db);

describe("step plans", () => {
  it("go one step at a time, and round off only in the period of trying out", () => {
    expect(stepPlans.stappenplan).toHaveLength(11);
    expect(stepPlans.stappenplan[0]?.title).toBe("Het begin");
    expect(stepPlans.btg).toHaveLength(8);
    const start = { currentStep: 0, completed: false };
    expect(moveStep("stappenplan", start, "back")).toEqual({ error: "error.initiative.firstStep" });
    expect(moveStep("stappenplan", start, "next")).toEqual({ currentStep: 1, completed: false });
    expect(moveStep("stappenplan", { currentStep: 7, completed: false }, "complete")).toEqual({
      error: "error.initiative.notTriedYet",
    });
    expect(moveStep("stappenplan", { currentStep: 8, completed: false }, "complete")).toEqual({
      currentStep: 8,
      completed: true,
    });
    expect(moveStep("stappenplan", { currentStep: 10, completed: false }, "next")).toEqual({
      error: "error.initiative.lastStep",
    });
    expect(moveStep("btg", { currentStep: 5, completed: true }, "reopen")).toEqual({
      currentStep: 7,
      completed: false,
    });
  });
});

describe("BTG steps", () => {
  it("show each step's name as chapter 2 gives it, counted 1 to 8; no initiative sits on a step its plan lacks", async () => {
    const { db, id, fred } = await school();
    const olympiade = await createInitiative(
      db,
      await authorizeSpace(db, fred, "organisation", id),
      {
        ...initiative,
        name: "Olympiade",
        plan: "btg",
      },
    );
    for (let step = 0; step < 7; step++)
      await moveInitiative(
        db,
        await authorizeSpace(db, fred, "organisation", id),
        olympiade,
        "next",
      );
    const view = await getInitiative(
      db,
      await authorizeSpace(db, fred, "organisation", id),
      olympiade,
    );
    expect(view.steps.map((s) => `${s.number}. ${s.title}`)).toEqual([
      "1. Begin bij het begin: wat wil je graag in je werk verwezenlijken?",
      "2. Stel jezelf de vraag voor wie je dit wilt en wat de waarde voor de ander(en) kan zijn",
      "3. Check je ideeën met je omgeving, dat is de organisatie waarin je werkt",
      "4. Word voorbeeld van je initiatief",
      "5. Zet een netwerk op om je initiatief verder vorm te geven",
      "6. Laat anderen van het ontstane netwerk toe tot jouw initiatief, laat hen je initiatief ‘inkleuren’",
      "7. Ga gezamenlijk aan het werk en check de ontvangst in je omgeving",
      "8. Maak - als dit nog nodig is - een voorstel voor de organisatie",
    ]);
    expect(view.steps[7]?.detail).toBe("Daarmee kan je het initiatief bestendigen!");
    const row = (
      await spaceOverview(db, await authorizeSpace(db, fred, "organisation", id))
    ).initiatives.find((i) => i.id === olympiade);
    expect(row && `Stap ${row.stepNumber}: ${row.stepTitle}`).toBe(
      "Stap 8: Maak - als dit nog nodig is - een voorstel voor de organisatie",
    );
    // The demo once wrote the Olympiade at BTG step 8 (there are 0–7): the database refuses that.
    await expect(
      db.update(initiatives).set({ currentStep: 8 }).where(eq(initiatives.id, olympiade)),
    ).rejects.toThrow();
    await expect(
      db.update(initiatives).set({ currentStep: -1 }).where(eq(initiatives.id, olympiade)),
    ).rejects.toThrow();
  });
});
