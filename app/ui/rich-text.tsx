import { Fragment } from "react";
import { type Inline, parseMarkdown } from "#app/platform/markdown.ts";

/**
 * Basic formatting for posts and notes, rendered as React elements (never as HTML, so
 * "<script>" in a post is only text): paragraphs, "- " lists, **bold**, *italic* and links, parsed
 * by the same rules as the mail (app/platform/markdown.ts).
 */
export function RichText({ text }: { text: string }) {
  return (
    <div className="flex flex-col gap-2 break-words">
      {parseMarkdown(text).map((block, i) =>
        block.type === "ul" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
          <ul key={i} className="list-disc pl-6">
            {block.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
          <p key={i}>
            {block.lines.map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                {inline(line)}
              </Fragment>
            ))}
          </p>
        ),
      )}
    </div>
  );
}

function inline(parts: Inline[]) {
  return parts.map((part, i) => {
    if (part.type === "strong")
      // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
      return <strong key={i}>{part.value}</strong>;
    // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
    if (part.type === "em") return <em key={i}>{part.value}</em>;
    if (part.type === "link")
      return (
        <a
          // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
          key={i}
          href={part.value}
          className="text-accent-700 underline"
          rel="noopener nofollow ugc"
        >
          {part.value}
        </a>
      );
    // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
    return <Fragment key={i}>{part.value}</Fragment>;
  });
}
