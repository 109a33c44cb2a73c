import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  initiativeInvolvement,
  initiatives,
  initiativeThemes,
  networkMembers,
  organisationMembers,
  themeSchakels,
  themes,
  users,
} from "#app/db/schema/index.ts";
import { confirmedWorkplace } from "../organisations/workplaces.server.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { stepNumber, stepsOf } from "./step-plans.ts";
import { inSpace, type SpaceRef } from "./toolkit.internal.ts";

/** The people of a space: a school's members or a network's active members. */
export async function spacePeople(db: DbOrTx, space: SpaceRef) {
  return space.kind === "network"
    ? db
        .select({ userId: users.id, name: users.name })
        .from(networkMembers)
        .innerJoin(users, eq(users.id, networkMembers.userId))
        .where(and(eq(networkMembers.networkId, space.id), eq(networkMembers.status, "active")))
        .orderBy(asc(users.name))
    : db
        .select({ userId: users.id, name: users.name })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(and(eq(organisationMembers.organisationId, space.id), confirmedWorkplace))
        .orderBy(asc(users.name));
}

/** Initiatives and themes of a space; initiatives whose initiators all left are flagged. */
export async function spaceOverview(db: DbOrTx, space: AuthorizedSpace) {
  const people = await spacePeople(db, space);
  const present = new Set(people.map((p) => p.userId));
  const list = await db
    .select()
    .from(initiatives)
    .where(inSpace(initiatives, space))
    .orderBy(desc(initiatives.createdAt));
  const ids = list.map((i) => i.id);
  const involvement = ids.length
    ? await db
        .select({
          initiativeId: initiativeInvolvement.initiativeId,
          userId: initiativeInvolvement.userId,
          name: users.name,
          position: initiativeInvolvement.position,
          kind: initiativeInvolvement.kind,
        })
        .from(initiativeInvolvement)
        .innerJoin(users, eq(users.id, initiativeInvolvement.userId))
        .where(
          and(
            inArray(initiativeInvolvement.initiativeId, ids),
            isNull(initiativeInvolvement.until),
          ),
        )
    : [];
  const themeList = await db
    .select()
    .from(themes)
    .where(inSpace(themes, space))
    .orderBy(desc(themes.schoolYear), asc(themes.name));
  const links = ids.length
    ? await db.select().from(initiativeThemes).where(inArray(initiativeThemes.initiativeId, ids))
    : [];
  const schakels = themeList.length
    ? await db
        .select({ themeId: themeSchakels.themeId, userId: users.id, name: users.name })
        .from(themeSchakels)
        .innerJoin(users, eq(users.id, themeSchakels.userId))
        .where(
          inArray(
            themeSchakels.themeId,
            themeList.map((t) => t.id),
          ),
        )
    : [];
  return {
    people,
    initiatives: list.map((initiative) => {
      const current = involvement.filter((r) => r.initiativeId === initiative.id);
      const initiators = current.filter((r) => r.position === "i" && r.kind === "role");
      return {
        ...initiative,
        stepTitle: stepsOf(initiative.plan)[initiative.currentStep]?.title ?? "",
        stepNumber: stepNumber(initiative.plan, initiative.currentStep),
        stepCount: stepsOf(initiative.plan).length,
        initiators: initiators.map((r) => r.name),
        involved: current.length,
        orphaned: !initiative.completedAt && !initiators.some((r) => present.has(r.userId)),
        themeIds: links.filter((l) => l.initiativeId === initiative.id).map((l) => l.themeId),
      };
    }),
    themes: themeList.map((theme) => ({
      ...theme,
      schakels: schakels.filter((s) => s.themeId === theme.id).map((s) => s.name),
      initiativeIds: links.filter((l) => l.themeId === theme.id).map((l) => l.initiativeId),
    })),
  };
}
