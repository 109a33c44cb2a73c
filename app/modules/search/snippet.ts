import { foldText } from "#app/db/schema/search.ts";

/**
 * A short piece of a hit's text around the first place the words occur, as plain text: the page
 * renders it as text (React escapes it) with the matched part in <mark>, so no markup from the
 * stored text or from the database (ts_headline) ever reaches the page as HTML.
 */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/** The text folded as the search folds it, with where each folded letter came from. */
function foldedWithOrigins(text: string) {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldText(char);
    folded += piece;
    for (let i = 0; i < piece.length; i++) origin.push(index);
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

/** The query's words, folded, longest first (a longer word says more about why it matched). */
function wordsOf(query: string) {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2)
    .sort((a, b) => b.length - a.length);
}

/**
 * Where the words first occur: the whole word, else its start (Dutch full text matches stems:
 * "netwerken" finds "netwerk"). Null when the text does not show it (the match was elsewhere).
 */
function firstOccurrence(folded: string, words: string[]) {
  for (const candidates of [words, words.map((w) => w.slice(0, Math.max(4, w.length - 3)))]) {
    let best: { at: number; length: number } | null = null;
    for (const word of candidates) {
      const at = folded.indexOf(word);
      if (at >= 0 && (!best || at < best.at)) best = { at, length: word.length };
    }
    if (best) return best;
  }
  return null;
}

export function snippetOf(raw: string, query: string, width = 180): Snippet {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text) return { before: "", match: "", after: "" };
  const { folded, origin } = foldedWithOrigins(text);
  const found = firstOccurrence(folded, wordsOf(query));
  if (!found) {
    return { before: text.length > width ? `${cut(text, width)}…` : text, match: "", after: "" };
  }
  const from = origin[found.at] ?? 0;
  const to = origin[found.at + found.length] ?? text.length;
  // Some context before the match, the rest of the width after it; cut at spaces.
  let start = Math.max(0, from - Math.floor(width / 3));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < from ? space + 1 : start;
  }
  const end = Math.min(text.length, Math.max(to, start + width));
  const after = text.slice(to, end);
  const trimmedAfter = end < text.length ? `${cut(after, after.length)}…` : after;
  return {
    before: `${start > 0 ? "…" : ""}${text.slice(start, from)}`,
    match: text.slice(from, to),
    after: trimmedAfter,
  };
}

/** The text up to `length` characters, ending at the last space if there is one. */
function cut(text: string, length: number) {
  const piece = text.slice(0, length);
  const space = piece.lastIndexOf(" ");
  return space > length / 2 ? piece.slice(0, space) : piece;
}
