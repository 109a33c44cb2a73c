import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { users } from "#app/db/schema/index.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import { FieldError, parseForm } from "#app/platform/forms.ts";
import { actorFor, buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { setWorkplaces } from "../organisations/workplaces.server.ts";
import { profileSchema, registerSchema } from "./accounts.schema.ts";
import { getProfile, listPeople, updateProfile } from "./profile.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const v of [value].flat()) data.append(key, v);
  return data;
}

describe("profile form", () => {
  it("gives a Dutch message per bad field and keeps what was typed", () => {
    const result = parseForm(
      profileSchema,
      form({ name: "A", jobFunction: "astronaut", bio: "x".repeat(1001), expertise: "toetsing" }),
      ["organisationIds"],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      name: "error.name.required",
      jobFunction: "error.jobFunction.invalid",
      bio: "error.bio.tooLong",
    });
    expect(result.values.expertise).toBe("toetsing");
  });

  it("asks which function when 'anders' is chosen, and cleans up expertise tags", () => {
    const missing = parseForm(profileSchema, form({ name: "Karin", jobFunction: "anders" }), [
      "organisationIds",
    ]);
    expect(missing.ok ? null : missing.errors.jobFunctionOther).toBe(
      "error.jobFunctionOther.required",
    );
    const ok = parseForm(
      profileSchema,
      form({
        name: "Karin",
        jobFunction: "leraar",
        expertise: " Toetsing, differentiatie,,toetsing ",
      }),
      ["organisationIds"],
    );
    expect(ok.ok && ok.data.expertise).toEqual(["toetsing", "differentiatie"]);
  });

  it("refuses short and common passwords and never echoes a password back", () => {
    const short = parseForm(
      registerSchema,
      form({ name: "Jan", email: "jan@school.nl", password: "kort" }),
    );
    expect(short.ok ? null : short.errors.password).toBe("error.password.tooShort");
    const common = parseForm(
      registerSchema,
      form({ name: "Jan", email: "jan@school.nl", password: "Wachtwoord123" }),
    );
    expect(common.ok ? null : common.errors.password).toBe("error.password.common");
    expect(common.ok ? null : common.values.password).toBeUndefined();
    const badEmail = parseForm(
      registerSchema,
      form({ name: "Jan", email: "jan@", password: "een prima wachtzin" }),
    );
    expect(badEmail.ok ? null : badEmail.errors.email).toBe("error.email.invalid");
  });
});

