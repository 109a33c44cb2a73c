import { asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { intervisionMethods } from "#app/db/schema/index.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { MethodInput } from "./peergroups.schema.ts";

export async function listMethods(db: DbOrTx, includeArchived = false) {
  return db
    .select()
    .from(intervisionMethods)
    .where(includeArchived ? undefined : isNull(intervisionMethods.archived))
    .orderBy(asc(intervisionMethods.name));
}

/** The managed list of methods is kept by platform admins; for others its page does not exist. */
export function assertCanKeepMethods(actor: MaybeActor) {
  authorize(!!actor?.isPlatformAdmin, "not-found");
}

export async function saveMethod(
  db: DbOrTx,
  actor: Actor,
  input: MethodInput,
  methodId: string | null,
) {
  authorize(actor.isPlatformAdmin, "not-found");
  const [clash] = await db
    .select({ id: intervisionMethods.id })
    .from(intervisionMethods)
    .where(eq(intervisionMethods.name, input.name));
  if (clash && clash.id !== methodId) throw new FieldError("name", "error.method.taken");
  if (methodId) {
    if (!isUuid(methodId)) notFound();
    const updated = await db
      .update(intervisionMethods)
      .set(input)
      .where(eq(intervisionMethods.id, methodId))
      .returning({ id: intervisionMethods.id });
    if (!updated.length) notFound();
    return methodId;
  }
  const [row] = await db
    .insert(intervisionMethods)
    .values(input)
    .returning({ id: intervisionMethods.id });
  if (!row) throw new Error("method not saved");
  return row.id;
}

export async function setMethodArchived(
  db: DbOrTx,
  actor: Actor,
  methodId: string,
  archived: boolean,
) {
  authorize(actor.isPlatformAdmin, "not-found");
  if (!isUuid(methodId)) notFound();
  await db
    .update(intervisionMethods)
    .set({ archived: archived ? new Date() : null })
    .where(eq(intervisionMethods.id, methodId));
}
