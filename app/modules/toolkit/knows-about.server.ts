import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  expertiseTags,
  initiativeInvolvement,
  initiatives,
  initiativeThemes,
  themeSchakels,
  themes,
  userExpertise,
} from "#app/db/schema/index.ts";
import { type KnowledgeFacts, rankKnowsAbout } from "./knows-about.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { inSpace } from "./toolkit.internal.ts";
import { spacePeople } from "./toolkit.server.ts";

/** "Wie weet iets van …?" within a space: people, initiatives and themes, each with why. */
export async function knowsAbout(db: DbOrTx, space: AuthorizedSpace, query: string) {
  if (!query.trim()) return [];
  const people = await spacePeople(db, space);
  const ids = people.map((p) => p.userId);
  const tags = ids.length
    ? await db
        .select({ userId: userExpertise.userId, tag: expertiseTags.name })
        .from(userExpertise)
        .innerJoin(expertiseTags, eq(expertiseTags.id, userExpertise.tagId))
        .where(inArray(userExpertise.userId, ids))
    : [];
  const initiativeRows = await db.select().from(initiatives).where(inSpace(initiatives, space));
  const themeRows = await db.select().from(themes).where(inSpace(themes, space));
  const initiativeIds = initiativeRows.map((i) => i.id);
  const themeIds = themeRows.map((t) => t.id);
  const involvement = initiativeIds.length
    ? await db
        .select()
        .from(initiativeInvolvement)
        .where(
          and(
            inArray(initiativeInvolvement.initiativeId, initiativeIds),
            isNull(initiativeInvolvement.until),
          ),
        )
    : [];
  const schakels = themeIds.length
    ? await db.select().from(themeSchakels).where(inArray(themeSchakels.themeId, themeIds))
    : [];
  const links = initiativeIds.length
    ? await db
        .select()
        .from(initiativeThemes)
        .where(inArray(initiativeThemes.initiativeId, initiativeIds))
    : [];
  const initiativeName = new Map(initiativeRows.map((i) => [i.id, i.name]));
  const themeName = new Map(themeRows.map((t) => [t.id, t.name]));
  const facts: KnowledgeFacts = {
    people: people.map((person) => ({
      userId: person.userId,
      name: person.name,
      tags: tags.filter((t) => t.userId === person.userId).map((t) => t.tag),
      involvement: involvement
        .filter((r) => r.userId === person.userId)
        .map((r) => ({
          initiativeId: r.initiativeId,
          initiative: initiativeName.get(r.initiativeId) ?? "",
          position: r.position,
        })),
      schakelOf: schakels
        .filter((s) => s.userId === person.userId)
        .map((s) => ({ themeId: s.themeId, theme: themeName.get(s.themeId) ?? "" })),
    })),
    initiatives: initiativeRows.map((i) => ({
      id: i.id,
      name: i.name,
      goal: i.goal,
      themes: links
        .filter((l) => l.initiativeId === i.id)
        .map((l) => themeName.get(l.themeId) ?? ""),
    })),
    themes: themeRows.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      closed: !!t.closedAt,
      initiativeIds: links.filter((l) => l.themeId === t.id).map((l) => l.initiativeId),
    })),
  };
  return rankKnowsAbout(facts, query).slice(0, 50);
}
