import { describe, expect, it } from "vitest";
import { type Db, getDb } from "#app/db/client.server.ts";
import { meetings } from "#app/db/schema/index.ts";
import { authorizeNetwork } from "#app/modules/networks/network-access.server.ts";
import { formBuddyGroup } from "#app/modules/peergroups/buddies.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildUser,
} from "../../tests/factories/index.ts";
import { action as methodsAction } from "./admin/intervision-methods.tsx";
import { action as professionalThemesAction } from "./admin/professional-themes.tsx";
import { action as assignmentAction } from "./courses/assignment.tsx";
import { action as courseAction } from "./courses/course.tsx";
import { action as discussionAction } from "./discussion/discussion.tsx";
import { action as frameworkAction } from "./evaluation/framework-load.tsx";
import { action as pollsAction } from "./evaluation/network-polls.tsx";
import { action as surveysAction } from "./evaluation/surveys.tsx";
import { action as meetingAction } from "./meetings/meeting.tsx";
import { action as meetingEditAction } from "./meetings/meeting-edit.tsx";
import { action as meetingNewAction } from "./meetings/meeting-new.tsx";
import { action as editAction } from "./networks/edit.tsx";
import { action as enrolAction } from "./networks/enrol.tsx";
import { action as networkAction } from "./networks/network.tsx";
import { action as organisationAction } from "./organisations/organisation.tsx";
import { action as organisationEditAction } from "./organisations/organisation-edit.tsx";
import { action as organisationNewAction } from "./organisations/organisation-new.tsx";
import { action as buddySpaceAction } from "./peergroups/buddy-space.tsx";
import {
  authorizeGroupMiddleware,
  authorizeNetworkMiddleware,
  requirePlatformAdminMiddleware,
} from "./pipeline.server.ts";
import { action as learningQuestionAction } from "./progress/learning-question.tsx";
import { action as registerAction } from "./register/my-register.tsx";
import {
  type Action,
  answerForm,
  postForm,
  type RouteArgs,
  setUpRouteDatabase,
} from "./route-test-support.ts";

// Route actions, called as React Router calls them, against the process-wide database the routes
// use (a fresh PGlite folder, or a fresh database on TEST_DATABASE_URL for the postgres project).

setUpRouteDatabase("knooppunt-routes-");

/** What the layouts above a route do before its action: authorise the network, and the group. */
async function layouts(args: RouteArgs) {
  const params = args.params as Record<string, string>;
  const pipeline = { ...args, params };
  if (new URL(args.request.url).pathname.startsWith("/beheer/"))
    requirePlatformAdminMiddleware(pipeline);
  if (params.networkId) await authorizeNetworkMiddleware(pipeline);
  if (params.groupId)
    await authorizeGroupMiddleware(
      pipeline,
      args.request.url.includes("/maatjes/") ? "buddy" : "intervision",
    );
}

/** Posts a form to a route action as the given person; returns the status the browser would get. */
const post = (run: Action, actor: Actor, url: string, params: object, form: object) =>
  postForm(layouts, run, actor, url, params, form);

/** Like `post`, with the answer's data: what the page will show. */
const answer = (run: Action, actor: Actor, url: string, params: object, form: object) =>
  answerForm(layouts, run, actor, url, params, form);

async function people(db: Db) {
  const network = await buildNetwork(db, { openness: "closed", kind: "course" });
  const [guide, member, outsider] = await Promise.all([
    buildUser(db),
    buildUser(db),
    buildUser(db),
  ]);
  await addNetworkMember(db, network.id, guide.id, "facilitator");
  await addNetworkMember(db, network.id, member.id, "deelnemer");
  return {
    network,
    guide: await actorFor(db, guide),
    member: await actorFor(db, member),
    outsider: await actorFor(db, outsider),
  };
}

