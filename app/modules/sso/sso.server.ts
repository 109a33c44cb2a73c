import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import * as client from "openid-client";
import { publicBaseUrl, type SsoProviderConfig } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  authTokens,
  organisationMembers,
  organisations,
  sessions,
  ssoFlows,
  userIdentities,
  users,
} from "#app/db/schema/index.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import { forgetUnprovenSetup } from "#app/modules/accounts/accounts.server.ts";
import { type IdentityProof, proveIdentity } from "#app/modules/accounts/identity-proof.server.ts";
import { findOrganisationForLogin } from "#app/modules/organisations/login-domains.server.ts";
import { confirmWorkplaceFromLogin } from "#app/modules/organisations/workplaces.server.ts";
import { notFound } from "#app/platform/errors.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { hitRateLimit } from "#app/platform/rate-limit.server.ts";
import { hashToken, newToken } from "#app/platform/tokens.server.ts";
import { type MappedIdentity, mapClaims, suggestJobFunction } from "./claims.ts";
import {
  findProviderConfig,
  listSsoProviders,
  providerConfiguration,
  redirectUri,
  scopesOf,
} from "./providers.server.ts";

export type SsoPurpose = "login" | "link" | "reauth";

/** Why a login through a provider was refused; the route says it in Dutch, the log names it. */
export type SsoRefusal =
  /** state in the answer does not match the flow (a forged or replayed callback) */
  | "state"
  /** the ID token's nonce does not match the flow */
  | "nonce"
  /** the answer came from another issuer than the provider of this flow */
  | "issuer"
  /** no such flow, used already, or older than its 10 minutes */
  | "expired"
  /** the provider said no (the person cancelled, access denied) or could not be reached */
  | "provider-error"
  /** the provider gave no account key (sub, uid) */
  | "claims"
  /** linking: this provider account belongs to someone else */
  | "already-linked"
  /** reauthentication: the provider account is not linked to the person asking */
  | "wrong-account"
  /** the account is disabled or erased */
  | "disabled"
  /** no provider with this key is configured */
  | "unknown-provider";

export type SsoOutcome =
  | {
      kind: "logged-in";
      userId: string;
      provider: string;
      /** for the session (RP-initiated logout's id_token_hint), never shown or logged */
      idToken: string;
      created: boolean;
      returnTo: string | null;
    }
  /** The provider gave no address it vouches for: the route asks for one (completeSsoWithEmail). */
  | { kind: "needs-email"; flowId: string; suggestedEmail: string | null }
  /** A verified address of an existing account: its owner must confirm the link by mail. No session. */
  | { kind: "link-confirmation-sent"; email: string }
  | { kind: "linked"; userId: string; returnTo: string | null }
  | { kind: "reauthenticated"; userId: string; token: string; returnTo: string | null }
  | { kind: "refused"; reason: SsoRefusal };

const flowLifetimeMs = 10 * 60_000;
/** Time to type an address after an Entree login. */
const emailStepLifetimeMs = 30 * 60_000;
const linkConfirmationLifetimeMs = 24 * 60 * 60_000;
const reauthTokenLifetimeMs = 10 * 60_000;
/** Mails an SSO login sends to one address (link, confirmation, "address taken"), per hour. */
const ssoMailPerAddress = { limit: 3, windowSeconds: 60 * 60 };

/** The path of the link in the link-identity mail (the route lives in app/routes). */
const identityLinkPath = (token: string) => `/inloggen/sso/koppelen/${token}`;

/** The provider's discovery document could not be read (the route says "try again later"). */
class SsoProviderUnavailableError extends Error {
  override name = "SsoProviderUnavailableError";
}

const flowRow = (flowId: string) => eq(ssoFlows.idHash, hashToken(flowId));

/**
 * Starts a login at the provider: PKCE (S256), state and nonce, kept in sso_flows under the hash
 * of a random flow id the route puts in a short httpOnly cookie. Any process can finish it.
 */
