import type { PDFFont } from "@cantoo/pdf-lib";

/**
 * The standard PDF fonts (Helvetica) speak WinAnsi, which covers Dutch (é, ë, ï, ó, €, curly
 * quotes, dashes). Only the ĳ ligature and the rest of Unicode fall outside: ĳ becomes ij, any
 * other character the font cannot draw a question mark, so a name never breaks the document.
 */
export function pdfSafe(text: string, font: PDFFont) {
  const known = charsetOf(font);
  return text
    .replace(/\u0133/g, "ij")
    .replace(/\u0132/g, "IJ")
    .replace(/[\u2010\u2011]/g, "-")
    .replace(/\s/g, (space) => (space === "\u00A0" ? space : " "))
    .replace(/./gu, (char) => (known.has(char.codePointAt(0) ?? 0) ? char : "?"));
}

const charsets = new WeakMap<PDFFont, Set<number>>();
function charsetOf(font: PDFFont) {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  return set;
}

/** Breaks text into lines that fit `width` points at `size`; a single over-long word stays whole. */
export function wrapText(text: string, font: PDFFont, size: number, width: number) {
  const lines: string[] = [];
  let line = "";
  for (const word of pdfSafe(text, font).split(/ +/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const longDate = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "6 oktober 2026": the way a certificate or a letter writes a date. */
export function longDutchDate(date: Date | string) {
  return longDate.format(typeof date === "string" ? new Date(`${date}T12:00:00Z`) : date);
}

/** A calendar day ("2026-10-06") as the Date a spreadsheet cell holds (midnight UTC, no shift). */
export function spreadsheetDay(day: string) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}
