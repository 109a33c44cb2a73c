import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { DbOrTx } from "#app/db/client.server.ts";
import { storedFiles } from "#app/db/schema/index.ts";
import { FieldError } from "./forms.ts";
import { maxUploadBytes } from "./upload-limit.ts";

export { maxUploadBytes };

/** What we accept, by the file's own bytes (the browser's claimed type is not trusted). */
const allowedTypes = new Set([
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.presentation",
  "image/png",
  "image/jpeg",
]);

function looksLikePlainText(bytes: Buffer) {
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return false;
  const text = sample.toString("utf8");
  return !text.includes("\uFFFD") && !/<(script|html|svg|!doctype)/i.test(text);
}

/** The form's file field, or null when none was chosen (an empty file input sends size 0). */
export function uploadedFile(formData: FormData, field: string) {
  const value = formData.get(field);
  return value instanceof File && value.size > 0 ? value : null;
}

/** All files chosen in a multiple file field (empty inputs left out). */
export function uploadedFiles(formData: FormData, field: string) {
  return formData
    .getAll(field)
    .filter((value): value is File => value instanceof File && value.size > 0);
}

/** Validates and stores an upload; problems come back as a FieldError on the form field. */
export async function storeUpload(db: DbOrTx, field: string, file: File, uploadedBy: string) {
  if (file.size > maxUploadBytes) throw new FieldError(field, "file.tooLarge");
  const bytes = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  let contentType = detected?.mime as string | undefined;
  if (!detected && /\.(txt|md)$/i.test(file.name) && looksLikePlainText(bytes)) {
    contentType = "text/plain; charset=utf-8";
  }
  if (!contentType || (!allowedTypes.has(contentType) && !contentType.startsWith("text/plain"))) {
    throw new FieldError(field, "file.typeNotAllowed");
  }
  const name = file.name.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 120) || "bestand";
  const [stored] = await db
    .insert(storedFiles)
    .values({ name, contentType, size: bytes.length, content: bytes, uploadedBy })
    .returning({ id: storedFiles.id, name: storedFiles.name });
  if (!stored) throw new Error("file not stored");
  return stored;
}

export async function fileMeta(db: DbOrTx, id: string) {
  const [file] = await db
    .select({ id: storedFiles.id, name: storedFiles.name, size: storedFiles.size })
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  return file ?? null;
}

/** Serves a stored file as a download that the browser will never run or render in our origin. */
export async function fileResponse(db: DbOrTx, id: string) {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  if (!file) return new Response("Niet gevonden", { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    },
  });
}
