import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  programmeCoordinators,
  programmeCriteria,
  programmes,
  regions,
} from "#app/db/schema/index.ts";
import { formatDate } from "#app/i18n/dates.ts";
import { type MessageKey, translate } from "#app/i18n/messages.ts";
import type { Actor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import {
  actorFor,
  addNetworkMember,
  addToOrganisation,
  buildNetwork,
  buildOrganisation,
  buildProgramme,
  buildUser,
  makeCoordinator,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { listCatalogue } from "./catalogue.server.ts";
import { durationText } from "./duration.ts";
import { saveRoute, saveSteps } from "./enrolment-routes.server.ts";
import { authorizeNetwork } from "./network-access.server.ts";
import { canManageNetwork, canViewNetworkMembers } from "./networks.policy.ts";
import { networkProfileSchema } from "./networks.schema.ts";
import {
  adoptIntoProgramme,
  changePhase,
  getNetwork,
  proposeNetwork,
  updateNetworkProfile,
} from "./networks.server.ts";
import { formatEuro } from "./pricing.ts";
import {
  decideApplication,
  facilitationStatus,
  getApplication,
  listApplicationsToDecide,
  previewApplication,
  recordFacilitatedMeeting,
  submitApplication,
} from "./support.server.ts";

let database: Database;
const page = { page: 1, perPage: 50, offset: 0 };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const profileInput = (overrides: Record<string, unknown> = {}) => ({
  name: "Moreel Beraad en Bildung",
  question: "Hoe voeren we het morele gesprek in de school?",
  sectors: ["VO"],
  status: "active",
  openness: "closed",
  joinMode: "direct",
  form: "location",
  capacity: "12",
  offerDays: "7",
  meetingsPerYear: "6",
  durationMonths: "24",
  themes: "bildung, moreel beraad",
  ...overrides,
});
const profile = (overrides: Record<string, unknown> = {}) =>
  networkProfileSchema.parse(profileInput(overrides));

describe("network policy: every role on a closed network", () => {
  it("shows members only to members, the programme's coordinator and admins; only managers change it", async () => {
    const db = database.db;
    const programme = await buildProgramme(db);
    const network = await buildNetwork(db, { openness: "closed", programmeId: programme.id });
    const penvoerder = await buildUser(db);
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    const member = await buildUser(db);
    await addNetworkMember(db, network.id, member.id);
    const coordinator = await buildUser(db);
    await makeCoordinator(db, coordinator.id, programme.id);
    const otherCoordinator = await buildUser(db);
    await makeCoordinator(db, otherCoordinator.id, (await buildProgramme(db)).id);

    const cases: [string, Actor | null, { sees: boolean; manages: boolean }][] = [
      ["visitor", null, { sees: false, manages: false }],
      ["outsider", await actorFor(db, await buildUser(db)), { sees: false, manages: false }],
      ["member", await actorFor(db, member), { sees: true, manages: false }],
      ["penvoerder", await actorFor(db, penvoerder), { sees: true, manages: true }],
      ["coordinator", await actorFor(db, coordinator), { sees: true, manages: true }],
      ["other coordinator", await actorFor(db, otherCoordinator), { sees: false, manages: false }],
      [
        "admin",
        await actorFor(db, await buildUser(db, { isPlatformAdmin: true })),
        { sees: true, manages: true },
      ],
    ];
    for (const [role, actor, want] of cases) {
      const view = await getNetwork(db, await authorizeNetwork(db, actor, network.id));
      expect({ role, sees: view.members !== null, manages: view.canManage }).toEqual({
        role,
        ...want,
      });
      expect({
        role,
        sees: canViewNetworkMembers(actor, view.access),
        manages: canManageNetwork(actor, view.access),
      }).toEqual({ role, ...want });
      // A visitor never reaches a command: withNetworkActor sends them to the login page first.
      if (!actor) continue;
      const update = updateNetworkProfile(
        db,
        await authorizeNetwork(db, actor, network.id),
        profile(),
      );
      if (want.manages) await expect(update).resolves.toBeUndefined();
      else await expect(update).rejects.toMatchObject({ init: { status: 403 } });
    }
  });

  it("keeps closed networks' members out of the public catalogue data", async () => {
    const db = database.db;
    const network = await buildNetwork(db, {
      openness: "closed",
      name: "Vrouwelijk Leiderschap Geheim",
    });
    const member = await buildUser(db, { name: "Verborgen Deelnemer" });
    await addNetworkMember(db, network.id, member.id);
    const { networks } = await listCatalogue(db, { query: "Geheim" }, page);
    expect(networks).toHaveLength(1);
    expect(JSON.stringify(networks)).not.toContain("Verborgen Deelnemer");
    expect(networks[0]?.memberCount).toBe(1);
  });

  it("answers 404, not a database error, for an application id that only looks like a UUID", async () => {
    const admin = await actorFor(
      database.db,
      await buildUser(database.db, { isPlatformAdmin: true }),
    );
    await expect(getApplication(database.db, admin, "-".repeat(36))).rejects.toMatchObject({
      init: { status: 404 },
    });
  });

  it("answers 404 for an unknown or malformed network id", async () => {
    await expect(
      authorizeNetwork(database.db, null, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ init: { status: 404 } });
    await expect(authorizeNetwork(database.db, null, "netwerk-1")).rejects.toMatchObject({
      init: { status: 404 },
    });
  });
});

describe("every role against every network action", () => {
  it("allows exactly the penvoerder, facilitator, the programme's coordinator and admins to manage", async () => {
    const db = database.db;
    const programme = await buildProgramme(db);
    const network = await buildNetwork(db, { openness: "closed", programmeId: programme.id });
    const penvoerder = await buildUser(db);
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    const facilitator = await buildUser(db);
    await addNetworkMember(db, network.id, facilitator.id, "facilitator");
    const member = await buildUser(db);
    await addNetworkMember(db, network.id, member.id);
    const coordinator = await buildUser(db);
    await makeCoordinator(db, coordinator.id, programme.id);
    const roles: [string, Actor | null, boolean][] = [
      ["visitor", null, false],
      ["outsider", await actorFor(db, await buildUser(db)), false],
      ["member", await actorFor(db, member), false],
      ["facilitator", await actorFor(db, facilitator), true],
      ["penvoerder", await actorFor(db, penvoerder), true],
      ["coordinator", await actorFor(db, coordinator), true],
      ["admin", await actorFor(db, await buildUser(db, { isPlatformAdmin: true })), true],
    ];
    const route = {
      name: "Route",
      price: 100,
      secondPersonPrice: null,
      includes: "",
      extraCosts: "",
      vatExempt: false,
      stepNumbers: [],
      minMeetings: null,
      registerPoints: null,
      registerThemes: [],
      requiresAllSteps: true,
    };
    const actions: Record<string, (actor: Actor) => Promise<unknown>> = {
      "change phase": async (actor) =>
        changePhase(db, await authorizeNetwork(db, actor, network.id), {
          phase: "oogsten",
          note: "Tijd om te oogsten.",
        }),
      "save steps": async (actor) =>
        saveSteps(db, await authorizeNetwork(db, actor, network.id), ["Aanmelden"]),
      "save route": async (actor) =>
        saveRoute(db, await authorizeNetwork(db, actor, network.id), null, route),
      "membership admin": (actor) => getMembershipAdminFor(actor),
    };
    async function getMembershipAdminFor(actor: Actor) {
      const { getMembershipAdmin } = await import("../memberships/members.server.ts");
      return getMembershipAdmin(db, await authorizeNetwork(db, actor, network.id));
    }
    for (const [role, actor, allowed] of roles) {
      // A visitor never reaches a command: withNetworkActor sends them to the login page first.
      if (!actor) continue;
      for (const [name, act] of Object.entries(actions)) {
        const outcome = await act(actor).then(
          () => 200,
          (error: { init?: { status: number } }) => error.init?.status ?? 500,
        );
        expect({ role, action: name, outcome }).toEqual({
          role,
          action: name,
          outcome: allowed ? 200 : 403,
        });
      }
    }
  });

  it("lets a regional coordinator count facilitated meetings only in their own region, up to self-direction", async () => {
    const db = database.db;
    const stap2 = await buildProgramme(db, "Stap 2 regio-test");
    await db
      .update(programmes)
      .set({ facilitatedMeetingsLimit: 5 })
      .where(eq(programmes.id, stap2.id));
    const [noord] = await db.insert(regions).values({ name: "Noord (test)" }).returning();
    const [oost] = await db.insert(regions).values({ name: "Oost (test)" }).returning();
    const inNoord = await buildNetwork(db, {
      programmeId: stap2.id,
      regionId: noord!.id,
      facilitatedMeetingsHeld: 4,
    });
    const inOost = await buildNetwork(db, { programmeId: stap2.id, regionId: oost!.id });
    const coordinatorUser = await buildUser(db);
    await db
      .insert(programmeCoordinators)
      .values({ programmeId: stap2.id, userId: coordinatorUser.id, regionId: noord!.id });
    const coordinator = await actorFor(db, coordinatorUser);
    await recordFacilitatedMeeting(db, await authorizeNetwork(db, coordinator, inNoord.id));
    await expect(
      recordFacilitatedMeeting(db, await authorizeNetwork(db, coordinator, inOost.id)),
    ).rejects.toMatchObject({
      init: { status: 403 },
    });
    const view = await getNetwork(db, await authorizeNetwork(db, coordinator, inNoord.id));
    const status = facilitationStatus(view.network, view.programme);
    expect(status).toEqual({ limit: 5, held: 5, selfDirected: true });
  });

  it("lets a coordinator adopt a network without programme into their own programme only", async () => {
    const db = database.db;
    const programme = await buildProgramme(db);
    const other = await buildProgramme(db);
    const network = await buildNetwork(db);
    const coordinatorUser = await buildUser(db);
    await makeCoordinator(db, coordinatorUser.id, programme.id);
    const coordinator = await actorFor(db, coordinatorUser);
    await expect(
      adoptIntoProgramme(db, await authorizeNetwork(db, coordinator, network.id), other.id),
    ).rejects.toMatchObject({
      init: { status: 403 },
    });
    await adoptIntoProgramme(db, await authorizeNetwork(db, coordinator, network.id), programme.id);
    expect(
      (await getNetwork(db, await authorizeNetwork(db, coordinator, network.id))).network
        .programmeId,
    ).toBe(programme.id);
  });

  it("refuses an end date before the start date", () => {
    const result = networkProfileSchema.safeParse({
      ...profileInput(),
      startDate: "2027-09-01",
      endDate: "2027-06-30",
    });
    expect(result.success ? null : result.error.issues[0]).toMatchObject({
      path: ["endDate"],
      message: "error.network.endBeforeStart",
    });
  });
});

describe("catalogue", () => {
  it("finds networks in Dutch full text and filters by theme, sector, state and programme", async () => {
    const db = database.db;
    const programme = await buildProgramme(db, "Stap 2 test");
    await buildNetwork(db, {
      name: "Ondernemend Leren",
      question: "Hoe leren leerlingen ondernemen?",
      themes: ["ondernemerschap"],
      sectors: ["VO"],
      openness: "open",
    });
    await buildNetwork(db, {
      name: "PRO Friesland",
      question: "Samenwerking tussen praktijkscholen",
      themes: ["praktijkonderwijs"],
      sectors: ["VO"],
      programmeId: programme.id,
    });
    await buildNetwork(db, {
      name: "Smart Government",
      question: "Slim besturen",
      status: "in-formation",
      sectors: ["VO"],
    });
    await buildNetwork(db, {
      name: "Autopoiesis PO",
      question: "Innoveren als schoolleider",
      sectors: ["PO"],
    });

    const names = async (filters: Parameters<typeof listCatalogue>[1]) =>
      (await listCatalogue(db, filters, page)).networks.map((n) => n.name);
    // "ondernemende" and "ondernemen" share the Dutch stem.
    expect(await names({ query: "ondernemende leerlingen" })).toContain("Ondernemend Leren");
    expect(await names({ theme: "praktijkonderwijs" })).toEqual(["PRO Friesland"]);
    expect(await names({ sector: "PO", query: "innoveren" })).toEqual(["Autopoiesis PO"]);
    expect(await names({ state: "in-formation", query: "slim" })).toEqual(["Smart Government"]);
    expect(await names({ programmeId: programme.id })).toEqual(["PRO Friesland"]);
  });
});

describe("managing a network", () => {
  it("turns a proposal into a network in formation held by its proposer", async () => {
    const db = database.db;
    const proposer = await buildUser(db);
    const actor = await actorFor(db, proposer);
    const id = await proposeNetwork(db, actor, {
      name: "Persoonlijk Leiderschap",
      question: "Hoe blijf je jezelf als leidinggevende?",
      sectors: ["VO"],
      targetFunctions: ["schoolleider"],
      intendedMembers: "Schoolleiders die net begonnen zijn",
      facilitatorNote: "",
      themes: ["leiderschap"],
    });
    const view = await getNetwork(db, await authorizeNetwork(db, actor, id));
    expect(view.network.status).toBe("in-formation");
    expect(view.access.myRoles).toEqual(["penvoerder"]);
    expect(view.canManage).toBe(true);
  });

  it("refuses a capacity below the current members and keeps the old values", async () => {
    const db = database.db;
    const network = await buildNetwork(db, { capacity: 10, name: "Klein Netwerk" });
    const penvoerder = await buildUser(db);
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    for (let i = 0; i < 3; i++) await addNetworkMember(db, network.id, (await buildUser(db)).id);
    const actor = await actorFor(db, penvoerder);
    await expect(
      updateNetworkProfile(
        db,
        await authorizeNetwork(db, actor, network.id),
        profile({ capacity: "3", name: "Nieuwe Naam" }),
      ),
    ).rejects.toMatchObject({ field: "capacity" });
    const view = await getNetwork(db, await authorizeNetwork(db, actor, network.id));
    expect(view.network.name).toBe("Klein Netwerk");
    expect(view.network.capacity).toBe(10);
  });

  it("records each phase change with its note", async () => {
    const db = database.db;
    const network = await buildNetwork(db);
    const admin = await actorFor(db, await buildUser(db, { isPlatformAdmin: true }));
    await changePhase(db, await authorizeNetwork(db, admin, network.id), {
      phase: "cultiveren",
      note: "We komen nu geregeld samen.",
    });
    const view = await getNetwork(db, await authorizeNetwork(db, admin, network.id));
    expect(view.network.phase).toBe("cultiveren");
    expect(view.phaseChanges[0]).toMatchObject({
      phase: "cultiveren",
      note: "We komen nu geregeld samen.",
    });
  });

  it("expresses the Autopoiesis routes exactly: steps 1, 3, 5, 7, 8 against all eight", async () => {
    const db = database.db;
    const network = await buildNetwork(db);
    const admin = await actorFor(db, await buildUser(db, { isPlatformAdmin: true }));
    await saveSteps(db, await authorizeNetwork(db, admin, network.id), [
      "Aanmelden",
      "Online intakegesprek",
      "Bijeenkomsten",
      "Online ontwikkelgesprek",
      "Bijeenkomsten",
      "Online afrondend gesprek",
      "Afsluitende bijeenkomst met presentatie",
      "Voortgang van het netwerk",
    ]);
    await saveRoute(db, await authorizeNetwork(db, admin, network.id), null, {
      name: "Zonder herregistratie",
      price: 145_000,
      secondPersonPrice: 99_500,
      includes: "",
      extraCosts: "Locatie en materialen (excl. btw)",
      vatExempt: true,
      stepNumbers: [8, 1, 3, 5, 7],
      minMeetings: null,
      registerPoints: null,
      registerThemes: [],
      requiresAllSteps: true,
    });
    await saveRoute(db, await authorizeNetwork(db, admin, network.id), null, {
      name: "Met herregistratie Schoolleider PO",
      price: 195_000,
      secondPersonPrice: 149_500,
      includes: "Online startgesprek, ontwikkelgesprek, eindgesprek en certificaat",
      extraCosts: "",
      vatExempt: true,
      stepNumbers: [1, 2, 3, 4, 5, 6, 7, 8],
      minMeetings: null,
      registerPoints: null,
      registerThemes: [],
      requiresAllSteps: true,
    });
    await expect(
      saveRoute(db, await authorizeNetwork(db, admin, network.id), null, {
        name: "Te veel",
        price: 1,
        secondPersonPrice: null,
        includes: "",
        extraCosts: "",
        vatExempt: false,
        stepNumbers: [9],
        minMeetings: null,
        registerPoints: null,
        registerThemes: [],
        requiresAllSteps: true,
      }),
    ).rejects.toBeInstanceOf(FieldError);
    await expect(
      saveRoute(db, await authorizeNetwork(db, admin, network.id), null, {
        name: "Duurder tweede",
        price: 100,
        secondPersonPrice: 200,
        includes: "",
        extraCosts: "",
        vatExempt: false,
        stepNumbers: [],
        minMeetings: null,
        registerPoints: null,
        registerThemes: [],
        requiresAllSteps: true,
      }),
    ).rejects.toMatchObject({ field: "secondPersonPrice" });
    const view = await getNetwork(db, await authorizeNetwork(db, admin, network.id));
    expect(view.steps).toHaveLength(8);
    expect(
      view.routes.map((r) => [r.name, r.stepNumbers, formatEuro(r.priceCents), r.vatExempt]),
    ).toEqual([
      ["Zonder herregistratie", [1, 3, 5, 7, 8], "€\u00a01.450", true],
      ["Met herregistratie Schoolleider PO", [1, 2, 3, 4, 5, 6, 7, 8], "€\u00a01.950", true],
    ]);
  });
});

describe("a network's duration", () => {
  it("calls a network that meets since 2006 without an end doorlopend, and counts it as set up for two years", async () => {
    const db = database.db;
    const academy = await buildProgramme(db, "VO-academie looptijd");
    await db.insert(programmeCriteria).values({
      programmeId: academy.id,
      position: 0,
      label: "Opgezet voor minimaal twee jaar",
      rule: "min-duration-months",
      ruleValue: 24,
    });
    const network = await buildNetwork(db, { startDate: "2006-09-01" });
    const penvoerder = await buildUser(db, { jobFunction: "schoolleider" });
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    const t = Object.assign(
      (key: MessageKey, params?: Record<string, string | number>) => translate("nl", key, params),
      { date: (value: string) => formatDate(value, "nl") },
    );
    expect(durationText(t, network)).toBe(`doorlopend (sinds ${formatDate("2006-09-01", "nl")})`);
    expect(durationText(t, { ...network, durationMonths: 24 })).toBe("24 maanden");
    expect(durationText(t, { ...network, endDate: "2010-07-01" })).toBeNull();
    const preview = await previewApplication(
      db,
      await authorizeNetwork(db, await actorFor(db, penvoerder), network.id),
      academy.id,
      "nl",
    );
    expect(preview.results[0]).toMatchObject({
      source: "computed",
      met: true,
      detail: `Doorlopend, sinds ${formatDate("2006-09-01", "nl")}.`,
    });
  });
});

describe("support programmes (VO-academie, chapter 3.1)", () => {
  it("shows each criterion computed from the data or declared, and a coordinator approves with a stimulus", async () => {
    const db = database.db;
    const academy = await buildProgramme(db, "VO-academie test");
    const rules: [string, string | null, number | null][] = [
      ["Initiatief vanuit het veld", null, null],
      ["Aanvrager is leidinggevende in het VO", "applicant-vo-leader", null],
      ["Herkenbaar als netwerk, gepubliceerd als open of gesloten", "published-openness", null],
      ["Gericht op professionalisering", null, null],
      ["Akkoord met monitoring", null, null],
      ["Minimaal drie bijeenkomsten per jaar", "min-meetings-per-year", 3],
      ["Tussentijds contact mogelijk", null, null],
      ["Minimaal zes vaste deelnemers", "min-members", 6],
      ["VO-academie uitgenodigd bij een bijeenkomst", null, null],
      ["Ondersteund door een facilitator", "has-facilitator", null],
      ["Opgezet voor minimaal twee jaar", "min-duration-months", 24],
    ];
    await db.insert(programmeCriteria).values(
      rules.map(([label, rule, ruleValue], position) => ({
        programmeId: academy.id,
        position,
        label,
        rule,
        ruleValue,
      })),
    );
    const school = await buildOrganisation(db, { sector: "VO" });
    const penvoerder = await buildUser(db, { jobFunction: "schoolleider" });
    await addToOrganisation(db, penvoerder.id, school.id);
    const network = await buildNetwork(db, { meetingsPerYear: 2, durationMonths: 24 });
    await addNetworkMember(db, network.id, penvoerder.id, "penvoerder");
    for (let i = 0; i < 5; i++) await addNetworkMember(db, network.id, (await buildUser(db)).id);
    const actor = await actorFor(db, penvoerder);

    const preview = await previewApplication(
      db,
      await authorizeNetwork(db, actor, network.id),
      academy.id,
      "nl",
    );
    const byLabel = Object.fromEntries(preview.results.map((r) => [r.label, r]));
    expect(preview.results).toHaveLength(11);
    expect(byLabel["Aanvrager is leidinggevende in het VO"]).toMatchObject({
      source: "computed",
      met: true,
    });
    expect(byLabel["Minimaal drie bijeenkomsten per jaar"]).toMatchObject({
      source: "computed",
      met: false,
      detail: "2 bijeenkomsten per jaar (minimaal 3).",
    });
    expect(byLabel["Minimaal zes vaste deelnemers"]).toMatchObject({
      source: "computed",
      met: true,
      detail: "6 vaste leden (minimaal 6).",
    });
    expect(byLabel["Ondersteund door een facilitator"]).toMatchObject({ met: false });
    expect(byLabel["Initiatief vanuit het veld"]).toMatchObject({ source: "declared", met: false });

    const fieldCriterion = preview.criteria.find((c) => c.label === "Initiatief vanuit het veld");
    const id = await submitApplication(
      db,
      await authorizeNetwork(db, actor, network.id),
      academy.id,
      { [fieldCriterion!.id]: { met: true, explanation: "Drie rectoren vroegen erom." } },
      "nl",
    );
    await expect(
      submitApplication(db, await authorizeNetwork(db, actor, network.id), academy.id, {}, "nl"),
    ).rejects.toMatchObject({ messageKey: "error.support.alreadySubmitted" });
    // A programme that is not one (a tampered or empty field) is unknown, not a server error.
    for (const programmeId of ["", "garbage", "00000000-0000-4000-8000-000000000000"])
      await expect(
        submitApplication(db, await authorizeNetwork(db, actor, network.id), programmeId, {}, "nl"),
      ).rejects.toMatchObject({ init: { status: 404 } });

    const coordinatorUser = await buildUser(db);
    await makeCoordinator(db, coordinatorUser.id, academy.id);
    const coordinator = await actorFor(db, coordinatorUser);
    expect((await listApplicationsToDecide(db, coordinator)).map((a) => a.id)).toEqual([id]);
    const outsider = await actorFor(db, await buildUser(db));
    await expect(getApplication(db, outsider, id!)).rejects.toMatchObject({
      init: { status: 404 },
    });
    await expect(
      decideApplication(db, actor, id!, {
        decision: "approved",
        note: "",
        stimulusCents: 1,
        purposes: [],
      }),
    ).rejects.toMatchObject({ init: { status: 403 } });

    const application = await getApplication(db, coordinator, id!);
    expect(
      application.application.evaluation.find((e) => e.label === "Initiatief vanuit het veld"),
    ).toMatchObject({ met: true, detail: "Drie rectoren vroegen erom." });
    await decideApplication(db, coordinator, id!, {
      decision: "approved",
      note: "Mooi initiatief; nodig ons uit in het voorjaar.",
      stimulusCents: 500_000,
      purposes: ["facilitation", "speakers"],
    });
    const view = await getNetwork(db, await authorizeNetwork(db, actor, network.id));
    expect(view.programme?.name).toBe("VO-academie test");
    expect((await getApplication(db, actor, id!)).application).toMatchObject({
      status: "approved",
      stimulusCents: 500_000,
      stimulusPurposes: ["facilitation", "speakers"],
    });
  });
});
