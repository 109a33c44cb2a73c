/**
 * The seed's figure 2 (Hulsbos e.a., 2014): 53 school leaders each made a top 3 of informal
 * learning forms. The seed gives only the totals; these ballots are one set of top 3s that
 * produces exactly those totals, so the poll can show the figure from its own data.
 */
const placeCounts: [string, number, number, number][] = [
  // option, times 1st, 2nd, 3rd
  ["Werken aan een verbetering of vernieuwing in de school", 11, 7, 6],
  ["Reflecteren met collega's", 10, 8, 7],
  ["Meedoen aan leernetwerk", 2, 7, 6],
  ["Samenwerken met collega's", 6, 2, 3],
  ["Andere school bezoeken", 3, 4, 4],
  ["Zelfreflectie", 2, 5, 4],
  ["Feedback (vragen / ontvangen)", 4, 2, 2],
  ["Rolmodel / mentor", 3, 2, 2],
  ["Reflecteren in het algemeen (zowel met collega's als zelf)", 2, 2, 1],
  ["Werken aan een praktijkvraagstuk in de school", 1, 3, 1],
  ["Coaching", 1, 2, 2],
  ["Intervisie", 1, 1, 2],
  ["Vakliteratuur lezen", 1, 1, 2],
  ["Gesprekken met de bestuurder", 1, 1, 2],
  ["Collegiale consultatie", 1, 1, 2],
  ["Conferentie bezoeken", 1, 1, 2],
  ["Leren van fouten", 1, 1, 2],
  ["Gesprekken met leerlingen en ouders", 1, 1, 1],
  ["Online leren", 1, 1, 1],
  ["Schoolbezoek door collega's", 0, 1, 1],
];

export const figureTwoOptions = placeCounts.map(([option]) => option);

function spread(place: 1 | 2 | 3) {
  return placeCounts.flatMap(([option, ...counts]) =>
    Array<string>(counts[place - 1] ?? 0).fill(option),
  );
}

export function figureTwoBallots() {
  const firsts = spread(1);
  const seconds = spread(2);
  const thirds = spread(3);
  // Shift the lists against each other, then repair any ballot that names an option twice.
  const rotate = (list: string[], by: number) =>
    list.map((_, i) => list[(i + by) % list.length] ?? "");
  const second = rotate(seconds, 17);
  const third = rotate(thirds, 34);
  const clash = (i: number) => {
    const set = new Set([firsts[i], second[i], third[i]]);
    return set.size < 3;
  };
  for (let pass = 0; pass < 10; pass++) {
    for (let i = 0; i < firsts.length; i++) {
      if (!clash(i)) continue;
      for (let j = 0; j < firsts.length && clash(i); j++) {
        for (const list of [second, third]) {
          [list[i], list[j]] = [list[j] ?? "", list[i] ?? ""];
          if (!clash(i) && !clash(j)) break;
          [list[i], list[j]] = [list[j] ?? "", list[i] ?? ""];
        }
      }
    }
  }
  return firsts.map((first, i) => ({ ranked: [first, second[i] ?? null, third[i] ?? null] }));
}
