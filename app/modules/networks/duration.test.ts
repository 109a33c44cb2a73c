import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { programmeCriteria } from "#app/db/schema/index.ts";
import { formatDate } from "#app/i18n/dates.ts";
import { type MessageKey, translate } from "#app/i18n/messages.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildProgramme,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { durationText } from "./duration.ts";
import { authorizeNetwork } from "./network-access.server.ts";
import { previewApplication } from "./support.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
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
