import type { Db } from "#app/db/client.server.ts";
import {
  authTokens,
  enrolmentRoutes,
  networkMembers,
  networks,
  organisationMembers,
  organisations,
  programmeCoordinators,
  programmes,
  users,
} from "#app/db/schema/index.ts";
import { hashPassword } from "#app/modules/accounts/passwords.server.ts";
import { loadActor } from "#app/modules/organisations/grants.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";

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
  await db
    .insert(organisationMembers)
    .values({ userId, organisationId, role, status: "confirmed" });
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
/** The single-use token a fresh login at a linked provider leaves behind (sso.server.ts reauthenticate). */
export async function freshProviderLogin(db: Db, userId: string) {
  const token = newToken();
  await db.insert(authTokens).values({
    tokenHash: hashToken(token),
    userId,
    purpose: "reauthenticated",
    expiresAt: new Date(Date.now() + 10 * 60_000),
  });
  return token;
}

export function actorFor(db: Db, user: typeof users.$inferSelect): Promise<Actor> {
  return loadActor(db, user);
}

export async function buildNetwork(db: Db, overrides: Partial<typeof networks.$inferInsert> = {}) {
  counter += 1;
  const [network] = await db
    .insert(networks)
    .values({
      name: `Netwerk ${counter}`,
      question: "Hoe leren we samen?",
      status: "active",
      capacity: 20,
      ...overrides,
    })
    .returning();
  if (!network) throw new Error("no network");
  return network;
}

export async function addNetworkMember(
  db: Db,
  networkId: string,
  userId: string,
  role: "penvoerder" | "facilitator" | "deelnemer" = "deelnemer",
  organisationId: string | null = null,
  routeId: string | null = null,
) {
  const [member] = await db
    .insert(networkMembers)
    .values({
      networkId,
      userId,
      role,
      status: "active",
      organisationId,
      routeId,
      joinedAt: new Date(),
    })
    .returning({ id: networkMembers.id });
  if (!member) throw new Error("no member");
  return member.id;
}

export async function buildRoute(
  db: Db,
  networkId: string,
  overrides: Partial<typeof enrolmentRoutes.$inferInsert> = {},
) {
  const [route] = await db
    .insert(enrolmentRoutes)
    .values({ networkId, name: "Standaard", priceCents: 100_000, ...overrides })
    .returning();
  if (!route) throw new Error("no route");
  return route;
}
