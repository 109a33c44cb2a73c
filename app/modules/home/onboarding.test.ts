import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { organisationMembers, outbox, regions, users } from "#app/db/schema/index.ts";
import { FieldError } from "#app/platform/forms.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authenticate, registerUser } from "../accounts/accounts.server.ts";
import { getProfile } from "../accounts/profile.server.ts";
import { findSchools } from "../organisations/school-lookup.server.ts";
import {
  claimSchoolStep,
  confirmNewAccount,
  endOnboarding,
  onboardingStepOf,
  saveExpertiseStep,
  saveFunctionStep,
  skipStep,
  welcomeNetworks,
} from "./onboarding.server.ts";

let database: Database;
const request = { baseUrl: "https://knooppunt.test", ipAddress: "10.0.0.9", locale: "nl" as const };
const mail = { baseUrl: "https://knooppunt.test" };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function verificationTokens(email: string) {
  const mails = await database.db
    .select({ text: outbox.text })
    .from(outbox)
    .where(eq(outbox.to, email))
    .orderBy(desc(outbox.createdAt));
  return mails.flatMap((m) => m.text?.match(/e-mail-bevestigen\/([A-Za-z0-9_-]+)/)?.[1] ?? []);
}

let counter = 0;
async function registered(name = "Nieuwe Leraar") {
  const email = `nieuw${++counter}-${Date.now()}@school.test`;
  const password = "samen leren in netwerken";
  const { browserToken } = await registerUser(database.db, { name, email, password }, request);
  const [token] = await verificationTokens(email);
  if (!token) throw new Error("no verification mail");
  return { email, password, token, browserToken };
}

async function welcomed() {
  const { email, token, browserToken } = await registered();
  const verified = await confirmNewAccount(database.db, token, browserToken);
  if (!verified) throw new Error("not verified");
  const [user] = await database.db.select().from(users).where(eq(users.id, verified.userId));
  if (!user) throw new Error("no user");
  return { email, user, actor: await actorFor(database.db, user) };
}

describe("the verification link starts the welcome", () => {
  it("a new account's first link verifies, starts at step 1 and works once", async () => {
    const db = database.db;
    const { token, browserToken } = await registered();
    const verified = await confirmNewAccount(db, token, browserToken);
    expect(verified?.firstProof).toBe(true);
    expect(verified?.signIn).toBe(true);
    expect(await onboardingStepOf(db, verified?.userId ?? "")).toBe("function");
    // Used: no second sign-in from the same mail.
    expect(await confirmNewAccount(db, token, browserToken)).toBeNull();
  });

  it("signs in only in the browser that registered: a link opened elsewhere only confirms", async () => {
    const db = database.db;
    // Someone registers another person's address with a password of their own; the owner of the
    // mailbox follows the link in their own browser (no registration cookie, or another one).
    const victim = await registered();
    const attacker = await registered();
    const elsewhere = await confirmNewAccount(db, victim.token, attacker.browserToken);
    expect(elsewhere?.firstProof).toBe(true);
    expect(elsewhere?.signIn).toBe(false);
    // The welcome still waits for them after logging in.
    expect(await onboardingStepOf(db, elsewhere?.userId ?? "")).toBe("function");
    const noCookie = await registered();
    expect((await confirmNewAccount(db, noCookie.token, null))?.signIn).toBe(false);
    // The attacker's own link sent to someone else does not sign that someone in either.
    expect((await confirmNewAccount(db, attacker.token, "x".repeat(43)))?.signIn).toBe(false);
  });

  it("answers a known address with a registration cookie too, which signs in nothing", async () => {
    const db = database.db;
    const first = await registered();
    const again = await registerUser(
      db,
      { name: "Nog Eens", email: first.email, password: "een ander lang wachtwoord" },
      request,
    );
    expect(again.browserToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await confirmNewAccount(db, first.token, again.browserToken))?.signIn).toBe(false);
  });

  it("a second link for an address already proven confirms only: no sign-in, no new welcome", async () => {
    const db = database.db;
    const { email, password, token, browserToken } = await registered();
    // Logging in before confirming sends a second verification mail.
    expect((await authenticate(db, { email, password }, request)).kind).toBe("unverified");
    const [second] = await verificationTokens(email);
    expect(second).toBeDefined();
    expect(second).not.toBe(token);
    const first = await confirmNewAccount(db, token, browserToken);
    if (!first) throw new Error("first link refused");
    const actor = await actorFor(
      db,
      (await db.select().from(users).where(eq(users.id, first.userId)))[0] as never,
    );
    await endOnboarding(db, actor);
    const again = await confirmNewAccount(db, second ?? "", browserToken);
    expect(again).toEqual({ userId: first.userId, firstProof: false, signIn: false });
    expect(await onboardingStepOf(db, first.userId)).toBeNull();
  });

  it("a disabled account's link signs nobody in", async () => {
    const db = database.db;
    const { email, token, browserToken } = await registered();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, email));
    const verified = await confirmNewAccount(db, token, browserToken);
    expect(verified?.firstProof).toBe(false);
    expect(verified?.signIn).toBe(false);
    expect(await onboardingStepOf(db, verified?.userId ?? "")).toBeNull();
  });

  it("accounts from before the welcome have none", async () => {
    const user = await buildUser(database.db);
    expect(await onboardingStepOf(database.db, user.id)).toBeNull();
  });
});

