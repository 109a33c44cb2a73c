/** Ranking polls score every 1st place 3 points, 2nd 2 and 3rd 1 (the seed's figure 2). */
const placePoints = [3, 2, 1] as const;

export interface Ballot {
  ranked: (string | null)[];
}

export interface RankingRow {
  option: string;
  points: number;
  firsts: number;
  mentions: number;
}

/** Totals per option, highest points first; ties go to the option more often ranked first. */
export function scoreRanking(options: string[], ballots: Ballot[]): RankingRow[] {
  const rows = new Map(
    options.map((option) => [option, { option, points: 0, firsts: 0, mentions: 0 }]),
  );
  for (const ballot of ballots) {
    ballot.ranked.slice(0, 3).forEach((option, place) => {
      if (!option) return;
      const row = rows.get(option) ?? { option, points: 0, firsts: 0, mentions: 0 };
      row.points += placePoints[place] ?? 0;
      row.mentions += 1;
      if (place === 0) row.firsts += 1;
      rows.set(option, row);
    });
  }
  return [...rows.values()].sort(
    (a, b) => b.points - a.points || b.firsts - a.firsts || a.option.localeCompare(b.option, "nl"),
  );
}
