// The authorisation matrix (issue 13, "Prove it"): every route of app/routes.ts, GET and each
// intent of its action, for ten roles against fixtures of every privacy level, as declared in
// expectations.ts; and no page, nor its `.data` loader payload, shows a confidential marker to a
// role that may not read it. HTTP only; each role logs in once.
import { type APIRequestContext, expect, test } from "@playwright/test";
import { expectations, markerReaders, type Row } from "./expectations.ts";
import {
  appRoutes,
  contextsPerRole,
  type FixtureSet,
  type Fixtures,
  markers,
  outcomeOf,
  type Role,
  resolveFixtures,
  roles,
  send,
  setsFor,
  urlFor,
} from "./support.ts";

let c: Record<Role, APIRequestContext>;
let f: Fixtures;
const routes = appRoutes();

/** Runs the requests eight at a time: fast, and gentle enough for a busy machine. */
async function inPool<T>(jobs: (() => Promise<T>)[], width = 8) {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await (jobs[index] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

function expected(row: Row, role: Role) {
  return row[role] ?? row.default;
}

function leaksIn(body: string, role: Role, where: string) {
  return Object.entries(markers)
    .filter(([name, text]) => body.includes(text) && !markerReaders[name]?.includes(role))
    .map(([name]) => `${role} leest ${name} op ${where}`);
}

test("every route in app/routes.ts has a declared expectation for every intent it reads", () => {
  const declared = new Set(Object.keys(expectations));
  const missing = routes.filter((r) => !declared.has(r.path)).map((r) => r.path);
  const stale = [...declared].filter((path) => !routes.some((r) => r.path === path));
  expect(missing, "routes zonder verwachting in expectations.ts").toEqual([]);
  expect(stale, "verwachtingen voor routes die niet meer bestaan").toEqual([]);
  for (const route of routes) {
    const entry = expectations[route.path];
    if (!entry) continue;
    if (!route.hasAction) {
      expect(entry.post, `${route.path} heeft geen action`).toBe(405);
      continue;
    }
    expect(entry.post, `${route.path} heeft een action`).not.toBe(405);
    // Intents read in the route file must be declared; the declaration may name more (a form
    // in a component file, which the source scan does not see).
    const undeclared = route.intents.filter((intent) => !entry.intents?.includes(intent));
    expect(undeclared, `intents van ${route.file}`).toEqual([]);
    for (const set of setsFor(route.path)) {
      expect(
        (entry.post as Record<string, unknown>)[set],
        `${route.path}: POST-regel voor ${set}`,
      ).toBeTruthy();
    }
  }
});

// GET and POST in one test: each role logs in once per run (the per-account login limit is 10),
// and a failing GET half still lets the POST half run and report.
test("every route, role and fixture as declared; no marker reaches a role that may not read it; every action refuses who may not act", async () => {
  test.setTimeout(900_000);
  c = await contextsPerRole("matrix");
  f = await resolveFixtures(c);
  const cells = routes.reduce((n, r) => n + setsFor(r.path).length, 0);
  console.log(
    `matrix: ${routes.length} routes (${cells} route×fixture-cellen) × ${roles.length} rollen`,
  );
  expect.soft(await checkGets(), "GET").toEqual([]);
  expect.soft(await checkPosts(), "POST").toEqual([]);
  for (const ctx of Object.values(c)) await ctx.dispose();
});

async function checkGets() {
  const failures: string[] = [];
  const jobs: (() => Promise<void>)[] = [];
  for (const route of routes) {
    const entry = expectations[route.path];
    if (!entry) continue;
    for (const set of setsFor(route.path)) {
      const row = (
        "default" in entry.get ? entry.get : (entry.get as Record<FixtureSet, Row>)[set]
      ) as Row | undefined;
      if (!row) {
        failures.push(`${route.path}: geen GET-verwachting voor ${set}`);
        continue;
      }
      const url = urlFor(route.path, set, f);
      for (const role of roles) {
        jobs.push(async () => {
          const response = await send(c[role], "GET", url);
          const outcome = outcomeOf(response);
          if (outcome !== expected(row, role))
            failures.push(
              `GET ${url} (${route.path}, ${set}) als ${role}: ${outcome}, verwacht ${expected(row, role)}`,
            );
          failures.push(...leaksIn(await response.text(), role, url));
          // The loader's payload may hold more than the page shows; a refused page has none.
          if (response.status() !== 200) return;
          const dataUrl = url === "/" ? "/_root.data" : `${url}.data`;
          const payload = await send(c[role], "GET", dataUrl);
          failures.push(...leaksIn(await payload.text(), role, dataUrl));
        });
      }
    }
  }
  await inPool(jobs);
  test.info().annotations.push({ type: "GET-cellen", description: String(jobs.length) });
  console.log(`matrix GET: ${jobs.length} cellen (plus .data van elke pagina die 200 gaf)`);
  return failures;
}

async function checkPosts() {
  const failures: string[] = [];
  const jobs: (() => Promise<void>)[] = [];
  for (const route of routes) {
    const entry = expectations[route.path];
    if (!entry) continue;
    for (const set of setsFor(route.path)) {
      const url = urlFor(route.path, set, f);
      if (entry.post === 405) {
        const row = (
          "default" in entry.get ? entry.get : (entry.get as Record<FixtureSet, Row>)[set]
        ) as Row | undefined;
        for (const role of roles)
          jobs.push(async () => {
            // A layout that authorises the page may refuse who may not read it before the
            // method is looked at: for them the GET's refusal also counts.
            const refusal = row ? expected(row, role) : 200;
            const refused = refusal === "login" || refusal === 403 || refusal === 404;
            const outcome = outcomeOf(await send(c[role], "POST", url, { form: {} }));
            if (outcome !== 405 && !(refused && outcome === refusal))
              failures.push(`POST ${url} als ${role}: ${outcome}, verwacht 405`);
          });
        continue;
      }
      const rule = entry.post[set];
      if (!rule) continue;
      const postUrl = route.isIndex ? `${url}${url.includes("?") ? "&" : "?"}index` : url;
      for (const intent of entry.intents ?? route.intents) {
        const may = rule.only?.[intent] ?? rule.may;
        for (const role of roles) {
          if (may.includes(role)) continue;
          jobs.push(async () => {
            const response = await send(c[role], "POST", postUrl, {
              form: intent ? { intent } : {},
            });
            const outcome = outcomeOf(response);
            // The matrix posts the intent alone. Where the intent needs a row's id (which post,
            // which outcome) the form is malformed before any row can be looked up: a 400 with
            // no write, for everyone. Refusals of complete forms are proven in
            // app/routes/authorise-first.test.ts and the module tests.
            const malformed = outcome === 400;
            const refused =
              malformed ||
              (role === "visitor"
                ? outcome === "login" || outcome === 403 || outcome === 404
                : outcome === 403 || outcome === 404);
            if (!refused)
              failures.push(
                `POST ${url} intent=${intent || "(geen)"} (${route.path}, ${set}) als ${role}: ${outcome}, verwacht een weigering`,
              );
            failures.push(...leaksIn(await response.text(), role, `POST ${url}`));
          });
        }
      }
    }
  }
  await inPool(jobs);
  test.info().annotations.push({ type: "POST-verzoeken", description: String(jobs.length) });
  console.log(`matrix POST: ${jobs.length} verzoeken`);
  return failures;
}