describe("profiles and who knows what", () => {
  it("saves function, bio and expertise, and finds people by expertise", async () => {
    const db = database.db;
    const ruud = await buildUser(db, { name: "Ruud Meijer" });
    const actor = await actorFor(db, ruud);
    await updateProfile(db, actor, ruud.id, {
      name: "Ruud Meijer",
      jobFunction: "intern-begeleider",
      jobFunctionOther: "",
      regionId: "",
      bio: "Passend onderwijs.",
      expertise: ["begaafdheid", "passend onderwijs"],
    });
    const profile = await getProfile(db, actor, ruud.id);
    expect(profile.expertise).toEqual(["begaafdheid", "passend onderwijs"]);
    expect(profile.jobFunction).toBe("intern-begeleider");

    const page = { page: 1, perPage: 24, offset: 0 };
    const found = await listPeople(db, actor, { tag: "Begaafdheid", page });
    expect(found.people.map((p) => p.name)).toContain("Ruud Meijer");
    const byWord = await listPeople(db, actor, { query: "passend", page });
    expect(byWord.people.map((p) => p.name)).toContain("Ruud Meijer");
    const none = await listPeople(db, actor, { tag: "sterrenkunde", page });
    expect(none).toEqual({ people: [], total: { count: 0, more: false }, hasNext: false });
  });

  it("says per person why they are on the list: which expertise matched, or the name", async () => {
    const db = database.db;
    const actor = await actorFor(db, await buildUser(db));
    const profile = (name: string, expertise: string[]) => ({
      name,
      jobFunction: "leraar" as const,
      jobFunctionOther: "",
      regionId: "",
      bio: "",
      expertise,
    });
    const inge = await buildUser(db, { name: "Inge Waaijer" });
    await updateProfile(
      db,
      await actorFor(db, inge),
      inge.id,
      profile("Inge Waaijer", ["waaiermodel", "verrijking", "biologie"]),
    );
    const kees = await buildUser(db, { name: "Kees Waaijer" });
    await updateProfile(
      db,
      await actorFor(db, kees),
      kees.id,
      profile("Kees Waaijer", ["wiskunde"]),
    );
    const page = { page: 1, perPage: 24, offset: 0 };
    const why = async (input: { query?: string; tag?: string }) =>
      (await listPeople(db, actor, { ...input, page })).people.map((p) => [p.name, p.matched]);
    expect(await why({ query: "waai" })).toEqual([
      ["Inge Waaijer", { tags: ["waaiermodel"], name: true }],
      ["Kees Waaijer", { tags: [], name: true }],
    ]);
    expect(await why({ query: "verrijk" })).toEqual([
      ["Inge Waaijer", { tags: ["verrijking"], name: false }],
    ]);
    expect(await why({ tag: "Biologie" })).toEqual([
      ["Inge Waaijer", { tags: ["biologie"], name: false }],
    ]);
    // an underscore or percent sign is a character to look for, not a wildcard for everyone
    expect(await why({ query: "_" })).toEqual([]);
    expect(await why({ query: "%" })).toEqual([]);
  });

  it("finds names and expertise without regard to accents or capitals", async () => {
    const db = database.db;
    const actor = await actorFor(db, await buildUser(db));
    const noor = await buildUser(db, { name: "Noël Çelik" });
    await updateProfile(db, await actorFor(db, noor), noor.id, {
      name: "Noël Çelik",
      jobFunction: "leraar",
      jobFunctionOther: "",
      regionId: "",
      bio: "",
      expertise: ["coöperatief leren"],
    });
    const page = { page: 1, perPage: 24, offset: 0 };
    const why = async (query: string) =>
      (await listPeople(db, actor, { query, page })).people.map((p) => [p.name, p.matched]);
    expect(await why("noel celik")).toEqual([["Noël Çelik", { tags: [], name: true }]]);
    expect(await why("COOPERATIEF")).toEqual([
      ["Noël Çelik", { tags: ["coöperatief leren"], name: false }],
    ]);
    // the search follows a changed profile: a tag taken off, a new name
    await updateProfile(db, await actorFor(db, noor), noor.id, {
      name: "Noël Çelik-Jansen",
      jobFunction: "leraar",
      jobFunctionOther: "",
      regionId: "",
      bio: "",
      expertise: [],
    });
    expect(await why("COOPERATIEF")).toEqual([]);
    expect(await why("celik-jansen")).toEqual([["Noël Çelik-Jansen", { tags: [], name: true }]]);
  });

  it("pages through many people with a total that matches the filter", async () => {
    const db = database.db;
    const actor = await actorFor(db, await buildUser(db));
    for (let i = 0; i < 5; i++) {
      const person = await buildUser(db, { name: `Paginatest ${i}` });
      await updateProfile(db, await actorFor(db, person), person.id, {
        name: `Paginatest ${i}`,
        jobFunction: "leraar",
        jobFunctionOther: "",
        regionId: "",
        bio: "",
        expertise: ["paginering"],
      });
    }
    const first = await listPeople(db, actor, {
      tag: "paginering",
      page: { page: 1, perPage: 2, offset: 0 },
    });
    const last = await listPeople(db, actor, {
      tag: "paginering",
      page: { page: 3, perPage: 2, offset: 4 },
    });
    expect(first.total).toEqual({ count: 5, more: false });
    expect(first.people.map((p) => p.name)).toEqual(["Paginatest 0", "Paginatest 1"]);
    expect(first.hasNext).toBe(true);
    expect(last.people.map((p) => p.name)).toEqual(["Paginatest 4"]);
    expect(last.hasNext).toBe(false);
  });

  it("hides profiles from visitors: list and single page agree (404 both)", async () => {
    const db = database.db;
    const someone = await buildUser(db);
    await expect(
      listPeople(db, null, { page: { page: 1, perPage: 24, offset: 0 } }),
    ).rejects.toThrow(NotFoundError);
    await expect(getProfile(db, null, someone.id)).rejects.toThrow(NotFoundError);
  });

  it("lets nobody edit someone else's profile", async () => {
    const db = database.db;
    const owner = await buildUser(db);
    const other = await actorFor(db, await buildUser(db));
    const change = {
      name: "Gekaapt",
      jobFunction: "leraar" as const,
      jobFunctionOther: "",
      regionId: "",
      bio: "",
      expertise: [],
    };
    await expect(updateProfile(db, other, owner.id, change)).rejects.toThrow(ForbiddenError);
    const [row] = await db.select().from(users).where(eq(users.id, owner.id));
    expect(row?.name).toBe(owner.name);
  });

  it("saves profile and workplaces together or not at all", async () => {
    const db = database.db;
    const user = await buildUser(db, { name: "Voor De Fout" });
    const actor = await actorFor(db, user);
    const attempt = db.transaction(async (tx) => {
      await updateProfile(tx, actor, user.id, {
        name: "Na De Fout",
        jobFunction: "leraar",
        jobFunctionOther: "",
        regionId: "",
        bio: "",
        expertise: ["toetsing"],
      });
      await setWorkplaces(tx, user.id, ["00000000-0000-4000-8000-000000000009"]);
    });
    await expect(attempt).rejects.toBeInstanceOf(FieldError);
    const profile = await getProfile(db, actor, user.id);
    expect(profile.name).toBe("Voor De Fout");
    expect(profile.expertise).toEqual([]);
  });
});
