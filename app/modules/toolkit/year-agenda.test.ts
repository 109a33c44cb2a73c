import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import {
  actorFor,
  addToOrganisation,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { createInitiative } from "./initiatives.server.ts";
import { authorizeSpace } from "./space-access.server.ts";
import { addAgendaMeeting, addChore, decideOnAgenda, getYearAgenda } from "./year-agenda.server.ts";
import { type AgendaEntry, yearAgenda } from "./year-agenda.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const days = ["2011-09-15", "2011-10-15", "2011-11-15", "2011-12-15", "2012-02-15", "2012-03-15"];
const meetings = days.map((heldOn, i) => ({ id: `m${i + 1}`, number: i + 1, heldOn }));

/** Names per column, with "?" after a suggestion the section has not decided on. */
function shown(rows: ReturnType<typeof yearAgenda>) {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row.columns).map(([column, items]) => [
        column,
        items.map((item) => `${item.name}${item.suggested ? "?" : ""}`),
      ]),
    ),
  );
}

describe("the year agenda's rule is a suggestion", () => {
  it("proposes column 2 after a plan discussion and column 3 after that, until rounded off", () => {
    const rows = yearAgenda(
      meetings,
      [
        { id: "a", name: "English Proficiency", completedOn: null },
        { id: "b", name: "Toetsmodel", completedOn: "2012-01-20" },
      ],
      [
        { meetingId: "m1", initiativeId: "a", column: "plannen" },
        { meetingId: "m2", initiativeId: "b", column: "plannen" },
      ],
    );
    expect(shown(rows)).toEqual([
      { plannen: ["English Proficiency"], informeren: [], ervaringen: [] },
      { plannen: ["Toetsmodel"], informeren: ["English Proficiency?"], ervaringen: [] },
      { plannen: [], informeren: ["Toetsmodel?"], ervaringen: ["English Proficiency?"] },
      { plannen: [], informeren: [], ervaringen: ["English Proficiency?", "Toetsmodel?"] },
      // Toetsmodel was rounded off on 20 January, before meeting 5 (15 February)
      { plannen: [], informeren: [], ervaringen: ["English Proficiency?"] },
      { plannen: [], informeren: [], ervaringen: ["English Proficiency?"] },
    ]);
  });

  it("keeps what the section decided: a removed suggestion stops, a moved one goes on from there", () => {
    const entries: AgendaEntry[] = [
      { meetingId: "m1", initiativeId: "a", column: "plannen" },
      { meetingId: "m2", initiativeId: "a", column: "geschrapt" },
      { meetingId: "m4", initiativeId: "a", column: "informeren" },
    ];
    const rows = yearAgenda(
      meetings,
      [{ id: "a", name: "English Proficiency", completedOn: null }],
      entries,
    );
    expect(shown(rows).map((r) => [r.plannen, r.informeren, r.ervaringen])).toEqual([
      [["English Proficiency"], [], []],
      [[], [], []],
      [[], [], []],
      [[], ["English Proficiency"], []],
      [[], [], ["English Proficiency?"]],
      [[], [], ["English Proficiency?"]],
    ]);
  });
});

/** Figure 3.3 of look-netwerklerende-school.txt, row by row: [plannen, informeren, ervaringen]. */
const figure33 = [
  [["English Proficiency", "Literatuuronderwijs"], [], []],
  [["Toetsmodel"], ["Literatuuronderwijs"], []],
  [[], ["Toetsmodel"], ["Literatuuronderwijs"]],
  [
    ["Uitgangspunten voor klassenverdeling"],
    ["English Proficiency"],
    ["Literatuuronderwijs", "Toetsmodel"],
  ],
  [[], ["Uitgangspunten voor klassenverdeling"], ["Toetsmodel"]],
  [[], [], ["Toetsmodel", "Uitgangspunten voor klassenverdeling"]],
];

