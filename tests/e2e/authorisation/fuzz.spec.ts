// Property-based fuzzing (fast-check) of every route of app/routes.ts, as a visitor and as a
// signed-in member: missing fields, wrong types, NUL bytes, 1 MB strings, impossible dates,
// arrays for scalars, wrong content types, multipart without boundary, malformed percent-encoding
// in the URL. Nothing may answer 5xx, and every 4xx that is an HTML page is the Dutch one.
// The inputs come from a fixed seed (FUZZ_SEED overrides it); a failure prints the seed and a
// reproducer for each request that failed.
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import fc from "fast-check";
import { translate } from "../../../app/i18n/messages.ts";
import { appRoutes, login, newContext, origin, type RouteEntry, send } from "./support.ts";

const seed = Number(process.env.FUZZ_SEED ?? 20_261_127);
/** Random requests per route and identity on top of one of each kind (keeps the spec < 3 min). */
const extraRuns = Number(process.env.FUZZ_RUNS ?? 4);

/** A member of one network (PRO Friesland) that no other journey logs in as. */
const memberEmail = "pieter.hoekstra@knooppunt.test";

/** Intents that would end the fuzzing member's session or membership instead of testing input. */
const destructive = new Set(["end-all", "leave", "delete", "dissolve", "remove", "revoke-feed"]);

const megabyte = "a".repeat(1024 * 1024);
const nul = "\u0000";

const kinds = [
  "missing",
  "wrong-types",
  "nul",
  "megabyte",
  "impossible-date",
  "arrays",
  "wrong-content-type",
  "multipart-without-boundary",
  "bad-percent-url",
] as const;
type Kind = (typeof kinds)[number];

interface FuzzRequest {
  kind: Kind;
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** The fields a route's forms and action read, from its source. */
function fieldsOf(route: RouteEntry) {
  const source = fs.readFileSync(path.join("app", route.file), "utf8");
  const names = new Set<string>();
  for (const m of source.matchAll(/name="([A-Za-z][\w-]*)"/g)) names.add(m[1] as string);
  for (const m of source.matchAll(/\.get(?:All)?\("([A-Za-z][\w-]*)"\)/g))
    names.add(m[1] as string);
  names.delete("intent");
  return [...names].sort();
}

const garbage = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e308",
    "NaN",
    "true",
    "null",
    "[]",
    "{}",
    "00000000-0000-0000-0000-000000000000",
    "not-a-uuid",
    "2026-02-30",
    "2026-13-45T25:61",
    "0000-00-00",
    "9999-12-31T23:59:59Z",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
    "%",
    "%E0%A4%A",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
);
const impossibleDate = fc.constantFrom(
  "2026-02-30",
  "2025-02-29",
  "2026-04-31",
  "2026-00-10",
  "2026-12-32",
  "26-1-1",
  "2026-06-15T24:30",
  "2026-06-15T12:75",
  "31-12-2026",
  "+275760-09-13",
  "-000001-01-01",
);

