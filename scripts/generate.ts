// A national-scale data set for benchmarks: ~6 800 schools under ~1 000 boards (the real
// Dutch numbers for PO+VO+SO+MBO), and tens of thousands of people with expertise.
import type { Db } from "../app/db/client.server.ts";
import {
  expertiseTags,
  networks,
  organisationMembers,
  organisations,
  regions,
  userExpertise,
  users,
} from "../app/db/schema/index.ts";
import { hashPassword } from "../app/modules/accounts/passwords.server.ts";

const places = [
  "Utrecht",
  "Amersfoort",
  "Zwolle",
  "Leeuwarden",
  "Groningen",
  "Alkmaar",
  "Haarlem",
  "Tilburg",
  "Breda",
  "Eindhoven",
  "Nijmegen",
  "Arnhem",
  "Enschede",
  "Almere",
  "Den Haag",
  "Rotterdam",
  "Amsterdam",
  "Maastricht",
  "Assen",
  "Middelburg",
];
const topics = [
  "begaafdheid",
  "toetsing",
  "differentiatie",
  "formatief evalueren",
  "burgerschap",
  "leesbevordering",
  "rekenen",
  "passend onderwijs",
  "ict",
  "privacy",
  "strategisch hrm",
  "onderwijsvernieuwing",
  "vrouwelijk leiderschap",
  "intervisie",
  "netwerkleren",
  "praktijkonderwijs",
  "bildung",
  "governance",
  "krimp",
  "taalonderwijs",
];
const firstNames = [
  "Anne",
  "Bram",
  "Chantal",
  "Daan",
  "Eva",
  "Fleur",
  "Gijs",
  "Hanna",
  "Iris",
  "Jeroen",
  "Karin",
  "Lars",
  "Maaike",
  "Niels",
  "Olga",
  "Pieter",
  "Roos",
  "Sem",
  "Tessa",
  "Wouter",
];
const lastNames = [
  "de Jong",
  "Jansen",
  "de Vries",
  "van den Berg",
  "Bakker",
  "Visser",
  "Smit",
  "Meijer",
  "de Boer",
  "Mulder",
  "de Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "van Leeuwen",
  "Dekker",
  "Brouwer",
  "de Wit",
  "Dijkstra",
];
const functions = [
  "schoolleider",
  "teamleider",
  "afdelingsleider",
  "leraar",
  "intern-begeleider",
  "hr",
  "bestuurder",
] as const;

export async function generateNationalData(
  db: Db,
  size: { boards: number; schools: number; people: number; networks?: number },
  onProgress: (message: string) => void = () => {},
) {
  const regionRows = await db.select().from(regions);
  const passwordHash = await hashPassword("knooppunt-demo-2026");
  const tagRows = await db
    .insert(expertiseTags)
    .values(topics.map((name) => ({ name })))
    .onConflictDoNothing()
    .returning();
  const allTags = tagRows.length ? tagRows : await db.select().from(expertiseTags);
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;

  const boards = await db
    .insert(organisations)
    .values(
      Array.from({ length: size.boards }, (_, i) => ({
        kind: "board" as const,
        name: `Stichting Onderwijs ${i + 1}`,
        place: pick(places, i),
        regionId: regionRows.length ? pick(regionRows, i).id : null,
      })),
    )
    .returning({ id: organisations.id });
  const schoolIds: string[] = [];
  for (let start = 0; start < size.schools; start += 1000) {
    const batch = await db
      .insert(organisations)
      .values(
        Array.from({ length: Math.min(1000, size.schools - start) }, (_, j) => {
          const i = start + j;
          return {
            kind: "school" as const,
            name: `School ${i + 1} ${pick(places, i * 7)}`,
            sector: pick(["PO", "PO", "PO", "VO", "SO", "MBO"] as const, i),
            place: pick(places, i * 7),
            regionId: regionRows.length ? pick(regionRows, i).id : null,
            boardId: pick(boards, i).id,
          };
        }),
      )
      .returning({ id: organisations.id });
    schoolIds.push(...batch.map((s) => s.id));
    onProgress(`scholen ${schoolIds.length}/${size.schools}`);
  }
  for (let start = 0; start < size.people; start += 1000) {
    const count = Math.min(1000, size.people - start);
    const batch = await db
      .insert(users)
      .values(
        Array.from({ length: count }, (_, j) => {
          const i = start + j;
          return {
            name: `${pick(firstNames, i)} ${pick(lastNames, Math.floor(i / 20))}`,
            email: `persoon${i}@generated.test`,
            passwordHash,
            emailVerifiedAt: new Date(),
            jobFunction: pick(functions, i),
            bio: "Gegenereerd profiel.",
            regionId: regionRows.length ? pick(regionRows, i).id : null,
          };
        }),
      )
      .returning({ id: users.id });
    await db.insert(organisationMembers).values(
      batch.map((u, j) => ({
        userId: u.id,
        organisationId: pick(schoolIds, start + j),
        status: "confirmed" as const,
      })),
    );
    await db
      .insert(userExpertise)
      .values(
        batch.flatMap((user, j) =>
          [pick(allTags, start + j), pick(allTags, (start + j) * 3 + 1)].map((tag) => ({
            userId: user.id,
            tagId: tag.id,
          })),
        ),
      )
      .onConflictDoNothing();
    onProgress(`mensen ${start + count}/${size.people}`);
  }
  const networkCount = size.networks ?? 0;
  for (let start = 0; start < networkCount; start += 500) {
    await db.insert(networks).values(
      Array.from({ length: Math.min(500, networkCount - start) }, (_, j) => {
        const i = start + j;
        return {
          name: `Leernetwerk ${pick(topics, i)} ${pick(places, i * 3)} ${i + 1}`,
          question: `Hoe werken we samen aan ${pick(topics, i)} in de regio ${pick(places, i * 3)}?`,
          themes: [pick(topics, i), pick(topics, i * 5 + 2)],
          sectors: [pick(["PO", "VO", "SO", "MBO"] as const, i)],
          status: pick(["active", "active", "in-formation"] as const, i),
          openness: pick(["open", "closed"] as const, i),
          regionId: regionRows.length ? pick(regionRows, i).id : null,
          capacity: 12 + (i % 10),
          meetingPattern: "6 bijeenkomsten per jaar",
        };
      }),
    );
    onProgress(`netwerken ${Math.min(start + 500, networkCount)}/${networkCount}`);
  }
}
