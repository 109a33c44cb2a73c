/** The line at the top of every notification; what is typed above it is the answer. */
export const replyMarker = "## Typ je antwoord boven deze regel ##";

const quoteIntro = /^(op|on)\s.+(schreef|wrote)\b.*:\s*$/i;
const forwardedHeader = /^-{2,}\s*(oorspronkelijk bericht|original message|doorgestuurd bericht)/i;

/**
 * The new text of an e-mail reply: everything before the quoted mail. Mail programs quote in
 * different ways ("> ", "Op … schreef …:", Outlook's "Van:" block, a signature after "-- "),
 * so each is a place to stop.
 */
export function stripQuotedReply(text: string) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const trimmed = line.trim();
    if (trimmed.includes(replyMarker.slice(3, -3).trim())) break;
    if (forwardedHeader.test(trimmed)) break;
    if (quoteIntro.test(trimmed)) break;
    // Gmail folds a long "Op … schreef" line in two.
    if (/^(op|on)\s/i.test(trimmed) && quoteIntro.test(`${trimmed} ${(lines[i + 1] ?? "").trim()}`))
      break;
    if (/^(van|from):\s/i.test(trimmed) && kept.some((k) => k.trim())) break;
    if (line === "-- " || trimmed === "--") break;
    if (trimmed.startsWith(">")) continue;
    kept.push(line);
  }
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** "Re: Re: AW: title" → "title" */
export function cleanSubject(subject: string) {
  return subject.replace(/^\s*((re|aw|fw|fwd|antw|doorst)\s*:\s*)+/i, "").trim();
}
