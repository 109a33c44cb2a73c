import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { professionalThemes } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";

export async function listProfessionalThemes(db: DbOrTx) {
  return db
    .select()
    .from(professionalThemes)
    .orderBy(asc(professionalThemes.position), asc(professionalThemes.name));
}

/** Platform admins keep the list of professionaliseringsthema's (the register's wording changes). */
export async function addProfessionalTheme(db: DbOrTx, actor: Actor, name: string) {
  authorize(actor.isPlatformAdmin);
  const existing = await listProfessionalThemes(db);
  if (existing.some((t) => t.name.toLowerCase() === name.toLowerCase()))
    throw new FieldError("name", "error.professionalTheme.exists");
  await db.insert(professionalThemes).values({ name, position: existing.length });
}

/** Removing a theme from the list keeps it on learning questions that already carry it. */
export async function removeProfessionalTheme(db: DbOrTx, actor: Actor, id: string) {
  authorize(actor.isPlatformAdmin);
  if (!isUuid(id)) notFound();
  await db.delete(professionalThemes).where(eq(professionalThemes.id, id));
}
