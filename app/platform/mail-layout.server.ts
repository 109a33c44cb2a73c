import { type Locale, translate } from "#app/i18n/messages.ts";
import { type MailKey, template } from "#app/i18n/translator.server.ts";
import { accent, blocksHtml, blocksText, escapeHtml, inlineHtml } from "./mail-markdown.ts";
import { parseInline, parseMarkdown } from "./markdown.ts";

/**
 * One mail, two parts from one template. The catalogue's body (app/i18n/mail) is formatted with a
 * placeholder for every value, so its structure — paragraphs, a link on its own line under the
 * sentence that introduces it — comes from our text only; a value (a name, a title, a post) is
 * put in afterwards, escaped for HTML and never read as structure. Values named as markdown (a
 * post, a note) are rendered with the rules of the site's rich text.
 */
export interface MailSource {
  locale: Locale;
  subject: string;
  body: MailKey;
  params: Record<string, string>;
  /** the params that hold someone's formatted text (a post, a note) */
  markdown?: readonly string[];
  footer: {
    /** why they got this mail, a sentence in their language */
    reason: string;
    /** where they change which mail they get */
    settingsUrl: string;
    /** the one-click stop for this kind of mail; absent for mail about the account itself */
    unsubscribeUrl?: string | null;
  };
}

const open = "\uE000";
const close = "\uE001";
const placeholder = new RegExp(`${open}(\\d+)${close}`, "g");
const selectArgument = /\{\s*(\w+)\s*,\s*(?:select|plural|selectordinal)\s*,/g;

type Piece =
  | { type: "blocks"; html: string; text: string }
  | { type: "button"; label: string | null; url: string; intro: string | null }
  | { type: "rule" }
  | { type: "lines"; lines: string[] };

const font = "font-family:'Source Sans 3','Segoe UI',Arial,Helvetica,sans-serif;";

function isUrl(value: string) {
  return /^https?:\/\/\S+$/.test(value);
}

export function renderMail(source: MailSource): { text: string; html: string } {
  const { locale, params } = source;
  const markdown = new Set(source.markdown ?? []);
  const names = Object.keys(params);
  // select/plural arguments steer the sentence: they get their real value, never a placeholder.
  const steering = new Set(
    [...template(locale, source.body).matchAll(selectArgument)].map((m) => m[1]),
  );
  const stand = Object.fromEntries(
    names.map((name, i) => [
      name,
      steering.has(name) ? (params[name] ?? "") : `${open}${i}${close}`,
    ]),
  );
  const filled = translate(locale, source.body, stand).replace(/\r\n?/g, "\n");
  const paramOf = (index: string) => params[names[Number(index)] as string] ?? "";
  const nameOf = (index: string) => names[Number(index)] as string;
  const only = (line: string) => {
    const match = line.trim().match(new RegExp(`^${open}(\\d+)${close}$`));
    return match ? (match[1] as string) : null;
  };

  const isMarker = (line: string) => {
    const index = only(line);
    return index !== null && nameOf(index) === "marker";
  };

  const pieces: Piece[] = [];
  for (const paragraph of filled.split(/\n{2,}/)) {
    const lines = paragraph.split("\n");
    const single = lines.length === 1 ? only(lines[0] as string) : null;
    if (single !== null && markdown.has(nameOf(single))) {
      const blocks = parseMarkdown(paramOf(single));
      pieces.push({ type: "blocks", html: blocksHtml(blocks), text: blocksText(blocks) });
      continue;
    }
    let run: string[] = [];
    const flush = () => {
      if (run.length) pieces.push({ type: "lines", lines: run });
      run = [];
    };
    for (const line of lines) {
      const index = only(line);
      if (index !== null && isUrl(paramOf(index))) {
        // "Bekijk de bijeenkomst:" right above a link becomes the button's label.
        const above = run.at(-1);
        const label =
          above?.trim().endsWith(":") && above.length <= 70 && !above.includes(open)
            ? above.trim().slice(0, -1)
            : null;
        if (label !== null) run.pop();
        flush();
        pieces.push({
          type: "button",
          label,
          url: paramOf(index),
          intro: label ? (above ?? null) : null,
        });
      } else if (line.trim() === "---") {
        flush();
        pieces.push({ type: "rule" });
      } else {
        run.push(line);
      }
    }
    flush();
  }

  const fillText = (line: string) =>
    line.replace(placeholder, (_, index: string) =>
      markdown.has(nameOf(index))
        ? blocksText(parseMarkdown(paramOf(index))).replace(/\n{2,}/g, "\n")
        : paramOf(index),
    );
  const fillHtml = (line: string) =>
    line
      .split(placeholder)
      .map((part, i) => {
        if (i % 2 === 0) return escapeHtml(part);
        const value = paramOf(part);
        if (markdown.has(nameOf(part))) return inlineHtml(parseInline(value.replace(/\n+/g, " ")));
        return isUrl(value) ? inlineHtml([{ type: "link", value }]) : escapeHtml(value);
      })
      .join("");

  const textParts = pieces.map((piece) => {
    if (piece.type === "blocks") return piece.text;
    if (piece.type === "rule") return "---";
    if (piece.type === "button") return piece.intro ? `${piece.intro}\n${piece.url}` : piece.url;
    return piece.lines.map(fillText).join("\n");
  });
  // A rule and the lines under it stay together, as the catalogue wrote them.
  const text = `${textParts
    .join("\n\n")
    .replace(/---\n\n/g, "---\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n\n-- \n${footerText(source)}\n`;

  const buttonLabel = translate(locale, "mail.layout.open");
  const bodyHtml = pieces
    .map((piece) => {
      if (piece.type === "blocks")
        return `<div style="margin:0 0 16px 0;padding:4px 0 4px 16px;border-left:3px solid #c9d8d5;">${piece.html}</div>`;
      if (piece.type === "rule")
        return `<hr style="border:0;border-top:1px solid #dde3e1;margin:8px 0 20px 0;">`;
      if (piece.type === "button") return button(piece.url, piece.label ?? buttonLabel);
      // The reply marker ("## Typ je antwoord boven deze regel ##") must stay in the mail for
      // reply parsing, but reads as a small grey note, not as the mail's first sentence.
      if (piece.lines.length === 1 && isMarker(piece.lines[0] as string))
        return `<p style="margin:0 0 16px 0;font-size:12px;color:#6b7774;">${piece.lines.map(fillHtml).join("")}</p>`;
      return `<p style="margin:0 0 16px 0;">${piece.lines.map(fillHtml).join("<br>")}</p>`;
    })
    .join("\n");

  const html = layout(source, bodyHtml);
  return { text, html };
}

function button(url: string, label: string) {
  const href = escapeHtml(url);
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:4px 0 20px 0;border-collapse:separate;"><tr><td bgcolor="${accent}" style="background:${accent};border-radius:6px;"><a href="${href}" style="display:inline-block;padding:12px 22px;${font}font-size:16px;font-weight:bold;line-height:20px;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(label)}</a></td></tr></table>`;
}

function footerText(source: MailSource) {
  const { locale, footer } = source;
  const lines = [footer.reason, "", translate(locale, "mail.layout.settings"), footer.settingsUrl];
  if (footer.unsubscribeUrl) {
    lines.push("", translate(locale, "mail.layout.unsubscribe"), footer.unsubscribeUrl);
  }
  return lines.join("\n");
}

function footerHtml(source: MailSource) {
  const { locale, footer } = source;
  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}" style="color:${accent};text-decoration:underline;">${escapeHtml(label)}</a>`;
  const settings = link(footer.settingsUrl, translate(locale, "mail.layout.settingsLink"));
  const stop = footer.unsubscribeUrl
    ? ` · ${link(footer.unsubscribeUrl, translate(locale, "mail.layout.unsubscribeLink"))}`
    : "";
  return `<p style="margin:0 0 8px 0;">${escapeHtml(footer.reason)}</p><p style="margin:0;">${settings}${stop}</p>`;
}

function layout(source: MailSource, bodyHtml: string) {
  const { locale } = source;
  const tagline = translate(locale, "mail.footer");
  return `<!DOCTYPE html>
<html lang="${locale}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(source.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#eef2f1;-webkit-text-size-adjust:100%;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#eef2f1" style="background:#eef2f1;">
<tr><td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="max-width:600px;background:#ffffff;border:1px solid #d5dedb;border-radius:8px;border-collapse:separate;">
<tr><td style="padding:20px 32px 16px 32px;border-bottom:4px solid ${accent};${font}font-size:22px;font-weight:bold;letter-spacing:0.2px;color:${accent};">Knooppunt</td></tr>
<tr><td style="padding:28px 32px 12px 32px;${font}font-size:16px;line-height:24px;color:#1d2624;word-wrap:break-word;overflow-wrap:anywhere;">
${bodyHtml}
</td></tr>
<tr><td style="padding:18px 32px 22px 32px;background:#f6f8f7;border-top:1px solid #e2e8e6;border-radius:0 0 8px 8px;${font}font-size:13px;line-height:19px;color:#4d5a57;">
${footerHtml(source)}
<p style="margin:10px 0 0 0;color:#6b7774;">${escapeHtml(tagline)}</p>
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}
