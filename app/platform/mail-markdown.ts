/**
 * The formatting people may use in posts and notes, for mail: the rules of app/ui/rich-text.tsx
 * (paragraphs, "- " lists, **bold**, *italic*, bare links), parsed once into parts so the HTML
 * part and the text part say the same. User text is never passed on as HTML: every character
 * goes through escapeHtml.
 */

export type Inline =
  | { type: "text"; value: string }
  | { type: "strong"; value: string }
  | { type: "em"; value: string }
  | { type: "link"; value: string };

export type Block = { type: "p"; lines: Inline[][] } | { type: "ul"; items: Inline[][] };

// The same token rule as rich-text.tsx: bold, italic, and a link without its closing punctuation.
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

export function escapeHtml(value: string) {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export const accent = "#0b6359";

export function inlineHtml(parts: Inline[]) {
  return parts
    .map((part) => {
      const value = escapeHtml(part.value);
      if (part.type === "strong") return `<strong>${value}</strong>`;
      if (part.type === "em") return `<em>${value}</em>`;
      if (part.type === "link")
        return `<a href="${value}" style="color:${accent};text-decoration:underline;word-break:break-all">${value}</a>`;
      return value;
    })
    .join("");
}

/** Plain text: the words without their asterisks, links as the full address. */
function inlineText(parts: Inline[]) {
  return parts.map((part) => part.value).join("");
}

const paragraphStyle = "margin:0 0 16px 0;";

export function blocksHtml(blocks: Block[]) {
  return blocks
    .map((block) =>
      block.type === "ul"
        ? `<ul style="margin:0 0 16px 0;padding:0 0 0 24px;">${block.items.map((item) => `<li style="margin:0 0 4px 0;">${inlineHtml(item)}</li>`).join("")}</ul>`
        : `<p style="${paragraphStyle}">${block.lines.map(inlineHtml).join("<br>")}</p>`,
    )
    .join("\n");
}

export function blocksText(blocks: Block[]) {
  return blocks
    .map((block) =>
      block.type === "ul"
        ? block.items.map((item) => `- ${inlineText(item)}`).join("\n")
        : block.lines.map(inlineText).join("\n"),
    )
    .join("\n\n");
}
