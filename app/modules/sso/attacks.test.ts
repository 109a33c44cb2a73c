/**
 * The attacks of the issue-17 review, each replayed against the real flow (a real OIDC provider,
 * real database): every one of them must now fail.
 */
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import type { Database } from "#app/db/client.server.ts";
import {
  organisationMembers,
  outbox,
  sessions,
  userIdentities,
  users,
} from "#app/db/schema/index.ts";
import {
  authenticate,
  consumeMagicLink,
  registerUser,
  resetPassword,
  sendAccountLink,
} from "#app/modules/accounts/accounts.server.ts";
import { hashNewPassword } from "#app/modules/accounts/passwords.server.ts";
import { createSession } from "#app/modules/accounts/sessions.server.ts";
import {
  listLoginDomains,
  mapLoginDomain,
} from "#app/modules/organisations/login-domains.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import {
  actorFor,
  addToOrganisation,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import {
  followLoginRedirects,
  type OidcTestProvider,
  startOidcTestProvider,
} from "../../../tests/support/oidc-test-provider.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { unlinkIdentity } from "./identities.server.ts";
import {
  authoriseLinkStart,
  completeSsoWithEmail,
  confirmIdentityLink,
  confirmSsoEmail,
  finishSsoFlow,
  type SsoPurpose,
  startSsoFlow,
} from "./sso.server.ts";

const baseUrl = "http://knooppunt.test";
const request = { ipAddress: "10.0.0.9", userAgent: "vitest" };
let database: Database;
let surf: OidcTestProvider;
let entree: OidcTestProvider;

beforeAll(async () => {
  [surf, entree] = await Promise.all([
    startOidcTestProvider({
      baseUrl,
      preset: "surfconext",
      accounts: {
        student: {
          given_name: "Stu",
          email: "stu@uni.nl",
          schac_home_organization: "uni.nl",
          eduperson_affiliation: ["student", "member"],
        },
        lecturer: {
          given_name: "Lea",
          email: "lea@uni.nl",
          schac_home_organization: "uni.nl",
          eduperson_affiliation: ["employee", "member"],
        },
        silent: { given_name: "Sil", email: "sil@uni.nl", schac_home_organization: "uni.nl" },
        vera: { given_name: "Vera", email: "vera@school.nl", schac_home_organization: "school.nl" },
        zoe: { given_name: "Zoë", email: "zoe@school.nl", schac_home_organization: "school.nl" },
      },
    }),
    startOidcTestProvider({
      baseUrl,
      preset: "entree",
      accounts: {
        pupil: {
          uid: "pupil@vo",
          givenName: "Leerling",
          eduPersonAffiliation: "student",
          nlEduPersonHomeOrganizationId: "22AB",
        },
        mallory: { uid: "mal@x", givenName: "Mallory" },
        mallory2: { uid: "mal2@x", givenName: "Mallory" },
        mallory3: { uid: "mal3@x", givenName: "Mallory" },
      },
    }),
  ]);
  Object.assign(process.env, surf.env(), entree.env(), {
    SSO_PROVIDERS: "surfconext,entree",
    PUBLIC_URL: baseUrl,
  });
  resetEnvForTests();
  database = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all([surf?.close(), entree?.close()]);
  for (const key of ["SSO_PROVIDERS", "PUBLIC_URL"]) delete process.env[key];
  resetEnvForTests();
  await database?.close();
});

async function flow(
  provider: "surfconext" | "entree",
  account: string,
  options: { purpose?: SsoPurpose; userId?: string } = {},
) {
  const { flowId, authorizationUrl } = await startSsoFlow(database.db, {
    provider,
    purpose: options.purpose ?? "login",
    userId: options.userId,
    returnTo: "/",
  });
  authorizationUrl.searchParams.set("login_hint", account);
  const callbackUrl = await followLoginRedirects(
    authorizationUrl,
    `${baseUrl}/inloggen/sso/${provider}/terug`,
  );
  return finishSsoFlow(database.db, { provider, flowId, callbackUrl, request });
}

async function workplacesOf(userId: string) {
  return database.db
    .select({
      organisationId: organisationMembers.organisationId,
      status: organisationMembers.status,
    })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
}

async function mailsTo(email: string) {
  return database.db
    .select()
    .from(outbox)
    .where(eq(outbox.to, email))
    .orderBy(desc(outbox.createdAt));
}