function urlencoded(pairs: [string, string][]) {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

function multipart(pairs: [string, string][], boundary: string) {
  const parts = pairs.map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return Buffer.from(`${parts.join("")}--${boundary}--\r\n`);
}

/** One request of the given kind for a route, its values drawn by fast-check. */
function requestArb(route: RouteEntry, pageUrl: string, kind: Kind): fc.Arbitrary<FuzzRequest> {
  // An index route's action is reached with ?index, as React Router's own forms post it.
  const url = route.isIndex && route.hasAction ? `${pageUrl}?index` : pageUrl;
  const fields = fieldsOf(route);
  const intents = route.intents.filter((i) => !destructive.has(i));
  const intent = intents.length ? fc.constantFrom(...intents) : fc.constant("");
  const method: "GET" | "POST" = route.hasAction ? "POST" : "GET";
  const field = fields.length ? fc.constantFrom(...fields) : fc.constant("q");
  const form = "application/x-www-form-urlencoded";
  const post = (pairs: fc.Arbitrary<[string, string][]>, type = form) =>
    fc.tuple(intent, pairs).map(([i, p]) => ({
      kind,
      method,
      url,
      headers: { "content-type": type },
      body: urlencoded(i ? [["intent", i], ...p] : p),
    }));
  const query = (pairs: fc.Arbitrary<[string, string][]>) =>
    pairs.map((p) => ({
      kind,
      method: "GET" as const,
      url: `${url}?${urlencoded(p)}`,
      headers: {},
    }));
  const pairsOf = (value: fc.Arbitrary<string>) =>
    fc.array(fc.tuple(field, value), { minLength: 1, maxLength: 6 });
  const build = route.hasAction ? post : query;
  switch (kind) {
    case "missing":
      return build(fc.constant([]));
    case "wrong-types":
      return build(pairsOf(garbage));
    case "nul":
      return build(pairsOf(fc.string({ maxLength: 10 }).map((s) => `${s}${nul}${s}`)));
    case "megabyte":
      // A 1 MB value in the body; for a GET the URL would be refused by the HTTP parser first,
      // so it goes as a (pointless) body on a POST.
      return fc.tuple(intent, field).map(([i, f]) => ({
        kind,
        method: "POST" as const,
        url,
        headers: { "content-type": form },
        body: urlencoded(
          i
            ? [
                ["intent", i],
                [f, megabyte],
              ]
            : [[f, megabyte]],
        ),
      }));
    case "impossible-date":
      return build(pairsOf(impossibleDate));
    case "arrays":
      // The same scalar field several times, and PHP-style array names.
      return build(
        fc.tuple(field, garbage, garbage).map(([f, a, b]) => [
          [f, a],
          [f, b],
          [`${f}[]`, a],
          [`${f}[0]`, b],
        ]),
      );
    case "wrong-content-type":
      return fc
        .tuple(
          fc.constantFrom(
            "application/json",
            "text/plain",
            "application/xml",
            "",
            "multipart/mixed; boundary=x",
            "application/x-www-form-urlencoded; charset=utf-16",
          ),
          pairsOf(garbage),
        )
        .map(([type, p]) => ({
          kind,
          method: "POST" as const,
          url,
          headers: (type ? { "content-type": type } : {}) as Record<string, string>,
          body: type === "application/json" ? JSON.stringify(Object.fromEntries(p)) : urlencoded(p),
        }));
    case "multipart-without-boundary":
      return pairsOf(garbage).map((p) => ({
        kind,
        method: "POST" as const,
        url,
        headers: { "content-type": "multipart/form-data" },
        body: multipart(p, "grens"),
      }));
    case "bad-percent-url":
      return fc
        .constantFrom("/%E0%A4%A", "/%", "/%zz", "/%C0%AF", "/%00", "?q=%", "?q=%E0%A4%A", "?q=%00")
        .map((suffix) => ({
          kind,
          method: "GET" as const,
          url: suffix.startsWith("?") ? `${url}${suffix}` : `${url.replace(/\/$/, "")}${suffix}`,
          headers: {},
        }));
  }
}

const refusalKeys = ["error.400", "error.403", "error.404", "error.413"] as const;
const dutchTitles = refusalKeys.map((key) => translate("nl", `${key}.title`));
const englishTexts = refusalKeys.flatMap((key) => [
  translate("en", `${key}.title`),
  translate("en", `${key}.body`),
]);

/**
 * A 4xx HTML page is a Dutch refusal: a Dutch document without the English error texts that
 * shows why — the app's error page, a form's error summary or a field's error, or the server's
 * own page for requests that never reach the app (a malformed address).
 */
function isDutchRefusal(body: string) {
  if (!/<html[^>]*\blang="nl"/.test(body)) return false;
  if (englishTexts.some((t) => body.includes(t))) return false;
  return (
    dutchTitles.some((t) => body.includes(t)) ||
    body.includes('role="alert"') ||
    /id="[^"]+-error"/.test(body) ||
    (!body.includes("<script") && /<h1>[^<]+<\/h1>/.test(body))
  );
}

function reproducer(r: FuzzRequest) {
  const body =
    r.body === undefined
      ? ""
      : ` --data-binary '${String(r.body).slice(0, 160).replaceAll("'", "'\\''")}${String(r.body).length > 160 ? `…(${String(r.body).length} bytes)` : ""}'`;
  const headers = Object.entries(r.headers)
    .map(([k, v]) => ` -H '${k}: ${v}'`)
    .join("");
  return `curl -X ${r.method} -H 'Origin: ${origin}'${headers}${body} '${origin}${r.url}'`;
}

