import { createContext, data } from "react-router";
import { env, publicBaseUrl } from "#app/core/env.server.ts";
import { log } from "#app/core/logger.server.ts";
import { getDb } from "#app/db/client.server.ts";
import { watchWrites } from "#app/db/write-watch.server.ts";
import { isMessageKey, type Locale, parseLocale } from "#app/i18n/messages.ts";
import {
  activityIntervalMs,
  createSession,
  endSession,
  findSession,
  isSessionLive,
  sessionSettings,
  touchIntervalMs,
  touchSession,
  touchUserActivity,
} from "#app/modules/accounts/sessions.server.ts";
import { loadActor } from "#app/modules/organisations/grants.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import { clientAddress } from "#app/platform/http.server.ts";
import { hashToken } from "#app/platform/tokens.server.ts";

export interface RequestState {
  actor: Actor | null;
  sessionToken: string | null;
  sessionIdHash: string | null;
  locale: Locale;
}

export const requestState = createContext<RequestState>({
  actor: null,
  sessionToken: null,
  sessionIdHash: null,
  locale: "nl",
});

const secureCookies = () => env().COOKIE_SECURE;
const sessionCookieName = () => (secureCookies() ? "__Host-knooppunt" : "knooppunt");
const localeCookieName = "taal";

function readCookie(request: Request, name: string) {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(/;\s*/)) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index) === name) {
      try {
        return decodeURIComponent(part.slice(index + 1));
      } catch {
        return null; // a mangled cookie is no cookie, not a 500
      }
    }
  }
  return null;
}

function sessionCookie(token: string) {
  const maxAge = sessionSettings().maxDays * 24 * 60 * 60;
  return `${sessionCookieName()}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secureCookies() ? "; Secure" : ""}`;
}

export function clearSessionCookie() {
  return `${sessionCookieName()}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureCookies() ? "; Secure" : ""}`;
}

export function localeCookie(locale: Locale) {
  return `${localeCookieName}=${locale}; Path=/; SameSite=Lax; Max-Age=31536000${secureCookies() ? "; Secure" : ""}`;
}

/**
 * CSRF: a state-changing request must come from our own origin. Browsers send
 * Origin on every POST; a missing or foreign one is refused.
 */
function isSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const url = new URL(request.url);
  return origin === url.origin || origin === env().PUBLIC_URL?.replace(/\/$/, "");
}

/*
 * The signed-in person of a request (session row, user, grants) is kept per session in this
 * process for a few seconds, so a page view costs no session or grants query.
 *
 * In this process every change shows at once: write-watch clears the cache whenever users,
 * sessions (other than the last-seen touch), organisation_members or programme_coordinators are
 * written — logout, "log out everywhere", password reset, disabling, verification, name and role
 * changes — and again when that transaction commits. Another app process behind the load
 * balancer is not seen: there a logout, revoked session or withdrawn role is trusted for at most
 * `actorLifetimeMs` longer. Keep that short; it is the whole cross-process guarantee.
 */
const actorLifetimeMs = 10_000;
/** Bounded, least recently used out first: a busy process holds its active sessions, no more. */
const actorCacheSize = 5_000;

interface CachedSession {
  session: NonNullable<Awaited<ReturnType<typeof findSession>>>;
  actor: Actor;
  loadedAt: number;
}

const sessionCache = new Map<string, CachedSession>();
/** Bumped by every clear, so a load that raced a change does not store what it read before it. */
let cacheGeneration = 0;

watchWrites(
  ["users", "sessions", "organisation_members", "programme_coordinators"],
  () => {
    sessionCache.clear();
    cacheGeneration++;
  },
  // touchSession's and touchUserActivity's statements: moving last-seen or last-active on
  // changes nothing a cached actor holds.
  {
    ignore:
      /^update "sessions" set "last_seen_at" = \$1 where "sessions"\."id_hash" = \$2$|^update "users" set "last_active_at" = \$1, "inactivity_warned_at" = \$2 where \("users"\."id" = \$3 and "users"\."last_active_at" < \$4\)$/,
  },
);

