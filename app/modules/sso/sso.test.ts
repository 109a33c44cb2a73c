import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import type { Database } from "#app/db/client.server.ts";
import {
  organisationMembers,
  outbox,
  sessions,
  ssoFlows,
  userIdentities,
  users,
} from "#app/db/schema/index.ts";
import { consumeReauthentication } from "#app/modules/accounts/identity-proof.server.ts";
import { createSession } from "#app/modules/accounts/sessions.server.ts";
import {
  listLoginDomains,
  mapLoginDomain,
  unmapLoginDomain,
} from "#app/modules/organisations/login-domains.server.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { hashToken } from "#app/platform/tokens.server.ts";
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
import { dropPassword, listIdentities, unlinkIdentity } from "./identities.server.ts";
import { listSsoProviders } from "./providers.server.ts";
import {
  completeSsoWithEmail,
  confirmIdentityLink,
  confirmSsoEmail,
  finishSsoFlow,
  isSsoEmailConfirmationUsable,
  type SsoPurpose,
  ssoLogoutUrl,
  ssoLogoutUrlForSession,
  startSsoFlow,
} from "./sso.server.ts";

const baseUrl = "http://knooppunt.test";
const request = { ipAddress: "10.0.0.9", userAgent: "vitest" };
let database: Database;
let surf: OidcTestProvider;
let entree: OidcTestProvider;
/** Another provider under SURFconext's key: its answers carry another issuer. */
let rogue: OidcTestProvider;
let hogeschool: { id: string };
let brinSchool: { id: string };

const surfAccounts = {
  anna: {
    given_name: "Anna",
    family_name: "de Vries",
    email: "anna@hogeschool.nl",
    schac_home_organization: "hogeschool.nl",
    eduperson_affiliation: ["employee", "member"],
  },
  /** her provider address is the address of an existing password account */
  pieter: {
    given_name: "Pieter",
    family_name: "Bakker",
    email: "pieter@hogeschool.nl",
    schac_home_organization: "hogeschool.nl",
    eduperson_affiliation: ["employee"],
  },
  /** logs in twice at once, the first time */
  rita: {
    given_name: "Rita",
    email: "rita@hogeschool.nl",
    schac_home_organization: "hogeschool.nl",
  },
  kees: {
    given_name: "Kees",
    family_name: "Smit",
    email: "kees@elders.nl",
    schac_home_organization: "elders.nl",
    eduperson_scoped_affiliation: "student@elders.nl",
  },
};

beforeAll(async () => {
  const options = { baseUrl };
  [surf, entree, rogue] = await Promise.all([
    startOidcTestProvider({ ...options, preset: "surfconext", accounts: surfAccounts }),
    startOidcTestProvider({
      ...options,
      preset: "entree",
      accounts: {
        jan: {
          uid: ["k3j4h5@deschool", "second-value"],
          givenName: "Jan",
          sn: "Jansen",
          eduPersonAffiliation: "employee",
          nlEduPersonHomeOrganizationId: "11zz03",
          nlEduPersonHomeOrganization: "De School",
        },
        els: {
          uid: "e1s2@deschool",
          givenName: "Els",
          nlEduPersonHomeOrganizationId: "99XX",
        },
        piet: { uid: "p1e2t3@deschool", givenName: "Piet" },
      },
    }),
    startOidcTestProvider({ ...options, preset: "surfconext", accounts: surfAccounts }),
  ]);
  Object.assign(process.env, surf.env(), entree.env(), {
    SSO_PROVIDERS: "surfconext,entree",
    SSO_ENTREE_NAME: "Entree Federatie",
    PUBLIC_URL: baseUrl,
  });
  resetEnvForTests();
  database = await createTestDatabase();
  hogeschool = await buildOrganisation(database.db, { name: "Hogeschool" });
  brinSchool = await buildOrganisation(database.db, { name: "De School", brin: "11ZZ" });
  const admin = await buildUser(database.db, { isPlatformAdmin: true });
  await mapLoginDomain(
    database.db,
    await actorFor(database.db, admin),
    hogeschool.id,
    "HogeSchool.nl",
  );
});

afterAll(async () => {
  await Promise.all([surf?.close(), entree?.close(), rogue?.close()]);
  for (const key of ["SSO_PROVIDERS", "SSO_ENTREE_NAME", "PUBLIC_URL"]) delete process.env[key];
  resetEnvForTests();
  await database?.close();
});

const callbackPrefix = (provider: string) => `${baseUrl}/inloggen/sso/${provider}/terug`;

