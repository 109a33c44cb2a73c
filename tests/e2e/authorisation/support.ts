// Shared by the authorisation matrix and the fuzz spec: who the roles are, how they log in
// (once per role per run: the per-account login limit is 10), and where the seeded fixtures of
// every privacy level live. Ids are read from the pages the right person sees, so nothing here
// depends on the seed's insertion order.
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, request } from "@playwright/test";
import routeConfig from "../../../app/routes.ts";
import { demoPassword, linkIn, readMail } from "../support/fixtures.ts";
import { e2ePort } from "../support/paths.ts";

export const origin = `http://localhost:${e2ePort}`;

export const roles = [
  "visitor",
  "outsider",
  "member",
  "otherMember",
  "facilitator",
  "coordinator",
  "regional",
  "schoolAdmin",
  "ownSchoolAdmin",
  "admin",
] as const;
export type Role = (typeof roles)[number];

/**
 * Who plays each role. `member` belongs to the closed network under test (Vrouwelijk
 * Leiderschap 1) and to its intervision group; `facilitator` is the penvoerder of the open
 * network whose buddy group he is not in; `schoolAdmin` keeps another school (Assink Lyceum) and
 * happens to be in that buddy group; `ownSchoolAdmin` keeps the school whose toolkit is under
 * test, so each fixture has someone who may see it (a matrix of refusals only would pass on
 * wrong ids).
 */
const roleAccounts: Record<Exclude<Role, "visitor" | "outsider">, string> = {
  member: "jacqueline.schoones@knooppunt.test",
  otherMember: "karin.elferink@knooppunt.test",
  facilitator: "jan.paul.beekman@knooppunt.test",
  coordinator: "coordinator@knooppunt.test",
  regional: "regiocoordinator@knooppunt.test",
  schoolAdmin: "jozef.geurtzen@knooppunt.test",
  ownSchoolAdmin: "schoolbeheerder@knooppunt.test",
  admin: "beheerder@knooppunt.test",
};

export async function newContext() {
  return request.newContext({
    baseURL: origin,
    extraHTTPHeaders: { Origin: origin },
    maxRedirects: 0,
  });
}

export async function login(ctx: APIRequestContext, email: string, password = demoPassword) {
  const response = await ctx.post("/inloggen", {
    form: { email, password, terug: "/" },
    maxRedirects: 0,
  });
  if (response.status() !== 302 && response.status() !== 303)
    throw new Error(`inloggen als ${email} mislukt: ${response.status()}`);
}

/** A brand-new account with no memberships, workplaces or grants: registered and verified by mail. */
async function registerOutsider(ctx: APIRequestContext, label: string) {
  const email = `buitenstaander.${label}.${Date.now()}@knooppunt.test`;
  const password = "een-lang-en-vers-wachtwoord-42";
  const since = Date.now();
  const registered = await ctx.post("/registreren", {
    form: { name: "Bui Tenstaander", email, password },
  });
  if (registered.status() >= 400) throw new Error(`registreren mislukt: ${registered.status()}`);
  const mail = await readMail(email, /.*/, since);
  // The link opens a page with a button (so mail scanners do not confirm); the button posts.
  const verified = await ctx.post(linkIn(mail, "e-mail-bevestigen"), { form: {} });
  if (verified.status() >= 400) throw new Error(`bevestigen mislukt: ${verified.status()}`);
  await login(ctx, email, password);
  return email;
}

export async function contextsPerRole(label: string) {
  const contexts = {} as Record<Role, APIRequestContext>;
  for (const role of roles) {
    const ctx = await newContext();
    if (role === "outsider") await registerOutsider(ctx, label);
    else if (role !== "visitor") await login(ctx, roleAccounts[role]);
    contexts[role] = ctx;
  }
  return contexts;
}

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

async function html(ctx: APIRequestContext, url: string) {
  const response = await send(ctx, "GET", url);
  if (response.status() !== 200) throw new Error(`${url}: ${response.status()}`);
  return response.text();
}

/** The id in the first link whose path matches `prefix/<uuid>` (optionally with this text). */
function idAfter(page: string, prefix: string, text?: string) {
  // The whole link up to its </a>: a card's "Bekijk netwerk: …" carries its name and an icon's SVG.
  const pattern = new RegExp(`href="${prefix}/(${uuid})"[^>]*>([\\s\\S]{0,3000}?)</a>`, "g");
  for (const match of page.matchAll(pattern)) {
    if (!text || match[2]?.includes(text)) return match[1] as string;
  }
  throw new Error(`geen link ${prefix}/… ${text ?? ""}`);
}

/** Marker strings from the seed (and from the fixtures the matrix adds) that only some may read. */
export const markers = {
  buddyNote: "hoe delegeer ik meer",
  buddyAgreement: "Elke zes weken een uur bellen",
  buddyMeeting: "Station Amersfoort, koffiebar",
  intervisionCase: "Wat laat ik zien van mijn twijfels?",
  intervisionInsight: "Mijn twijfel benoemen maakt ruimte",
  closedTopic: "Matrixvraag-gesloten-netwerk-7Q",
  survey: "Matrixvragenlijst-anoniem-3K",
};