export async function startSsoFlow(
  db: DbOrTx,
  input: { provider: string; purpose: SsoPurpose; userId?: string; returnTo?: string | null },
): Promise<{ flowId: string; authorizationUrl: URL }> {
  const config = findProviderConfig(input.provider);
  if (!config) notFound();
  if (input.purpose !== "login" && !input.userId) {
    throw new Error(`an SSO ${input.purpose} flow needs the signed-in user`);
  }
  const configuration = await providerConfiguration(config).catch((error: unknown) => {
    log.warn("sso.provider_unavailable", { provider: config.key, error: messagesOf(error) });
    throw new SsoProviderUnavailableError(config.key);
  });
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const flowId = newToken();
  await db.insert(ssoFlows).values({
    idHash: hashToken(flowId),
    provider: config.key,
    purpose: input.purpose,
    state,
    nonce,
    codeVerifier,
    returnTo: input.returnTo ?? null,
    userId: input.purpose === "login" ? null : (input.userId ?? null),
    expiresAt: new Date(Date.now() + flowLifetimeMs),
  });
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri(config.key),
    scope: scopesOf(config),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  };
  // Proving it is you again, or adding a way in, means logging in again at the provider, not
  // riding a session someone left open in this browser.
  if (input.purpose === "reauth" || input.purpose === "link") {
    parameters.prompt = "login";
    parameters.max_age = "0";
  }
  return { flowId, authorizationUrl: client.buildAuthorizationUrl(configuration, parameters) };
}

/**
 * Adding a way in to an account needs more than its session: proveIdentity (the password, or
 * for an account without one a fresh login at a provider already linked).
 */
export async function authoriseLinkStart(
  db: DbOrTx,
  userId: string,
  proof: IdentityProof,
): Promise<"ok" | "wrong-password" | "needs-reauth"> {
  const outcome = await proveIdentity(db, userId, proof);
  if (outcome.kind === "proven") return "ok";
  return outcome.kind === "needs-reauth" ? "needs-reauth" : "wrong-password";
}

/** The messages of an error and its causes: openid-client wraps the check that failed. */
function messagesOf(error: unknown) {
  const messages: string[] = [];
  for (let at = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    messages.push(at.message);
  }
  return messages.join(" ← ");
}

/** openid-client's refusal, as one of ours: the wrapped check's message names the parameter or claim. */
function refusalOf(error: unknown): SsoRefusal {
  if (error instanceof client.AuthorizationResponseError) return "provider-error";
  const messages = messagesOf(error);
  if (/"state"/.test(messages)) return "state";
  if (/"nonce"/.test(messages)) return "nonce";
  if (/"iss"/.test(messages)) return "issuer";
  return "provider-error";
}

async function verifiedIdentity(
  config: SsoProviderConfig,
  flow: typeof ssoFlows.$inferSelect,
  callbackUrl: URL,
): Promise<{ identity: MappedIdentity; idToken: string } | { refused: SsoRefusal }> {
  const configuration = await providerConfiguration(config);
  const tokens = await client.authorizationCodeGrant(
    configuration,
    callbackUrl,
    {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    },
    // The redirect_uri of the token request must be the one registered, whatever host the
    // callback arrived on behind a proxy.
    { redirect_uri: redirectUri(config.key) },
  );
  const idTokenClaims = tokens.claims();
  const idToken = tokens.id_token;
  if (!idTokenClaims || !idToken) return { refused: "claims" };
  // SURFconext and Entree release their attributes at the userinfo endpoint, not in the ID token.
  const userinfo = configuration.serverMetadata().userinfo_endpoint
    ? await client.fetchUserInfo(configuration, tokens.access_token, idTokenClaims.sub)
    : {};
  const identity = mapClaims(config.preset, { ...userinfo, ...idTokenClaims });
  if (!identity) return { refused: "claims" };
  return { identity, idToken };
}

/**
 * The callback: openid-client checks state, PKCE, the issuer, the ID token's signature, audience
 * and nonce; then the account is found by (provider, subject) only. A flow id works once.
 */