/** A login as a browser makes it: our start, the provider's redirects, our callback. */
async function ssoLogin(
  provider: "surfconext" | "entree",
  account: string,
  options: { purpose?: SsoPurpose; userId?: string; via?: OidcTestProvider } = {},
) {
  const { flowId, authorizationUrl } = await startSsoFlow(database.db, {
    provider,
    purpose: options.purpose ?? "login",
    userId: options.userId,
    returnTo: "/netwerken",
  });
  authorizationUrl.searchParams.set("login_hint", account);
  let url = authorizationUrl;
  if (options.via)
    url = new URL(authorizationUrl.pathname + authorizationUrl.search, options.via.issuer);
  const callbackUrl = await followLoginRedirects(url, callbackPrefix(provider));
  return { flowId, callbackUrl };
}

async function login(
  provider: "surfconext" | "entree",
  account: string,
  options: { purpose?: SsoPurpose; userId?: string } = {},
) {
  const { flowId, callbackUrl } = await ssoLogin(provider, account, options);
  return finishSsoFlow(database.db, { provider, flowId, callbackUrl, request });
}

async function userOf(userId: string) {
  const [user] = await database.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error("no user");
  return user;
}

async function workplace(userId: string, organisationId: string) {
  const [row] = await database.db
    .select()
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.userId, userId),
        eq(organisationMembers.organisationId, organisationId),
      ),
    );
  return row;
}

async function mailsTo(email: string) {
  return database.db
    .select()
    .from(outbox)
    .where(eq(outbox.to, email))
    .orderBy(desc(outbox.createdAt));
}

async function identitiesOf(provider: string, subject: string) {
  return database.db
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
}