async function resolveSession(token: string): Promise<CachedSession | null> {
  const now = Date.now();
  const settings = sessionSettings();
  const idHash = hashToken(token);
  let entry = sessionCache.get(idHash);
  if (
    entry &&
    (now - entry.loadedAt > actorLifetimeMs || !isSessionLive(entry.session, settings))
  ) {
    // Too old to trust, or expired as far as we know (another process may have touched it).
    sessionCache.delete(idHash);
    entry = undefined;
  }
  const db = await getDb();
  if (entry) {
    sessionCache.delete(idHash); // re-inserted last: the most recently used
    sessionCache.set(idHash, entry);
  } else {
    const generation = cacheGeneration;
    const session = await findSession(db, token, settings);
    if (!session) return null;
    const actor = await loadActor(db, { ...session, id: session.userId });
    entry = { session, actor, loadedAt: now };
    if (generation === cacheGeneration) {
      sessionCache.set(idHash, entry);
      if (sessionCache.size > actorCacheSize) {
        sessionCache.delete(sessionCache.keys().next().value as string);
      }
    }
  }
  // Sliding expiry, written at most once per touch interval per session (not on every GET).
  if (now - entry.session.lastSeenAt.getTime() > touchIntervalMs(settings)) {
    const at = new Date(now);
    entry.session = { ...entry.session, lastSeenAt: at };
    await touchSession(db, idHash, at);
  }
  // Activity for the retention rule: at most hourly, and not on the cached copy's every request.
  if (now - entry.session.lastActiveAt.getTime() > activityIntervalMs) {
    const at = new Date(now);
    entry.session = { ...entry.session, lastActiveAt: at };
    await touchUserActivity(db, entry.session.userId, at);
  }
  return entry;
}

export async function loadRequestState(request: Request): Promise<RequestState> {
  const token = readCookie(request, sessionCookieName());
  let locale = parseLocale(readCookie(request, localeCookieName));
  if (!token) return { actor: null, sessionToken: null, sessionIdHash: null, locale };
  const resolved = await resolveSession(token);
  if (!resolved) return { actor: null, sessionToken: null, sessionIdHash: null, locale };
  const { session, actor } = resolved;
  if (!readCookie(request, localeCookieName)) locale = parseLocale(session.locale);
  return { actor, sessionToken: token, sessionIdHash: session.sessionIdHash, locale };
}

const maxRequestBytes = 12 * 1024 * 1024;

const hasNul = (value: string) => value.includes("\0");

/** NUL bytes cannot be stored by PostgreSQL and are never typed by a person: refused up front. */
function refuseMalformedUrl(request: Request) {
  const url = new URL(request.url);
  for (const [key, value] of url.searchParams) {
    if (hasNul(key) || hasNul(value)) throw data(null, { status: 400 });
  }
}

/**
 * Before any action runs: the request must come from our own origin (CSRF) and carry a form
 * body that parses, without NUL bytes in its fields. Checking here, once, means no action can
 * turn a malformed body into a 500. (server.js limits the bytes read; this is the second line.)
 */
export async function checkOrigin(request: Request) {
  refuseMalformedUrl(request);
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return;
  // Machine endpoints (the inbound-mail webhook) authenticate with their own secret.
  const path = new URL(request.url).pathname;
  if (path.startsWith("/api/")) return;
  // A mail client's one-click unsubscribe (RFC 8058) posts from no page of ours; the signed token
  // in the path is the proof, and all it can do is stop mail.
  if (!isSameOrigin(request) && !/^\/afmelden\/[^/]+$/.test(path)) {
    log.warn("csrf.refused", { path, ip: clientAddress(request) });
    throw data(null, { status: 403 });
  }
  if (Number(request.headers.get("content-length") ?? 0) > maxRequestBytes) {
    throw data(null, { status: 413 });
  }
  const type = request.headers.get("content-type") ?? "";
  const isForm = type.startsWith("application/x-www-form-urlencoded");
  const isMultipart = type.startsWith("multipart/form-data") && /;\s*boundary=/i.test(type);
  if (!isForm && !isMultipart) throw data(null, { status: 400 });
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    throw data(null, { status: 400 });
  }
  for (const [key, value] of form) {
    if (hasNul(key) || (typeof value === "string" && hasNul(value))) {
      throw data(null, { status: 400 });
    }
  }
}