export async function finishSsoFlow(
  db: Db,
  input: {
    provider: string;
    flowId: string;
    callbackUrl: URL;
    request: { ipAddress: string; userAgent: string; locale?: string };
  },
): Promise<SsoOutcome> {
  const refuse = (reason: SsoRefusal, fields: Record<string, unknown> = {}): SsoOutcome => {
    log.warn("sso.refused", {
      provider: input.provider,
      reason,
      ip: input.request.ipAddress,
      ...fields,
    });
    return { kind: "refused", reason };
  };
  const config = findProviderConfig(input.provider);
  if (!config) return refuse("unknown-provider");
  // Taken out at once: a second callback with the same flow finds nothing.
  const [flow] = await db
    .delete(ssoFlows)
    .where(and(flowRow(input.flowId), eq(ssoFlows.provider, config.key), isNull(ssoFlows.claims)))
    .returning();
  if (!flow || flow.expiresAt.getTime() < Date.now()) return refuse("expired");
  let verified: Awaited<ReturnType<typeof verifiedIdentity>>;
  try {
    verified = await verifiedIdentity(config, flow, input.callbackUrl);
  } catch (error) {
    return refuse(refusalOf(error), { error: messagesOf(error) || String(error) });
  }
  if ("refused" in verified) return refuse(verified.refused);
  const { identity, idToken } = verified;
  const context: LoginContext = {
    provider: config.key,
    identity,
    idToken,
    returnTo: flow.returnTo,
    locale: input.request.locale ?? "nl",
    flowId: input.flowId,
  };
  const outcome =
    flow.purpose === "login"
      ? await loginWith(db, context)
      : flow.purpose === "link"
        ? await linkTo(db, flow.userId, context)
        : await reauthenticate(db, flow.userId, context);
  if (outcome.kind === "refused") return refuse(outcome.reason, { purpose: flow.purpose });
  log.info("sso.login", {
    provider: config.key,
    purpose: flow.purpose,
    outcome: outcome.kind,
    userId: "userId" in outcome ? outcome.userId : undefined,
    ip: input.request.ipAddress,
  });
  return outcome;
}

interface LoginContext {
  provider: string;
  identity: MappedIdentity;
  idToken: string;
  returnTo: string | null;
  locale: string;
  flowId: string;
}

const accountIsClosed = (user: { disabledAt: Date | null; erasedAt: Date | null }) =>
  user.disabledAt !== null || user.erasedAt !== null;

async function findIdentity(db: DbOrTx, provider: string, subject: string) {
  const [row] = await db
    .select({
      id: userIdentities.id,
      userId: userIdentities.userId,
      disabledAt: users.disabledAt,
      erasedAt: users.erasedAt,
    })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
  return row;
}

async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      disabledAt: users.disabledAt,
      erasedAt: users.erasedAt,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

/** Affiliations that say the person works at the institution (eduPerson; SURFconext, Entree). */
const staffAffiliations = new Set(["employee", "faculty", "staff"]);

/**
 * What a login that names a school says about working there. A staff affiliation proves it: the
 * workplace is confirmed. A login that releases no affiliation at all (Entra, Google, an
 * institution that withholds it) proves only an account in the school's tenant — pupils have one
 * too — so it becomes a request the school's admins decide. A login that says what the person is
 * and it is not staff (student, pupil, affiliate, only "member") gets no workplace at all.
 */
async function workplaceFromLogin(tx: DbOrTx, userId: string, identity: MappedIdentity) {
  if (!identity.homeOrganisation) return;
  const organisationId = await findOrganisationForLogin(tx, identity.homeOrganisation);
  if (!organisationId) return;
  if (identity.affiliations.some((a) => staffAffiliations.has(a))) {
    await confirmWorkplaceFromLogin(tx, organisationId, userId);
  } else if (identity.affiliations.length === 0) {
    await tx
      .insert(organisationMembers)
      .values({ organisationId, userId, role: "member", status: "requested" })
      .onConflictDoNothing();
  }
}