describe("providers", () => {
  it("lists the configured providers with their button names and no secrets", () => {
    expect(listSsoProviders()).toEqual([
      { key: "surfconext", name: "SURFconext", preset: "surfconext" },
      { key: "entree", name: "Entree Federatie", preset: "entree" },
    ]);
  });

  it("starts a flow with PKCE (S256), state and nonce, stored only as a hash of the flow id", async () => {
    const { flowId, authorizationUrl } = await startSsoFlow(database.db, {
      provider: "surfconext",
      purpose: "login",
    });
    const params = authorizationUrl.searchParams;
    expect(authorizationUrl.origin).toBe(new URL(surf.issuer).origin);
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("redirect_uri")).toBe(callbackPrefix("surfconext"));
    const [flow] = await database.db
      .select()
      .from(ssoFlows)
      .where(eq(ssoFlows.idHash, hashToken(flowId)));
    expect(flow).toMatchObject({ state: params.get("state"), nonce: params.get("nonce") });
    expect(flow?.codeVerifier).not.toBe(params.get("code_challenge"));
    expect(flow!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
  });

  it("refuses an unknown provider as not found", async () => {
    await expect(
      startSsoFlow(database.db, { provider: "nope", purpose: "login" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("SURFconext", () => {
  let annaId: string;

  it("first login creates the account at the school of the mapped domain, confirmed, with the right name", async () => {
    const outcome = await login("surfconext", "anna");
    expect(outcome).toMatchObject({ kind: "logged-in", created: true, returnTo: "/netwerken" });
    if (outcome.kind !== "logged-in") return;
    expect(outcome.idToken).toMatch(/^ey/);
    annaId = outcome.userId;
    const user = await userOf(annaId);
    expect(user).toMatchObject({
      name: "Anna de Vries",
      email: "anna@hogeschool.nl",
      passwordHash: null,
      jobFunction: "leraar",
    });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await workplace(annaId, hogeschool.id)).toMatchObject({
      status: "confirmed",
      role: "member",
    });
    expect(await identitiesOf("surfconext", surf.subjectOf("anna"))).toEqual([
      expect.objectContaining({ userId: annaId, homeOrganisation: "hogeschool.nl" }),
    ]);
  });

  it("second login finds the same account", async () => {
    const before = (await identitiesOf("surfconext", surf.subjectOf("anna")))[0]!.lastLoginAt;
    const outcome = await login("surfconext", "anna");
    expect(outcome).toMatchObject({ kind: "logged-in", userId: annaId, created: false });
    const [identity] = await identitiesOf("surfconext", surf.subjectOf("anna"));
    expect(identity!.lastLoginAt.getTime()).toBeGreaterThan(before.getTime());
    expect(
      await database.db.select().from(users).where(eq(users.email, "anna@hogeschool.nl")),
    ).toHaveLength(1);
  });

  it("a login from a domain no school mapped creates the account without a workplace", async () => {
    const outcome = await login("surfconext", "kees");
    expect(outcome).toMatchObject({ kind: "logged-in", created: true });
    if (outcome.kind !== "logged-in") return;
    const rows = await database.db
      .select()
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, outcome.userId));
    expect(rows).toEqual([]);
    expect((await userOf(outcome.userId)).jobFunction).toBeNull(); // a student suggests no function
  });

  it("two first logins at once make one account", async () => {
    const flows = await Promise.all([
      ssoLogin("surfconext", "rita"),
      ssoLogin("surfconext", "rita"),
    ]);
    const outcomes = await Promise.all(
      flows.map((flow) => finishSsoFlow(database.db, { provider: "surfconext", ...flow, request })),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(["logged-in", "logged-in"]);
    const ids = new Set(outcomes.map((o) => (o.kind === "logged-in" ? o.userId : null)));
    expect(ids.size).toBe(1);
    expect(outcomes.filter((o) => o.kind === "logged-in" && o.created)).toHaveLength(1);
    expect(
      await database.db.select().from(users).where(eq(users.email, "rita@hogeschool.nl")),
    ).toHaveLength(1);
  });

  it("refuses a callback whose state is not the flow's", async () => {
    const { flowId, callbackUrl } = await ssoLogin("surfconext", "anna");
    callbackUrl.searchParams.set("state", "forged");
    const outcome = await finishSsoFlow(database.db, {
      provider: "surfconext",
      flowId,
      callbackUrl,
      request,
    });
    expect(outcome).toEqual({ kind: "refused", reason: "state" });
  });

  it("refuses an ID token whose nonce is not the flow's", async () => {
    const { flowId, callbackUrl } = await ssoLogin("surfconext", "anna");
    await database.db
      .update(ssoFlows)
      .set({ nonce: "tampered" })
      .where(eq(ssoFlows.idHash, hashToken(flowId)));
    const outcome = await finishSsoFlow(database.db, {
      provider: "surfconext",
      flowId,
      callbackUrl,
      request,
    });
    expect(outcome).toEqual({ kind: "refused", reason: "nonce" });
  });

  it("refuses an answer from another issuer", async () => {
    const { flowId, callbackUrl } = await ssoLogin("surfconext", "anna", { via: rogue });
    expect(callbackUrl.searchParams.get("iss")).toBe(rogue.issuer);
    const outcome = await finishSsoFlow(database.db, {
      provider: "surfconext",
      flowId,
      callbackUrl,
      request,
    });
    expect(outcome).toEqual({ kind: "refused", reason: "issuer" });
  });

  it("uses a flow once: the same callback again is expired", async () => {
    const { flowId, callbackUrl } = await ssoLogin("surfconext", "anna");
    const first = await finishSsoFlow(database.db, {
      provider: "surfconext",
      flowId,
      callbackUrl,
      request,
    });
    expect(first.kind).toBe("logged-in");
    const again = await finishSsoFlow(database.db, {
      provider: "surfconext",
      flowId,
      callbackUrl,
      request,
    });
    expect(again).toEqual({ kind: "refused", reason: "expired" });
  });

  it("refuses a flow older than ten minutes, and one finished at another provider's callback", async () => {
    const late = await ssoLogin("surfconext", "anna");
    await database.db
      .update(ssoFlows)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(ssoFlows.idHash, hashToken(late.flowId)));
    expect(await finishSsoFlow(database.db, { provider: "surfconext", ...late, request })).toEqual({
      kind: "refused",
      reason: "expired",
    });
    const other = await ssoLogin("surfconext", "anna");
    expect(await finishSsoFlow(database.db, { provider: "entree", ...other, request })).toEqual({
      kind: "refused",
      reason: "expired",
    });
  });

  it("the provider saying no is a provider error", async () => {
    const { flowId } = await startSsoFlow(database.db, {
      provider: "surfconext",
      purpose: "login",
    });
    const [flow] = await database.db
      .select()
      .from(ssoFlows)
      .where(eq(ssoFlows.idHash, hashToken(flowId)));
    const callbackUrl = new URL(callbackPrefix("surfconext"));
    callbackUrl.searchParams.set("error", "access_denied");
    callbackUrl.searchParams.set("state", flow!.state);
    callbackUrl.searchParams.set("iss", surf.issuer);
    expect(
      await finishSsoFlow(database.db, { provider: "surfconext", flowId, callbackUrl, request }),
    ).toEqual({ kind: "refused", reason: "provider-error" });
  });

  it("refuses a disabled account", async () => {
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, annaId));
    expect(await login("surfconext", "anna")).toEqual({ kind: "refused", reason: "disabled" });
    await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, annaId));
  });

  it("logout goes through the provider's end-session endpoint with the ID token", async () => {
    const outcome = await login("surfconext", "anna");
    if (outcome.kind !== "logged-in") throw new Error(outcome.kind);
    const url = await ssoLogoutUrl("surfconext", outcome.idToken, `${baseUrl}/`);
    expect(url?.origin).toBe(new URL(surf.issuer).origin);
    expect(url?.searchParams.get("id_token_hint")).toBe(outcome.idToken);
    expect(url?.searchParams.get("post_logout_redirect_uri")).toBe(`${baseUrl}/`);

    const token = await createSession(database.db, {
      userId: outcome.userId,
      userAgent: "vitest",
      ipAddress: "10.0.0.9",
      sso: { provider: "surfconext", idToken: outcome.idToken },
    });
    const [session] = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, hashToken(token)));
    expect(session).toMatchObject({ ssoProvider: "surfconext", ssoIdToken: outcome.idToken });
    expect((await ssoLogoutUrlForSession(database.db, token, `${baseUrl}/`))?.href).toBe(url?.href);
    // the provider accepts it (its logout page confirms itself)
    const response = await fetch(url!, { redirect: "manual" });
    expect(response.status).toBe(200);
  });
});