describe("a section's year agenda", () => {
  it("lets the English section make figure 3.3 by accepting, moving and removing suggestions", async () => {
    const { db } = database;
    const organisation = await buildOrganisation(db, { name: "Leidsche Rijn College" });
    const [fredUser, gemmaUser, outsiderUser] = await Promise.all([
      buildUser(db),
      buildUser(db),
      buildUser(db),
    ]);
    if (!fredUser || !gemmaUser || !outsiderUser) throw new Error("setup");
    await addToOrganisation(db, fredUser.id, organisation.id);
    await addToOrganisation(db, gemmaUser.id, organisation.id);
    const [fred, gemma, outsider] = await Promise.all(
      [fredUser, gemmaUser, outsiderUser].map((u) => actorFor(db, u)),
    );
    if (!fred || !gemma || !outsider) throw new Error("setup");
    const id = organisation.id;
    const base = {
      goal: "Samen beter Engels geven.",
      forWhom: "De sectie Engels",
      valueForOthers: "Andere secties",
      plan: "stappenplan" as const,
      themeIds: [],
    };
    const ids: Record<string, string> = {};
    for (const name of [
      "English Proficiency",
      "Literatuuronderwijs",
      "Toetsmodel",
      "Uitgangspunten voor klassenverdeling",
    ])
      ids[name] = await createInitiative(db, await authorizeSpace(db, fred, "organisation", id), {
        ...base,
        name,
      });
    const meetingIds: string[] = [];
    for (const heldOn of days)
      meetingIds.push(
        await addAgendaMeeting(db, await authorizeSpace(db, fred, "organisation", id), {
          body: "Sectie Engels",
          schoolYear: "2011-2012",
          heldOn,
        }),
      );
    const decide = async (n: number, name: string, column: AgendaEntry["column"]) =>
      decideOnAgenda(db, await authorizeSpace(db, gemma, "organisation", id), {
        meetingId: meetingIds[n - 1] ?? "",
        initiativeId: ids[name] ?? "",
        column,
      });
    const read = async () =>
      (
        await getYearAgenda(
          db,
          await authorizeSpace(db, fred, "organisation", id),
          "Sectie Engels",
          "2011-2012",
        )
      ).rows;

    // At the end of the year before, the section plans: the plan discussions go in column 1.
    await decide(1, "English Proficiency", "plannen");
    await decide(1, "Literatuuronderwijs", "plannen");
    await decide(2, "Toetsmodel", "plannen");
    await decide(4, "Uitgangspunten voor klassenverdeling", "plannen");
    // The rule suggests English Proficiency for meeting 2; the section leaves it until meeting 4.
    const before = await read();
    expect(before[1]?.columns.informeren.map((i) => [i.name, i.suggested])).toEqual([
      ["English Proficiency", true],
      ["Literatuuronderwijs", true],
    ]);
    await decide(2, "English Proficiency", "geschrapt");
    await decide(4, "English Proficiency", "informeren");
    await decide(5, "English Proficiency", "geschrapt");
    // Literatuuronderwijs: informed at 2, experiences at 3 and 4, then it is done.
    await decide(2, "Literatuuronderwijs", "informeren");
    await decide(3, "Literatuuronderwijs", "ervaringen");
    await decide(4, "Literatuuronderwijs", "ervaringen");
    await decide(5, "Literatuuronderwijs", "geschrapt");
    // Toetsmodel and the class division follow the suggestions, accepted one by one.
    for (const n of [3, 4, 5, 6])
      await decide(n, "Toetsmodel", n === 3 ? "informeren" : "ervaringen");
    await decide(5, "Uitgangspunten voor klassenverdeling", "informeren");
    await decide(6, "Uitgangspunten voor klassenverdeling", "ervaringen");
    await addChore(
      db,
      await authorizeSpace(db, gemma, "organisation", id),
      meetingIds[2] ?? "",
      "Toetsweek voorbereiden",
    );

    const rows = await read();
    expect(
      rows.map((r) =>
        [r.columns.plannen, r.columns.informeren, r.columns.ervaringen].map((c) =>
          c.map((i) => i.name),
        ),
      ),
    ).toEqual(figure33);
    expect(rows.flatMap((r) => Object.values(r.columns).flat()).some((i) => i.suggested)).toBe(
      false,
    );
    expect(rows[2]?.chores).toEqual(["Toetsweek voorbereiden"]);

    // Someone outside the school does not get the agenda, nor a say in it.
    await expect(
      (async () =>
        getYearAgenda(
          db,
          await authorizeSpace(db, outsider, "organisation", id),
          "Sectie Engels",
          "2011-2012",
        ))(),
    ).rejects.toThrow(NotFoundError);
    await expect(
      (async () =>
        decideOnAgenda(db, await authorizeSpace(db, outsider, "organisation", id), {
          meetingId: meetingIds[0] ?? "",
          initiativeId: ids.Toetsmodel ?? "",
          column: "geschrapt",
        }))(),
    ).rejects.toThrow(NotFoundError);
  });

  it("moves a plan discussion when it is planned again, and refuses a meeting of another space", async () => {
    const { db } = database;
    const organisation = await buildOrganisation(db);
    const other = await buildOrganisation(db);
    const user = await buildUser(db);
    if (!user) throw new Error("setup");
    await addToOrganisation(db, user.id, organisation.id);
    await addToOrganisation(db, user.id, other.id);
    const actor = await actorFor(db, user);
    if (!actor) throw new Error("setup");
    const initiativeId = await createInitiative(
      db,
      await authorizeSpace(db, actor, "organisation", organisation.id),
      {
        name: "Leesplan",
        goal: "Meer lezen.",
        forWhom: "Iedereen",
        valueForOthers: "Andere scholen",
        plan: "stappenplan",
        themeIds: [],
      },
    );
    const first = await addAgendaMeeting(
      db,
      await authorizeSpace(db, actor, "organisation", organisation.id),
      {
        body: "Team onderbouw",
        schoolYear: "2026-2027",
        heldOn: null,
      },
    );
    const second = await addAgendaMeeting(
      db,
      await authorizeSpace(db, actor, "organisation", organisation.id),
      {
        body: "Team onderbouw",
        schoolYear: "2026-2027",
        heldOn: null,
      },
    );
    const elsewhere = await addAgendaMeeting(
      db,
      await authorizeSpace(db, actor, "organisation", other.id),
      {
        body: "Team onderbouw",
        schoolYear: "2026-2027",
        heldOn: null,
      },
    );
    await decideOnAgenda(db, await authorizeSpace(db, actor, "organisation", organisation.id), {
      meetingId: first,
      initiativeId,
      column: "plannen",
    });
    await decideOnAgenda(db, await authorizeSpace(db, actor, "organisation", organisation.id), {
      meetingId: second,
      initiativeId,
      column: "plannen",
    });
    const rows = (
      await getYearAgenda(
        db,
        await authorizeSpace(db, actor, "organisation", organisation.id),
        "Team onderbouw",
        "2026-2027",
      )
    ).rows;
    expect(rows.map((r) => r.columns.plannen.map((i) => i.name))).toEqual([[], ["Leesplan"]]);
    await expect(
      decideOnAgenda(db, await authorizeSpace(db, actor, "organisation", organisation.id), {
        meetingId: elsewhere,
        initiativeId,
        column: "plannen",
      }),
    ).rejects.toMatchObject({ field: "meetingId" });
  });
});
