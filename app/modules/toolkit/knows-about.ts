/** "Wie weet iets van begaafdheid?": people, initiatives and themes, ranked, each with why. */
export type Position = "i" | "p" | "s" | "l" | "g";

export interface KnowledgeFacts {
  people: {
    userId: string;
    name: string;
    tags: string[];
    involvement: { initiativeId: string; initiative: string; position: Position }[];
    schakelOf: { themeId: string; theme: string }[];
  }[];
  initiatives: { id: string; name: string; goal: string; themes: string[] }[];
  themes: { id: string; name: string; description: string; closed: boolean }[];
}

export interface Reason {
  key: string;
  params: Record<string, string>;
}

export interface Hit {
  kind: "person" | "initiative" | "theme";
  id: string;
  name: string;
  score: number;
  why: Reason[];
}

const positionWeight: Record<Position, number> = { i: 3, p: 2, s: 3, l: 2, g: 1 };

const normalise = (text: string) =>
  text
    .toLocaleLowerCase("nl")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "");

/** Words of the question, without the little words around it ("wie weet iets van …"). */
export function questionWords(query: string) {
  const stop = new Set([
    "wie",
    "weet",
    "iets",
    "van",
    "over",
    "de",
    "het",
    "een",
    "en",
    "in",
    "op",
    "met",
    "voor",
    "heeft",
    "kennis",
    "ervaring",
    "who",
    "knows",
    "about",
    "the",
    "a",
    "of",
  ]);
  return normalise(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !stop.has(w));
}

const suffixes = ["heden", "heid", "ingen", "ing", "atie", "eren", "en", "e", "s"];

/** A rough Dutch stem, enough for "begaafdheid" to find "hoogbegaafde" and "differentiatie" "differentiëren". */
export function stem(word: string) {
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4)
      return word.slice(0, -suffix.length);
  }
  return word;
}

function matches(text: string, words: string[]) {
  const haystack = normalise(text);
  return words.some((word) => haystack.includes(stem(word)));
}

export function rankKnowsAbout(facts: KnowledgeFacts, query: string): Hit[] {
  const words = questionWords(query);
  if (!words.length) return [];
  const matchingInitiatives = new Set(
    facts.initiatives
      .filter((i) => matches(`${i.name} ${i.goal} ${i.themes.join(" ")}`, words))
      .map((i) => i.id),
  );
  const matchingThemes = new Set(
    facts.themes.filter((t) => matches(`${t.name} ${t.description}`, words)).map((t) => t.id),
  );
  const hits: Hit[] = [];
  for (const person of facts.people) {
    const why: Reason[] = [];
    let score = 0;
    for (const tag of person.tags.filter((t) => matches(t, words))) {
      score += 4;
      why.push({ key: "knows.why.tag", params: { tag } });
    }
    for (const theme of person.schakelOf.filter((t) => matchingThemes.has(t.themeId))) {
      score += 3;
      why.push({ key: "knows.why.schakel", params: { theme: theme.theme } });
    }
    for (const role of person.involvement.filter((r) => matchingInitiatives.has(r.initiativeId))) {
      score += positionWeight[role.position];
      why.push({
        key: `knows.why.position.${role.position}`,
        params: { initiative: role.initiative },
      });
    }
    if (score) hits.push({ kind: "person", id: person.userId, name: person.name, score, why });
  }
  for (const initiative of facts.initiatives.filter((i) => matchingInitiatives.has(i.id))) {
    const inName = matches(initiative.name, words);
    hits.push({
      kind: "initiative",
      id: initiative.id,
      name: initiative.name,
      score: inName ? 3 : 1,
      why: [{ key: inName ? "knows.why.initiativeName" : "knows.why.initiativeGoal", params: {} }],
    });
  }
  for (const theme of facts.themes.filter((t) => matchingThemes.has(t.id))) {
    const inName = matches(theme.name, words);
    hits.push({
      kind: "theme",
      id: theme.id,
      name: theme.name,
      score: (inName ? 3 : 1) - (theme.closed ? 0.5 : 0),
      why: [
        { key: inName ? "knows.why.themeName" : "knows.why.themeDescription", params: {} },
        ...(theme.closed ? [{ key: "knows.why.themeClosed", params: {} }] : []),
      ],
    });
  }
  return hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "nl"));
}
