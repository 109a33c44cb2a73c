import { extractText } from "unpdf";
import { afterEach, describe, expect, test } from "vitest";
import { resetEnvForTests } from "#app/core/env.server.ts";
import { statementPdf } from "./bijsluiter.server.ts";
import { personalDataRegister } from "./register.server.ts";
import { bijsluiter, privacyStatement, processingAnnex } from "./statement.server.ts";

afterEach(() => {
  delete process.env.PRIVACY_SUBPROCESSORS;
  delete process.env.PRIVACY_CONTACT_EMAIL;
  resetEnvForTests();
});

describe("the statements made from the register", () => {
  test("the privacy statement has a table for every module that declared its data, in either language", () => {
    const declaring = personalDataRegister.filter((m) => m.declarations.length > 0);
    for (const locale of ["nl", "en"] as const) {
      const { modules } = privacyStatement(locale);
      expect(modules.map((m) => m.module)).toEqual(declaring.map((m) => m.module));
      for (const module of modules) {
        const declared = declaring.find((m) => m.module === module.module);
        expect(module.rows.map((r) => r.table)).toEqual(declared?.declarations.map((d) => d.table));
      }
    }
  });

  test("the operator's sub-processors and contact address appear wherever the statements name them", async () => {
    process.env.PRIVACY_SUBPROCESSORS =
      "Voorbeeldhosting B.V.|servers en database|Amsterdam (NL); Mailrelay NL|e-mail|Nederland";
    process.env.PRIVACY_CONTACT_EMAIL = "fg@school.example";
    resetEnvForTests();
    const statement = privacyStatement("nl");
    const sub = statement.sections.find((s) => s.id === "subverwerkers");
    expect(sub?.items).toEqual([
      "Voorbeeldhosting B.V.: servers en database (Amsterdam (NL))",
      "Mailrelay NL: e-mail (Nederland)",
    ]);
    expect(statement.sections.find((s) => s.id === "opslag")?.paragraphs[0]).toContain(
      "Amsterdam (NL)",
    );
    const { text } = await extractText(new Uint8Array(await statementPdf(bijsluiter())), {
      mergePages: true,
    });
    expect(text).toContain("Voorbeeldhosting B.V.");
    expect(text).toContain("fg@school.example");
    const annex = processingAnnex();
    expect(annex.sections.find((s) => s.id === "subverwerkers")?.items).toHaveLength(2);
  });

  test("without configuration the sub-processors are named as roles to fill in, not invented", () => {
    const sub = privacyStatement("nl").sections.find((s) => s.id === "subverwerkers");
    expect(sub?.items?.every((item) => item.includes("in te vullen door de aanbieder"))).toBe(true);
  });
});