describe("Entree", () => {
  let janFlow: string;
  let janId: string;

  it("a login without e-mail asks for one", async () => {
    const outcome = await login("entree", "jan");
    expect(outcome).toMatchObject({ kind: "needs-email", suggestedEmail: null });
    if (outcome.kind !== "needs-email") return;
    janFlow = outcome.flowId;
    expect(await identitiesOf("entree", "k3j4h5@deschool")).toEqual([]);
  });

  it("an address that is no address is refused and the flow waits", async () => {
    expect(
      await completeSsoWithEmail(database.db, {
        flowId: janFlow,
        email: "jan at school",
        locale: "nl",
      }),
    ).toEqual({ kind: "invalid-email" });
  });

  it("with the address nothing is made until its mailbox follows the link; then the account is made verified, at the school of the BRIN", async () => {
    const outcome = await completeSsoWithEmail(database.db, {
      flowId: janFlow,
      email: "Jan.Jansen@DeSchool.nl",
      locale: "nl",
    });
    expect(outcome).toEqual({ kind: "confirmation-sent", email: "jan.jansen@deschool.nl" });
    expect(await identitiesOf("entree", "k3j4h5@deschool")).toEqual([]);
    expect(
      await database.db.select().from(users).where(eq(users.email, "jan.jansen@deschool.nl")),
    ).toEqual([]);
    // the flow is spent
    expect(
      await completeSsoWithEmail(database.db, {
        flowId: janFlow,
        email: "x@deschool.nl",
        locale: "nl",
      }),
    ).toEqual({ kind: "expired" });
    const [mail] = await mailsTo("jan.jansen@deschool.nl");
    expect(mail?.kind).toBe("mail.ssoConfirmEmail");
    const id = mail?.text?.match(/\/inloggen\/sso\/bevestigen\/([\w-]+)/)?.[1];
    expect(id).toBeTruthy();
    expect(await isSsoEmailConfirmationUsable(database.db, id!)).toBe(true);
    const confirmed = await confirmSsoEmail(database.db, id!, "nl");
    expect(confirmed).toMatchObject({ kind: "logged-in", created: true, provider: "entree" });
    if (confirmed.kind !== "logged-in") return;
    janId = confirmed.userId;
    const user = await userOf(janId);
    expect(user).toMatchObject({ name: "Jan Jansen", email: "jan.jansen@deschool.nl" });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await workplace(janId, brinSchool.id)).toMatchObject({ status: "confirmed" });
    expect(await identitiesOf("entree", "k3j4h5@deschool")).toHaveLength(1);
    expect(await confirmSsoEmail(database.db, id!, "nl")).toEqual({ kind: "invalid" });
    expect(await isSsoEmailConfirmationUsable(database.db, id!)).toBe(false);
  });

  it("second login finds the account without asking again", async () => {
    expect(await login("entree", "jan")).toMatchObject({
      kind: "logged-in",
      userId: janId,
      created: false,
    });
  });

  it("an unknown BRIN gives no workplace", async () => {
    const asked = await login("entree", "els");
    if (asked.kind !== "needs-email") throw new Error(asked.kind);
    await completeSsoWithEmail(database.db, {
      flowId: asked.flowId,
      email: "els@deschool.nl",
      locale: "nl",
    });
    const [mail] = await mailsTo("els@deschool.nl");
    const id = mail?.text?.match(/\/inloggen\/sso\/bevestigen\/([\w-]+)/)?.[1];
    const outcome = await confirmSsoEmail(database.db, id!, "nl");
    if (outcome.kind !== "logged-in") throw new Error(outcome.kind);
    expect(
      await database.db
        .select()
        .from(organisationMembers)
        .where(eq(organisationMembers.userId, outcome.userId)),
    ).toEqual([]);
  });

  it("an address that is someone else's account is never linked: its owner gets a mail, nobody a session", async () => {
    const owner = await buildUser(database.db, {
      email: "piet@deschool.nl",
      name: "Piet Eigenaar",
    });
    const asked = await login("entree", "piet");
    if (asked.kind !== "needs-email") throw new Error(asked.kind);
    const outcome = await completeSsoWithEmail(database.db, {
      flowId: asked.flowId,
      email: "PIET@deschool.nl",
      locale: "nl",
    });
    expect(outcome).toEqual({ kind: "confirmation-sent", email: "piet@deschool.nl" });
    expect(await identitiesOf("entree", "p1e2t3@deschool")).toEqual([]);
    expect(
      await database.db.select().from(users).where(eq(users.email, "piet@deschool.nl")),
    ).toEqual([expect.objectContaining({ id: owner.id })]);
    const [mail] = await mailsTo(owner.email);
    expect(mail?.kind).toBe("mail.ssoAddressTaken");
  });
});

