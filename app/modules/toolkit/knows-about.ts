import type { MessageKey } from "#app/i18n/catalogues/index.ts";

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
  /** initiativeIds: the initiatives the theme brings together (its schakels are in people) */
  themes: {
    id: string;
    name: string;
    description: string;
    closed: boolean;
    initiativeIds: string[];
  }[];
}

const positionWhy = {
  i: "knows.why.position.i",
  p: "knows.why.position.p",
  s: "knows.why.position.s",
  l: "knows.why.position.l",
  g: "knows.why.position.g",
} as const satisfies Record<Position, MessageKey>;

interface Reason {
  key: MessageKey;
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
function stem(word: string) {
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
  // Chapter 2 of L: a theme brings related initiatives together and a schakel carries it, so a
  // theme answers the question through its own words, its schakels and its initiatives.
  const initiativeName = new Map(facts.initiatives.map((i) => [i.id, i.name]));
  // by its own words: an initiative matching only through this theme's name says nothing new
  const initiativesAbout = new Set(
    facts.initiatives.filter((i) => matches(`${i.name} ${i.goal}`, words)).map((i) => i.id),
  );
  const themeHits = new Map<string, { score: number; why: Reason[] }>();
  // themes that match by what they are about, not only through their schakel: their schakels
  // are worth asking (a schakel who matched already has their own reason)
  const themesAbout = new Set<string>();
  for (const theme of facts.themes) {
    const why: Reason[] = [];
    let score = 0;
    if (matches(theme.name, words)) {
      score += 3;
      why.push({ key: "knows.why.themeName", params: {} });
    } else if (matches(theme.description, words)) {
      score += 1;
      why.push({ key: "knows.why.themeDescription", params: {} });
    }
    for (const person of facts.people) {
      if (!person.schakelOf.some((t) => t.themeId === theme.id)) continue;
      if (!matches(person.name, words) && !person.tags.some((tag) => matches(tag, words))) continue;
      score += 2;
      why.push({ key: "knows.why.themeSchakel", params: { name: person.name } });
    }
    for (const initiativeId of theme.initiativeIds.filter((i) => initiativesAbout.has(i))) {
      score += 1;
      why.push({
        key: "knows.why.themeInitiative",
        params: { initiative: initiativeName.get(initiativeId) ?? "" },
      });
    }
    if (score) themeHits.set(theme.id, { score, why });
    if (why.some((w) => w.key !== "knows.why.themeSchakel")) themesAbout.add(theme.id);
  }
  const hits: Hit[] = [];
  for (const person of facts.people) {
    const why: Reason[] = [];
    let score = 0;
    for (const tag of person.tags.filter((t) => matches(t, words))) {
      score += 4;
      why.push({ key: "knows.why.tag", params: { tag } });
    }
    for (const theme of person.schakelOf.filter((t) => themesAbout.has(t.themeId))) {
      score += 3;
      why.push({ key: "knows.why.schakel", params: { theme: theme.theme } });
    }
    for (const role of person.involvement.filter((r) => matchingInitiatives.has(r.initiativeId))) {
      score += positionWeight[role.position];
      why.push({
        key: positionWhy[role.position],
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
  for (const theme of facts.themes) {
    const hit = themeHits.get(theme.id);
    if (!hit) continue;
    hits.push({
      kind: "theme",
      id: theme.id,
      name: theme.name,
      score: hit.score - (theme.closed ? 0.5 : 0),
      why: [
        ...hit.why,
        ...(theme.closed ? [{ key: "knows.why.themeClosed", params: {} } satisfies Reason] : []),
      ],
    });
  }
  return hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "nl"));
}
