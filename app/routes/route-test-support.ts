import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import { closeDatabase, getDb } from "#app/db/client.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import { createPostgresDatabase } from "../../tests/test-database.ts";
import { requestState } from "./session.server.ts";

// For the route tests: actions called as React Router calls them, below their layouts, against
// the process-wide database the routes use (a fresh PGlite folder, or a fresh database on
// TEST_DATABASE_URL for the postgres project).

export type Action = (args: never) => Promise<unknown>;
export type RouteArgs = { request: Request; params: object; context: RouterContextProvider };
/** What the layouts above a route do before its action (authorise the network, the space…). */
export type Layouts = (args: RouteArgs) => Promise<void>;

/** Gives the test file its own database for the routes, and drops it afterwards. */
export function setUpRouteDatabase(folderPrefix: string) {
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (process.env.TEST_DB === "postgres") {
      const fresh = await createPostgresDatabase("knooppunt_t");
      process.env.DATABASE_URL = fresh.url;
      resetEnvForTests();
      cleanup = fresh.drop;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
      process.env.DATA_DIR = dir;
      resetEnvForTests();
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    await getDb();
  });
  afterAll(async () => {
    await closeDatabase();
    await cleanup();
    delete process.env.DATABASE_URL;
    delete process.env.DATA_DIR;
    resetEnvForTests();
  });
}

function formRequest(actor: Actor, url: string, params: object, form: object): RouteArgs {
  const context = new RouterContextProvider();
  context.set(requestState, { actor, sessionToken: null, sessionIdHash: null, locale: "nl" });
  const request = new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(form as Record<string, string>),
  });
  return { request, params, context };
}

/** Posts a form below the layouts as the given person; returns the status the browser would get. */
export async function postForm(
  layouts: Layouts,
  run: Action,
  actor: Actor,
  url: string,
  params: object,
  form: object,
) {
  const args = formRequest(actor, url, params, form);
  try {
    await layouts(args);
    const result = (await run(args as never)) as {
      init?: { status?: number } | null;
      status?: number;
    };
    return result instanceof Response ? result.status : (result?.init?.status ?? 200);
  } catch (thrown) {
    const denial = thrown as { init?: { status?: number }; status?: number };
    if (thrown instanceof Response) return thrown.status;
    if (denial.init?.status) return denial.init.status;
    throw thrown;
  }
}

/** Like `postForm`, with the answer's data: what the page will show. */
export async function answerForm(
  layouts: Layouts,
  run: Action,
  actor: Actor,
  url: string,
  params: object,
  form: object,
) {
  const args = formRequest(actor, url, params, form);
  await layouts(args);
  const result = (await run(args as never)) as {
    data?: { target?: string; errors?: Record<string, string> };
    init?: { status?: number } | null;
  };
  return { status: result?.init?.status ?? 200, ...result?.data };
}
