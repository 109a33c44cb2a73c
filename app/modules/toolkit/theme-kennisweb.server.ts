import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { kenniswebItems, storedFiles, themes, users } from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { loadTheme } from "./toolkit.internal.ts";

/** The earlier themes this one renews, oldest last: their knowledge comes back with it. */
async function lineage(db: DbOrTx, theme: { renewedFromId: string | null }) {
  const ids: string[] = [];
  let next = theme.renewedFromId;
  while (next && ids.length < 20 && !ids.includes(next)) {
    ids.push(next);
    const [row] = await db
      .select({ from: themes.renewedFromId })
      .from(themes)
      .where(eq(themes.id, next));
    next = row?.from ?? null;
  }
  return ids;
}

/** The kennisweb panel: this theme's items and those of the themes it renews, searchable. */
export async function getKennisweb(
  db: DbOrTx,
  space: AuthorizedSpace,
  themeId: string,
  query = "",
) {
  const { theme } = await loadTheme(db, space, themeId);
  const themeIds = [theme.id, ...(await lineage(db, theme))];
  const q = query.trim();
  const items = await db
    .select({
      id: kenniswebItems.id,
      themeId: kenniswebItems.themeId,
      kind: kenniswebItems.kind,
      title: kenniswebItems.title,
      body: kenniswebItems.body,
      url: kenniswebItems.url,
      fileId: kenniswebItems.fileId,
      fileName: storedFiles.name,
      createdAt: kenniswebItems.createdAt,
      authorName: users.name,
    })
    .from(kenniswebItems)
    .leftJoin(users, eq(users.id, kenniswebItems.createdBy))
    .leftJoin(storedFiles, eq(storedFiles.id, kenniswebItems.fileId))
    .where(
      and(
        inArray(kenniswebItems.themeId, themeIds),
        q
          ? sql`to_tsvector('dutch', ${kenniswebItems.title} || ' ' || ${kenniswebItems.body}) @@ websearch_to_tsquery('dutch', ${q})`
          : undefined,
      ),
    )
    .orderBy(desc(kenniswebItems.createdAt));
  return {
    theme: { id: theme.id },
    kennisweb: items.map((item) => ({ ...item, earlier: item.themeId !== theme.id })),
    q,
  };
}

export async function addKenniswebItem(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: {
    kind: "verhaal" | "uitspraak" | "activiteit" | "voorbeeld" | "document" | "link";
    title: string;
    body: string;
    url: string;
  },
  file: File | null = null,
) {
  await db.transaction(async (tx) => {
    const { theme } = await loadTheme(tx, space, themeId);
    const stored = file ? await storeUpload(tx, "file", file, space.actor.userId) : null;
    await tx.insert(kenniswebItems).values({
      themeId: theme.id,
      ...input,
      fileId: stored?.id ?? null,
      createdBy: space.actor.userId,
    });
  });
}

/** A kennisweb document, for the space's members: from this theme or one it renews. */
export async function kenniswebFile(
  db: DbOrTx,
  space: AuthorizedSpace,
  themeId: string,
  fileId: string,
) {
  const { theme } = await loadTheme(db, space, themeId);
  if (!isUuid(fileId)) notFound();
  const [item] = await db
    .select({ fileId: kenniswebItems.fileId })
    .from(kenniswebItems)
    .where(
      and(
        eq(kenniswebItems.fileId, fileId),
        inArray(kenniswebItems.themeId, [theme.id, ...(await lineage(db, theme))]),
      ),
    );
  if (!item) notFound();
  return fileId;
}