describe("a login that names a school confirms a workplace only for its staff", () => {
  let uni: { id: string };
  beforeAll(async () => {
    uni = await buildOrganisation(database.db, { name: "Universiteit" });
    const platformAdmin = await buildUser(database.db, { isPlatformAdmin: true });
    const { mapLoginDomain } = await import("#app/modules/organisations/login-domains.server.ts");
    await mapLoginDomain(database.db, await actorFor(database.db, platformAdmin), uni.id, "uni.nl");
  });

  it("a student of the mapped domain gets no workplace there", async () => {
    const outcome = await flow("surfconext", "student");
    if (outcome.kind !== "logged-in") throw new Error(outcome.kind);
    expect(await workplacesOf(outcome.userId)).toEqual([]);
  });

  it("an employee of the mapped domain is confirmed", async () => {
    const outcome = await flow("surfconext", "lecturer");
    if (outcome.kind !== "logged-in") throw new Error(outcome.kind);
    expect(await workplacesOf(outcome.userId)).toEqual([
      { organisationId: uni.id, status: "confirmed" },
    ]);
  });

  it("a login that releases no affiliation is a request the school decides, not a workplace", async () => {
    const outcome = await flow("surfconext", "silent");
    if (outcome.kind !== "logged-in") throw new Error(outcome.kind);
    expect(await workplacesOf(outcome.userId)).toEqual([
      { organisationId: uni.id, status: "requested" },
    ]);
  });

  it("an Entree pupil gets no workplace at the school of the BRIN", async () => {
    const school = await buildOrganisation(database.db, { name: "VO-school", brin: "22AB" });
    const pupil = await buildUser(database.db, { email: "pupil@vo.test" });
    expect(await flow("entree", "pupil", { purpose: "link", userId: pupil.id })).toMatchObject({
      kind: "linked",
    });
    expect(
      await database.db
        .select()
        .from(organisationMembers)
        .where(
          and(
            eq(organisationMembers.userId, pupil.id),
            eq(organisationMembers.organisationId, school.id),
          ),
        ),
    ).toEqual([]);
  });
});

const requestInfo = (ipAddress: string) => ({ baseUrl, ipAddress, locale: "nl" as const });
const tokenIn = async (email: string, path: RegExp) =>
  (await mailsTo(email))[0]?.text?.match(path)?.[1];

async function identitiesOfUser(userId: string) {
  return database.db.select().from(userIdentities).where(eq(userIdentities.userId, userId));
}

/**
 * The old way to plant an unverified account with someone's address: an SSO account made while
 * an Entree login typed that address (before the address had to be proven), with the attacker's
 * Entree login and a session on it.
 */
async function plantedAccount(email: string, entreeSubject: string) {
  const [user] = await database.db
    .insert(users)
    .values({ name: "Mallory", email, passwordHash: null, emailVerifiedAt: null })
    .returning({ id: users.id });
  await database.db
    .insert(userIdentities)
    .values({ userId: user!.id, provider: "entree", subject: entreeSubject, email: null });
  await createSession(database.db, {
    userId: user!.id,
    ipAddress: "6.6.6.6",
    userAgent: "mallory",
  });
  return user!.id;
}

