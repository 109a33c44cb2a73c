/**
 * Posts and notes in mail: the parts of markdown.ts as HTML and as text, so the HTML part and the
 * text part say the same. User text is never passed on as HTML: every character goes through
 * escapeHtml.
 */
import type { Block, Inline } from "./markdown.ts";

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
