import { and, asc, count, desc, eq, exists, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { expertiseTags, regions, userExpertise, users } from "#app/db/schema/index.ts";
import { containsText, foldText } from "#app/db/schema/search.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import { cappedTotal, countCap, type Page, pageOf } from "#app/platform/paging.ts";
import { canEditProfile, canViewProfiles } from "./accounts.policy.ts";
import type { ProfileInput } from "./accounts.schema.ts";

export async function getProfile(db: DbOrTx, actor: MaybeActor, userId: string) {
  authorize(canViewProfiles(actor), "not-found");
  if (!isUuid(userId)) notFound();
  const [person] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      jobFunction: users.jobFunction,
      jobFunctionOther: users.jobFunctionOther,
      bio: users.bio,
      regionId: users.regionId,
      regionName: regions.name,
      isPlatformAdmin: users.isPlatformAdmin,
      createdAt: users.createdAt,
      avatarFileId: users.avatarFileId,
    })
    .from(users)
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!person) notFound();
  const expertise = await db
    .select({ name: expertiseTags.name })
    .from(userExpertise)
    .innerJoin(expertiseTags, eq(expertiseTags.id, userExpertise.tagId))
    .where(eq(userExpertise.userId, userId))
    .orderBy(asc(expertiseTags.name));
  return {
    ...person,
    expertise: expertise.map((tag) => tag.name),
    canEdit: canEditProfile(actor, userId),
  };
}

/** Updates the person's own profile fields and expertise tags, inside the caller's transaction. */
export async function updateProfile(
  tx: DbOrTx,
  actor: MaybeActor,
  userId: string,
  input: Omit<ProfileInput, "organisationIds">,
) {
  authorize(canEditProfile(actor, userId));
  await tx
    .update(users)
    .set({
      name: input.name,
      jobFunction: input.jobFunction,
      jobFunctionOther: input.jobFunction === "anders" ? input.jobFunctionOther : null,
      regionId: input.regionId || null,
      bio: input.bio,
    })
    .where(eq(users.id, userId));
  await tx.delete(userExpertise).where(eq(userExpertise.userId, userId));
  if (input.expertise.length === 0) return;
  await tx
    .insert(expertiseTags)
    .values(input.expertise.map((name) => ({ name })))
    .onConflictDoNothing();
  const tags = await tx
    .select({ id: expertiseTags.id })
    .from(expertiseTags)
    .where(inArray(sql`lower(${expertiseTags.name})`, input.expertise));
  await tx.insert(userExpertise).values(tags.map((tag) => ({ userId, tagId: tag.id })));
}

export async function listPeople(
  db: DbOrTx,
  actor: MaybeActor,
  input: { query?: string; tag?: string; page: Page },
) {
  authorize(canViewProfiles(actor), "not-found");
  const query = input.query?.trim();
  const tag = input.tag?.trim().toLowerCase();
  const where = and(
    isNull(users.disabledAt),
    tag
      ? exists(
          db
            .select({ one: sql`1` })
            .from(userExpertise)
            .innerJoin(expertiseTags, eq(expertiseTags.id, userExpertise.tagId))
            .where(
              and(eq(userExpertise.userId, users.id), sql`lower(${expertiseTags.name}) = ${tag}`),
            ),
        )
      : undefined,
    // Name or expertise contains the words: search_text holds both, with one trigram index
    // (an OR over a join to the tags would read every person).
    query ? containsText(users.searchText, query) : undefined,
  );
  const [people, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        jobFunction: users.jobFunction,
        jobFunctionOther: users.jobFunctionOther,
        regionName: regions.name,
        avatarFileId: users.avatarFileId,
        expertise: sql<
          string[]
        >`coalesce((select array_agg(${expertiseTags.name} order by ${expertiseTags.name}) from ${userExpertise} join ${expertiseTags} on ${expertiseTags.id} = ${userExpertise.tagId} where ${userExpertise.userId} = ${users.id}), '{}')`,
      })
      .from(users)
      .leftJoin(regions, eq(regions.id, users.regionId))
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(input.page.perPage + 1)
      .offset(input.page.offset),
    db.select({ count: count() }).from(
      db
        .select({ one: sql`1` })
        .from(users)
        .where(where)
        .limit(countCap + 1)
        .as("capped"),
    ),
  ]);
  const { rows: shown, hasNext } = pageOf(people, input.page);
  // Why each person is on the list: the expertise that matched the topic or the words, or the
  // name; folded as the search folds them, so "jose" explains a match on "José".
  const words = query ? foldText(query) : "";
  return {
    people: shown.map((person) => ({
      ...person,
      matched: {
        tags: person.expertise.filter(
          (name) =>
            (tag && name.toLocaleLowerCase("nl") === tag) ||
            (words && foldText(name).includes(words)),
        ),
        name: !!words && foldText(person.name).includes(words),
      },
    })),
    total: cappedTotal(total?.count ?? 0),
    hasNext,
  };
}

const popularCache = new WeakMap<object, { at: number; rows: { name: string; count: number }[] }>();

/**
 * The most named expertise. Counting every tag on every request costs ~30 ms at national scale,
 * so the answer is kept for a minute per database handle (it is not private, only slightly late).
 */
export async function listPopularExpertise(db: DbOrTx, limit = 20) {
  const cached = popularCache.get(db);
  if (cached && Date.now() - cached.at < 60_000) return cached.rows.slice(0, limit);
  const rows = await db
    .select({ name: expertiseTags.name, count: sql<number>`count(*)::int` })
    .from(userExpertise)
    .innerJoin(expertiseTags, eq(expertiseTags.id, userExpertise.tagId))
    .groupBy(expertiseTags.name)
    .orderBy(desc(sql`count(*)`), asc(expertiseTags.name))
    .limit(50);
  popularCache.set(db, { at: Date.now(), rows });
  return rows.slice(0, limit);
}