/**
 * The identity's provider data as of this login, and the person's school and function from it.
 * The user row is locked first: a login racing the account's erasure or disabling either
 * finishes before it or finds the account closed (false) and changes nothing.
 */
async function recordLogin(
  tx: DbOrTx,
  userId: string,
  provider: string,
  identity: MappedIdentity,
): Promise<boolean> {
  const [user] = await tx
    .select({ disabledAt: users.disabledAt, erasedAt: users.erasedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!user || accountIsClosed(user)) return false;
  const now = new Date();
  await tx
    .insert(userIdentities)
    .values({
      userId,
      provider,
      subject: identity.subject,
      email: identity.email,
      homeOrganisation: identity.homeOrganisation?.value ?? null,
    })
    .onConflictDoUpdate({
      target: [userIdentities.provider, userIdentities.subject],
      set: {
        email: identity.email,
        homeOrganisation: identity.homeOrganisation?.value ?? null,
        lastLoginAt: now,
      },
      // Never moves an identity to another account: the caller checked whose it is.
      setWhere: eq(userIdentities.userId, userId),
    });
  await tx
    .update(users)
    .set({ lastActiveAt: now, inactivityWarnedAt: null })
    .where(eq(users.id, userId));
  await workplaceFromLogin(tx, userId, identity);
  const suggested = suggestJobFunction(identity.affiliations);
  if (suggested) {
    await tx
      .update(users)
      .set({ jobFunction: suggested })
      .where(and(eq(users.id, userId), isNull(users.jobFunction)));
  }
  return true;
}

function displayName(identity: MappedIdentity) {
  return (
    identity.name ??
    identity.givenName ??
    identity.email?.split("@")[0] ??
    "Nieuwe deelnemer"
  ).slice(0, 120);
}

async function loginWith(db: Db, context: LoginContext): Promise<SsoOutcome> {
  const { identity, provider } = context;
  const known = await findIdentity(db, provider, identity.subject);
  if (known) {
    if (accountIsClosed(known)) return { kind: "refused", reason: "disabled" };
    const recorded = await db.transaction((tx) =>
      recordLogin(tx, known.userId, provider, identity),
    );
    if (!recorded) return { kind: "refused", reason: "disabled" };
    return {
      kind: "logged-in",
      userId: known.userId,
      provider,
      idToken: context.idToken,
      created: false,
      returnTo: context.returnTo,
    };
  }
  if (!identity.email || !identity.emailVerified) {
    // Keep the verified claims until the person gives an address (completeSsoWithEmail).
    await db.insert(ssoFlows).values({
      idHash: hashToken(context.flowId),
      provider,
      purpose: "login",
      state: "",
      nonce: "",
      codeVerifier: "",
      returnTo: context.returnTo,
      claims: identity as unknown as Record<string, unknown>,
      idToken: context.idToken,
      expiresAt: new Date(Date.now() + emailStepLifetimeMs),
    });
    return { kind: "needs-email", flowId: context.flowId, suggestedEmail: identity.email };
  }
  const existing = await findUserByEmail(db, identity.email);
  if (existing) {
    // The same person's first login a moment ago (a double click, two tabs) made this account:
    // its user and identity rows commit together, so seeing the one means the other is there.
    if (await findIdentity(db, provider, identity.subject)) return loginWith(db, context);
    await askToConfirmLink(db, existing, context);
    return { kind: "link-confirmation-sent", email: identity.email };
  }
  const created = await createAccountOnce(db, context, identity.email);
  return {
    kind: "logged-in",
    userId: created.userId,
    provider,
    idToken: context.idToken,
    created: created.created,
    returnTo: context.returnTo,
  };
}

/**
 * Two first logins of one person at once (a double click, two tabs) race to create the account:
 * the loser's transaction fails on the unique (provider, subject) or e-mail and rolls back, and
 * it logs in to the winner's account instead of a 500.
 */
async function createAccountOnce(db: Db, context: LoginContext, email: string) {
  try {
    return { userId: await createAccount(db, context, email), created: true };
  } catch (error) {
    const winner = await findIdentity(db, context.provider, context.identity.subject);
    if (!winner) throw error;
    return { userId: winner.userId, created: false };
  }
}

async function createAccount(db: Db, context: LoginContext, email: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        name: displayName(context.identity),
        email,
        passwordHash: null,
        // Only ever made with an address proven: the provider vouched for it, or its mailbox
        // followed the confirmation link.
        emailVerifiedAt: new Date(),
        locale: parseLocale(context.locale),
      })
      .returning({ id: users.id, name: users.name, email: users.email });
    if (!user) throw new Error("insert returned no user");
    await tx.insert(userIdentities).values({
      userId: user.id,
      provider: context.provider,
      subject: context.identity.subject,
      email: context.identity.email,
      homeOrganisation: context.identity.homeOrganisation?.value ?? null,
    });
    await recordLogin(tx, user.id, context.provider, context.identity);
    return user.id;
  });
}

