import { and, asc, eq, ne } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  initiatives,
  initiativeThemes,
  programmeSignups,
  themeAnalyses,
  themeMoments,
  users,
} from "#app/db/schema/index.ts";
import { authorize } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { loadTheme } from "./toolkit.internal.ts";

/** The theme analysis panel: the canvas, its timeline's moments, and the theme's network. */
export async function getThemeAnalysis(db: DbOrTx, space: AuthorizedSpace, themeId: string) {
  const { theme, schakels, canShape } = await loadTheme(db, space, themeId);
  const [analysis] = await db
    .select()
    .from(themeAnalyses)
    .where(eq(themeAnalyses.themeId, theme.id));
  const moments = await db
    .select()
    .from(themeMoments)
    .where(eq(themeMoments.themeId, theme.id))
    .orderBy(asc(themeMoments.heldOn));
  const linked = await db
    .select({ id: initiatives.id, name: initiatives.name, completedAt: initiatives.completedAt })
    .from(initiativeThemes)
    .innerJoin(initiatives, eq(initiatives.id, initiativeThemes.initiativeId))
    .where(eq(initiativeThemes.themeId, theme.id))
    .orderBy(asc(initiatives.name));
  // Who thinks and does along (not the newsletter's readers): part of the theme's network.
  const signups = await db
    .select({ userId: users.id, name: users.name, group: programmeSignups.group })
    .from(programmeSignups)
    .innerJoin(users, eq(users.id, programmeSignups.userId))
    .where(and(eq(programmeSignups.themeId, theme.id), ne(programmeSignups.group, "nieuwsbrief")))
    .orderBy(asc(users.name));
  return {
    analysis: analysis ?? null,
    moments,
    initiatives: linked,
    schakels,
    signups,
    canShape,
  };
}

/** The canvas of figure 7.3; the timeline may not end before it starts. */
export async function saveThemeAnalysis(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: {
    words: string[];
    chosenName: string;
    remarks: string;
    story: string;
    ideas: string;
    startsOn: string | null;
    manifestationOn: string | null;
    manifestation: string;
  },
) {
  const { theme, canShape } = await loadTheme(db, space, themeId);
  authorize(canShape);
  if (input.startsOn && input.manifestationOn && input.manifestationOn < input.startsOn)
    throw new FieldError("manifestationOn", "error.toolkit.endBeforeStart");
  if (input.chosenName && !input.words.includes(input.chosenName))
    throw new FieldError("chosenName", "error.themeAnalysis.chosen");
  await db
    .insert(themeAnalyses)
    .values({ themeId: theme.id, ...input, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: themeAnalyses.themeId,
      set: { ...input, updatedAt: new Date() },
    });
}

export async function addMoment(
  db: Db,
  space: AuthorizedSpace,
  themeId: string,
  input: { heldOn: string; title: string },
) {
  const { theme, canShape } = await loadTheme(db, space, themeId);
  authorize(canShape);
  await db.insert(themeMoments).values({ themeId: theme.id, ...input });
}