describe("linking", () => {
  it("a verified provider address of a password account needs the owner's confirmation by mail", async () => {
    const owner = await buildUser(database.db, {
      email: "Pieter@hogeschool.nl",
      name: "Pieter B.",
    });
    await database.db.insert(organisationMembers).values({
      userId: owner.id,
      organisationId: hogeschool.id,
      role: "member",
      status: "requested",
    });
    const outcome = await login("surfconext", "pieter");
    expect(outcome).toEqual({ kind: "link-confirmation-sent", email: "pieter@hogeschool.nl" });
    expect(await identitiesOf("surfconext", surf.subjectOf("pieter"))).toEqual([]);
    expect((await workplace(owner.id, hogeschool.id))?.status).toBe("requested");

    const [mail] = await mailsTo(owner.email);
    expect(mail?.kind).toBe("mail.linkIdentity");
    const token = mail?.text?.match(/\/inloggen\/sso\/koppelen\/([\w-]+)/)?.[1];
    expect(token).toBeTruthy();

    expect(await confirmIdentityLink(database.db, token!)).toMatchObject({
      kind: "linked",
      userId: owner.id,
      provider: "surfconext",
    });
    expect(await identitiesOf("surfconext", surf.subjectOf("pieter"))).toEqual([
      expect.objectContaining({ userId: owner.id }),
    ]);
    // the login through the school's SSO confirms the requested workplace
    expect((await workplace(owner.id, hogeschool.id))?.status).toBe("confirmed");
    expect(await confirmIdentityLink(database.db, token!)).toEqual({ kind: "invalid" });
    expect(await login("surfconext", "pieter")).toMatchObject({
      kind: "logged-in",
      userId: owner.id,
      created: false,
    });
  });

  it("a logged-in person links a provider account; one linked to someone else cannot be taken", async () => {
    const b = await buildUser(database.db, { name: "Bea" });
    const mine = await login("surfconext", "kees", { purpose: "link", userId: b.id });
    expect(mine).toEqual({ kind: "refused", reason: "already-linked" }); // kees made his own account above
    expect(await identitiesOf("surfconext", surf.subjectOf("kees"))).toEqual([
      expect.not.objectContaining({ userId: b.id }),
    ]);
  });

  it("links a provider account nobody has to the person asking", async () => {
    const d = await buildUser(database.db, { name: "Dirk" });
    // entree's "piet" has no identity: the address step above never linked it
    const outcome = await login("entree", "piet", { purpose: "link", userId: d.id });
    expect(outcome).toEqual({ kind: "linked", userId: d.id, returnTo: "/netwerken" });
    expect(await identitiesOf("entree", "p1e2t3@deschool")).toEqual([
      expect.objectContaining({ userId: d.id }),
    ]);
    expect(await login("entree", "piet")).toMatchObject({ kind: "logged-in", userId: d.id });
  });

  it("reauthentication gives a single-use token only to the identity's own account", async () => {
    const [identity] = await identitiesOf("entree", "p1e2t3@deschool");
    const owner = identity!.userId;
    const outcome = await login("entree", "piet", { purpose: "reauth", userId: owner });
    expect(outcome).toMatchObject({ kind: "reauthenticated", userId: owner });
    if (outcome.kind !== "reauthenticated") return;
    const other = await buildUser(database.db);
    expect(await consumeReauthentication(database.db, other.id, outcome.token)).toBe(false);
    expect(await consumeReauthentication(database.db, owner, outcome.token)).toBe(true);
    expect(await consumeReauthentication(database.db, owner, outcome.token)).toBe(false);
    expect(await login("entree", "piet", { purpose: "reauth", userId: other.id })).toEqual({
      kind: "refused",
      reason: "wrong-account",
    });
  });
});