/**
 * A provider vouches that the person controls an address an account already has. That is no
 * proof the account is theirs to take (the address may have changed hands), so its owner gets
 * a mail; the link is made when they follow it (confirmIdentityLink). The pending identity waits
 * in sso_flows under the hash of the mail's token.
 */
async function askToConfirmLink(
  db: Db,
  owner: {
    id: string;
    name: string;
    email: string;
    locale: string;
    disabledAt: Date | null;
    erasedAt: Date | null;
  },
  context: LoginContext,
) {
  if (accountIsClosed(owner)) return; // the same answer, and no mail to a closed account
  // Anyone with a provider account can make us write to an address: a few an hour.
  const limit = await hitRateLimit(
    db,
    `mail:sso-email:${owner.email.toLowerCase()}`,
    ssoMailPerAddress,
  );
  if (!limit.allowed) {
    log.warn("sso.link_mail_rate_limited", { provider: context.provider });
    return;
  }
  const token = newToken();
  const expiresAt = new Date(Date.now() + linkConfirmationLifetimeMs);
  const origin = await originOf(db, context.identity);
  await db.transaction(async (tx) => {
    await tx.insert(authTokens).values({
      tokenHash: hashToken(token),
      userId: owner.id,
      purpose: "link-identity",
      expiresAt,
    });
    await tx.insert(ssoFlows).values({
      idHash: hashToken(token),
      provider: context.provider,
      purpose: "link",
      state: "",
      nonce: "",
      codeVerifier: "",
      userId: owner.id,
      returnTo: context.returnTo,
      claims: context.identity as unknown as Record<string, unknown>,
      expiresAt,
    });
    await sendTemplatedMail(tx, owner, "mail.linkIdentity", {
      name: owner.name,
      provider: providerNameOf(context.provider),
      origin,
      url: `${publicBaseUrl()}${identityLinkPath(token)}`,
    });
  });
}

/**
 * Where the login came from, for the owner to judge the link mail: the school we know, else the
 * domain or BRIN the provider named, else the account's own address at the provider.
 */
async function originOf(db: DbOrTx, identity: MappedIdentity) {
  const home = identity.homeOrganisation;
  if (home) {
    const organisationId = await findOrganisationForLogin(db, home);
    if (organisationId) {
      const [school] = await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      if (school) return `${school.name} (${home.value})`;
    }
    return home.value;
  }
  return identity.email ?? "?";
}