/**
 * Only paths on our own site, so a crafted ?terug= cannot send people elsewhere. Browsers drop
 * tabs and newlines and read a backslash as a slash, so "/\t/evil.test" would become "//evil.test":
 * such characters are refused outright, and what is left must resolve to our own origin.
 */
export function safeReturnPath(value: string | null) {
  if (!value?.startsWith("/")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  const base = "http://knooppunt.invalid";
  let resolved: URL;
  try {
    resolved = new URL(value, base);
  } catch {
    return "/";
  }
  // "/.//evil.test" resolves to the path "//evil.test", which a browser reads as another host.
  if (resolved.origin !== base || resolved.pathname.startsWith("//")) return "/";
  return resolved.pathname + resolved.search + resolved.hash;
}

/** Links in mail come from PUBLIC_URL, never from the Host header a client sent. */
export function baseUrl(_request: Request) {
  return publicBaseUrl();
}

export function requestInfo(request: Request, state: RequestState) {
  return { baseUrl: baseUrl(request), ipAddress: clientAddress(request), locale: state.locale };
}

/**
 * Login: a fresh session id, and the old one (if any) ended, so a planted id is worthless. An SSO
 * login passes its provider and ID token, so logging out can end the provider's session too.
 */
export async function startSession(
  userId: string,
  request: Request,
  state: RequestState,
  sso?: { provider: string; idToken: string },
) {
  const db = await getDb();
  if (state.sessionToken) await endSession(db, state.sessionToken);
  const token = await createSession(db, {
    userId,
    userAgent: request.headers.get("user-agent") ?? "",
    ipAddress: clientAddress(request),
    sso,
  });
  return sessionCookie(token);
}

/** The success notice a redirect carries in ?melding=, if it is a known message. */
export function noticeFrom(request: Request) {
  const notice = new URL(request.url).searchParams.get("melding");
  return notice && isMessageKey(notice) ? notice : null;
}

/*
 * The SSO flow id between leaving for the provider and coming back (and, after an Entree login,
 * until the person has given an e-mail address). SameSite=Lax: the provider sends the browser
 * back with a top-level GET, which must carry it; nothing else may.
 */
/**
 * Set by registration in the browser that registered: the verification link signs in only where
 * this cookie holds the account's registration token (accounts.server.ts verifyEmail).
 */
const registrationCookieName = () =>
  secureCookies() ? "__Host-knooppunt-registratie" : "knooppunt-registratie";

export function registrationCookie(token: string) {
  return `${registrationCookieName()}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${48 * 3600}${secureCookies() ? "; Secure" : ""}`;
}

export function clearRegistrationCookie() {
  return `${registrationCookieName()}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureCookies() ? "; Secure" : ""}`;
}

export function readRegistrationCookie(request: Request) {
  return readCookie(request, registrationCookieName());
}

const ssoFlowCookieName = () => (secureCookies() ? "__Host-knooppunt-sso" : "knooppunt-sso");

export function ssoFlowCookie(flowId: string, maxAgeSeconds: number) {
  return `${ssoFlowCookieName()}=${flowId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secureCookies() ? "; Secure" : ""}`;
}

export function clearSsoFlowCookie() {
  return `${ssoFlowCookieName()}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureCookies() ? "; Secure" : ""}`;
}

export function readSsoFlowCookie(request: Request) {
  return readCookie(request, ssoFlowCookieName());
}
