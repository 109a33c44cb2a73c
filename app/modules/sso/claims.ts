import type { SsoPreset } from "#app/core/env.server.ts";
import type { jobFunctions } from "#app/modules/accounts/accounts.schema.ts";

/** The school a login names: a BRIN code (Entree) or an institution's domain (the others). */
interface HomeOrganisation {
  kind: "brin" | "domain";
  value: string;
}

/** What we keep of a provider's claims, the same for every preset. */
export interface MappedIdentity {
  /** the account key with (provider, subject); never the e-mail address */
  subject: string;
  email: string | null;
  /** whether the provider vouches that the person controls `email` */
  emailVerified: boolean;
  givenName: string | null;
  familyName: string | null;
  name: string | null;
  homeOrganisation: HomeOrganisation | null;
  /** eduPerson affiliations, lower case, without scope ("employee", "faculty", …) */
  affiliations: string[];
}

type Claims = Record<string, unknown>;

/** Federations pass multi-valued SAML attributes on as arrays, sometimes for single values too. */
function first(value: unknown): string | null {
  const one = Array.isArray(value) ? value[0] : value;
  if (typeof one !== "string") return null;
  const trimmed = one.trim();
  return trimmed ? trimmed : null;
}

function all(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}

const hostname =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A lower-case host name, or null: a claim that is no domain names no school. */
export function normaliseDomain(value: string | null): string | null {
  const domain = value?.trim().toLowerCase().replace(/\.$/, "") ?? "";
  return hostname.test(domain) ? domain : null;
}

function domainOf(address: string | null) {
  const at = address?.lastIndexOf("@") ?? -1;
  return address && at > 0 ? normaliseDomain(address.slice(at + 1)) : null;
}

const plausibleEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emailFrom(value: unknown) {
  const email = first(value)?.toLowerCase() ?? null;
  return email && plausibleEmail.test(email) && email.length <= 254 ? email : null;
}

function fullName(claims: Claims, given: string | null, family: string | null) {
  return first(claims.name) ?? ([given, family].filter(Boolean).join(" ") || null);
}

/** "employee@school.nl" and "employee" both mean "employee". */
function affiliationsFrom(...values: unknown[]) {
  const names = values.flatMap(all).map((value) => value.split("@")[0]?.trim().toLowerCase() ?? "");
  return [...new Set(names.filter(Boolean))];
}

/**
 * SURFconext: `sub` is pairwise (one per service), so it is the key. Its e-mail is released by the
 * institution from its own identity management (SURFconext passes on what the institution's IdP
 * asserts, it has no self-registered addresses), so we treat it as verified — the same trust the
 * home domain gets.
 */
function mapSurfconext(claims: Claims): MappedIdentity | null {
  const subject = first(claims.sub);
  if (!subject) return null;
  const email = emailFrom(claims.email);
  const givenName = first(claims.given_name);
  const familyName = first(claims.family_name);
  const domain = normaliseDomain(first(claims.schac_home_organization));
  return {
    subject,
    email,
    emailVerified: email !== null,
    givenName,
    familyName,
    name: fullName(claims, givenName, familyName),
    homeOrganisation: domain ? { kind: "domain", value: domain } : null,
    affiliations: affiliationsFrom(
      claims.eduperson_affiliation,
      claims.eduperson_scoped_affiliation,
    ),
  };
}

const brin = /^[0-9A-Z]{2}[0-9A-Z]{2}([0-9A-Z]{2})?$/;

/**
 * Entree Federatie: `uid` ("hash@realm", encrypted per service) is the key; the BRIN code has 4
 * characters for the institution or 6 for one of its locations (kept whole: the school is found
 * by the location's code, else by the institution's first 4).
 * Entree releases no e-mail address by default; one it does release is the school's record, not
 * an address Entree checked, so it is not taken as verified.
 */