async function linkTo(db: Db, userId: string | null, context: LoginContext): Promise<SsoOutcome> {
  if (!userId) return { kind: "refused", reason: "expired" };
  const [user] = await db
    .select({ disabledAt: users.disabledAt, erasedAt: users.erasedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || accountIsClosed(user)) return { kind: "refused", reason: "disabled" };
  const known = await findIdentity(db, context.provider, context.identity.subject);
  if (known && known.userId !== userId) return { kind: "refused", reason: "already-linked" };
  const recorded = await db.transaction((tx) =>
    recordLogin(tx, userId, context.provider, context.identity),
  );
  if (!recorded) return { kind: "refused", reason: "disabled" };
  if (!known)
    await noticeSignInMethodChange(db, userId, "mail.identityLinkedNotice", context.provider);
  return { kind: "linked", userId, returnTo: context.returnTo };
}

async function reauthenticate(
  db: Db,
  userId: string | null,
  context: LoginContext,
): Promise<SsoOutcome> {
  if (!userId) return { kind: "refused", reason: "expired" };
  const known = await findIdentity(db, context.provider, context.identity.subject);
  if (!known || known.userId !== userId) return { kind: "refused", reason: "wrong-account" };
  if (accountIsClosed(known)) return { kind: "refused", reason: "disabled" };
  const token = newToken();
  await db.insert(authTokens).values({
    tokenHash: hashToken(token),
    userId,
    purpose: "reauthenticated",
    expiresAt: new Date(Date.now() + reauthTokenLifetimeMs),
  });
  return { kind: "reauthenticated", userId, token, returnTo: context.returnTo };
}

const plausibleEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The path of the link that proves an address typed after a login (the route lives in app/routes). */
const emailConfirmationPath = (id: string) => `/inloggen/sso/bevestigen/${id}`;
/** Marks the flow row that waits for the typed address to be proven (no callback ever matches it). */
const emailConfirmationState = "email-confirmation";

type WaitingLogin = MappedIdentity & { confirmEmail: string };

/**
 * The address an Entree login did not give. Nothing is made until the address is proven: the
 * identity waits 24 hours in a flow row of its own, and the address gets a link to
 * /inloggen/sso/bevestigen/<id> (confirmSsoEmail). Otherwise anyone could make an account under
 * someone else's address and wait for its owner to verify it for them. An address that is already
 * someone's is never linked: its owner gets a mail saying how to add this login from their account
 * page. Both answer "check your mail", so the form reveals no accounts.
 */
export async function completeSsoWithEmail(
  db: Db,
  input: { flowId: string; email: string; locale: string },
): Promise<
  | Extract<SsoOutcome, { kind: "logged-in" }>
  | { kind: "confirmation-sent"; email: string }
  | { kind: "invalid-email" }
  | { kind: "expired" }
> {
  const email = input.email.trim().toLowerCase();
  if (email.length > 254 || !plausibleEmail.test(email)) return { kind: "invalid-email" };
  const [flow] = await db
    .delete(ssoFlows)
    .where(
      and(
        flowRow(input.flowId),
        eq(ssoFlows.purpose, "login"),
        eq(ssoFlows.state, ""),
        sql`${ssoFlows.claims} is not null`,
      ),
    )
    .returning();
  if (!flow?.claims || !flow.idToken || flow.expiresAt.getTime() < Date.now()) {
    return { kind: "expired" };
  }
  const identity = flow.claims as unknown as MappedIdentity;
  // The provider account may have been linked meanwhile (a second tab): the provider's login
  // alone proves it, so that account is logged in to.
  const known = await findIdentity(db, flow.provider, identity.subject);
  if (known) {
    if (accountIsClosed(known)) return { kind: "expired" };
    log.info("sso.login", { provider: flow.provider, outcome: "logged-in", userId: known.userId });
    return {
      kind: "logged-in",
      userId: known.userId,
      provider: flow.provider,
      idToken: flow.idToken,
      created: false,
      returnTo: flow.returnTo,
    };
  }
  // Each answer mails the address: a few an hour, whoever asks.
  const limit = await hitRateLimit(db, `mail:sso-email:${email}`, ssoMailPerAddress);
  if (!limit.allowed) {
    log.warn("sso.email_rate_limited", { provider: flow.provider });
    return { kind: "confirmation-sent", email };
  }
  const providerName = providerNameOf(flow.provider);
  const existing = await findUserByEmail(db, email);
  if (existing) {
    if (!accountIsClosed(existing)) await mailAddressTaken(db, existing, providerName);
    log.info("sso.email_taken", { provider: flow.provider });
    return { kind: "confirmation-sent", email };
  }
  const id = newToken();
  const locale = parseLocale(input.locale);
  await db.transaction(async (tx) => {
    await tx.insert(ssoFlows).values({
      idHash: hashToken(id),
      provider: flow.provider,
      purpose: "login",
      state: emailConfirmationState,
      nonce: "",
      codeVerifier: "",
      returnTo: flow.returnTo,
      claims: { ...identity, confirmEmail: email } satisfies WaitingLogin as unknown as Record<
        string,
        unknown
      >,
      idToken: flow.idToken,
      expiresAt: new Date(Date.now() + linkConfirmationLifetimeMs),
    });
    await sendTemplatedMail(tx, { email, locale }, "mail.ssoConfirmEmail", {
      name: displayName(identity),
      provider: providerName,
      url: `${publicBaseUrl()}${emailConfirmationPath(id)}`,
    });
  });
  log.info("sso.email_confirmation_sent", { provider: flow.provider });
  return { kind: "confirmation-sent", email };
}

function providerNameOf(key: string) {
  return listSsoProviders().find((p) => p.key === key)?.name ?? key;
}

async function mailAddressTaken(
  db: DbOrTx,
  owner: { name: string; email: string; locale: string },
  providerName: string,
) {
  await sendTemplatedMail(db, owner, "mail.ssoAddressTaken", {
    name: owner.name,
    provider: providerName,
    url: `${publicBaseUrl()}/inloggen`,
  });
}

/** Whether the link of the address-confirmation mail would still work, without using it. */
export async function isSsoEmailConfirmationUsable(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ expiresAt: ssoFlows.expiresAt })
    .from(ssoFlows)
    .where(and(flowRow(id), eq(ssoFlows.state, emailConfirmationState)));
  return !!row && row.expiresAt.getTime() > Date.now();
}