describe("an invalid form from someone without the right", () => {
  it("gets the refusal, not the form's field errors", async () => {
    const db = await getDb();
    const { network, guide, member, outsider } = await people(db);
    const networkId = network.id;
    const base = `/netwerken/${networkId}`;
    // A participant may not plan meetings, edit the profile or set the study load.
    expect(
      await post(meetingNewAction, member, `${base}/bijeenkomsten/nieuw`, { networkId }, {}),
    ).toBe(403);
    expect(
      await post(editAction, member, `${base}/bewerken`, { networkId }, { intent: "profile" }),
    ).toBe(403);
    expect(
      await post(courseAction, member, `${base}/leergang`, { networkId }, { intent: "study-load" }),
    ).toBe(403);
    // Someone outside a closed network does not learn what its discussion form expects.
    expect(await post(discussionAction, outsider, `${base}/discussie`, { networkId }, {})).toBe(
      404,
    );
    expect(await post(pollsAction, member, `${base}/peilingen`, { networkId }, {})).toBe(403);
    expect(await post(surveysAction, member, `${base}/vragenlijsten`, { networkId }, {})).toBe(404);
    expect(
      await post(learningQuestionAction, outsider, `${base}/leervraag`, { networkId }, {}),
    ).toBe(404);
    // With the right, the same invalid form gets its field errors.
    expect(
      await post(meetingNewAction, guide, `${base}/bijeenkomsten/nieuw`, { networkId }, {}),
    ).toBe(400);
  });
});

// The toolkit's forms (below its space layout): app/routes/toolkit/toolkit-routes.test.ts.

describe("an invalid form on a meeting's pages", () => {
  it("gets the 404 of a meeting one may not see, or that is not there, and the 403 of a right one lacks", async () => {
    const db = await getDb();
    const { network, guide, member, outsider } = await people(db);
    const networkId = network.id;
    const [meeting] = await db
      .insert(meetings)
      .values({
        networkId,
        startsAt: new Date("2026-03-10T15:00:00Z"),
        endsAt: new Date("2026-03-10T17:00:00Z"),
        mode: "online",
        onlineUrl: "https://meet.example/x",
      })
      .returning({ id: meetings.id });
    if (!meeting) throw new Error("setup");
    const none = "00000000-0000-4000-8000-000000000000";
    const page = (meetingId: string) => `/netwerken/${networkId}/bijeenkomsten/${meetingId}`;
    const params = (meetingId: string) => ({ networkId, meetingId });
    // Someone outside the closed network does not learn what its meeting's forms expect.
    for (const intent of ["", "case", "next-theme"])
      expect(
        await post(meetingAction, outsider, page(meeting.id), params(meeting.id), { intent }),
      ).toBe(404);
    // A participant brings in cases, but does not choose the next meeting's theme.
    expect(
      await post(meetingAction, member, page(meeting.id), params(meeting.id), {
        intent: "next-theme",
      }),
    ).toBe(403);
    expect(
      await post(meetingEditAction, member, `${page(meeting.id)}/bewerken`, params(meeting.id), {}),
    ).toBe(403);
    // A meeting that is not there is a 404, also for those who plan meetings.
    expect(await post(meetingAction, guide, page(none), params(none), { intent: "case" })).toBe(
      404,
    );
    expect(await post(meetingEditAction, guide, `${page(none)}/bewerken`, params(none), {})).toBe(
      404,
    );
    // With the right, the same invalid forms get their field errors.
    expect(
      await post(meetingAction, member, page(meeting.id), params(meeting.id), { intent: "case" }),
    ).toBe(400);
    expect(
      await post(meetingEditAction, guide, `${page(meeting.id)}/bewerken`, params(meeting.id), {
        intent: "save",
      }),
    ).toBe(400);
  });
});

describe("an invalid form in a buddy group or on an assignment", () => {
  it("gets whoever is not in the group, or an assignment that is not there, the 404", async () => {
    const db = await getDb();
    const { network, guide, member, outsider } = await people(db);
    const networkId = network.id;
    const buddyUser = await buildUser(db);
    await addNetworkMember(db, networkId, buddyUser.id, "deelnemer");
    const groupId = await formBuddyGroup(db, await authorizeNetwork(db, guide, networkId), [
      member.userId,
      buddyUser.id,
    ]);
    const space = `/netwerken/${networkId}/maatjes/${groupId}`;
    // The penvoerder formed the group but is not in it: its notes are not theirs to see or add.
    for (const intent of ["note", "agreement", "meeting"]) {
      expect(await post(buddySpaceAction, guide, space, { networkId, groupId }, { intent })).toBe(
        404,
      );
      expect(
        await post(buddySpaceAction, outsider, space, { networkId, groupId }, { intent }),
      ).toBe(404);
    }
    const none = "00000000-0000-4000-8000-000000000000";
    const assignment = `/netwerken/${networkId}/leergang/opdrachten/${none}`;
    const params = { networkId, assignmentId: none };
    expect(await post(assignmentAction, member, assignment, params, { intent: "submit" })).toBe(
      404,
    );
    expect(await post(assignmentAction, guide, assignment, params, { intent: "feedback" })).toBe(
      404,
    );
    // The group's own members get the field errors.
    expect(
      await post(buddySpaceAction, member, space, { networkId, groupId }, { intent: "note" }),
    ).toBe(400);
  });
});

