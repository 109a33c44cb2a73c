import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { kenniswebItems } from "#app/db/schema/index.ts";
import { startAnalysis } from "#app/modules/toolkit/analysis.server.ts";
import { createInitiative } from "#app/modules/toolkit/initiatives.server.ts";
import { authorizeSpace } from "#app/modules/toolkit/space-access.server.ts";
import { createTheme } from "#app/modules/toolkit/themes.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import {
  actorFor,
  addToOrganisation,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { authorizeSpaceMiddleware } from "../pipeline.server.ts";
import { type Action, postForm, setUpRouteDatabase } from "../route-test-support.ts";
import { action as analysisAction } from "./analysis.tsx";
import { action as cleanSlateAction } from "./clean-slate.tsx";
import { action as initiativeAction } from "./initiative.tsx";
import { action as themeAnalysisAction } from "./theme-analysis.tsx";
import { action as kenniswebAction } from "./theme-kennisweb.tsx";
import { action as programmeAction } from "./theme-programme.tsx";
import { action as toolkitAction } from "./toolkit.tsx";
import { action as yearAgendaAction } from "./year-agenda.tsx";

// The toolkit's actions as React Router runs them: the school layout's middleware authorises the
// space first, then the action. Against the process-wide database the routes use.

setUpRouteDatabase("knooppunt-toolkit-routes-");

/** Posts a form below the school's toolkit layout; returns the status the browser would get. */
const post = (run: Action, actor: Actor, url: string, params: object, form: object) =>
  postForm(
    (args) => authorizeSpaceMiddleware(args as never, "organisation"),
    run,
    actor,
    url,
    params,
    form,
  );

async function school() {
  const db = await getDb();
  const organisation = await buildOrganisation(db);
  const [keeperUser, colleagueUser, outsiderUser] = await Promise.all([
    buildUser(db),
    buildUser(db),
    buildUser(db),
  ]);
  await addToOrganisation(db, keeperUser.id, organisation.id, "admin");
  await addToOrganisation(db, colleagueUser.id, organisation.id);
  const [keeper, colleague, outsider] = await Promise.all(
    [keeperUser, colleagueUser, outsiderUser].map((u) => actorFor(db, u)),
  );
  if (!keeper || !colleague || !outsider) throw new Error("setup");
  const space = await authorizeSpace(db, keeper, "organisation", organisation.id);
  const initiativeId = await createInitiative(db, space, {
    name: "Leesplan",
    goal: "Meer lezen in de onderbouw",
    forWhom: "",
    valueForOthers: "",
    plan: "stappenplan",
    themeIds: [],
  });
  const themeId = await createTheme(db, space, {
    name: "Differentiatie",
    kind: "jaarthema",
    description: "",
    schoolYear: "2026-2027",
    startsOn: null,
    endsOn: null,
    schakelIds: [],
    initiativeIds: [],
  });
  const analysisId = await startAnalysis(db, space, { initiativeId, themeId: null });
  const base = `/organisaties/${organisation.id}/netwerklerend`;
  const params = { organisationId: organisation.id };
  return { db, keeper, colleague, outsider, initiativeId, themeId, analysisId, base, params };
}

describe("an invalid form in a school's toolkit", () => {
  it("gets someone outside the school its 404 and a colleague without the right the 403", async () => {
    const { keeper, colleague, outsider, initiativeId, themeId, analysisId, base, params } =
      await school();
    const initiative = { ...params, initiativeId };
    const theme = { ...params, themeId };
    // Someone who does not work there learns nothing of the toolkit's forms.
    expect(await post(toolkitAction, outsider, base, params, { intent: "theme" })).toBe(404);
    expect(
      await post(initiativeAction, outsider, `${base}/initiatieven/${initiativeId}`, initiative, {
        intent: "note",
      }),
    ).toBe(404);
    expect(
      await post(kenniswebAction, outsider, `${base}/themas/${themeId}/kennisweb`, theme, {
        intent: "item",
      }),
    ).toBe(404);
    expect(
      await post(
        analysisAction,
        outsider,
        `${base}/netwerkanalyses/${analysisId}`,
        { ...params, analysisId },
        { intent: "update" },
      ),
    ).toBe(404);
    expect(
      await post(yearAgendaAction, outsider, `${base}/jaaragenda`, params, { intent: "meeting" }),
    ).toBe(404);
    // A colleague may not wipe the slate, place others or shape a theme that is not theirs.
    expect(await post(cleanSlateAction, colleague, `${base}/schone-lei`, params, {})).toBe(403);
    expect(
      await post(initiativeAction, colleague, `${base}/initiatieven/${initiativeId}`, initiative, {
        intent: "position",
      }),
    ).toBe(403);
    expect(
      await post(themeAnalysisAction, colleague, `${base}/themas/${themeId}`, theme, {
        intent: "canvas",
      }),
    ).toBe(403);
    expect(
      await post(programmeAction, colleague, `${base}/themas/${themeId}/programma`, theme, {
        intent: "newsletter",
      }),
    ).toBe(403);
    // A chore for a meeting that is not on this school's agenda is an unknown meeting.
    expect(
      await post(yearAgendaAction, colleague, `${base}/jaaragenda`, params, { intent: "chore" }),
    ).toBe(404);
    // With the right, the same invalid forms get their field errors.
    expect(await post(toolkitAction, colleague, base, params, { intent: "theme" })).toBe(400);
    expect(await post(cleanSlateAction, keeper, `${base}/schone-lei`, params, {})).toBe(400);
    expect(
      await post(themeAnalysisAction, keeper, `${base}/themas/${themeId}`, theme, {
        intent: "canvas",
        startsOn: "2026-02-30",
      }),
    ).toBe(400);
  });
});

describe("an intent a theme's panel does not know", () => {
  it("is a 400 and writes nothing, also with a valid kennisweb item in the form", async () => {
    const { db, colleague, themeId, base, params } = await school();
    const theme = { ...params, themeId };
    const item = { kind: "verhaal", title: "Een verhaal uit de les", body: "", url: "" };
    const items = async () =>
      (await db.select().from(kenniswebItems).where(eq(kenniswebItems.themeId, themeId))).length;
    // Before, a form without a known intent fell through to adding a kennisweb item.
    for (const intent of ["", "bogus", "canvas"])
      expect(
        await post(kenniswebAction, colleague, `${base}/themas/${themeId}/kennisweb`, theme, {
          ...item,
          ...(intent ? { intent } : {}),
        }),
      ).toBe(400);
    for (const [run, url] of [
      [themeAnalysisAction, `${base}/themas/${themeId}`],
      [programmeAction, `${base}/themas/${themeId}/programma`],
    ] as const)
      expect(await post(run, colleague, url, theme, { ...item, intent: "item" })).toBe(400);
    expect(await items()).toBe(0);
    // The known intent, to show the form itself works.
    expect(
      await post(kenniswebAction, colleague, `${base}/themas/${themeId}/kennisweb`, theme, {
        ...item,
        intent: "item",
      }),
    ).toBe(302);
    expect(await items()).toBe(1);
  });
});