/**
 * The typed address is proven (its owner followed the link): the account is made with it
 * verified, and logged in. Once. If the address became someone's meanwhile, its owner is told
 * and nothing is made.
 */
export async function confirmSsoEmail(
  db: Db,
  id: string,
  locale: string,
): Promise<
  | Extract<SsoOutcome, { kind: "logged-in" }>
  | { kind: "address-taken" }
  | { kind: "invalid" }
  | { kind: "disabled" }
> {
  const [flow] = await db
    .delete(ssoFlows)
    .where(and(flowRow(id), eq(ssoFlows.state, emailConfirmationState)))
    .returning();
  if (!flow?.claims || !flow.idToken || flow.expiresAt.getTime() < Date.now()) {
    return { kind: "invalid" };
  }
  const { confirmEmail: email, ...identity } = flow.claims as unknown as WaitingLogin;
  const context: LoginContext = {
    provider: flow.provider,
    identity,
    idToken: flow.idToken,
    returnTo: flow.returnTo,
    locale,
    flowId: id,
  };
  const loggedIn = (userId: string, created: boolean) => ({
    kind: "logged-in" as const,
    userId,
    provider: flow.provider,
    idToken: flow.idToken ?? "",
    created,
    returnTo: flow.returnTo,
  });
  const known = await findIdentity(db, flow.provider, identity.subject);
  if (known) {
    if (accountIsClosed(known)) return { kind: "disabled" };
    return loggedIn(known.userId, false);
  }
  const existing = await findUserByEmail(db, email);
  if (existing) {
    if (!accountIsClosed(existing)) {
      await mailAddressTaken(db, existing, providerNameOf(flow.provider));
    }
    log.info("sso.email_taken", { provider: flow.provider, at: "confirmation" });
    return { kind: "address-taken" };
  }
  const created = await createAccountOnce(db, context, email);
  log.info("sso.login", {
    provider: flow.provider,
    outcome: "logged-in",
    userId: created.userId,
    created: created.created,
  });
  return loggedIn(created.userId, created.created);
}

