import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { log } from "./logger.server.ts";

export interface ParsedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  attachments: File[];
  sizeBytes: number;
}

const maxMailBytes = 12 * 1024 * 1024;

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((a) => a.value)
    .map((a) => a.address ?? "")
    .filter(Boolean);

/** A raw RFC 5322 message as the parts the app uses. */
export async function parseMail(source: Buffer | NodeJS.ReadableStream, envelopeTo: string[] = []) {
  const mail = await simpleParser(source as Buffer);
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
  };
  return parsed;
}

export type InboundHandler = (
  mail: ParsedMail,
) => Promise<{ accepted: true } | { accepted: false; message: string }>;

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
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          const error = Object.assign(new Error("Bericht te groot (maximaal 12 MB)"), {
            responseCode: 552,
          });
          callback(error);
          return;
        }
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        parseMail(Buffer.concat(chunks), envelopeTo)
          .then((mail) => {
            const envelopeFrom = session.envelope.mailFrom;
            if (!mail.from && envelopeFrom) mail.from = envelopeFrom.address;
            return handle(mail);
          })
          .then((result) => {
            if (result.accepted) callback();
            else callback(Object.assign(new Error(result.message), { responseCode: 550 }));
          })
          .catch((error) => {
            log.error("inbound.failed", { error: String(error) });
            callback(
              Object.assign(new Error("Tijdelijke fout, probeer later"), { responseCode: 451 }),
            );
          });
      });
    },
  });
  server.on("error", (error) => log.error("inbound.smtp", { error: String(error) }));
  server.listen(port, host);
  return server;
}
