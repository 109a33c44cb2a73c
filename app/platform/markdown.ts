/**
 * The formatting people may use in posts and notes (paragraphs, "- " lists, **bold**, *italic*,
 * bare links), parsed once into parts: the page (app/ui/rich-text.tsx) and the mail
 * (mail-markdown.ts) render the same parts, so a post reads alike in both.
 */

export type Inline =
  | { type: "text"; value: string }
  | { type: "strong"; value: string }
  | { type: "em"; value: string }
  | { type: "link"; value: string };

export type Block = { type: "p"; lines: Inline[][] } | { type: "ul"; items: Inline[][] };

// Bold, italic, and a link without its closing punctuation.
const token = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|https?:\/\/[^\s<>()]+[^\s<>().,;:!?])/g;
const listItem = /^\s*[-*]\s+/;

export function parseInline(line: string): Inline[] {
  return line
    .split(token)
    .filter((part) => part !== "")
    .map((part): Inline => {
      if (/^\*\*[^*]+\*\*$/.test(part)) return { type: "strong", value: part.slice(2, -2) };
      if (/^\*[^*]+\*$/.test(part)) return { type: "em", value: part.slice(1, -1) };
      if (/^https?:\/\//.test(part)) return { type: "link", value: part };
      return { type: "text", value: part };
    });
}

export function parseMarkdown(text: string): Block[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((block) => block.replace(/^\n+|\n+$/g, ""))
    .filter((block) => block.trim() !== "")
    .map((block): Block => {
      const lines = block.split("\n");
      if (lines.every((line) => listItem.test(line))) {
        return { type: "ul", items: lines.map((line) => parseInline(line.replace(listItem, ""))) };
      }
      return { type: "p", lines: lines.map(parseInline) };
    });
}
