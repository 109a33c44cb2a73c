import { and, desc, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  initiatives,
  kenniswebItems,
  networkMembers,
  networks,
  organisationMembers,
  organisations,
  themes,
} from "#app/db/schema/index.ts";
import { containsText } from "#app/db/schema/search.ts";
import type { Actor } from "#app/platform/actor.ts";
import { confirmedWorkplace } from "../organisations/workplaces.server.ts";
import { type SpaceKind, spaceBase } from "./space-access.server.ts";

/*
 * The site search's part of the toolkit: kennisweb items and initiatives of the spaces the person
 * may open, with the rules of space-access.server.ts — a school's space for its confirmed members,
 * a network's for its active members; nobody else (platform admins neither). Each kind of space
 * is its own query that starts from the person's memberships, so the database reads only their
 * spaces' themes and initiatives (by their space index) and never every school's.
 */

/** The spaces of one kind the actor may open, as (id, name) rows to join from. */
function mySpaces(db: DbOrTx, actor: Actor, kind: SpaceKind) {
  if (kind === "organisation")
    return db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(and(eq(organisationMembers.userId, actor.userId), confirmedWorkplace))
      .as("spaces");
  return db
    .select({ id: networks.id, name: networks.name })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(and(eq(networkMembers.userId, actor.userId), eq(networkMembers.status, "active")))
    .as("spaces");
}

const kinds: SpaceKind[] = ["organisation", "network"];

/** Kennisweb items (Dutch full text on title and text) of my spaces' themes, newest first. */
export async function searchKennisweb(db: DbOrTx, actor: Actor, q: string, limit: number) {
  const perKind = await Promise.all(
    kinds.map((kind) => {
      const spaces = mySpaces(db, actor, kind);
      return db
        .select({
          id: kenniswebItems.id,
          title: kenniswebItems.title,
          text: sql<string>`left(${kenniswebItems.body}, 2000)`,
          createdAt: kenniswebItems.createdAt,
          themeId: themes.id,
          themeName: themes.name,
          spaceId: spaces.id,
          spaceName: spaces.name,
        })
        .from(spaces)
        .innerJoin(themes, and(eq(themes.spaceKind, kind), eq(themes.spaceId, spaces.id)))
        .innerJoin(kenniswebItems, eq(kenniswebItems.themeId, themes.id))
        .where(sql`${kenniswebItems.searchVector} @@ websearch_to_tsquery('dutch', ${q})`)
        .orderBy(desc(kenniswebItems.createdAt), desc(kenniswebItems.id))
        .limit(limit)
        .then((rows) =>
          rows.map((row) => ({
            ...row,
            spaceKind: kind,
            href: `${spaceBase({ kind, id: row.spaceId })}/themas/${row.themeId}/kennisweb`,
          })),
        );
    }),
  );
  return perKind
    .flat()
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, limit);
}

/**
 * Initiatives of my spaces: name, goal, for whom and value for others in Dutch full text, or the
 * name contains the letters. A space has tens of initiatives, read by the space index.
 */
export async function searchInitiatives(db: DbOrTx, actor: Actor, q: string, limit: number) {
  const text = sql`${initiatives.name} || ' ' || ${initiatives.goal} || ' ' || ${initiatives.forWhom} || ' ' || ${initiatives.valueForOthers}`;
  const perKind = await Promise.all(
    kinds.map((kind) => {
      const spaces = mySpaces(db, actor, kind);
      return db
        .select({
          id: initiatives.id,
          name: initiatives.name,
          text: sql<string>`left(${initiatives.goal}, 2000)`,
          createdAt: initiatives.createdAt,
          spaceId: spaces.id,
          spaceName: spaces.name,
        })
        .from(spaces)
        .innerJoin(
          initiatives,
          and(eq(initiatives.spaceKind, kind), eq(initiatives.spaceId, spaces.id)),
        )
        .where(
          or(
            sql`to_tsvector('dutch', ${text}) @@ websearch_to_tsquery('dutch', ${q})`,
            containsText(sql`kn_unaccent(lower(${initiatives.name}))`, q),
          ),
        )
        .orderBy(desc(initiatives.createdAt), desc(initiatives.id))
        .limit(limit)
        .then((rows) =>
          rows.map((row) => ({
            ...row,
            spaceKind: kind,
            href: `${spaceBase({ kind, id: row.spaceId })}/initiatieven/${row.id}`,
          })),
        );
    }),
  );
  return perKind
    .flat()
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, limit);
}
