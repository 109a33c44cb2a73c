import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { log } from "#app/core/logger.server.ts";

export interface ParsedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  attachments: File[];
  sizeBytes: number;
  /** the values of every Authentication-Results header, top (newest) first */
  authenticationResults: string[];
}

export const maxMailBytes = 12 * 1024 * 1024;

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((a) => a.value)
    .map((a) => a.address ?? "")
    .filter(Boolean);

/** A raw RFC 5322 message as the parts the app uses. */
async function parseMail(source: Buffer, envelopeTo: string[] = []) {
  const mail = await simpleParser(source);
  const to = [...envelopeTo, ...addresses(mail.to), ...addresses(mail.cc)];
  const attachments = mail.attachments.map(
    (a) =>
      new File([new Uint8Array(a.content)], a.filename ?? "bijlage", {
        type: a.contentType,
      }),
  );
  const parsed: ParsedMail = {
    from: addresses(mail.from)[0] ?? "",
    to: [...new Set(to.map((a) => a.toLowerCase()))],
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    attachments,
    sizeBytes: attachments.reduce((sum, file) => sum + file.size, 0) + (mail.text?.length ?? 0),
    authenticationResults: mail.headerLines
      .filter((h) => h.key === "authentication-results")
      .map((h) =>
        h.line
          .replace(/^[^:]*:/, "")
          .replace(/\r?\n[ \t]+/g, " ")
          .trim(),
      ),
  };
  return parsed;
}

type LimitedRead =
  | { tooLarge: false; bytes: Buffer }
  | { tooLarge: true; bytesSeen: number; mostBytesHeld: number };

/**
 * Reads a body while counting its bytes: past `limit` it stops keeping chunks, so memory does
 * not grow with what a sender pushes (chunked HTTP or SMTP DATA). With `drain` it reads on
 * to the end without keeping anything (SMTP must see the final dot before it can answer 552);
 * without, it stops reading at once.
 */
export async function readAtMost(
  source: AsyncIterable<Uint8Array>,
  limit: number,
  { drain }: { drain: boolean },
): Promise<LimitedRead> {
  let chunks: Uint8Array[] = [];
  let bytesSeen = 0;
  let mostBytesHeld = 0;
  for await (const chunk of source) {
    bytesSeen += chunk.byteLength;
    if (bytesSeen > limit) {
      chunks = [];
      if (!drain) break;
      continue;
    }
    chunks.push(chunk);
    mostBytesHeld = bytesSeen;
  }
  if (bytesSeen > limit) return { tooLarge: true, bytesSeen, mostBytesHeld };
  return { tooLarge: false, bytes: Buffer.concat(chunks) };
}

/**
 * The webhook's body (the raw message), read with a byte counter: a chunked body has no
 * Content-Length to check first. Null when it is larger than a mail may be.
 */
export async function readInboundRequest(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > maxMailBytes) return null;
  const read = request.body
    ? // Node's web streams are async iterable; TypeScript's DOM types do not say so yet.
      await readAtMost(request.body as unknown as AsyncIterable<Uint8Array>, maxMailBytes, {
        drain: false,
      })
    : { tooLarge: false as const, bytes: Buffer.alloc(0) };
  if (read.tooLarge) return null;
  const envelopeTo = (request.headers.get("x-envelope-to") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  return parseMail(read.bytes, envelopeTo);
}

interface AuthResult {
  method: string;
  result: string;
  properties: Record<string, string>;
}

/** Drops RFC 5322 comments "(…)" (they may nest) outside quoted strings. */
function withoutComments(value: string) {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quoted) {
      out += c;
      if (c === "\\") out += value[++i] ?? "";
      else if (c === '"') quoted = false;
    } else if (depth > 0) {
      if (c === "\\") i++;
      else if (c === "(") depth++;
      else if (c === ")") depth--;
    } else if (c === "(") {
      depth = 1;
      out += " ";
    } else {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return out;
}