function mapEntree(claims: Claims): MappedIdentity | null {
  const subject = first(claims.uid);
  if (!subject) return null;
  const givenName = first(claims.givenName);
  const familyName = first(claims.sn);
  const code = first(claims.nlEduPersonHomeOrganizationId)?.toUpperCase() ?? null;
  return {
    subject,
    email: emailFrom(claims.mail ?? claims.email),
    emailVerified: false,
    givenName,
    familyName,
    name: [givenName, familyName].filter(Boolean).join(" ") || null,
    homeOrganisation: code && brin.test(code) ? { kind: "brin", value: code } : null,
    affiliations: affiliationsFrom(claims.eduPersonAffiliation),
  };
}

/**
 * Microsoft Entra ID: `oid` within `tid` is the person across the tenant's apps (`sub` is per app).
 * The e-mail claim is whatever the tenant typed, so it is verified only when Entra says the
 * domain is the tenant's own (`xms_edov`, an optional claim the app registration must ask for).
 * The UPN's domain is always one the tenant verified, so it names the school.
 */
function mapEntra(claims: Claims): MappedIdentity | null {
  const tid = first(claims.tid);
  const oid = first(claims.oid);
  const subject = tid && oid ? `${tid}:${oid}` : first(claims.sub);
  if (!subject) return null;
  const email = emailFrom(claims.email);
  const emailVerified = email !== null && claims.xms_edov === true;
  const givenName = first(claims.given_name);
  const familyName = first(claims.family_name);
  const domain = domainOf(first(claims.upn)) ?? (emailVerified ? domainOf(email) : null);
  return {
    subject,
    email,
    emailVerified,
    givenName,
    familyName,
    name: fullName(claims, givenName, familyName),
    homeOrganisation: domain ? { kind: "domain", value: domain } : null,
    affiliations: [],
  };
}

/** Google: `hd` is the Workspace domain (absent for personal accounts, which name no school). */
function mapGoogle(claims: Claims): MappedIdentity | null {
  const identity = mapGeneric(claims);
  if (!identity) return null;
  const domain = normaliseDomain(first(claims.hd));
  return { ...identity, homeOrganisation: domain ? { kind: "domain", value: domain } : null };
}

/** Standard OpenID Connect claims; the e-mail counts only with `email_verified: true`. */
function mapGeneric(claims: Claims): MappedIdentity | null {
  const subject = first(claims.sub);
  if (!subject) return null;
  const email = emailFrom(claims.email);
  const givenName = first(claims.given_name);
  const familyName = first(claims.family_name);
  return {
    subject,
    email,
    emailVerified: email !== null && claims.email_verified === true,
    givenName,
    familyName,
    name: fullName(claims, givenName, familyName),
    homeOrganisation: null,
    affiliations: [],
  };
}

const mappers: Record<SsoPreset, (claims: Claims) => MappedIdentity | null> = {
  surfconext: mapSurfconext,
  entree: mapEntree,
  entra: mapEntra,
  google: mapGoogle,
  generic: mapGeneric,
};

/** The verified claims (ID token and userinfo together) as one identity; null without a key. */
export function mapClaims(preset: SsoPreset, claims: Claims): MappedIdentity | null {
  return mappers[preset](claims);
}

/** What each preset asks for when SSO_<KEY>_SCOPES is not set, and its button text. */
export const presetDefaults: Record<SsoPreset, { scopes: string; name: string | null }> = {
  // SURFconext releases claims per service by its attribute release policy (data minimisation),
  // at the userinfo endpoint; scopes beyond openid select nothing more there.
  surfconext: { scopes: "openid profile email", name: "SURFconext" },
  // Entree's standard attributes (uid, givenName, affiliation, BRIN, school name) come with openid.
  entree: { scopes: "openid", name: "Entree" },
  entra: { scopes: "openid profile email", name: "Microsoft" },
  google: { scopes: "openid profile email", name: "Google" },
  generic: { scopes: "openid profile email", name: null },
};

type JobFunction = (typeof jobFunctions)[number];

/**
 * The function an affiliation suggests, for a profile that has none yet (the person can change it).
 * At a school, employee/faculty/staff are nearly always teaching staff; students and affiliates
 * suggest nothing.
 */
export function suggestJobFunction(affiliations: string[]): JobFunction | null {
  return affiliations.some((a) => a === "faculty" || a === "employee" || a === "staff")
    ? "leraar"
    : null;
}
