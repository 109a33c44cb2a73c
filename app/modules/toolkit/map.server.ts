import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  expertiseTags,
  initiativeInvolvement,
  initiatives,
  initiativeThemes,
  organisationMembers,
  themeSchakels,
  themes,
  userExpertise,
} from "#app/db/schema/index.ts";
import { confirmedWorkplace } from "../organisations/workplaces.server.ts";
import { layoutMap, type MapLink, type MapNode } from "./map-layout.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { spacePeople } from "./toolkit.server.ts";

export interface MapFilter {
  themeId?: string;
  /** a school's team or section: its people and what they are involved in */
  team?: string;
  /** "2026-2027": themes of that school year and initiatives running in it */
  schoolYear?: string;
}

function yearBounds(schoolYear: string) {
  const start = Number(schoolYear.slice(0, 4));
  return {
    from: new Date(`${start}-08-01T00:00:00Z`),
    to: new Date(`${start + 1}-08-01T00:00:00Z`),
  };
}

/** Netwerken in beeld: people, initiatives, themes and expertise of a space, linked. */
export async function knowledgeMap(db: DbOrTx, space: AuthorizedSpace, filter: MapFilter = {}) {
  const started = performance.now();
  const people = await spacePeople(db, space);
  const teamRows =
    space.kind === "organisation"
      ? await db
          .select({ userId: organisationMembers.userId, team: organisationMembers.team })
          .from(organisationMembers)
          .where(and(eq(organisationMembers.organisationId, space.id), confirmedWorkplace))
      : [];
  let themeRows = await db
    .select({ id: themes.id, name: themes.name, schoolYear: themes.schoolYear })
    .from(themes)
    .where(and(eq(themes.spaceKind, space.kind), eq(themes.spaceId, space.id)));
  let initiativeRows = await db
    .select({
      id: initiatives.id,
      name: initiatives.name,
      createdAt: initiatives.createdAt,
      completedAt: initiatives.completedAt,
    })
    .from(initiatives)
    .where(and(eq(initiatives.spaceKind, space.kind), eq(initiatives.spaceId, space.id)));
  const allThemes = themeRows;
  if (filter.schoolYear && /^\d{4}-\d{4}$/.test(filter.schoolYear)) {
    const { from, to } = yearBounds(filter.schoolYear);
    themeRows = themeRows.filter((t) => t.schoolYear === filter.schoolYear);
    initiativeRows = initiativeRows.filter(
      (i) => i.createdAt < to && (!i.completedAt || i.completedAt >= from),
    );
  }
  const initiativeIds = initiativeRows.map((i) => i.id);
  const themeIds = themeRows.map((t) => t.id);
  const shownThemes = new Set(themeIds);
  const [involvement, schakels, themeLinks] = await Promise.all([
    initiativeIds.length
      ? db
          .select({
            userId: initiativeInvolvement.userId,
            initiativeId: initiativeInvolvement.initiativeId,
            position: initiativeInvolvement.position,
          })
          .from(initiativeInvolvement)
          .where(
            and(
              inArray(initiativeInvolvement.initiativeId, initiativeIds),
              isNull(initiativeInvolvement.until),
            ),
          )
      : [],
    themeIds.length
      ? db.select().from(themeSchakels).where(inArray(themeSchakels.themeId, themeIds))
      : [],
    initiativeIds.length
      ? db
          .select()
          .from(initiativeThemes)
          .where(inArray(initiativeThemes.initiativeId, initiativeIds))
      : [],
  ]);
  const personIds = people.map((p) => p.userId);
  const tags = personIds.length
    ? await db
        .select({ userId: userExpertise.userId, tagId: expertiseTags.id, tag: expertiseTags.name })
        .from(userExpertise)
        .innerJoin(expertiseTags, eq(expertiseTags.id, userExpertise.tagId))
        .where(inArray(userExpertise.userId, personIds))
    : [];
  let nodes: MapNode[] = [
    ...themeRows.map((t) => ({ id: `t:${t.id}`, kind: "theme" as const, label: t.name })),
    ...initiativeRows.map((i) => ({ id: `i:${i.id}`, kind: "initiative" as const, label: i.name })),
    ...people.map((p) => ({ id: `p:${p.userId}`, kind: "person" as const, label: p.name })),
    ...[...new Map(tags.map((t) => [t.tagId, t.tag])).entries()].map(([id, tag]) => ({
      id: `k:${id}`,
      kind: "tag" as const,
      label: tag,
    })),
  ];
  let links: MapLink[] = [
    ...involvement.map((r) => ({
      from: `p:${r.userId}`,
      to: `i:${r.initiativeId}`,
      kind: r.position,
    })),
    ...schakels.map((s) => ({ from: `p:${s.userId}`, to: `t:${s.themeId}`, kind: "schakel" })),
    ...themeLinks
      .filter((l) => shownThemes.has(l.themeId))
      .map((l) => ({ from: `i:${l.initiativeId}`, to: `t:${l.themeId}`, kind: "theme" })),
    ...tags.map((t) => ({ from: `p:${t.userId}`, to: `k:${t.tagId}`, kind: "knows" })),
  ];
  if (filter.themeId) {
    // the theme, its initiatives and schakels, and the people and expertise around those
    const keep = new Set([`t:${filter.themeId}`]);
    for (const l of links) if (l.to === `t:${filter.themeId}`) keep.add(l.from);
    for (const l of links) if (keep.has(l.to) && l.from.startsWith("p:")) keep.add(l.from);
    for (const l of links) if (keep.has(l.from) && l.to.startsWith("k:")) keep.add(l.to);
    nodes = nodes.filter((n) => keep.has(n.id));
    links = links.filter((l) => keep.has(l.from) && keep.has(l.to));
  }
  if (filter.team) {
    // the team's people, their initiatives and themes, and their expertise
    const keep = new Set(
      teamRows.filter((r) => r.team === filter.team).map((r) => `p:${r.userId}`),
    );
    for (const l of links) if (keep.has(l.from) && !l.to.startsWith("p:")) keep.add(l.to);
    for (const l of links) if (keep.has(l.from) && l.from.startsWith("i:")) keep.add(l.to);
    nodes = nodes.filter((n) => keep.has(n.id));
    links = links.filter((l) => keep.has(l.from) && keep.has(l.to));
  }
  const placed = layoutMap(nodes, links);
  return {
    nodes: placed,
    links,
    themes: allThemes.map((t) => ({ id: t.id, name: t.name })),
    schoolYears: [...new Set(allThemes.map((t) => t.schoolYear))].sort().reverse(),
    teams: [...new Set(teamRows.map((r) => r.team).filter((t): t is string => !!t))].sort(),
    buildMs: Math.round(performance.now() - started),
  };
}