/** The concrete URL: the member's network and school for their ids, unknown ids for the rest. */
function urlOf(route: RouteEntry, network: string, school: string) {
  const none = "00000000-0000-4000-8000-000000000000";
  return `/${route.path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    name === "networkId" || (name === "spaceId" && route.path.startsWith("netwerken"))
      ? network
      : name === "organisationId" || name === "spaceId"
        ? school
        : name === "format"
          ? "csv"
          : name === "token"
            ? "Ongeldig_token_Ongeldig_token_Ongeldig_tok"
            : none,
  )}`.replace(/\/\*$/, "/bestaat-niet");
}

test("fuzzing every form action and endpoint: no 5xx, every refusal in Dutch", async () => {
  test.setTimeout(360_000);
  const visitor = await newContext();
  const member = await newContext();
  await login(member, memberEmail);
  const catalogue = await (await send(member, "GET", "/netwerken")).text();
  const network = catalogue.match(
    /href="\/netwerken\/([0-9a-f-]{36})"[^>]*>(?:(?!<\/a>)[\s\S])*?PRO Friesland/,
  )?.[1];
  const schools = await (await send(member, "GET", "/organisaties")).text();
  const school = schools.match(/href="\/organisaties\/([0-9a-f-]{36})"[^>]*>[^<]*Sneek/)?.[1];
  expect(network && school, "PRO Friesland en Praktijkschool Sneek gevonden").toBeTruthy();

  const requests: { who: string; ctx: APIRequestContext; r: FuzzRequest }[] = [];
  const routes = appRoutes();
  for (const [index, route] of routes.entries()) {
    const url = urlOf(route, network as string, school as string);
    for (const [who, ctx] of [
      ["bezoeker", visitor],
      ["lid", member],
    ] as const) {
      // Logging out would end the member's session; the session page's "end all" likewise.
      if (who === "lid" && (route.path === "uitloggen" || route.path === "account/sessies"))
        continue;
      for (const [k, kind] of kinds.entries()) {
        const runs = k === 0 ? 1 + extraRuns : 1;
        const drawn = fc.sample(requestArb(route, url, kind), {
          seed: seed + index * 100 + k * 10 + (who === "lid" ? 1 : 0),
          numRuns: runs,
        });
        for (const r of drawn) requests.push({ who, ctx, r });
      }
      for (const r of fc.sample(
        fc.constantFrom(...kinds).chain((kind) => requestArb(route, url, kind)),
        { seed: seed + index, numRuns: extraRuns },
      ))
        requests.push({ who, ctx, r });
    }
  }

  const failures: string[] = [];
  let fiveHundreds = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < requests.length) {
        const { who, ctx, r } = requests[next++] as (typeof requests)[number];
        const response = await send(ctx, r.method, r.url, { headers: r.headers, data: r.body });
        const status = response.status();
        const type = response.headers()["content-type"] ?? "";
        const body = await response.text();
        if (status >= 500) {
          fiveHundreds++;
          failures.push(`${status} als ${who} (${r.kind}): ${reproducer(r)}`);
        } else if (status >= 400 && type.includes("text/html") && !isDutchRefusal(body)) {
          failures.push(
            `${status} niet in het Nederlands als ${who} (${r.kind}): ${reproducer(r)}`,
          );
        }
      }
    }),
  );
  // The member must still be signed in, or half the run tested the login redirect.
  expect((await send(member, "GET", "/profiel")).status(), "lid nog ingelogd").toBe(200);
  console.log(
    `fuzz: ${requests.length} verzoeken over ${routes.length} routes, ${fiveHundreds} × 5xx (seed ${seed})`,
  );
  test
    .info()
    .annotations.push({ type: "fuzz", description: `${requests.length} verzoeken, seed ${seed}` });
  await visitor.dispose();
  await member.dispose();
  expect(failures, `seed ${seed} (FUZZ_SEED=${seed} herhaalt dit)`).toEqual([]);
});
