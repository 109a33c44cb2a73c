/**
 * A real OpenID provider (oidc-provider) in the test process, configured with the claims of
 * SURFconext or Entree Federatie, for the SSO unit tests (vitest) and the browser journeys
 * (Playwright): plain TypeScript, no test-runner imports.
 *
 * Logging in needs no form: every authorization request goes through a login interaction that
 * finishes at once for the account named by `login_hint`, else the one `setNextLogin` chose (it
 * stays chosen). So a browser, or fetch following redirects by hand, passes straight through.
 * RP-initiated logout is on and confirms itself.
 */
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { interactionPolicy, type KoaContextLike } from "oidc-provider";

type OidcTestPreset = "surfconext" | "entree";

/** Claims per account id (the account id is what login_hint and setNextLogin name; `sub` is made). */
type OidcTestAccounts = Record<string, Record<string, unknown>>;

export interface OidcTestProviderOptions {
  preset: OidcTestPreset;
  accounts: OidcTestAccounts;
  /** Knooppunt's public address (PUBLIC_URL); the redirect URI is registered from it */
  baseUrl?: string;
  /** the provider's key in SSO_PROVIDERS (default: the preset) */
  key?: string;
  /** where logout may return to (default: `${baseUrl}/`) */
  postLogoutRedirectUris?: string[];
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the account the next logins use (unless the request names one in login_hint) */
  setNextLogin(accountId: string): void;
  /** the `sub` this provider gives the account: SURFconext's is pairwise (opaque), Entree's the id */
  subjectOf(accountId: string): string;
  /** SSO_<KEY>_* for this provider, plus SSO_ALLOW_INSECURE_ISSUER (the issuer is http) */
  env(key?: string): Record<string, string>;
  close(): Promise<void>;
}

/**
 * What each federation releases. SURFconext gives its attributes whatever the scope (its
 * attribute release policy decides), so they hang on `openid` here; Entree's standard set
 * comes with `openid` and has no e-mail address.
 */
const presets: Record<
  OidcTestPreset,
  { scopes: string[]; claims: Record<string, string[]>; pairwise: boolean }
> = {
  surfconext: {
    pairwise: true,
    scopes: ["openid", "profile", "email"],
    claims: {
      openid: [
        "sub",
        "schac_home_organization",
        "eduperson_affiliation",
        "eduperson_scoped_affiliation",
      ],
      profile: ["name", "given_name", "family_name"],
      email: ["email"],
    },
  },
  entree: {
    pairwise: false,
    scopes: ["openid"],
    claims: {
      openid: [
        "sub",
        "uid",
        "givenName",
        "sn",
        "eduPersonAffiliation",
        "nlEduPersonHomeOrganizationId",
        "nlEduPersonHomeOrganization",
      ],
    },
  },
};

function signingKeys() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" }],
  };
}

/** The logout confirmation submits itself: the journey ends the provider session without a click. */
async function logoutSource(ctx: KoaContextLike, form: string) {
  const confirmed = form.replace(
    "</form>",
    '<input type="hidden" name="logout" value="yes"></form>',
  );
  ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Logout</title></head><body>${confirmed}<script>document.forms[0].submit()</script></body></html>`;
}

export async function startOidcTestProvider(
  options: OidcTestProviderOptions,
): Promise<OidcTestProvider> {
  const preset = presets[options.preset];
  const key = options.key ?? options.preset;
  const baseUrl = (options.baseUrl ?? "http://localhost:3000").replace(/\/$/, "");
  const clientId = `knooppunt-${key}`;
  const clientSecret = randomBytes(24).toString("base64url");
  let nextLogin: string | undefined = Object.keys(options.accounts)[0];
  const salt = randomBytes(8).toString("hex");
  const subjectOf = (accountId: string) =>
    preset.pairwise
      ? createHash("sha256").update(`${salt}:${clientId}:${accountId}`).digest("hex")
      : accountId;

  // Every authorization logs in again (as at a federation with a fresh browser), so a journey
  // can switch accounts; the check lets the request through once the login interaction is done.
  const policy = interactionPolicy.base();
  policy
    .get("login")
    ?.checks.add(
      new interactionPolicy.Check(
        "test_fresh_login",
        "the test provider logs in every time",
        (ctx) =>
          ctx.oidc.result?.login
            ? interactionPolicy.Check.NO_NEED_TO_PROMPT
            : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );

  let provider: Provider | undefined;
  const server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    if (req.url?.startsWith("/interaction/")) {
      finishInteraction(provider, req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  async function finishInteraction(op: Provider, req: IncomingMessage, res: ServerResponse) {
    const details = await op.interactionDetails(req, res);
    if (details.prompt.name === "login") {
      const hint = details.params.login_hint;
      const accountId = typeof hint === "string" && hint in options.accounts ? hint : nextLogin;
      if (!accountId) {
        res.statusCode = 400;
        res.end("no test account to log in with");
        return;
      }
      await op.interactionFinished(
        req,
        res,
        { login: { accountId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    // consent: everything the client asked for
    const accountId = details.session?.accountId;
    if (!accountId) throw new Error("consent without a login");
    const grant = new op.Grant({ accountId, clientId });
    grant.addOIDCScope(String(details.params.scope ?? "openid"));
    grant.addOIDCClaims(Object.values(preset.claims).flat());
    const grantId = await grant.save();
    await op.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${baseUrl}/inloggen/sso/${key}/terug`],
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [`${baseUrl}/`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
        subject_type: preset.pairwise ? "pairwise" : "public",
      },
    ],
    subjectTypes: ["public", "pairwise"],
    pairwiseIdentifier: async (_ctx: unknown, accountId: string) => subjectOf(accountId),
    scopes: preset.scopes,
    claims: preset.claims,
    jwks: signingKeys(),
    cookies: { keys: [randomBytes(16).toString("hex")] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource },
    },
    interactions: {
      policy,
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx: unknown, accountId: string) {
      const claims = options.accounts[accountId];
      if (!claims) return undefined;
      return { accountId, claims: async () => ({ ...claims, sub: accountId }) };
    },
  });

  return {
    issuer,
    clientId,
    clientSecret,
    subjectOf,
    setNextLogin(accountId) {
      if (!(accountId in options.accounts)) throw new Error(`unknown test account ${accountId}`);
      nextLogin = accountId;
    },
    env(envKey = key) {
      const prefix = `SSO_${envKey.toUpperCase().replaceAll("-", "_")}_`;
      return {
        [`${prefix}ISSUER`]: issuer,
        [`${prefix}CLIENT_ID`]: clientId,
        [`${prefix}CLIENT_SECRET`]: clientSecret,
        [`${prefix}PRESET`]: options.preset,
        SSO_ALLOW_INSECURE_ISSUER: "true",
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Follows a login's redirects by hand, as a browser would (cookies included), from the
 * authorization URL to the first redirect to `redirectUri`: the callback URL for finishSsoFlow.
 */
export async function followLoginRedirects(start: URL | string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(";")[0] ?? "";
      const split = pair.indexOf("=");
      if (split > 0) jar.set(pair.slice(0, split), pair.slice(split + 1));
    }
    const location = response.headers.get("location");
    if (!location) {
      throw new Error(`no redirect from ${url.href}: ${response.status} ${await response.text()}`);
    }
    url = new URL(location, url);
    if (url.href.startsWith(redirectUri)) return url;
  }
  throw new Error(`more than 10 redirects from ${start.toString()}`);
}
