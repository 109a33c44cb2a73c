import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  type agendaMeetings,
  type initiatives,
  themeSchakels,
  themes,
  users,
} from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";

// Helpers the toolkit's files share; not for use outside the module.

/** Which space a row belongs to: a school's or a network's. */
export type SpaceRef = Pick<AuthorizedSpace, "kind" | "id">;

export const inSpace = (
  table: typeof initiatives | typeof themes | typeof agendaMeetings,
  space: SpaceRef,
) => and(eq(table.spaceKind, space.kind), eq(table.spaceId, space.id));

export async function loadTheme(db: DbOrTx, space: AuthorizedSpace, themeId: string) {
  if (!isUuid(themeId)) notFound();
  const [theme] = await db
    .select()
    .from(themes)
    .where(
      and(eq(themes.id, themeId), eq(themes.spaceKind, space.kind), eq(themes.spaceId, space.id)),
    );
  if (!theme) notFound();
  const schakels = await db
    .select({ userId: users.id, name: users.name })
    .from(themeSchakels)
    .innerJoin(users, eq(users.id, themeSchakels.userId))
    .where(eq(themeSchakels.themeId, theme.id));
  const me = space.actor.userId;
  // The theme's schakels and the school's keepers shape it; everyone in the school contributes.
  const canShape = space.isKeeper || schakels.some((s) => s.userId === me);
  return { theme, schakels, canShape };
}
