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
import { durationParts, durationText, monthsSince } from "./duration.ts";
import { authorizeNetwork } from "./network-access.server.ts";
import { previewApplication } from "./support.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const nl = Object.assign(
  (key: MessageKey, params?: Record<string, string | number>) => translate("nl", key, params),
  { date: (value: string) => formatDate(value, "nl") },
);
const en = Object.assign(
  (key: MessageKey, params?: Record<string, string | number>) => translate("en", key, params),
  { date: (value: string) => formatDate(value, "en") },
);
const planned = (durationMonths: number) => ({ startDate: null, durationMonths });

describe("a duration in words", () => {
  it("reads months below a year, whole years as years, and the rest as years and months", () => {
    expect(durationParts(240)).toEqual({ shape: "years", years: 20, months: 0 });
    expect(durationParts(18)).toEqual({ shape: "both", years: 1, months: 6 });
    expect(durationParts(11)).toEqual({ shape: "months", years: 0, months: 11 });
    expect(durationText(nl, planned(240))).toBe("20 jaar");
    expect(durationText(nl, planned(18))).toBe("1 jaar en 6 maanden");
    expect(durationText(nl, planned(12))).toBe("1 jaar");
    expect(durationText(nl, planned(13))).toBe("1 jaar en 1 maand");
    expect(durationText(nl, planned(10))).toBe("10 maanden");
    expect(durationText(nl, planned(1))).toBe("1 maand");
    expect(durationText(en, planned(240))).toBe("20 years");
    expect(durationText(en, planned(18))).toBe("1 year and 6 months");
    expect(durationText(en, planned(12))).toBe("1 year");
    expect(durationText(en, planned(1))).toBe("1 month");
  });

  it("counts a running network in whole years once it has run a year, and says when it starts if it has not", () => {
    expect(monthsSince("2006-09-01", new Date("2026-08-31T12:00:00Z"))).toBe(239);
    expect(monthsSince("2006-09-01", new Date("2026-09-01T12:00:00Z"))).toBe(240);
    const running = (startDate: string) => ({ startDate, durationMonths: null });
    const today = new Date("2026-11-28T12:00:00Z");
    expect(durationText(nl, running("2025-06-15"), today)).toBe(
      `1 jaar, doorlopend sinds ${formatDate("2025-06-15", "nl")}`,
    );
    expect(durationText(nl, running("2026-05-01"), today)).toBe(
      `6 maanden, doorlopend sinds ${formatDate("2026-05-01", "nl")}`,
    );
    expect(durationText(nl, running("2026-11-20"), today)).toBe(
      `doorlopend sinds ${formatDate("2026-11-20", "nl")}`,
    );
    expect(durationText(nl, running("2027-02-01"), today)).toBe(
      `doorlopend, vanaf ${formatDate("2027-02-01", "nl")}`,
    );
    expect(durationText(en, running("2006-09-01"), today)).toBe(
      `20 years, ongoing since ${formatDate("2006-09-01", "en")}`,
    );
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
    expect(durationText(t, network, new Date("2026-11-28T12:00:00Z"))).toBe(
      `20 jaar, doorlopend sinds ${formatDate("2006-09-01", "nl")}`,
    );
    expect(durationText(t, { ...network, durationMonths: 24 })).toBe("2 jaar");
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