describe("ways in", () => {
  it("refuses to unlink the last way in, and to drop a password without an identity", async () => {
    const outcome = await login("surfconext", "anna");
    if (outcome.kind !== "logged-in") throw new Error(outcome.kind);
    const anna = await actorFor(database.db, await userOf(outcome.userId));
    const { hasPassword, identities } = await listIdentities(database.db, anna);
    expect(hasPassword).toBe(false);
    expect(identities).toEqual([
      expect.objectContaining({ provider: "surfconext", providerName: "SURFconext" }),
    ]);
    expect(await unlinkIdentity(database.db, anna, identities[0]!.id)).toEqual({
      kind: "last-way-in",
    });
    expect(await identitiesOf("surfconext", surf.subjectOf("anna"))).toHaveLength(1);

    const someone = await actorFor(database.db, await buildUser(database.db));
    expect(await dropPassword(database.db, someone)).toEqual({ kind: "no-identity" });
    await expect(unlinkIdentity(database.db, someone, identities[0]!.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("with a password kept, an identity can go; with an identity, the password can go", async () => {
    const [identity] = await identitiesOf("surfconext", surf.subjectOf("pieter"));
    const pieter = await actorFor(database.db, await userOf(identity!.userId));
    expect(await dropPassword(database.db, pieter)).toEqual({ kind: "dropped" });
    expect((await userOf(pieter.userId)).passwordHash).toBeNull();
    expect(await unlinkIdentity(database.db, pieter, identity!.id)).toEqual({
      kind: "last-way-in",
    });

    // Dirk kept his password: his Entree login can go, and Entree no longer finds him
    const [piet] = await identitiesOf("entree", "p1e2t3@deschool");
    const dirk = await actorFor(database.db, await userOf(piet!.userId));
    expect(await unlinkIdentity(database.db, dirk, piet!.id)).toEqual({ kind: "unlinked" });
    expect(await identitiesOf("entree", "p1e2t3@deschool")).toEqual([]);
  });
});

describe("login domains", () => {
  it("school admins map, list and unmap their domains; others may not; a domain belongs to one school", async () => {
    const admin = await buildUser(database.db);
    const school = await buildOrganisation(database.db, { name: "Domeinschool" });
    await addToOrganisation(database.db, admin.id, school.id, "admin");
    // the admin logged in from the domain themselves (a linked provider login names it)
    await database.db.insert(userIdentities).values({
      userId: admin.id,
      provider: "surfconext",
      subject: "domeinschool-admin",
      homeOrganisation: "domeinschool.nl",
    });
    const actor = await actorFor(database.db, admin);
    expect(await mapLoginDomain(database.db, actor, school.id, " @DomeinSchool.NL. ")).toEqual({
      domain: "domeinschool.nl",
    });
    expect(await listLoginDomains(database.db, actor, school.id)).toEqual([
      expect.objectContaining({ domain: "domeinschool.nl" }),
    ]);
    await expect(
      mapLoginDomain(database.db, actor, school.id, "niet een domein"),
    ).rejects.toBeInstanceOf(FieldError);
    await expect(
      mapLoginDomain(database.db, actor, school.id, "hogeschool.nl"),
    ).rejects.toBeInstanceOf(FieldError);
    const member = await actorFor(database.db, await buildUser(database.db));
    await expect(mapLoginDomain(database.db, member, school.id, "x.nl")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(listLoginDomains(database.db, member, school.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await unmapLoginDomain(database.db, actor, school.id, "domeinschool.nl");
    expect(await listLoginDomains(database.db, actor, school.id)).toEqual([]);
  });
});
