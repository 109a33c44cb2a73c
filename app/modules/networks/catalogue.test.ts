import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { networks } from "#app/db/schema/index.ts";
import { buildNetwork, buildProgramme } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { listCatalogue, listThemes } from "./catalogue.server.ts";

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

  it("finds a name without regard to accents, and part of a theme", async () => {
    const db = database.db;
    await buildNetwork(db, {
      name: "Schoolleiders Sint-Michiëlsgestel",
      question: "Hoe houden we goede leraren?",
      themes: ["burgerschapsonderwijs"],
    });
    const names = async (query: string) =>
      (await listCatalogue(db, { query }, page)).networks.map((n) => n.name);
    expect(await names("michielsgestel")).toEqual(["Schoolleiders Sint-Michiëlsgestel"]);
    expect(await names("SINT-MICHIËLS")).toEqual(["Schoolleiders Sint-Michiëlsgestel"]);
    expect(await names("burgerschap")).toEqual(["Schoolleiders Sint-Michiëlsgestel"]);
    expect(await names("%")).toEqual([]);
  });

  it("pages with Vorige/Volgende and counts exactly below 1 000", async () => {
    const db = database.db;
    for (const name of ["Pagina A", "Pagina B", "Pagina C"]) {
      await buildNetwork(db, { name, themes: ["paginering"] });
    }
    const first = await listCatalogue(
      db,
      { theme: "paginering" },
      { page: 1, perPage: 2, offset: 0 },
    );
    expect(first.networks.map((n) => n.name)).toEqual(["Pagina A", "Pagina B"]);
    expect(first).toMatchObject({ total: { count: 3, more: false }, hasNext: true });
    const second = await listCatalogue(
      db,
      { theme: "paginering" },
      { page: 2, perPage: 2, offset: 2 },
    );
    expect(second.networks.map((n) => n.name)).toEqual(["Pagina C"]);
    expect(second.hasNext).toBe(false);
  });

  it("offers the themes of networks that have not ended, kept current as networks change", async () => {
    const db = database.db;
    const network = await buildNetwork(db, { themes: ["sterrenkunde", "zeilen"] });
    expect(await listThemes(db)).toEqual(expect.arrayContaining(["sterrenkunde", "zeilen"]));
    await db
      .update(networks)
      .set({ themes: ["zeilen"] })
      .where(eq(networks.id, network.id));
    expect(await listThemes(db)).not.toContain("sterrenkunde");
    await db.update(networks).set({ status: "ended" }).where(eq(networks.id, network.id));
    expect(await listThemes(db)).not.toContain("zeilen");
    await db.update(networks).set({ status: "active" }).where(eq(networks.id, network.id));
    expect(await listThemes(db)).toContain("zeilen");
    await db.delete(networks).where(eq(networks.id, network.id));
    expect(await listThemes(db)).not.toContain("zeilen");
  });
});
