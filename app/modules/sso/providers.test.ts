import { afterEach, describe, expect, it } from "vitest";
import { env, productionProblems, resetEnvForTests } from "#app/core/env.server.ts";
import { listSsoProviders, redirectUri } from "./providers.server.ts";

const saved = { ...process.env };

function configure(vars: Record<string, string>) {
  for (const key of Object.keys(process.env)) if (key.startsWith("SSO_")) delete process.env[key];
  Object.assign(process.env, vars);
  resetEnvForTests();
}

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

const surfconext = {
  SSO_SURFCONEXT_ISSUER: "https://connect.test.surfconext.nl",
  SSO_SURFCONEXT_CLIENT_ID: "knooppunt",
  SSO_SURFCONEXT_CLIENT_SECRET: "geheim",
};

describe("SSO providers from the environment", () => {
  it("takes the preset from the key and the button name from the preset; a school's own key names its preset", () => {
    configure({
      SSO_PROVIDERS: "surfconext, Mijn-School",
      ...surfconext,
      SSO_MIJN_SCHOOL_ISSUER: "https://login.microsoftonline.com/tenant/v2.0",
      SSO_MIJN_SCHOOL_CLIENT_ID: "id",
      SSO_MIJN_SCHOOL_CLIENT_SECRET: "secret",
      SSO_MIJN_SCHOOL_PRESET: "entra",
      SSO_MIJN_SCHOOL_NAME: "Het Lyceum",
      PUBLIC_URL: "https://knooppunt.example.nl/",
    });
    expect(listSsoProviders()).toEqual([
      { key: "surfconext", name: "SURFconext", preset: "surfconext" },
      { key: "mijn-school", name: "Het Lyceum", preset: "entra" },
    ]);
    expect(JSON.stringify(listSsoProviders())).not.toContain("geheim");
    expect(redirectUri("surfconext")).toBe(
      "https://knooppunt.example.nl/inloggen/sso/surfconext/terug",
    );
  });

  it("names the missing or wrong variable", () => {
    configure({ SSO_PROVIDERS: "surfconext", ...surfconext, SSO_SURFCONEXT_CLIENT_SECRET: "" });
    expect(() => env()).toThrow(/SSO_SURFCONEXT_CLIENT_SECRET/);
    configure({
      SSO_PROVIDERS: "school",
      SSO_SCHOOL_ISSUER: "https://x.nl",
      SSO_SCHOOL_CLIENT_ID: "a",
      SSO_SCHOOL_CLIENT_SECRET: "b",
    });
    expect(() => env()).toThrow(/SSO_SCHOOL_PRESET/);
  });

  it("refuses a plain-HTTP issuer unless SSO_ALLOW_INSECURE_ISSUER is set, which production refuses", () => {
    const http = {
      SSO_PROVIDERS: "surfconext",
      ...surfconext,
      SSO_SURFCONEXT_ISSUER: "http://127.0.0.1:9999",
    };
    configure(http);
    expect(() => env()).toThrow(/SSO_SURFCONEXT_ISSUER/);
    configure({ ...http, SSO_ALLOW_INSECURE_ISSUER: "true", NODE_ENV: "production" });
    expect(productionProblems(env()).join("\n")).toMatch(/SSO_ALLOW_INSECURE_ISSUER/);
  });

  it("without SSO_PROVIDERS there are no buttons", () => {
    configure({});
    expect(listSsoProviders()).toEqual([]);
  });
});
