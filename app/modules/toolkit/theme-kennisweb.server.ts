import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { kenniswebItems, storedFiles, themes, users } from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { isUuid } from "#app/platform/ids.ts";
import { cappedCount } from "#app/platform/paging.server.ts";
import { type Page, pageOf, pagerOf } from "#app/platform/paging.ts";
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

/** Items per page of the kennisweb panel. */
export const kenniswebPerPage = 20;

/**
 * The kennisweb panel: this theme's items and those of the themes it renews, newest first, a page
 * at a time; a search asks the stored Dutch search vector (its GIN index), not each item's text.
 */
export async function getKennisweb(
  db: DbOrTx,
  space: AuthorizedSpace,
  themeId: string,
  query = "",
  page: Page = { page: 1, perPage: kenniswebPerPage, offset: 0 },
) {
  const { theme } = await loadTheme(db, space, themeId);
  const themeIds = [theme.id, ...(await lineage(db, theme))];
  const q = query.trim();
  const where = and(
    inArray(kenniswebItems.themeId, themeIds),
    q ? sql`${kenniswebItems.searchVector} @@ websearch_to_tsquery('dutch', ${q})` : undefined,
  );
  const rows = await db
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
    .where(where)
    .orderBy(desc(kenniswebItems.createdAt), desc(kenniswebItems.id))
    .limit(page.perPage + 1)
    .offset(page.offset);
  const { rows: items, hasNext } = pageOf(rows, page);
  const total = await cappedCount(
    db,
    db.select({ id: kenniswebItems.id }).from(kenniswebItems).where(where).$dynamic(),
  );
  return {
    theme: { id: theme.id },
    kennisweb: items.map((item) => ({ ...item, earlier: item.themeId !== theme.id })),
    q,
    total,
    pager: pagerOf(page, total, hasNext),
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
