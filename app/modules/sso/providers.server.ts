import * as client from "openid-client";
import {
  env,
  publicBaseUrl,
  type SsoPreset,
  type SsoProviderConfig,
} from "#app/core/env.server.ts";
import { presetDefaults } from "./claims.ts";

export interface SsoProvider {
  key: string;
  /** the button text: "Inloggen met {name}" */
  name: string;
  preset: SsoPreset;
}

/** The configured providers for the login and registration buttons (no secrets). */
export function listSsoProviders(): SsoProvider[] {
  return env().ssoProviders.map((config) => ({
    key: config.key,
    name: config.name ?? presetDefaults[config.preset].name ?? config.key,
    preset: config.preset,
  }));
}

export function findProviderConfig(key: string): SsoProviderConfig | null {
  return env().ssoProviders.find((config) => config.key === key) ?? null;
}

export function scopesOf(config: SsoProviderConfig) {
  return config.scopes ?? presetDefaults[config.preset].scopes;
}

/** Where the provider sends the person back: registered with the provider, so never from a Host header. */
export function redirectUri(key: string) {
  return `${publicBaseUrl()}/inloggen/sso/${encodeURIComponent(key)}/terug`;
}

/*
 * Discovery (metadata and, lazily, the signing keys) is cached per process. Nothing a login needs
 * lives here: another process rediscovers, and a failed discovery is forgotten so the next login
 * tries again.
 */
const discovered = new Map<string, Promise<client.Configuration>>();

export function providerConfiguration(config: SsoProviderConfig): Promise<client.Configuration> {
  const cacheKey = `${config.key}\n${config.issuer}\n${config.clientId}`;
  let configuration = discovered.get(cacheKey);
  if (!configuration) {
    const insecure = new URL(config.issuer).protocol === "http:";
    configuration = client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        undefined,
        client.ClientSecretBasic(config.clientSecret),
        // env() allows an http issuer only with SSO_ALLOW_INSECURE_ISSUER (the test provider).
        insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: unknown) => {
        discovered.delete(cacheKey);
        throw error;
      });
    discovered.set(cacheKey, configuration);
  }
  return configuration;
}