/**
 * The owner of an address followed the link-identity mail: the provider account is linked to
 * theirs. The route may then log them in (the mail proved the address, the provider the login).
 */
export async function confirmIdentityLink(
  db: Db,
  token: string,
): Promise<
  | { kind: "linked"; userId: string; provider: string; returnTo: string | null }
  | { kind: "invalid" }
  | { kind: "already-linked" }
  | { kind: "disabled" }
> {
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(authTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(authTokens.tokenHash, hashToken(token)),
          eq(authTokens.purpose, "link-identity"),
          isNull(authTokens.usedAt),
          gt(authTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: authTokens.userId });
    const [flow] = await tx
      .delete(ssoFlows)
      .where(and(flowRow(token), eq(ssoFlows.purpose, "link")))
      .returning();
    if (!used || !flow?.claims || flow.userId !== used.userId) return { kind: "invalid" };
    const [user] = await tx
      .select({ disabledAt: users.disabledAt, erasedAt: users.erasedAt })
      .from(users)
      .where(eq(users.id, used.userId));
    if (!user || accountIsClosed(user)) return { kind: "disabled" };
    const identity = flow.claims as unknown as MappedIdentity;
    const known = await findIdentity(tx, flow.provider, identity.subject);
    if (known && known.userId !== used.userId) return { kind: "already-linked" };
    // Before the proof anyone could have typed this address: what they set up goes.
    await forgetUnprovenSetup(tx, used.userId, {
      provider: flow.provider,
      subject: identity.subject,
    });
    if (!(await recordLogin(tx, used.userId, flow.provider, identity))) return { kind: "disabled" };
    // The provider vouched for the address and its owner confirmed it: it is verified now.
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, used.userId));
    log.info("sso.linked", { provider: flow.provider, userId: used.userId, by: "mail" });
    return {
      kind: "linked",
      userId: used.userId,
      provider: flow.provider,
      returnTo: flow.returnTo,
    };
  });
}

/**
 * Tells the account's address that a way in was added or removed, so a change made from a
 * borrowed session does not go unnoticed.
 */
export async function noticeSignInMethodChange(
  db: DbOrTx,
  userId: string,
  kind: "mail.identityLinkedNotice" | "mail.identityUnlinkedNotice" | "mail.passwordDroppedNotice",
  provider?: string,
) {
  const [user] = await db
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return;
  await sendTemplatedMail(db, user, kind, {
    name: user.name,
    provider: provider ? providerNameOf(provider) : "",
    url: `${publicBaseUrl()}/wachtwoord-vergeten`,
  });
}

/** Logins under way that nobody finished (housekeeping). */
export async function purgeExpiredSsoFlows(db: DbOrTx) {
  await db.delete(ssoFlows).where(lt(ssoFlows.expiresAt, new Date()));
}

/**
 * Where to send the browser after logging out here so the provider ends its session too
 * (RP-initiated logout); null when the provider offers none or cannot be reached.
 */
export async function ssoLogoutUrl(
  provider: string,
  idToken: string,
  postLogoutRedirectUri: string,
): Promise<URL | null> {
  const config = findProviderConfig(provider);
  if (!config) return null;
  try {
    const configuration = await providerConfiguration(config);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
  } catch (error) {
    log.warn("sso.logout_unavailable", {
      provider,
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

/** ssoLogoutUrl for the session being ended: read before the session row is deleted. */
export async function ssoLogoutUrlForSession(
  db: DbOrTx,
  sessionToken: string,
  postLogoutRedirectUri: string,
) {
  const [session] = await db
    .select({ provider: sessions.ssoProvider, idToken: sessions.ssoIdToken })
    .from(sessions)
    .where(eq(sessions.idHash, hashToken(sessionToken)));
  if (!session?.provider || !session.idToken) return null;
  return ssoLogoutUrl(session.provider, session.idToken, postLogoutRedirectUri);
}
