import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { saveRoute, saveSteps } from "./enrolment-routes.server.ts";
import { authorizeNetwork } from "./network-access.server.ts";
import { profile } from "./networks.fixtures.ts";
import {
  changePhase,
  getNetwork,
  proposeNetwork,
  updateNetworkProfile,
} from "./networks.server.ts";
import { formatEuro } from "./pricing.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
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
