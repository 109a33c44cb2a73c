import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { storedFiles, users } from "#app/db/schema/index.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { actorFor, buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { getAvatar, removeAvatar, setAvatar } from "./avatar.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/**
 * A phone photo: 400×200, left half red and right half blue, stored sideways with EXIF
 * orientation 6 (turn 90° clockwise to view), and the place it was taken in its GPS block.
 */
async function phonePhoto() {
  const blue = await sharp({
    create: { width: 200, height: 200, channels: 3, background: "#0000ff" },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width: 400, height: 200, channels: 3, background: "#ff0000" } })
    .composite([{ input: blue, left: 200, top: 0 }])
    .jpeg()
    .withExif({
      IFD0: { Make: "Telefoonmerk", Model: "Model X" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 5/1 24/1", GPSLongitudeRef: "E" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const fileOf = (bytes: Buffer | string, name: string, type = "image/jpeg") =>
  new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });

async function storedPhoto(userId: string) {
  const [row] = await database.db
    .select({
      fileId: users.avatarFileId,
      content: storedFiles.content,
      type: storedFiles.contentType,
    })
    .from(users)
    .leftJoin(storedFiles, eq(storedFiles.id, users.avatarFileId))
    .where(eq(users.id, userId));
  return row;
}

async function fileExists(id: string) {
  const rows = await database.db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  return rows.length === 1;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldError);
  return { field: (error as FieldError).field, message: (error as FieldError).messageKey };
}

describe("profile photo", () => {
  it("comes out upright, 256 px square, as WebP, without any EXIF (no GPS, no camera)", async () => {
    const { db } = database;
    const user = await buildUser(db);
    const actor = await actorFor(db, user);
    const original = await phonePhoto();
    const before = await sharp(original).metadata();
    expect(before).toMatchObject({ orientation: 6, width: 400, height: 200 });
    expect(before.exif?.includes(Buffer.from("Telefoonmerk"))).toBe(true);

    await setAvatar(db, actor, user.id, fileOf(original, "IMG_0001.JPG"));

    const stored = await storedPhoto(user.id);
    expect(stored?.type).toBe("image/webp");
    const content = stored?.content as Buffer;
    const meta = await sharp(content).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 256, height: 256 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(content.includes(Buffer.from("Telefoonmerk"))).toBe(false);
    expect(content.includes(Buffer.from("GPS"))).toBe(false);
    // Turned by its orientation: the left (red) half is now on top, the blue below.
    const { data, info } = await sharp(content).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray(
        (y * info.width + x) * info.channels,
        (y * info.width + x) * info.channels + 3,
      ),
    ];
    const [topRed, , topBlue] = pixel(128, 20);
    const [bottomRed, , bottomBlue] = pixel(128, 235);
    expect(topRed).toBeGreaterThan(200);
    expect(topBlue).toBeLessThan(60);
    expect(bottomBlue).toBeGreaterThan(200);
    expect(bottomRed).toBeLessThan(60);
  });

  it("knows a photo by its bytes: a PNG named .jpg is taken as a PNG, anything else is refused with the Dutch message", async () => {
    const { db } = database;
    const user = await buildUser(db);
    const actor = await actorFor(db, user);
    const png = await sharp({
      create: { width: 300, height: 300, channels: 4, background: "#00ff00" },
    })
      .png()
      .toBuffer();
    await setAvatar(db, actor, user.id, fileOf(png, "vakantie.jpg"));
    expect((await storedPhoto(user.id))?.type).toBe("image/webp");

    const refused = [
      fileOf(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>',
        "foto.jpg",
      ),
      fileOf("<!doctype html><html><script>alert(1)</script></html>", "foto.jpg"),
      fileOf(
        await sharp({ create: { width: 9, height: 9, channels: 3, background: "#000" } })
          .gif()
          .toBuffer(),
        "foto.png",
        "image/png",
      ),
      fileOf("%PDF-1.4\n%âãÏÓ\n", "foto.jpg"),
    ];
    for (const file of refused) {
      expect(await refusal(setAvatar(db, actor, user.id, file))).toEqual({
        field: "photo",
        message: "profile.photo.typeNotAllowed",
      });
    }
    // A JPEG cut off halfway is a JPEG by its first bytes, but no photo.
    const broken = (await phonePhoto()).subarray(0, 300);
    expect(await refusal(setAvatar(db, actor, user.id, fileOf(broken, "half.jpg")))).toEqual({
      field: "photo",
      message: "profile.photo.unreadable",
    });
    const oversized = fileOf(Buffer.alloc(10 * 1024 * 1024 + 1), "groot.jpg");
    expect(await refusal(setAvatar(db, actor, user.id, oversized))).toEqual({
      field: "photo",
      message: "file.tooLarge",
    });
    // The PNG from before is still the photo.
    expect((await storedPhoto(user.id))?.type).toBe("image/webp");
  });

  it("replacing deletes the old file; removing deletes the photo and shows initials again", async () => {
    const { db } = database;
    const user = await buildUser(db);
    const actor = await actorFor(db, user);
    const first = await setAvatar(db, actor, user.id, fileOf(await phonePhoto(), "a.jpg"));
    const second = await setAvatar(db, actor, user.id, fileOf(await phonePhoto(), "b.jpg"));
    expect(second).not.toBe(first);
    expect(await fileExists(first)).toBe(false);
    expect(await fileExists(second)).toBe(true);
    expect((await storedPhoto(user.id))?.fileId).toBe(second);

    await removeAvatar(db, actor, user.id);
    expect(await fileExists(second)).toBe(false);
    expect((await storedPhoto(user.id))?.fileId).toBeNull();
  });

  it("only the person (or a platform admin) changes it; signed-in members see it, a disabled person's is gone", async () => {
    const { db } = database;
    const owner = await buildUser(db);
    const other = await actorFor(db, await buildUser(db));
    const photo = fileOf(await phonePhoto(), "a.jpg");
    await expect(setAvatar(db, other, owner.id, photo)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeAvatar(db, null, owner.id)).rejects.toBeInstanceOf(ForbiddenError);

    const fileId = await setAvatar(db, await actorFor(db, owner), owner.id, photo);
    expect((await getAvatar(db, other, owner.id)).id).toBe(fileId);
    await expect(getAvatar(db, null, owner.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAvatar(db, other, "geen-id")).rejects.toBeInstanceOf(NotFoundError);
    const withoutPhoto = await buildUser(db);
    await expect(getAvatar(db, other, withoutPhoto.id)).rejects.toBeInstanceOf(NotFoundError);

    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, owner.id));
    await expect(getAvatar(db, other, owner.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is in the person's data export, and erasure deletes it", async () => {
    const { db } = database;
    const user = await buildUser(db);
    const fileId = await setAvatar(
      db,
      await actorFor(db, user),
      user.id,
      fileOf(await phonePhoto(), "a.jpg"),
    );

    const exported = await personalDataProvider.export(db, user.id);
    expect(exported.files).toEqual([{ storedFileId: fileId, name: "profielfoto.webp" }]);
    expect(exported.data).toMatchObject({ profile: { photo: "profielfoto.webp" } });

    await db.transaction((tx) => personalDataProvider.erase(tx, user.id));
    expect(await fileExists(fileId)).toBe(false);
    expect((await storedPhoto(user.id))?.fileId).toBeNull();
  });
});
