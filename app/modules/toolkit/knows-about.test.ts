import { describe, expect, it } from "vitest";
import { questionWords, rankKnowsAbout } from "./knows-about.ts";

describe("who knows about", () => {
  it("ranks people by tag, schakel role and position, with why; initiatives and themes too", () => {
    const hits = rankKnowsAbout(
      {
        people: [
          {
            userId: "u1",
            name: "Ria",
            tags: ["hoogbegaafdheid"],
            involvement: [{ initiativeId: "i1", initiative: "Plusklas", position: "i" }],
            schakelOf: [],
          },
          {
            userId: "u2",
            name: "Kees",
            tags: [],
            involvement: [{ initiativeId: "i1", initiative: "Plusklas", position: "g" }],
            schakelOf: [],
          },
          {
            userId: "u3",
            name: "Anna",
            tags: ["toetsing"],
            involvement: [],
            schakelOf: [{ themeId: "t1", theme: "Begaafdheid" }],
          },
          { userId: "u4", name: "Bert", tags: ["rekenen"], involvement: [], schakelOf: [] },
        ],
        initiatives: [
          { id: "i1", name: "Plusklas", goal: "Uitdaging voor begaafde leerlingen", themes: [] },
        ],
        themes: [
          { id: "t1", name: "Begaafdheid", description: "", closed: false, initiativeIds: [] },
        ],
      },
      "Wie weet iets van begaafdheid?",
    );
    expect(questionWords("Wie weet iets van begaafdheid?")).toEqual(["begaafdheid"]);
    expect(hits.map((h) => [h.kind, h.name, h.score])).toEqual([
      ["person", "Ria", 7],
      ["person", "Anna", 3],
      ["theme", "Begaafdheid", 3],
      ["person", "Kees", 1],
      ["initiative", "Plusklas", 1],
    ]);
    expect(hits[0]?.why.map((w) => w.key)).toEqual(["knows.why.tag", "knows.why.position.i"]);
    expect(rankKnowsAbout({ people: [], initiatives: [], themes: [] }, "wie weet iets")).toEqual(
      [],
    );
  });
});

describe("who knows about: themes", () => {
  // Chapter 2 and 4 of L: differentiation became the theme that brings the Olympiade and the
  // plus programme together, carried by its schakel Carolien.
  const facts = {
    people: [
      {
        userId: "carolien",
        name: "Carolien Maas",
        tags: ["differentiatie", "scheikunde", "werkvormen"],
        involvement: [],
        schakelOf: [{ themeId: "diff", theme: "Differentiatie" }],
      },
      {
        userId: "bas",
        name: "Bas de Vries",
        tags: ["wiskunde"],
        involvement: [
          { initiativeId: "olympiade", initiative: "Olympiade", position: "i" as const },
        ],
        schakelOf: [],
      },
    ],
    initiatives: [
      {
        id: "olympiade",
        name: "Olympiade",
        goal: "Een schoolbrede Olympiade waarin leerlingen op hun eigen niveau wedijveren.",
        themes: ["Differentiatie"],
      },
      { id: "plus", name: "Plusprogramma begaafdheid", goal: "Verrijking", themes: [] },
    ],
    themes: [
      {
        id: "diff",
        name: "Differentiatie",
        description: "",
        closed: false,
        initiativeIds: ["olympiade", "plus"],
      },
      { id: "toets", name: "Toetsing", description: "", closed: false, initiativeIds: [] },
    ],
  };
  const themeWhy = (query: string) =>
    rankKnowsAbout(facts, query)
      .filter((h) => h.kind === "theme")
      .map((h) => [h.name, h.why.map((w) => [w.key, Object.values(w.params).join()])]);

  it("finds a theme through its schakel and through the initiatives it brings together, and says so", () => {
    expect(themeWhy("Wie weet iets van scheikunde?")).toEqual([
      ["Differentiatie", [["knows.why.themeSchakel", "Carolien Maas"]]],
    ]);
    expect(themeWhy("olympiade")).toEqual([
      ["Differentiatie", [["knows.why.themeInitiative", "Olympiade"]]],
    ]);
    expect(themeWhy("differentiatie")).toEqual([
      [
        "Differentiatie",
        [
          ["knows.why.themeName", ""],
          ["knows.why.themeSchakel", "Carolien Maas"],
        ],
      ],
    ]);
    expect(themeWhy("begaafdheid")).toEqual([
      ["Differentiatie", [["knows.why.themeInitiative", "Plusprogramma begaafdheid"]]],
    ]);
    // whoever carries a theme that bundles the Olympiade is worth asking about it
    const carolien = rankKnowsAbout(facts, "olympiade").find((h) => h.name === "Carolien Maas");
    expect(carolien?.why).toEqual([
      { key: "knows.why.schakel", params: { theme: "Differentiatie" } },
    ]);
  });
});