describe("an address typed after a login is proven before it is anyone's", () => {
  it("typing someone's address after an Entree login makes no account; their later SURFconext login makes their own", async () => {
    const asked = await flow("entree", "mallory");
    if (asked.kind !== "needs-email") throw new Error(asked.kind);
    expect(
      await completeSsoWithEmail(database.db, {
        flowId: asked.flowId,
        email: "vera@school.nl",
        locale: "nl",
      }),
    ).toEqual({ kind: "confirmation-sent", email: "vera@school.nl" });
    expect(await database.db.select().from(users).where(eq(users.email, "vera@school.nl"))).toEqual(
      [],
    );
    // Vera logs in with her school's account: a new account of hers, no link mail to follow.
    const vera = await flow("surfconext", "vera");
    expect(vera).toMatchObject({ kind: "logged-in", created: true });
    if (vera.kind !== "logged-in") return;
    // Mallory's confirmation link went to Vera's mailbox; were it followed, the address is taken.
    const id = await tokenIn("vera@school.nl", /bevestigen\/([\w-]+)/);
    expect(await confirmSsoEmail(database.db, id!, "nl")).toEqual({ kind: "address-taken" });
    // Mallory's Entree login leads to no account: it asks for an address again.
    expect((await flow("entree", "mallory")).kind).toBe("needs-email");
    expect(await identitiesOfUser(vera.userId)).toEqual([
      expect.objectContaining({ provider: "surfconext" }),
    ]);
  });

  it("confirming a planted account's SSO link drops the planter's Entree login, password and sessions", async () => {
    const planted = await plantedAccount("zoe@school.nl", "mal3@x");
    await database.db
      .update(users)
      .set({ passwordHash: await hashNewPassword("attacker pass 123") })
      .where(eq(users.id, planted));
    expect((await flow("surfconext", "zoe")).kind).toBe("link-confirmation-sent");
    const token = await tokenIn("zoe@school.nl", /koppelen\/([\w-]+)/);
    expect(await confirmIdentityLink(database.db, token!)).toMatchObject({
      kind: "linked",
      userId: planted,
    });
    expect(await identitiesOfUser(planted)).toEqual([
      expect.objectContaining({ provider: "surfconext" }),
    ]);
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, planted))).toEqual(
      [],
    );
    expect(
      (
        await authenticate(
          database.db,
          { email: "zoe@school.nl", password: "attacker pass 123" },
          requestInfo("1.1.1.6"),
        )
      ).kind,
    ).toBe("invalid");
    expect((await flow("entree", "mallory3")).kind).toBe("needs-email");
  });

  it("resetting the password of a planted account drops the planter's Entree login and sessions", async () => {
    const planted = await plantedAccount("wim@school.nl", "mal2@x");
    await registerUser(
      database.db,
      { name: "Wim", email: "wim@school.nl", password: "correct horse battery" },
      requestInfo("1.1.1.1"),
    );
    await sendAccountLink(database.db, "wim@school.nl", "reset-password", requestInfo("1.1.1.2"));
    const token = await tokenIn("wim@school.nl", /wachtwoord-herstellen\/([\w-]+)/);
    expect(await resetPassword(database.db, token!, "wims own password 1")).toBe(planted);
    expect(await identitiesOfUser(planted)).toEqual([]);
    expect((await flow("entree", "mallory2")).kind).toBe("needs-email");
    expect(
      (
        await authenticate(
          database.db,
          { email: "wim@school.nl", password: "wims own password 1" },
          requestInfo("1.1.1.3"),
        )
      ).kind,
    ).toBe("ok");
  });

  it("a password someone registered under another's address does not survive that person's login link", async () => {
    await registerUser(
      database.db,
      { name: "X", email: "ada@school.nl", password: "attacker pass 123" },
      requestInfo("1.1.1.4"),
    );
    await sendAccountLink(database.db, "ada@school.nl", "magic-link", requestInfo("1.1.1.5"));
    const token = await tokenIn("ada@school.nl", /inloggen\/link\/([\w-]+)/);
    const userId = await consumeMagicLink(database.db, token!);
    expect(userId).toBeTruthy();
    expect(
      (
        await authenticate(
          database.db,
          { email: "ada@school.nl", password: "attacker pass 123" },
          requestInfo("1.1.1.6"),
        )
      ).kind,
    ).toBe("invalid");
  });
});

