import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  authTokens,
  dataExports,
  sessions,
  ssoFlows,
  storedFiles,
  userExpertise,
  userIdentities,
  users,
} from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { actorFor, buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authenticate } from "./accounts.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";
import { getProfile, listPeople, updateProfile } from "./profile.server.ts";
import { createSession, findSessionUser } from "./sessions.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const page = { page: 1, perPage: 24, offset: 0 };
const request = { baseUrl: "https://knooppunt.test", ipAddress: "10.0.0.9", locale: "nl" as const };

/** A person with everything accounts holds: profile, expertise, a school account, a session, an export. */
async function personWithAccount(name: string, email: string, expertise: string[]) {
  const { db } = database;
  const user = await buildUser(db, { name, email, password: "een-lang-wachtwoord" });
  const actor = await actorFor(db, user);
  await updateProfile(db, actor, user.id, {
    name,
    jobFunction: "leraar",
    jobFunctionOther: "",
    regionId: "",
    bio: `Ik ben ${name} en geef wiskunde.`,
    expertise,
  });
  await db.insert(userIdentities).values({
    userId: user.id,
    provider: "surfconext",
    subject: `sub-${user.id}`,
    email,
    homeOrganisation: "trivium.nl",
  });
  const token = await createSession(db, {
    userId: user.id,
    userAgent: "Firefox op Linux",
    ipAddress: "10.1.2.3",
    sso: { provider: "surfconext", idToken: "geheim-id-token" },
  });
  const [file] = await db
    .insert(storedFiles)
    .values({
      name: "knooppunt-gegevens.zip",
      contentType: "application/zip",
      size: 3,
      content: Buffer.from("zip"),
      uploadedBy: user.id,
    })
    .returning({ id: storedFiles.id });
  await db.insert(dataExports).values({ userId: user.id, status: "ready", fileId: file?.id });
  await db.insert(ssoFlows).values({
    idHash: `flow-${user.id}`,
    provider: "surfconext",
    purpose: "link",
    state: "s",
    nonce: "n",
    codeVerifier: "v",
    userId: user.id,
    claims: { email },
    expiresAt: new Date(Date.now() + 60_000),
  });
  return { user, token, fileId: file?.id as string };
}

async function erase(userId: string) {
  await database.db.transaction((tx) => personalDataProvider.erase(tx, userId));
}

describe("accounts: export", () => {
  it("holds the person's profile, expertise, school accounts and devices, not another person's nor any secret", async () => {
    const { db } = database;
    const { user } = await personWithAccount("Fenna Export", "fenna.export@school.test", [
      "rekenen",
    ]);
    await personWithAccount("Gijs Ander", "gijs.ander@school.test", ["sterrenkunde"]);
    const { data } = await personalDataProvider.export(db, user.id);
    const text = JSON.stringify(data);
    expect(data).toMatchObject({
      profile: {
        name: "Fenna Export",
        email: "fenna.export@school.test",
        jobFunction: "leraar",
        bio: "Ik ben Fenna Export en geef wiskunde.",
        hasPassword: true,
      },
      expertise: ["rekenen"],
      schoolAccounts: [{ provider: "surfconext", homeOrganisation: "trivium.nl" }],
      sessions: [
        { device: "Firefox op Linux", ipAddress: "10.1.2.3", schoolAccount: "surfconext" },
      ],
      dataExports: [{ status: "ready" }],
    });
    expect(text).not.toContain("Gijs");
    expect(text).not.toContain("sterrenkunde");
    expect(text).not.toContain("geheim-id-token");
    expect(text).not.toContain(user.passwordHash);
  });
});

describe("accounts: erasure", () => {
  it("leaves an 'Oud-lid' that nobody finds, cannot log in, and has no sessions, school accounts or exports", async () => {
    const { db } = database;
    const { user, token, fileId } = await personWithAccount(
      "Hanna Wisbaar",
      "Hanna.Wisbaar@school.test",
      ["begrijpend lezen"],
    );
    const other = await personWithAccount("Ilse Blijft", "ilse.blijft@school.test", [
      "begrijpend lezen",
    ]);
    const viewer = await actorFor(db, other.user);
    expect((await listPeople(db, viewer, { query: "Wisbaar", page })).people).toHaveLength(1);

    await erase(user.id);

    for (const query of ["Hanna", "Wisbaar", "hanna.wisbaar"]) {
      expect((await listPeople(db, viewer, { query, page })).people).toEqual([]);
    }
    const byTag = await listPeople(db, viewer, { tag: "begrijpend lezen", page });
    expect(byTag.people.map((p) => p.name)).toEqual(["Ilse Blijft"]);
    await expect(getProfile(db, viewer, user.id)).rejects.toBeInstanceOf(NotFoundError);

    const [tombstone] = await db.select().from(users).where(eq(users.id, user.id));
    expect(tombstone).toMatchObject({
      name: "Oud-lid",
      email: `oud-lid-${user.id}@knooppunt.invalid`,
      passwordHash: null,
      emailVerifiedAt: null,
      bio: "",
      jobFunction: null,
      regionId: null,
      pendingEmail: null,
    });
    expect(tombstone?.disabledAt).toBeInstanceOf(Date);
    expect(tombstone?.erasedAt).toBeInstanceOf(Date);
    expect(tombstone?.searchText).not.toMatch(/hanna|wisbaar|lezen/i);

    expect(await findSessionUser(db, token)).toBeNull();
    const login = await authenticate(
      db,
      { email: "hanna.wisbaar@school.test", password: "een-lang-wachtwoord" },
      request,
    );
    expect(login.kind).toBe("invalid");
    for (const table of [sessions, authTokens, userIdentities, userExpertise, dataExports]) {
      expect(await db.select().from(table).where(eq(table.userId, user.id))).toEqual([]);
    }
    expect(await db.select().from(ssoFlows).where(eq(ssoFlows.userId, user.id))).toEqual([]);
    expect(await db.select().from(storedFiles).where(eq(storedFiles.id, fileId))).toEqual([]);

    // The other person is untouched.
    expect((await getProfile(db, viewer, other.user.id)).expertise).toEqual(["begrijpend lezen"]);
    expect(await findSessionUser(db, other.token)).not.toBeNull();
    expect(
      await db.select().from(userIdentities).where(eq(userIdentities.userId, other.user.id)),
    ).toHaveLength(1);
    expect(
      await db.select().from(storedFiles).where(eq(storedFiles.id, other.fileId)),
    ).toHaveLength(1);
  });

  it("frees the address: the person can register again with it", async () => {
    const { db } = database;
    const { user } = await personWithAccount("Jet Terug", "jet.terug@school.test", []);
    await erase(user.id);
    const again = await buildUser(db, { name: "Jet Terug", email: "jet.terug@school.test" });
    expect(again.id).not.toBe(user.id);
  });
});
