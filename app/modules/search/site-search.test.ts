import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#app/db/client.server.ts";
import {
  discussionPosts,
  discussionTopics,
  expertiseTags,
  harvestOutcomes,
  initiatives,
  kenniswebItems,
  meetings,
  networkMembers,
  organisationMembers,
  themes,
  userExpertise,
  users,
} from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { normaliseQuery, type SearchKind, siteSearch } from "./site-search.server.ts";
import { snippetOf } from "./snippet.ts";

let database: Database;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.db);
});

afterAll(async () => {
  await database?.close();
});

/**
 * A closed network with a topic, an answer, a meeting and a kennisweb item in its toolkit; an
 * open network with a topic; a school with a kennisweb item and an initiative; and the people
 * who are in them, left them, or never were.
 */
async function buildWorld(db: Db) {
  const closed = await buildNetwork(db, { name: "Kring Kwartiermakers", openness: "closed" });
  const open = await buildNetwork(db, { name: "Open Onderbouwnetwerk", openness: "open" });
  const school = await buildOrganisation(db, { name: "Lyceum De Zeef" });
  const person = async (name: string) => {
    const user = await buildUser(db, { name });
    return { user, actor: await actorFor(db, user) };
  };
  const member = await person("Merel Lid");
  const leaver = await person("Lotte Vertrokken");
  const outsider = await person("Otto Buiten");
  const teacher = await person("Tessa Docent");
  const applicant = await person("Aad Aanvrager");
  const anouk = await person("Anouk Visser");
  const gone = await person("Gerrit Uitgeschakeld");

  await addNetworkMember(db, closed.id, member.user.id, "deelnemer");
  const leftId = await addNetworkMember(db, closed.id, leaver.user.id, "deelnemer");
  await db
    .update(networkMembers)
    .set({ status: "left", leftAt: new Date() })
    .where(eq(networkMembers.id, leftId));
  await addToOrganisation(db, teacher.user.id, school.id);
  // Says she works there; the school has not confirmed it: she may not open its space yet.
  await db
    .insert(organisationMembers)
    .values({ userId: applicant.user.id, organisationId: school.id, status: "requested" });
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.user.id));

  const [topic] = await db
    .insert(discussionTopics)
    .values({
      networkId: closed.id,
      authorId: member.user.id,
      title: "Wie werkt met kwartiermakers in de onderbouw?",
      body: "We zoeken ervaringen. <script>alert('x')</script> Graag voorbeelden.",
    })
    .returning();
  if (!topic) throw new Error("topic");
  await db.insert(discussionPosts).values({
    topicId: topic.id,
    networkId: closed.id,
    authorId: member.user.id,
    body: "Bij ons begeleidt een zorgcoördinator de leerlingenbesprekingen, dat werkt goed.",
  });
  await db.insert(discussionTopics).values({
    networkId: open.id,
    authorId: outsider.user.id,
    title: "Formatieplanning bij krimp",
    body: "Hoe plannen jullie de formatie nu het leerlingaantal daalt?",
  });
  await db.insert(meetings).values({
    networkId: closed.id,
    theme: "Dialoog over eigenaarschap",
    startsAt: new Date("2026-10-06T13:00:00Z"),
    endsAt: new Date("2026-10-06T16:00:00Z"),
    mode: "online",
  });
  const [networkTheme, schoolTheme] = await db
    .insert(themes)
    .values([
      {
        spaceKind: "network",
        spaceId: closed.id,
        name: "Samen leren",
        kind: "vast",
        schoolYear: "2026-2027",
      },
      {
        spaceKind: "organisation",
        spaceId: school.id,
        name: "Lezen",
        kind: "jaarthema",
        schoolYear: "2026-2027",
      },
    ])
    .returning();
  if (!networkTheme || !schoolTheme) throw new Error("themes");
  await db.insert(kenniswebItems).values([
    {
      themeId: networkTheme.id,
      kind: "verhaal",
      title: "Lesbezoeken in trio's",
      body: "Drie collega's bezoeken elkaars lessen met een kijkwijzer.",
    },
    {
      themeId: schoolTheme.id,
      kind: "voorbeeld",
      title: "Leesmotivatie in de brugklas",
      body: "Vrij lezen elke ochtend een kwartier, met boekpraat op vrijdag.",
    },
  ]);
  await db.insert(initiatives).values({
    spaceKind: "organisation",
    spaceId: school.id,
    name: "Poëzieweek",
    goal: "Leerlingen schrijven en dragen voor in de aula.",
  });
  await db.insert(harvestOutcomes).values([
    {
      networkId: closed.id,
      title: "Het team eigenaar maken van begaafdheidsonderwijs",
      answer: "We begonnen met de vraag aan het team wat zij bij deze kinderen zien.",
      publishRequestedAt: new Date(),
      publishedAt: new Date(),
    },
    {
      networkId: closed.id,
      title: "Nog niet gedeeld: begaafdheidsonderwijs in concept",
      answer: "Concept.",
    },
  ]);
  const [tag] = await db.insert(expertiseTags).values({ name: "hoogbegaafdheid" }).returning();
  if (!tag) throw new Error("tag");
  await db.insert(userExpertise).values([
    { userId: anouk.user.id, tagId: tag.id },
    { userId: gone.user.id, tagId: tag.id },
  ]);
  return { closed, open, school, member, leaver, outsider, teacher, applicant, anouk, gone };
}

const search = (actor: Actor, q: string) => siteSearch(database.db, actor, q);

async function titles(actor: Actor, q: string, kind: SearchKind) {
  const result = await search(actor, q);
  return result.groups.find((group) => group.kind === kind)?.hits.map((hit) => hit.title) ?? [];
}