describe("the steps", () => {
  it("advance one by one, keep the profile's other fields, and can be resumed", async () => {
    const db = database.db;
    const { user, actor } = await welcomed();
    const [region] = await db
      .insert(regions)
      .values({ name: `Regio ${Date.now()}` })
      .returning();
    expect(
      await saveFunctionStep(db, actor, {
        jobFunction: "anders",
        jobFunctionOther: "Onderwijskundige",
        regionId: region?.id ?? "",
      }),
    ).toBe("school");
    // Resume: the saved step is where /welkom goes.
    expect(await onboardingStepOf(db, user.id)).toBe("school");
    expect(await skipStep(db, actor, "school")).toBe("expertise");
    expect(await saveExpertiseStep(db, actor, ["toetsing", "formatief evalueren"])).toBe(
      "networks",
    );
    const profile = await getProfile(db, actor, user.id);
    expect(profile).toMatchObject({
      name: user.name,
      jobFunction: "anders",
      jobFunctionOther: "Onderwijskundige",
      regionId: region?.id,
    });
    expect(profile.expertise).toEqual(["formatief evalueren", "toetsing"]);
    expect(await skipStep(db, actor, "networks")).toBe("calendar");
    expect(await skipStep(db, actor, "calendar")).toBeNull();
    expect(await onboardingStepOf(db, user.id)).toBeNull();
  });

  it("'Sla alles over' ends it, and a step posted afterwards saves without starting it again", async () => {
    const db = database.db;
    const { user, actor } = await welcomed();
    await endOnboarding(db, actor);
    expect(await onboardingStepOf(db, user.id)).toBeNull();
    await saveExpertiseStep(db, actor, ["rekenen"]);
    expect(await onboardingStepOf(db, user.id)).toBeNull();
    expect((await getProfile(db, actor, user.id)).expertise).toEqual(["rekenen"]);
  });

  it("the school is a request its admins confirm: they are mailed, nothing is granted", async () => {
    const db = database.db;
    const school = await buildOrganisation(db, { name: "Het Baken Almere", place: "Almere" });
    const admin = await buildUser(db);
    await addToOrganisation(db, admin.id, school.id, "admin");
    const { user, actor } = await welcomed();
    expect(await claimSchoolStep(db, actor, school.id, mail)).toBe("expertise");
    const [row] = await db
      .select({ status: organisationMembers.status, role: organisationMembers.role })
      .from(organisationMembers)
      .where(
        and(
          eq(organisationMembers.userId, user.id),
          eq(organisationMembers.organisationId, school.id),
        ),
      );
    expect(row).toEqual({ status: "requested", role: "member" });
    expect((await actorFor(db, user)).grants).toEqual([]);
    const toAdmin = await db
      .select({ subject: outbox.subject })
      .from(outbox)
      .where(eq(outbox.to, admin.email));
    expect(toAdmin.map((m) => m.subject).join()).toContain(user.name);
  });

  it("a board or an unknown id is no school to pick", async () => {
    const db = database.db;
    const board = await buildOrganisation(db, { kind: "board", sector: null });
    const { actor } = await welcomed();
    await expect(claimSchoolStep(db, actor, board.id, mail)).rejects.toBeInstanceOf(FieldError);
    await expect(
      claimSchoolStep(db, actor, "00000000-0000-4000-8000-000000000000", mail),
    ).rejects.toBeInstanceOf(FieldError);
    expect(await onboardingStepOf(db, actor.userId)).toBe("function");
  });
});