describe("adding a way in needs more than the session", () => {
  it("a session holder who does not know the password cannot start a link; the owner can, and is told by mail", async () => {
    const victim = await buildUser(database.db, {
      email: "vic@school.nl",
      password: "victims own password",
    });
    expect(await authoriseLinkStart(database.db, victim.id, {})).toBe("wrong-password");
    expect(await authoriseLinkStart(database.db, victim.id, { password: "guess" })).toBe(
      "wrong-password",
    );
    expect(
      await authoriseLinkStart(database.db, victim.id, { password: "victims own password" }),
    ).toBe("ok");
    const { authorizationUrl } = await startSsoFlow(database.db, {
      provider: "surfconext",
      purpose: "link",
      userId: victim.id,
    });
    // a login at the provider, not its open session in this browser
    expect(authorizationUrl.searchParams.get("prompt")).toBe("login");
    expect(authorizationUrl.searchParams.get("max_age")).toBe("0");
    expect(await flow("surfconext", "student", { purpose: "link", userId: victim.id })).toEqual({
      kind: "refused",
      reason: "already-linked",
    });
    expect(await flow("entree", "mallory", { purpose: "link", userId: victim.id })).toMatchObject({
      kind: "linked",
    });
    expect((await mailsTo("vic@school.nl"))[0]?.kind).toBe("mail.identityLinkedNotice");
  });

  it("an account without a password links only with the proof of a provider login it had before", async () => {
    const lea = (await flow("surfconext", "lecturer")) as { userId: string };
    expect(await authoriseLinkStart(database.db, lea.userId, {})).toBe("needs-reauth");
    const other = await buildUser(database.db);
    const theirs = await flow("surfconext", "student", { purpose: "reauth", userId: other.id });
    expect(theirs).toEqual({ kind: "refused", reason: "wrong-account" });
    const proof = await flow("surfconext", "lecturer", { purpose: "reauth", userId: lea.userId });
    if (proof.kind !== "reauthenticated") throw new Error(proof.kind);
    expect(await authoriseLinkStart(database.db, lea.userId, { reauthToken: proof.token })).toBe(
      "ok",
    );
    // once
    expect(await authoriseLinkStart(database.db, lea.userId, { reauthToken: proof.token })).toBe(
      "needs-reauth",
    );
  });

  it("removing a way in mails a notice, and a provider no longer configured is no way in", async () => {
    const lea = (await flow("surfconext", "lecturer")) as { userId: string };
    const actor = await actorFor(database.db, (await userRow(lea.userId))!);
    await database.db
      .insert(userIdentities)
      .values({ userId: lea.userId, provider: "retired-idp", subject: "old-1" });
    const [surfIdentity] = await database.db
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.userId, lea.userId), eq(userIdentities.provider, "surfconext")));
    expect(await unlinkIdentity(database.db, actor, surfIdentity!.id)).toEqual({
      kind: "last-way-in",
    });
    const [mallory] = await database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.subject, "mal@x"));
    const vic = await actorFor(database.db, (await userRow(mallory!.userId))!);
    expect(await unlinkIdentity(database.db, vic, mallory!.id)).toEqual({ kind: "unlinked" });
    expect((await mailsTo("vic@school.nl"))[0]?.kind).toBe("mail.identityUnlinkedNotice");
  });
});

async function userRow(id: string) {
  const [row] = await database.db.select().from(users).where(eq(users.id, id));
  return row;
}

describe("a school claims only a domain that is its own", () => {
  it("a school admin cannot claim another institution's domain, nor a shared one; a platform admin can map and move, never a shared one", async () => {
    const squatter = await buildOrganisation(database.db, { name: "Kraakschool" });
    const admin = await buildUser(database.db);
    await addToOrganisation(database.db, admin.id, squatter.id, "admin");
    const actor = await actorFor(database.db, admin);
    const refusal = async (domain: string, by = actor, at = squatter.id) => {
      const error = await mapLoginDomain(database.db, by, at, domain).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FieldError);
      return (error as FieldError).message;
    };
    expect(await refusal("uni.nl")).toBe("error.loginDomain.notYours");
    expect(await refusal("other-uni.nl")).toBe("error.loginDomain.notYours");
    const platform = await actorFor(
      database.db,
      await buildUser(database.db, { isPlatformAdmin: true }),
    );
    for (const shared of ["gmail.com", "Outlook.com", "kennisnet.nl", "school.onmicrosoft.com"]) {
      expect(await refusal(shared, platform)).toBe("error.loginDomain.shared");
    }
    // The student of uni.nl logs in: no workplace at the squatter school.
    const student = await flow("surfconext", "student");
    if (student.kind !== "logged-in") throw new Error(student.kind);
    expect(await workplacesOf(student.userId)).toEqual([]);
    // A platform admin moves uni.nl to the other school.
    expect(await mapLoginDomain(database.db, platform, squatter.id, "uni.nl")).toEqual({
      domain: "uni.nl",
    });
    expect(await listLoginDomains(database.db, platform, squatter.id)).toEqual([
      expect.objectContaining({ domain: "uni.nl" }),
    ]);
    // A school admin who logged in from their own domain may map it.
    await database.db.insert(userIdentities).values({
      userId: admin.id,
      provider: "surfconext",
      subject: "kraak-admin",
      homeOrganisation: "kraakschool.nl",
    });
    expect(await mapLoginDomain(database.db, actor, squatter.id, "kraakschool.nl")).toEqual({
      domain: "kraakschool.nl",
    });
  });
});