describe("the member content of a closed network", () => {
  it("a member finds its topic, an answer and a meeting, each saying where it is", async () => {
    const result = await search(world.member.actor, "kwartiermakers");
    const topics = result.groups.find((group) => group.kind === "topics");
    expect(topics?.hits).toEqual([
      expect.objectContaining({
        title: "Wie werkt met kwartiermakers in de onderbouw?",
        where: { section: "discussion", place: "Kring Kwartiermakers" },
        href: expect.stringMatching(new RegExp(`^/netwerken/${world.closed.id}/discussie/`)),
      }),
    ]);
    expect(await titles(world.member.actor, "zorgcoördinator", "posts")).toEqual([
      "Wie werkt met kwartiermakers in de onderbouw?",
    ]);
    expect(await titles(world.member.actor, "eigenaarschap", "meetings")).toEqual([
      "Dialoog over eigenaarschap",
    ]);
    expect(await titles(world.member.actor, "kijkwijzer", "kennisweb")).toEqual([
      "Lesbezoeken in trio's",
    ]);
  });

  it("someone who is not a member, or has left, gets nothing of it with the same words", async () => {
    for (const who of [world.outsider, world.leaver, world.teacher]) {
      for (const q of ["kwartiermakers", "zorgcoördinator", "eigenaarschap", "kijkwijzer"]) {
        const result = await search(who.actor, q);
        const kinds = result.groups.map((group) => group.kind);
        expect(kinds, `${who.user.name}: ${q}`).not.toContain("topics");
        expect(kinds).not.toContain("posts");
        expect(kinds).not.toContain("meetings");
        expect(kinds).not.toContain("kennisweb");
      }
    }
  });

  it("the network's catalogue profile is found by everyone, as the catalogue shows it", async () => {
    expect(await titles(world.outsider.actor, "Kwartiermakers", "networks")).toEqual([
      "Kring Kwartiermakers",
    ]);
  });

  it("an open network's discussion is for its members too: an outsider's search skips it", async () => {
    expect(await titles(world.member.actor, "formatie", "topics")).toEqual([]);
    expect(await titles(world.outsider.actor, "formatie", "topics")).toEqual([]);
  });
});

describe("a school's toolkit space", () => {
  it("its confirmed members find its kennisweb items and initiatives", async () => {
    expect(await titles(world.teacher.actor, "leesmotivatie", "kennisweb")).toEqual([
      "Leesmotivatie in de brugklas",
    ]);
    const result = await search(world.teacher.actor, "poezieweek");
    const initiative = result.groups.find((group) => group.kind === "initiatives")?.hits[0];
    expect(initiative).toMatchObject({
      title: "Poëzieweek",
      where: { section: "initiatives", place: "Lyceum De Zeef" },
      href: `/organisaties/${world.school.id}/netwerklerend/initiatieven/${initiative?.id}`,
    });
  });

  it("a person outside it (or only asking to be in it) gets none of them", async () => {
    for (const who of [world.member, world.applicant, world.outsider]) {
      expect(await titles(who.actor, "leesmotivatie", "kennisweb")).toEqual([]);
      expect(await titles(who.actor, "Poëzieweek", "initiatives")).toEqual([]);
    }
  });
});

describe("people and good practices", () => {
  it("a colleague is found by name, ignoring accents and case, and by expertise", async () => {
    expect(await titles(world.member.actor, "Anouk Vïsser", "people")).toEqual(["Anouk Visser"]);
    expect(await titles(world.member.actor, "anouk visser", "people")).toEqual(["Anouk Visser"]);
    // The disabled account has the same expertise and is never shown.
    expect(await titles(world.member.actor, "hoogbegaafdheid", "people")).toEqual(["Anouk Visser"]);
    expect(await titles(world.member.actor, "Gerrit", "people")).toEqual([]);
  });

  it("published good practices are found by everyone, drafts by nobody", async () => {
    expect(await titles(world.outsider.actor, "begaafdheidsonderwijs", "practices")).toEqual([
      "Het team eigenaar maken van begaafdheidsonderwijs",
    ]);
  });
});

describe("what is typed", () => {
  it("odd input gives an answer, not an error", async () => {
    const odd = [
      "kwartier\u0000makers",
      "\u0000\u0000",
      "x".repeat(2000),
      "%_\\",
      "%",
      "'; drop table users; --",
      "!(&|:*)<>",
      "\ud800 half",
      "  ",
    ];
    for (const q of odd) {
      const result = await search(world.member.actor, q);
      expect(result.q.length).toBeLessThanOrEqual(100);
      // % and _ are letters here, not wildcards: they match no one's name.
      if (q === "%_\\" || q === "%") expect(result.groups).toEqual([]);
    }
    expect(normaliseQuery("kwartier\u0000makers")).toBe("kwartier makers");
    expect((await search(world.member.actor, "a")).searched).toBe(false);
    expect((await search(world.member.actor, "")).searched).toBe(false);
  });

  it("snippets are plain text around the first match, markup in the text stays text", async () => {
    const result = await search(world.member.actor, "ervaringen");
    const hit = result.groups.find((group) => group.kind === "topics")?.hits[0];
    expect(hit?.snippet.match.toLowerCase()).toBe("ervaringen");
    expect(`${hit?.snippet.before}${hit?.snippet.match}${hit?.snippet.after}`).toContain(
      "<script>alert('x')</script>",
    );
    expect(snippetOf("Een lange zin over Zorgcoördinatie.", "zorgcoordinatie")).toEqual({
      before: "Een lange zin over ",
      match: "Zorgcoördinatie",
      after: ".",
    });
  });
});
