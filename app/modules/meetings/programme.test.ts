import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { networkMembers } from "#app/db/schema/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { meetingSchema } from "./meetings.schema.ts";
import { createMeeting, getMeeting } from "./meetings.server.ts";
import { addCase, recordNextTheme, saveProgramme, setPreparers } from "./programme.server.ts";

let database: Database;

/** The network as the layout authorises it for this person, once per request. */
const inNetwork = <A extends MaybeActor>(actor: A, network: { id: string }) =>
  authorizeNetwork(database.db, actor, network.id);

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

async function setup() {
  const { db } = database;
  const network = await buildNetwork(db, { startDate: "2026-09-01", endDate: "2027-07-15" });
  const facilitator = await buildUser(db);
  const member = await buildUser(db);
  const colleague = await buildUser(db);
  const outsider = await buildUser(db);
  await addNetworkMember(db, network.id, facilitator.id, "facilitator");
  await addNetworkMember(db, network.id, member.id);
  await addNetworkMember(db, network.id, colleague.id);
  // Everyone enrolled before the school year's meetings.
  await db
    .update(networkMembers)
    .set({ joinedAt: new Date("2026-08-15T09:00:00Z") })
    .where(eq(networkMembers.networkId, network.id));
  return {
    network,
    facilitator: await actorFor(db, facilitator),
    member: await actorFor(db, member),
    colleague: await actorFor(db, colleague),
    outsider: await actorFor(db, outsider),
  };
}

const meetingForm = (overrides: Record<string, string> = {}) =>
  meetingSchema.parse({
    day: "2026-10-06",
    startTime: "08:30",
    endTime: "12:30",
    mode: "online",
    onlineUrl: "https://zoom.example/j/123",
    theme: "Missie en visie",
    ...overrides,
  });

describe("preparing together", () => {
  it("lets the preparation group edit the programme, and others not", async () => {
    const { network, facilitator, member, colleague } = await setup();
    const id = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    await setPreparers(database.db, await inNetwork(facilitator, network), id, [member.userId]);
    await saveProgramme(database.db, await inNetwork(member, network), id, [
      "Opening",
      "Gastspreker",
      "Casusronde",
      "Keuze volgend thema",
    ]);
    const { programme } = await getMeeting(database.db, await inNetwork(colleague, network), id);
    expect(programme.map((p) => p.title)).toEqual([
      "Opening",
      "Gastspreker",
      "Casusronde",
      "Keuze volgend thema",
    ]);
    await expect(
      saveProgramme(database.db, await inNetwork(colleague, network), id, ["Iets anders"]),
    ).rejects.toThrow(NotFoundError);
  });

  it("puts the chosen theme on the next meeting at once", async () => {
    const { network, facilitator, member } = await setup();
    const first = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    const second = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm({ day: "2026-11-03", theme: "" }),
    );
    await recordNextTheme(
      database.db,
      await inNetwork(facilitator, network),
      first,
      "Leidinggeven aan leren",
    );
    const { meeting } = await getMeeting(database.db, await inNetwork(member, network), second);
    expect(meeting.theme).toBe("Leidinggeven aan leren");
  });

  it("shows cases to members only; a coordinator-free outsider cannot add one", async () => {
    const { network, facilitator, member, outsider } = await setup();
    const id = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm(),
    );
    await addCase(database.db, await inNetwork(member, network), id, {
      title: "Teamleren op De Regenboog",
      description: "Ons team wil leren van elkaars lessen, maar de tijd ontbreekt steeds.",
      question: "Hoe maak je tijd voor collegiale consultatie?",
    });
    const seen = await getMeeting(database.db, await inNetwork(facilitator, network), id);
    expect(seen.cases?.map((c) => c.title)).toEqual(["Teamleren op De Regenboog"]);
    await expect(
      addCase(database.db, await inNetwork(outsider, network), id, {
        title: "x".repeat(5),
        description: "y".repeat(20),
        question: "z".repeat(10),
      }),
    ).rejects.toThrow(NotFoundError);
  });
});
