import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { buildNetwork, buildProgramme } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { listCatalogue } from "./catalogue.server.ts";

let database: Database;

const page = { page: 1, perPage: 50, offset: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
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
