import type { Db } from "#app/db/client.server.ts";
import {
  organisationMembers,
  organisations,
  programmeCoordinators,
  programmes,
  users,
} from "#app/db/schema/index.ts";
import { hashPassword } from "#app/modules/accounts/passwords.server.ts";
import { loadActor } from "#app/modules/organisations/organisations.server.ts";
import type { Actor } from "#app/platform/actor.ts";

let counter = 0;
const cachedHash = new Map<string, Promise<string>>();

export async function buildUser(
  db: Db,
  overrides: Partial<typeof users.$inferInsert> & { password?: string } = {},
) {
  counter += 1;
  const { password = "een-lang-wachtwoord", ...values } = overrides;
  if (!cachedHash.has(password)) cachedHash.set(password, hashPassword(password));
  const [user] = await db
    .insert(users)
    .values({
      name: `Test Persoon ${counter}`,
      email: `persoon${counter}-${Date.now()}@school.test`,
      passwordHash: await cachedHash.get(password),
      emailVerifiedAt: new Date(),
      ...values,
    })
    .returning();
  if (!user) throw new Error("no user");
  return user;
}

export async function buildOrganisation(
  db: Db,
  overrides: Partial<typeof organisations.$inferInsert> = {},
) {
  counter += 1;
  const [organisation] = await db
    .insert(organisations)
    .values({
      kind: "school",
      name: `School ${counter}`,
      sector: "VO",
      place: "Utrecht",
      ...overrides,
    })
    .returning();
  if (!organisation) throw new Error("no organisation");
  return organisation;
}

export async function addToOrganisation(
  db: Db,
  userId: string,
  organisationId: string,
  role: "member" | "admin" = "member",
) {
  await db.insert(organisationMembers).values({ userId, organisationId, role });
}

export async function buildProgramme(db: Db, name = `Programma ${++counter}`) {
  const [programme] = await db.insert(programmes).values({ name, kind: "programme" }).returning();
  if (!programme) throw new Error("no programme");
  return programme;
}

export async function makeCoordinator(db: Db, userId: string, programmeId: string) {
  await db.insert(programmeCoordinators).values({ userId, programmeId });
}

/** The actor exactly as the session middleware builds it. */
export function actorFor(db: Db, user: typeof users.$inferSelect): Promise<Actor> {
  return loadActor(db, user);
}
