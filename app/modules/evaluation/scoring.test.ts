import { describe, expect, it } from "vitest";
import { figureTwoBallots, figureTwoOptions } from "./figure-two.ts";
import { scoreRanking } from "./scoring.ts";

describe("ranking polls", () => {
  it("scores 3-2-1 and counts first places", () => {
    const rows = scoreRanking(
      ["a", "b", "c", "d"],
      [{ ranked: ["a", "b", "c"] }, { ranked: ["b", "a", "d"] }, { ranked: ["b", null, null] }],
    );
    expect(rows.map((r) => [r.option, r.points, r.firsts])).toEqual([
      ["b", 8, 2],
      ["a", 5, 1],
      ["c", 1, 0],
      ["d", 1, 0],
    ]);
  });

  it("reproduces the seed's figure 2 from 53 school leaders' top 3", () => {
    const ballots = figureTwoBallots();
    expect(ballots).toHaveLength(53);
    for (const ballot of ballots) expect(new Set(ballot.ranked).size).toBe(3);
    const top10 = scoreRanking(figureTwoOptions, ballots).slice(0, 10);
    expect(top10.map((r) => [r.option, r.points, r.firsts])).toEqual([
      ["Werken aan een verbetering of vernieuwing in de school", 53, 11],
      ["Reflecteren met collega's", 53, 10],
      ["Meedoen aan leernetwerk", 26, 2],
      ["Samenwerken met collega's", 25, 6],
      ["Andere school bezoeken", 21, 3],
      ["Zelfreflectie", 20, 2],
      ["Feedback (vragen / ontvangen)", 18, 4],
      ["Rolmodel / mentor", 15, 3],
      ["Reflecteren in het algemeen (zowel met collega's als zelf)", 11, 2],
      ["Werken aan een praktijkvraagstuk in de school", 10, 1],
    ]);
  });
});