describe("an invalid form on a school's or the platform's admin pages", () => {
  it("gets who may not keep them the refusal, not the field errors", async () => {
    const db = await getDb();
    const school = await buildOrganisation(db);
    const [adminUser, colleagueUser, platformUser] = await Promise.all([
      buildUser(db),
      buildUser(db),
      buildUser(db, { isPlatformAdmin: true }),
    ]);
    await addToOrganisation(db, adminUser.id, school.id, "admin");
    await addToOrganisation(db, colleagueUser.id, school.id);
    const [schoolAdmin, colleague, platformAdmin] = await Promise.all(
      [adminUser, colleagueUser, platformUser].map((u) => actorFor(db, u)),
    );
    if (!schoolAdmin || !colleague || !platformAdmin) throw new Error("setup");
    const page = `/organisaties/${school.id}`;
    const params = { organisationId: school.id };
    // A colleague does not edit the school or name a colleague's team.
    expect(await post(organisationEditAction, colleague, `${page}/bewerken`, params, {})).toBe(403);
    expect(await post(organisationAction, colleague, page, params, { intent: "team" })).toBe(403);
    // The platform's own pages do not exist for a school admin, nor do their field errors.
    expect(await post(organisationNewAction, schoolAdmin, "/organisaties/nieuw", {}, {})).toBe(404);
    expect(await post(methodsAction, schoolAdmin, "/beheer/intervisiemethoden", {}, {})).toBe(404);
    expect(
      await post(
        methodsAction,
        schoolAdmin,
        "/beheer/intervisiemethoden",
        {},
        { intent: "archive" },
      ),
    ).toBe(404);
    expect(
      await post(
        professionalThemesAction,
        schoolAdmin,
        "/beheer/professionaliseringsthemas",
        {},
        {},
      ),
    ).toBe(404);
    expect(await post(frameworkAction, colleague, "/zelfscan/raamwerk", {}, {})).toBe(404);
    // With the right, the same invalid forms get their field errors.
    expect(await post(organisationEditAction, schoolAdmin, `${page}/bewerken`, params, {})).toBe(
      400,
    );
    expect(await post(organisationNewAction, platformAdmin, "/organisaties/nieuw", {}, {})).toBe(
      400,
    );
    expect(await post(methodsAction, platformAdmin, "/beheer/intervisiemethoden", {}, {})).toBe(
      400,
    );
    expect(await post(frameworkAction, schoolAdmin, "/zelfscan/raamwerk", {}, {})).toBe(400);
  });
});

describe("a refusal where the page has no form to show it at", () => {
  it("is a 403, or the reason at a form the page does show", async () => {
    const db = await getDb();
    const { network, member } = await people(db);
    const networkId = network.id;
    // The network is not joined by nomination, so its page has no nomination form.
    expect(
      await post(
        networkAction,
        member,
        `/netwerken/${networkId}`,
        { networkId },
        {
          intent: "nominate",
        },
      ),
    ).toBe(403);
    // A member's enrolment page shows why there is no form; trying anyway says so, announced.
    expect(
      await answer(enrolAction, member, `/netwerken/${networkId}/aanmelden`, { networkId }, {}),
    ).toMatchObject({ status: 400, result: { error: { "": ["error.enrol.already"] } } });
    // Without a registration date there are no add forms: the date's field says what to do.
    for (const intent of ["activity", "valuation", "catalogue"])
      expect(await answer(registerAction, member, "/herregistratie", {}, { intent })).toMatchObject(
        {
          status: 400,
          intent: "profile",
          result: { error: { cycleStart: ["error.register.noProfile"] } },
        },
      );
  });
});
