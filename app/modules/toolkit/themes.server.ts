import { and, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { initiatives, initiativeThemes, themeSchakels, themes } from "#app/db/schema/index.ts";
import { authorize } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { inSpace, loadTheme } from "./toolkit.internal.ts";
import type { ThemeInput } from "./toolkit.schema.ts";
import { spacePeople } from "./toolkit.server.ts";

export async function createTheme(db: Db, space: AuthorizedSpace, input: ThemeInput) {
  const { actor } = space;
  return db.transaction(async (tx) => {
    const people = await spacePeople(tx, space);
    if (!input.schakelIds.every((id) => people.some((p) => p.userId === id)))
      throw new FieldError("schakelIds", "error.toolkit.person");
    const linked = input.initiativeIds.length
      ? await tx
          .select({ id: initiatives.id })
          .from(initiatives)
          .where(and(inSpace(initiatives, space), inArray(initiatives.id, input.initiativeIds)))
      : [];
    if (linked.length !== new Set(input.initiativeIds).size)
      throw new FieldError("initiativeIds", "error.toolkit.initiative");
    const [row] = await tx
      .insert(themes)
      .values({
        spaceKind: space.kind,
        spaceId: space.id,
        name: input.name,
        kind: input.kind,
        description: input.description,
        schoolYear: input.schoolYear,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        renewedFromId: input.renewedFromId ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: themes.id });
    if (!row) throw new Error("theme not saved");
    if (input.schakelIds.length)
      await tx
        .insert(themeSchakels)
        .values([...new Set(input.schakelIds)].map((userId) => ({ themeId: row.id, userId })));
    // "Niet problematiseren maar thematiseren": related initiatives bundled under the new theme.
    if (input.initiativeIds.length)
      await tx
        .insert(initiativeThemes)
        .values(
          [...new Set(input.initiativeIds)].map((initiativeId) => ({
            initiativeId,
            themeId: row.id,
          })),
        )
        .onConflictDoNothing();
    return row.id;
  });
}

/**
 * Authorise before validating: a theme of this space, for everyone in it to contribute to (the
 * kennisweb, pilots, signing up) and for its schakels and the keepers to shape.
 */
export async function themeRights(db: DbOrTx, space: AuthorizedSpace, themeId: string) {
  const { canShape } = await loadTheme(db, space, themeId);
  return { canShape };
}

/** The analysis, the programme and the newsletter: the theme's schakels and the keepers. */
export function requireShape(rights: { canShape: boolean }) {
  authorize(rights.canShape);
}

/** The theme's header: its name, kind, year and schakels, and whether this actor shapes it. */
export async function getThemeHeader(db: DbOrTx, space: AuthorizedSpace, themeId: string) {
  return loadTheme(db, space, themeId);
}
