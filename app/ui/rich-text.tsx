import { Fragment, type ReactNode } from "react";

/**
 * Basic formatting for posts and notes, rendered as React elements (never as HTML, so
 * "<script>" in a post is only text): paragraphs, "- " lists, **bold**, *italic* and links.
 */
export function RichText({ text }: { text: string }) {
  const blocks = text.replace(/\r\n?/g, "\n").split(/\n{2,}/);
  return (
    <div className="flex flex-col gap-2 break-words">
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        const key = `${i}-${block.slice(0, 12)}`;
        if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
          return (
            <ul key={key} className="list-disc pl-6">
              {lines.map((line, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
                <li key={`${j}-${line}`}>{inline(line.replace(/^\s*[-*]\s+/, ""))}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={key}>
            {lines.map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
              <Fragment key={`${j}-${line}`}>
                {j > 0 ? <br /> : null}
                {inline(line)}
              </Fragment>
            ))}
          </p>
        );
      })}
    </div>
  );
}

const token = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|https?:\/\/[^\s<>()]+[^\s<>().,;:!?])/g;

function inline(line: string): ReactNode[] {
  return line.split(token).map((part, i) => {
    const key = `${i}-${part}`;
    if (/^\*\*[^*]+\*\*$/.test(part)) return <strong key={key}>{part.slice(2, -2)}</strong>;
    if (/^\*[^*]+\*$/.test(part)) return <em key={key}>{part.slice(1, -1)}</em>;
    if (/^https?:\/\//.test(part))
      return (
        <a key={key} href={part} className="text-accent-700 underline" rel="noopener nofollow ugc">
          {part}
        </a>
      );
    return part;
  });
}
