import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { meetingForm, setupMeetingNetwork } from "./meetings.fixtures.ts";
import { createMeeting, getMeeting, listMeetings } from "./meetings.server.ts";
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

const setup = () => setupMeetingNetwork(database.db);

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
    // The meeting list says how many cases wait ("1 casus"), and only for this meeting.
    const other = await createMeeting(
      database.db,
      await inNetwork(facilitator, network),
      meetingForm({ theme: "Een bijeenkomst zonder casus" }),
    );
    const { meetings: listed } = await listMeetings(database.db, await inNetwork(member, network));
    const caseCounts = Object.fromEntries(listed.map((m) => [m.id, m.caseCount]));
    expect(caseCounts[id]).toBe(1);
    expect(caseCounts[other]).toBe(0);
    await expect(
      addCase(database.db, await inNetwork(outsider, network), id, {
        title: "x".repeat(5),
        description: "y".repeat(20),
        question: "z".repeat(10),
      }),
    ).rejects.toThrow(NotFoundError);
  });
});
