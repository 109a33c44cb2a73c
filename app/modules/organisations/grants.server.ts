import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  organisationMembers,
  programmeCoordinators,
  programmes,
  regions,
} from "#app/db/schema/index.ts";
import type { Actor, RoleGrant } from "#app/platform/actor.ts";
import { confirmedWorkplace } from "./workplaces.server.ts";

/** School and programme roles of a user, as grants for the actor. */
async function loadGrants(db: DbOrTx, userId: string): Promise<RoleGrant[]> {
  const [memberships, coordinatorships] = await Promise.all([
    db
      .select({
        organisationId: organisationMembers.organisationId,
        role: organisationMembers.role,
      })
      .from(organisationMembers)
      .where(and(eq(organisationMembers.userId, userId), confirmedWorkplace)),
    db
      .select({
        programmeId: programmeCoordinators.programmeId,
        regionId: programmeCoordinators.regionId,
      })
      .from(programmeCoordinators)
      .where(eq(programmeCoordinators.userId, userId)),
  ]);
  return [
    ...memberships.map((m) => ({ role: `organisation-${m.role}`, scopeId: m.organisationId })),
    ...coordinatorships.map((c) => ({
      role: "programme-coordinator",
      scopeId: c.programmeId,
      regionId: c.regionId,
    })),
  ];
}

/** The actor for a signed-in user: who they are plus every role grant they hold. */
export async function loadActor(
  db: DbOrTx,
  user: { id: string; name: string; email: string; isPlatformAdmin: boolean },
): Promise<Actor> {
  const grants = await loadGrants(db, user.id);
  if (user.isPlatformAdmin) grants.unshift({ role: "platform-admin", scopeId: "platform" });
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isPlatformAdmin: user.isPlatformAdmin,
    grants,
  };
}

export async function listCoordinatorships(db: DbOrTx, userId: string) {
  return db
    .select({ programmeName: programmes.name, regionName: regions.name })
    .from(programmeCoordinators)
    .innerJoin(programmes, eq(programmes.id, programmeCoordinators.programmeId))
    .leftJoin(regions, eq(regions.id, programmeCoordinators.regionId))
    .where(eq(programmeCoordinators.userId, userId));
}
