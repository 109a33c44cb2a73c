// A large board for the knowledge map: people, initiatives, themes and expertise adding up to
// about 5 000 nodes and 20 000 links (L chapter 5 at the scale of a big school board).
// Usage: node scripts/generate-board.ts (into DATA_DIR / DATABASE_URL), or from the benchmark.
import type { Db } from "../app/db/client.server.ts";
import {
  expertiseTags,
  initiativeInvolvement,
  initiatives,
  initiativeThemes,
  organisationMembers,
  organisations,
  themeSchakels,
  themes,
  userExpertise,
  users,
} from "../app/db/schema/index.ts";
import { hashPassword } from "../app/modules/accounts/passwords.server.ts";
import { currentSchoolYear } from "../app/modules/toolkit/school-year.ts";

export const largeBoard = {
  name: "Stichting Groot Bestuur (kaarttest)",
  member: "kaart.0@knooppunt.test",
};

const subjects = [
  "begaafdheid",
  "toetsing",
  "differentiatie",
  "formatief evalueren",
  "mentoraat",
  "taalbeleid",
  "rekenen",
  "burgerschap",
  "techniek",
  "ict",
  "ouderbetrokkenheid",
  "passend onderwijs",
  "wereldoriëntatie",
  "lezen",
  "schrijven",
  "bewegingsonderwijs",
  "muziek",
  "beeldende vorming",
];

function chunks<T>(list: T[], size: number) {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function generateLargeBoard(
  db: Db,
  size = { people: 3300, initiatives: 1000, themes: 100, tags: 600 },
  progress: (message: string) => void = () => {},
) {
  const passwordHash = await hashPassword("knooppunt-demo-2026");
  const [board] = await db
    .insert(organisations)
    .values({ kind: "board", name: largeBoard.name, place: "Utrecht" })
    .returning({ id: organisations.id });
  if (!board) throw new Error("board");
  const userIds: string[] = [];
  for (const batch of chunks(
    Array.from({ length: size.people }, (_, i) => i),
    500,
  )) {
    const rows = await db
      .insert(users)
      .values(
        batch.map((i) => ({
          name: `Collega ${i} (kaarttest)`,
          email: `kaart.${i}@knooppunt.test`,
          passwordHash,
          emailVerifiedAt: new Date(),
        })),
      )
      .returning({ id: users.id });
    userIds.push(...rows.map((r) => r.id));
    progress(`kaart: ${userIds.length} mensen`);
  }
  for (const batch of chunks(userIds, 1000))
    await db
      .insert(organisationMembers)
      .values(
        batch.map((userId) => ({ organisationId: board.id, userId, status: "confirmed" as const })),
      );
  const tagRows = await db
    .insert(expertiseTags)
    .values(
      Array.from({ length: size.tags }, (_, i) => ({
        name: `${subjects[i % subjects.length]} ${Math.floor(i / subjects.length) + 1} (kaarttest)`,
      })),
    )
    .returning({ id: expertiseTags.id });
  const knows = userIds.flatMap((userId, i) =>
    [0, 1, 2].map((k) => ({
      userId,
      tagId: tagRows[(i * 7 + k * 131) % tagRows.length]?.id ?? "",
    })),
  );
  for (const batch of chunks(knows, 2000))
    await db.insert(userExpertise).values(batch).onConflictDoNothing();
  progress("kaart: expertise");
  const year = currentSchoolYear();
  const themeRows = await db
    .insert(themes)
    .values(
      Array.from({ length: size.themes }, (_, i) => ({
        spaceKind: "organisation" as const,
        spaceId: board.id,
        name: `Thema ${i + 1}: ${subjects[i % subjects.length]}`,
        kind: (["jaarthema", "vast", "tijdelijk"] as const)[i % 3] ?? "vast",
        schoolYear: year,
      })),
    )
    .returning({ id: themes.id });
  await db.insert(themeSchakels).values(
    themeRows.map((t, i) => ({
      themeId: t.id,
      userId: userIds[(i * 17) % userIds.length] ?? "",
    })),
  );
  const initiativeIds: string[] = [];
  for (const batch of chunks(
    Array.from({ length: size.initiatives }, (_, i) => i),
    500,
  )) {
    const rows = await db
      .insert(initiatives)
      .values(
        batch.map((i) => ({
          spaceKind: "organisation" as const,
          spaceId: board.id,
          name: `Initiatief ${i + 1}: ${subjects[(i * 5) % subjects.length]}`,
          goal: "Gegenereerd voor de kaarttest.",
          currentStep: i % 11,
        })),
      )
      .returning({ id: initiatives.id });
    initiativeIds.push(...rows.map((r) => r.id));
  }
  await db.insert(initiativeThemes).values(
    initiativeIds.map((initiativeId, i) => ({
      initiativeId,
      themeId: themeRows[i % themeRows.length]?.id ?? "",
    })),
  );
  const positions = ["i", "p", "s", "l", "g"] as const;
  const involvement = userIds.flatMap((userId, i) =>
    [0, 1, 2].map((k) => ({
      initiativeId: initiativeIds[(i * 3 + k * 401) % initiativeIds.length] ?? "",
      userId,
      position: positions[(i + k) % positions.length] ?? "g",
    })),
  );
  for (const batch of chunks(involvement, 2000))
    await db.insert(initiativeInvolvement).values(batch);
  progress("kaart: klaar");
  return {
    boardId: board.id,
    nodes: size.people + size.initiatives + size.themes + size.tags,
    links: knows.length + involvement.length + themeRows.length + initiativeIds.length,
  };
}