describe("finding the school", () => {
  it("by BRIN code (also a location's), by place and by name; boards are left out", async () => {
    const db = database.db;
    const stamp = Date.now().toString(36);
    const school = await buildOrganisation(db, {
      name: `Sint-Jozefschool ${stamp}`,
      place: `Zevenhuizen${stamp}`,
      brin: "31XY",
    });
    await buildOrganisation(db, { kind: "board", sector: null, name: `Stichting ${stamp}` });
    expect((await findSchools(db, "31xy")).map((s) => s.id)).toEqual([school.id]);
    expect((await findSchools(db, "31XY02"))[0]?.id).toBe(school.id);
    expect((await findSchools(db, `zevenhuizen${stamp}`)).map((s) => s.id)).toEqual([school.id]);
    expect((await findSchools(db, stamp)).map((s) => s.id)).toEqual([school.id]);
  });
});

describe("networks that fit", () => {
  it("match sector, region and themes, best first, and leave out what cannot be joined", async () => {
    const db = database.db;
    const stamp = Date.now().toString(36);
    const [region] = await db
      .insert(regions)
      .values({ name: `Noord ${stamp}` })
      .returning();
    const [elsewhere] = await db
      .insert(regions)
      .values({ name: `Zuid ${stamp}` })
      .returning();
    const theme = `toetsing-${stamp}`;
    const school = await buildOrganisation(db, { sector: "MBO", regionId: region?.id });
    const { actor } = await welcomed();
    await claimSchoolStep(db, actor, school.id, mail);
    await saveExpertiseStep(db, actor, [theme]);
    const past = "2020-01-01";
    const future = "2099-01-01";
    const name = (n: string) => `${n} ${stamp}`;
    const best = await buildNetwork(db, {
      name: name("Alles"),
      sectors: ["MBO"],
      regionId: region?.id,
      themes: [theme],
    });
    const sectorOnly = await buildNetwork(db, { name: name("Sector"), sectors: ["MBO"] });
    const forming = await buildNetwork(db, {
      name: name("Oprichting"),
      status: "in-formation",
      themes: [theme],
    });
    const closedNotStarted = await buildNetwork(db, {
      name: name("Gesloten later"),
      status: "in-formation",
      openness: "closed",
      startDate: future,
      sectors: ["MBO"],
    });
    const left = [
      await buildNetwork(db, { name: name("Geëindigd"), status: "ended", sectors: ["MBO"] }),
      await buildNetwork(db, {
        name: name("Gesloten bezig"),
        openness: "closed",
        startDate: past,
        sectors: ["MBO"],
      }),
      await buildNetwork(db, {
        name: name("Gesloten actief"),
        openness: "closed",
        sectors: ["MBO"],
      }),
      await buildNetwork(db, { name: name("Ander"), sectors: ["PO"], regionId: elsewhere?.id }),
    ];
    const own = await buildNetwork(db, { name: name("Eigen"), sectors: ["MBO"] });
    await addNetworkMember(db, own.id, actor.userId);

    const { networks } = await welcomeNetworks(db, actor);
    const ids = networks.map((n) => n.id);
    expect(ids[0]).toBe(best.id);
    expect(networks[0]).toMatchObject({
      sectorMatch: true,
      regionMatch: true,
      sharedThemes: [theme],
    });
    expect(ids).toEqual(expect.arrayContaining([sectorOnly.id, forming.id, closedNotStarted.id]));
    for (const network of [...left, own]) expect(ids).not.toContain(network.id);
    expect(networks.length).toBeLessThanOrEqual(6);
  });

  it("suggest nothing to someone who told nothing", async () => {
    const { actor } = await welcomed();
    expect((await welcomeNetworks(database.db, actor)).networks).toEqual([]);
  });
});