export interface Fixtures {
  open: string;
  closed: string;
  school: string;
  buddy: string;
  intervisionGroup: string;
  intervisionSession: string;
  openTopic: string;
  closedTopic: string;
  initiative: string;
  theme: string;
  analysis: string;
  survey: string;
  person: string;
  /** an id that exists nowhere: unknown ids are 404 for everyone */
  none: string;
}

export async function resolveFixtures(c: Record<Role, APIRequestContext>): Promise<Fixtures> {
  const catalogue = await html(c.visitor, "/netwerken");
  const open = idAfter(catalogue, "/netwerken", "Eindverantwoordelijk Schoolleiders");
  const closed = idAfter(catalogue, "/netwerken", "Vrouwelijk Leiderschap 1");
  const school = idAfter(await html(c.member, "/organisaties"), "/organisaties", "Baken Trinitas");
  const buddy = idAfter(
    await html(c.schoolAdmin, `/netwerken/${open}/maatjes`),
    `/netwerken/${open}/maatjes`,
  );
  const intervisionGroup = idAfter(
    await html(c.member, `/netwerken/${closed}/intervisie`),
    `/netwerken/${closed}/intervisie`,
  );
  const intervisionSession = idAfter(
    await html(c.member, `/netwerken/${closed}/intervisie/${intervisionGroup}`),
    `/netwerken/${closed}/intervisie/${intervisionGroup}/sessies`,
  );
  const openTopic = idAfter(
    await html(c.facilitator, `/netwerken/${open}/discussie`),
    `/netwerken/${open}/discussie`,
  );
  const toolkit = `/organisaties/${school}/netwerklerend`;
  const toolkitPage = await html(c.ownSchoolAdmin, toolkit);
  const initiative = idAfter(toolkitPage, `${toolkit}/initiatieven`);
  const theme = idAfter(toolkitPage, `${toolkit}/themas`);
  const analysis = await networkAnalysis(c.ownSchoolAdmin, toolkit, initiative);
  const person = idAfter(await html(c.facilitator, `/netwerken/${open}`), "/mensen");
  return {
    open,
    closed,
    school,
    buddy,
    intervisionGroup,
    intervisionSession,
    openTopic,
    closedTopic: await closedTopic(c.member, closed),
    initiative,
    theme,
    analysis,
    survey: await anonymousSurvey(c.facilitator, open),
    person,
    none: "00000000-0000-4000-8000-000000000000",
  };
}

/** A network analysis of the school's initiative (none is seeded), started once by its admin. */
async function networkAnalysis(admin: APIRequestContext, toolkit: string, initiative: string) {
  const list = `${toolkit}/netwerkanalyses`;
  let page = await html(admin, list);
  if (!new RegExp(`href="${list}/${uuid}"`).test(page)) {
    const started = await admin.post(list, { form: { about: `i:${initiative}` } });
    if (started.status() >= 400) throw new Error(`netwerkanalyse starten: ${started.status()}`);
    page = await html(admin, list);
  }
  return idAfter(page, list);
}

/** A question in the closed network's discussion (none is seeded), found again if it exists. */
async function closedTopic(member: APIRequestContext, closed: string) {
  const list = `/netwerken/${closed}/discussie`;
  const page = await html(member, list);
  if (!page.includes(markers.closedTopic)) {
    const posted = await member.post(list, {
      form: {
        intent: "topic",
        kind: "question",
        title: markers.closedTopic,
        body: `${markers.closedTopic}: alleen voor de leden van dit gesloten netwerk.`,
      },
    });
    if (posted.status() >= 400) throw new Error(`vraag plaatsen: ${posted.status()}`);
  }
  return idAfter(await html(member, list), list, markers.closedTopic);
}

/** An anonymous survey in the open network (none is seeded), made by its penvoerder once. */
async function anonymousSurvey(facilitator: APIRequestContext, open: string) {
  const list = `/netwerken/${open}/vragenlijsten`;
  if (!(await html(facilitator, list)).includes(markers.survey)) {
    const made = await facilitator.post(list, {
      form: {
        intent: "create",
        kind: "baseline",
        title: markers.survey,
        anonymous: "on",
        useTemplate: "on",
        extraItems: "?Wat wil je kwijt?",
        scaleLabels: "helemaal oneens, oneens, neutraal, eens, helemaal eens",
      },
    });
    if (made.status() >= 400) throw new Error(`vragenlijst maken: ${made.status()}`);
  }
  return idAfter(await html(facilitator, list), list, markers.survey);
}

export interface RouteEntry {
  /** the path as in app/routes.ts ("" for the home page) */
  path: string;
  file: string;
  hasAction: boolean;
  /** every intent the action reads, from its source ("" is the form without an intent) */
  intents: string[];
  /** an index route: React Router sends a form to it with `?index` (a plain POST goes to its layout) */
  isIndex: boolean;
}

