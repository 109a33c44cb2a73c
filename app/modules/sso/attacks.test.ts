/**
 * The attacks of the issue-17 review, each replayed against the real flow (a real OIDC provider,
 * real database): every one of them must now fail.
 */
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import type { Database } from "#app/db/client.server.ts";
import { organisationMembers, outbox } from "#app/db/schema/index.ts";
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
import { finishSsoFlow, type SsoPurpose, startSsoFlow } from "./sso.server.ts";

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
