import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { themeSchakels, themes } from "#app/db/schema/index.ts";
import { authorize } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { inSpace } from "./toolkit.internal.ts";

/**
 * The clean slate of chapter 4: at the start of a school year every open theme of earlier years
 * is closed, or deliberately renewed for the new year (same name, kind and schakels, pointing
 * back to the old one so its knowledge comes back). All decisions or none.
 */
export async function cleanSlate(
  db: Db,
  space: AuthorizedSpace,
  newYear: string,
  decisions: Record<string, "close" | "renew">,
) {
  const { actor } = space;
  return db.transaction(async (tx) => {
    authorize(space.isKeeper);
    const open = await tx
      .select()
      .from(themes)
      .where(
        and(
          inSpace(themes, space),
          isNull(themes.closedAt),
          sql`${themes.schoolYear} < ${newYear}`,
        ),
      );
    const undecided = open.filter((t) => !decisions[t.id]);
    if (undecided.length) throw new FieldError("form", "error.toolkit.undecided");
    const now = new Date();
    let renewed = 0;
    for (const theme of open) {
      await tx.update(themes).set({ closedAt: now }).where(eq(themes.id, theme.id));
      if (decisions[theme.id] !== "renew") continue;
      const [copy] = await tx
        .insert(themes)
        .values({
          spaceKind: theme.spaceKind,
          spaceId: theme.spaceId,
          name: theme.name,
          kind: theme.kind,
          description: theme.description,
          schoolYear: newYear,
          renewedFromId: theme.id,
          createdBy: actor.userId,
        })
        .returning({ id: themes.id });
      const schakels = await tx
        .select({ userId: themeSchakels.userId })
        .from(themeSchakels)
        .where(eq(themeSchakels.themeId, theme.id));
      if (copy && schakels.length)
        await tx
          .insert(themeSchakels)
          .values(schakels.map((s) => ({ themeId: copy.id, userId: s.userId })));
      renewed++;
    }
    return { closed: open.length - renewed, renewed };
  });
}

/** Open themes from before this school year: what the clean slate has to decide on. */
export async function themesToDecide(db: DbOrTx, space: AuthorizedSpace, newYear: string) {
  return db
    .select()
    .from(themes)
    .where(
      and(inSpace(themes, space), isNull(themes.closedAt), sql`${themes.schoolYear} < ${newYear}`),
    )
    .orderBy(asc(themes.name));
}