/** Every route in app/routes.ts, with the intents its action distinguishes. */
export function appRoutes(): RouteEntry[] {
  const seen = new Map<string, RouteEntry>();
  type ConfigEntry = { path?: string; index?: boolean; file: string; children?: ConfigEntry[] };
  // Nested layouts: a child's path is its parent's joined with its own; an index child is the
  // parent's page, so it takes the layout's place in the matrix.
  const flatten = (entries: ConfigEntry[], prefix: string): ConfigEntry[] =>
    entries.flatMap((entry) => {
      const own = entry.index ? "" : (entry.path ?? "");
      const full = [prefix, own].filter(Boolean).join("/");
      const children = flatten(entry.children ?? [], full);
      // A pathless layout (the admin pages' guard) is no page of its own.
      return entry.path === undefined && !entry.index
        ? children
        : [{ ...entry, path: full }, ...children];
    });
  for (const r of flatten(routeConfig as ConfigEntry[], "")) {
    const source = fs.readFileSync(path.join("app", r.file), "utf8");
    const hasAction = /export (async )?function action\b|export const action\b/.test(source);
    const intents = new Set<string>();
    if (hasAction) {
      intents.add("");
      const patterns = [
        /name="intent"\s+value="([a-z-]+)"/g,
        /intent\s*===\s*"([a-z-]+)"/g,
        /get\("intent"\)\s*===\s*"([a-z-]+)"/g,
        /case\s+"([a-z-]+)":/g,
        /\{\s*intent:\s*"([a-z-]+)"/g,
        // handleIntents' handlers: one key per intent
        /^\s+"?([a-z][a-z-]*)"?: async \(/gm,
      ];
      for (const pattern of patterns) for (const m of source.matchAll(pattern)) intents.add(m[1]!);
      const moves = source.match(/const moves = \[([^\]]*)\]/);
      for (const m of moves?.[1]?.matchAll(/"([a-z-]+)"/g) ?? []) intents.add(m[1]!);
      const simple = source.match(/const simple[^=]*=\s*\{([\s\S]*?)\n\s*\};/);
      for (const m of simple?.[1]?.matchAll(/^\s*"?([a-z-]+)"?:/gm) ?? []) intents.add(m[1]!);
    }
    const key = r.path ?? "";
    seen.set(key, {
      path: key,
      file: r.file,
      hasAction,
      intents: [...intents].sort(),
      isIndex: !!r.index,
    });
  }
  return [...seen.values()];
}

export type Outcome = 200 | 400 | 403 | 404 | 405 | 413 | "login" | "redirect";

/** What a response means for the matrix: the status, or where a redirect goes. */
export function outcomeOf(response: APIResponse): Outcome | number {
  const status = response.status();
  if (status >= 300 && status < 400) {
    const location = response.headers().location ?? "";
    return location.startsWith("/inloggen") ? "login" : "redirect";
  }
  return status;
}

const fixtureSets = ["site", "open", "closed", "school", "person", "unknown"] as const;
export type FixtureSet = (typeof fixtureSets)[number];

/** Which fixtures a route is tried against: every privacy level its parameters can take. */
export function setsFor(routePath: string): FixtureSet[] {
  if (!routePath.includes(":")) return ["site"];
  if (routePath.startsWith("netwerken/:networkId")) return ["open", "closed"];
  if (routePath.startsWith("organisaties/:organisationId")) return ["school"];
  if (routePath.startsWith("mensen/:userId")) return ["person"];
  return ["unknown"];
}

/** The concrete URL of a route for one fixture set; ids it has no fixture for are unknown ones. */
export function urlFor(routePath: string, set: FixtureSet, f: Fixtures) {
  const ids: Record<string, string> =
    set === "open"
      ? {
          networkId: f.open,
          groupId: f.buddy,
          topicId: f.openTopic,
          surveyId: f.survey,
        }
      : set === "closed"
        ? {
            networkId: f.closed,
            groupId: routePath.includes("intervisie") ? f.intervisionGroup : f.buddy,
            sessionId: f.intervisionSession,
            topicId: f.closedTopic,
            surveyId: f.survey,
          }
        : set === "school"
          ? {
              organisationId: f.school,
              initiativeId: f.initiative,
              themeId: f.theme,
              analysisId: f.analysis,
            }
          : set === "person"
            ? { userId: f.person }
            : {};
  return `/${routePath.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    name === "token"
      ? "Ongeldig_token_Ongeldig_token_Ongeldig_tok"
      : name === "format"
        ? "csv"
        : (ids[name] ?? f.none),
  )}`;
}

/**
 * One request, tried once more when the connection was reset before any answer: on a busy
 * machine the client sometimes reuses a keep-alive socket the server has just closed as idle
 * (the request never reached the app), which says nothing about the app.
 */
export async function send(
  ctx: APIRequestContext,
  method: "GET" | "POST",
  url: string,
  options: Parameters<APIRequestContext["fetch"]>[1] = {},
): Promise<APIResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.fetch(url, { method, maxRedirects: 0, ...options });
    } catch (error) {
      if (attempt >= 2 || !/ECONNRESET|socket hang up/.test(String(error))) throw error;
    }
  }
}