function splitOutsideQuotes(value: string, separator: string) {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? "";
    if (c === "\\" && quoted) {
      current += c + (value[++i] ?? "");
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** One Authentication-Results header (RFC 8601): who added it, and its method results. */
function parseAuthenticationResults(value: string) {
  const [head = "", ...segments] = splitOutsideQuotes(withoutComments(value), ";");
  const authservId = head.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  const results: AuthResult[] = [];
  for (const segment of segments) {
    // A value runs to the next space, quoted parts included: `"x@school.test"@evil.example` is
    // one value (whose domain is evil.example), not a quoted school.test address.
    const pairs = [...segment.matchAll(/([^\s=]+)\s*=\s*((?:"(?:[^"\\]|\\.)*"|[^\s"])+)/g)].map(
      ([, key = "", raw = ""]) => [key.toLowerCase(), raw] as const,
    );
    const [first, ...rest] = pairs;
    if (!first) continue;
    results.push({
      method: first[0].split("/")[0] ?? "",
      result: first[1].toLowerCase(),
      properties: Object.fromEntries(rest),
    });
  }
  return { authservId, results };
}

/** The domain of an address or domain value; a value with quotes in it vouches for nothing. */
const domainOf = (value: string | undefined) =>
  !value || value.includes('"')
    ? ""
    : (value.trim().toLowerCase().split("@").pop()?.replace(/\.$/, "") ?? "");

/**
 * Relaxed alignment without a public-suffix list: the same domain, or one a subdomain of the
 * other. Either way only whoever controls the From: domain's DNS can have produced the pass.
 */
function aligned(domain: string, fromDomain: string) {
  if (!domain || !fromDomain) return false;
  if (domain === fromDomain) return true;
  const [shorter, longer] =
    domain.length < fromDomain.length ? [domain, fromDomain] : [fromDomain, domain];
  return shorter.includes(".") && longer.endsWith(`.${shorter}`);
}

/**
 * Does a relay we trust vouch for the From: address's domain? Only Authentication-Results
 * headers with the trusted authserv-id count (anyone can add a header with another id, and
 * the relay removes forged copies of its own, RFC 8601 §5): a DMARC pass for the From:
 * domain, or an SPF or DKIM pass for a domain aligned with it.
 */
export function senderAuthenticated(
  headers: string[],
  from: string,
  trustedAuthservId: string | undefined,
) {
  const trusted = trustedAuthservId?.trim().toLowerCase();
  const fromDomain = from.includes("@") ? domainOf(from) : "";
  if (!trusted || !fromDomain) return false;
  return (
    headers
      .map(parseAuthenticationResults)
      .filter((header) => header.authservId === trusted)
      // Our relay adds its header on top; only that one is its word (older ones came with the mail).
      .slice(0, 1)
      .flatMap((header) => header.results)
      .some(({ method, result, properties }) => {
        if (result !== "pass") return false;
        if (method === "dmarc") return domainOf(properties["header.from"]) === fromDomain;
        if (method === "spf") return aligned(domainOf(properties["smtp.mailfrom"]), fromDomain);
        if (method === "dkim") {
          // header.d is the signing domain; header.i is a claim inside it and adds nothing.
          return aligned(domainOf(properties["header.d"]), fromDomain);
        }
        return false;
      })
  );
}

export type InboundHandler = (
  mail: ParsedMail,
) => Promise<{ accepted: true } | { accepted: false; message: string }>;

const tooLargeReply = () =>
  Object.assign(new Error("Bericht te groot (maximaal 12 MB)"), { responseCode: 552 });

/**
 * The app's own SMTP endpoint for replies and new topics (INBOUND_SMTP_PORT). Put it behind the
 * mail exchanger of the inbound domain; every app process may run one.
 */
export function startInboundSmtp(port: number, host: string, handle: InboundHandler) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    size: maxMailBytes,
    banner: "Knooppunt",
    onData(stream, session, callback) {
      readAtMost(stream, maxMailBytes, { drain: true })
        .then(async (read) => {
          if (read.tooLarge || (stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            log.warn("inbound.too_large", {
              bytes: read.tooLarge ? read.bytesSeen : read.bytes.length,
            });
            callback(tooLargeReply());
            return;
          }
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const mail = await parseMail(read.bytes, envelopeTo);
          const envelopeFrom = session.envelope.mailFrom;
          if (!mail.from && envelopeFrom) mail.from = envelopeFrom.address;
          const result = await handle(mail);
          if (result.accepted) callback();
          else callback(Object.assign(new Error(result.message), { responseCode: 550 }));
        })
        .catch((error) => {
          log.error("inbound.failed", { error: String(error) });
          callback(
            Object.assign(new Error("Tijdelijke fout, probeer later"), { responseCode: 451 }),
          );
        });
    },
  });
  server.on("error", (error) => log.error("inbound.smtp", { error: String(error) }));
  server.listen(port, host);
  return server;
}
