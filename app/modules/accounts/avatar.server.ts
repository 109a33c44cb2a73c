import { and, eq, isNull, sql } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import type { DbOrTx } from "#app/db/client.server.ts";
import { storedFiles, users } from "#app/db/schema/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { maxUploadBytes } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { canEditProfile, canViewProfiles } from "./accounts.policy.ts";

/**
 * The photo's file id for a select list that shows people who may be disabled (an author, a
 * member): their photo is no longer served, so they get initials instead of a broken image.
 */
export const shownAvatarFileId = sql<
  string | null
>`case when ${users.disabledAt} is null then ${users.avatarFileId} end`;

/** The form field; its errors are shown next to it. */
export const avatarField = "photo";

/** Photos are shown at most 32 px (64 on a sharp screen) and on the person's page larger. */
const side = 256;

/** Known by their own bytes, never by the name or the browser's claimed type. */
const photoTypes = new Set(["image/jpeg", "image/png", "image/webp"]);

/**
 * A photo may be 10 MB, but a small file can unpack to a huge bitmap (a "decompression bomb"):
 * 40 megapixels covers every phone camera and refuses the rest before it is decoded.
 */
const maxInputPixels = 40_000_000;

/**
 * Turns an upload into the stored photo: upright by its EXIF orientation, then cut to a square
 * and re-encoded, which leaves every piece of metadata behind (sharp keeps none unless asked):
 * no GPS position, camera or date travels from someone's phone to the other members.
 */
/** A photo checked and re-encoded (preparePhoto), ready to store. */
export interface PreparedPhoto {
  content: Buffer;
}

/**
 * Checks and re-encodes an upload. Decoding a large image takes a while: callers that store it in
 * a transaction prepare it first, so no transaction (PGlite has one connection) waits on sharp.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  return { content: await processPhoto(file) };
}

async function processPhoto(file: File) {
  if (file.size > maxUploadBytes) throw new FieldError(avatarField, "file.tooLarge");
  const bytes = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !photoTypes.has(detected.mime)) {
    throw new FieldError(avatarField, "profile.photo.typeNotAllowed");
  }
  try {
    return await sharp(bytes, { limitInputPixels: maxInputPixels, failOn: "error" })
      .rotate()
      .resize(side, side, { fit: "cover" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    // A truncated or corrupt image, or one past the pixel limit.
    throw new FieldError(avatarField, "profile.photo.unreadable");
  }
}

/** Sets (or replaces) a person's photo; the previous photo's file is deleted. */
export async function setAvatar(
  db: DbOrTx,
  actor: MaybeActor,
  userId: string,
  photo: File | PreparedPhoto,
) {
  authorize(canEditProfile(actor, userId));
  const content = photo instanceof File ? await processPhoto(photo) : photo.content;
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(storedFiles)
      .values({
        name: "profielfoto.webp",
        contentType: "image/webp",
        size: content.length,
        content,
        uploadedBy: actor?.userId ?? userId,
      })
      .returning({ id: storedFiles.id });
    if (!stored) throw new Error("photo not stored");
    await replaceAvatar(tx, userId, stored.id);
    return stored.id;
  });
}

/** Removes a person's photo (initials are shown again) and deletes its file. */
export async function removeAvatar(db: DbOrTx, actor: MaybeActor, userId: string) {
  authorize(canEditProfile(actor, userId));
  await db.transaction((tx) => replaceAvatar(tx, userId, null));
}

async function replaceAvatar(tx: DbOrTx, userId: string, fileId: string | null) {
  // Locked, so two uploads at once cannot both keep the same old file id and leave one orphaned.
  const [current] = await tx
    .select({ fileId: users.avatarFileId })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!current) notFound();
  await tx.update(users).set({ avatarFileId: fileId }).where(eq(users.id, userId));
  if (current.fileId && current.fileId !== fileId) {
    await tx.delete(storedFiles).where(eq(storedFiles.id, current.fileId));
  }
}

/**
 * The photo for whoever may see the person (every signed-in member, like /mensen); a disabled
 * or erased person, one without a photo or an unknown id is a 404.
 */
export async function getAvatar(db: DbOrTx, actor: MaybeActor, userId: string) {
  authorize(canViewProfiles(actor), "not-found");
  if (!isUuid(userId)) notFound();
  const [photo] = await db
    .select({
      id: storedFiles.id,
      contentType: storedFiles.contentType,
      content: storedFiles.content,
    })
    .from(users)
    .innerJoin(storedFiles, eq(storedFiles.id, users.avatarFileId))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!photo) notFound();
  return photo;
}
