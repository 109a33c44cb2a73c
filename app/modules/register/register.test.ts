import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  attendance,
  meetings,
  outbox,
  registerActivities,
  registerAudit,
  storedFiles,
} from "#app/db/schema/index.ts";
import { ForbiddenError, NotFoundError } from "#app/platform/errors.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import { actorFor, buildUser } from "../../../tests/factories/index.ts";
import { sheetRecords } from "../../../tests/support/spreadsheet.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { certificatePdf, certificateVerificationUrl } from "./certificate-document.server.ts";
import {
  certificatePrintDetails,
  getCertificate,
  getNetworkCertificates,
  issueCertificateForMember,
  revokeCertificate,
  verifyCertificate,
} from "./certificates.server.ts";
import { addMonths } from "./cycle.ts";
import { cyclePdf, cycleXlsx } from "./documents.server.ts";
import {
  addActivity,
  addFromCatalogue,
  addValuation,
  deleteActivity,
  getMyRegister,
  listRegisterCatalogue,
  saveRegisterProfile,
} from "./ledger.server.ts";
import { completedMember as completedMemberIn } from "./register.fixtures.ts";
import { activitySchema, valuationSchema } from "./register.schema.ts";
import { planRegisterReminders, registerJobHandlers } from "./reminders.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const today = "2026-11-23";
const rawActivity = (overrides: Record<string, string> = {}) => ({
  title: "Masterclass verandermanagement",
  provider: "NSO-CNA",
  learningForm: "non-formal",
  startDate: "2025-03-01",
  endDate: "2025-03-02",
  hours: "16",
  valueKind: "percentage",
  value: "35",
  ...overrides,
});
const activity = (overrides: Record<string, string> = {}) =>
  activitySchema.parse(rawActivity(overrides));

async function schoolLeader() {
  const actor = await actorFor(database.db, await buildUser(database.db));
  await saveRegisterProfile(database.db, actor, { cycleStart: "2023-01-09", cycleYears: 4 });
  return actor;
}

describe("a person's ledger", () => {
  it("adds activities by hand and from the catalogue, and shows the cycle complete at 100 points", async () => {
    const leader = await schoolLeader();
    await addActivity(database.db, leader, activity(), null, today);
    let register = await getMyRegister(database.db, leader, today);
    expect(register).toMatchObject({ points: 35, needed: 65, status: "herregistratie-nodig" });
    const lerendeSchool = (await listRegisterCatalogue(database.db)).find(
      (c) => c.title === "Leidinggeven aan een lerende school",
    );
    expect(lerendeSchool?.percentage).toBe(70);
    await addFromCatalogue(
      database.db,
      leader,
      {
        catalogueId: lerendeSchool?.id ?? "",
        startDate: "2025-10-01",
        endDate: "2026-06-30",
        hours: 160,
        evidence: "",
      },
      today,
    );
    register = await getMyRegister(database.db, leader, today);
    expect(register).toMatchObject({ points: 105, needed: 0, status: "geregistreerd" });
    expect(register.byTheme.find((t) => t.theme === "Persoonlijk leiderschap")?.points).toBe(70);
    expect(register.overTime.map((p) => p.points)).toEqual([35, 105]);
  });

  it("refuses percentages over 100, points under 10, dates outside the cycle and duplicates, saving nothing", async () => {
    expect(activitySchema.safeParse(rawActivity({ value: "120" })).success).toBe(false);
    const tooFew = activitySchema.safeParse({
      title: "Lezing",
      learningForm: "informal",
      startDate: "2025-01-01",
      endDate: "2025-01-01",
      valueKind: "points",
      value: "5",
    });
    expect(tooFew.error?.issues[0]?.message).toBe("error.register.points");
    const backwards = activitySchema.safeParse(
      rawActivity({ startDate: "2025-03-05", endDate: "2025-03-01" }),
    );
    expect(backwards.error?.issues[0]?.message).toBe("error.register.endBeforeStart");
    const leader = await schoolLeader();
    await expect(
      addActivity(
        database.db,
        leader,
        activity({ startDate: "2022-01-01", endDate: "2022-01-02" }),
        null,
        today,
      ),
    ).rejects.toMatchObject({
      field: "endDate",
      messageKey: "error.register.outsideCycle",
    });
    await addActivity(database.db, leader, activity(), null, today);
    await expect(
      addActivity(
        database.db,
        leader,
        activity({ title: "MASTERCLASS verandermanagement" }),
        null,
        today,
      ),
    ).rejects.toMatchObject({
      messageKey: "error.register.duplicate",
    });
    expect((await getMyRegister(database.db, leader, today)).activities).toHaveLength(1);
  });

  it("takes informal learning only with the bureau's valuation attached", async () => {
    const leader = await schoolLeader();
    const input = valuationSchema.parse({
      title: "Eigen leerproject teamleren",
      provider: "Bureau EVC",
      startDate: "2025-01-01",
      endDate: "2025-06-30",
      value: "40",
    });
    await expect(addValuation(database.db, leader, input, null, today)).rejects.toMatchObject({
      field: "file",
    });
    expect((await getMyRegister(database.db, leader, today)).points).toBe(0);
  });

  it("keeps an evidence file only with the activity it proves", async () => {
    const { db } = database;
    const pdf = () =>
      new File(
        [Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")],
        "bewijs.pdf",
      );
    const filesOf = (userId: string) =>
      db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.uploadedBy, userId));
    // Without a register profile nothing may be added, and nothing is left behind.
    const stranger = await actorFor(db, await buildUser(db));
    await expect(addActivity(db, stranger, activity(), pdf(), today)).rejects.toMatchObject({
      messageKey: "error.register.noProfile",
    });
    expect(await filesOf(stranger.userId)).toEqual([]);
    // A check that fails after the file was stored (the duplicate) takes the file back.
    const leader = await schoolLeader();
    await addActivity(db, leader, activity(), pdf(), today);
    await expect(addActivity(db, leader, activity(), pdf(), today)).rejects.toMatchObject({
      messageKey: "error.register.duplicate",
    });
    const files = await filesOf(leader.userId);
    expect(files).toHaveLength(1);
    const [row] = await db
      .select({ id: registerActivities.id, fileId: registerActivities.evidenceFileId })
      .from(registerActivities)
      .where(eq(registerActivities.userId, leader.userId));
    expect(row?.fileId).toBe(files[0]?.id);
    // Deleting the activity deletes its evidence.
    await deleteActivity(db, leader, row?.id ?? "");
    expect(await filesOf(leader.userId)).toEqual([]);
  });

  it("is private: another person sees only their own", async () => {
    const leader = await schoolLeader();
    await addActivity(database.db, leader, activity(), null, today);
    const other = await actorFor(database.db, await buildUser(database.db));
    expect((await getMyRegister(database.db, other, today)).activities).toEqual([]);
  });
});

function completedMember() {
  return completedMemberIn(database.db, {
    networkName: "Netwerk Autopoiesis (test)",
    memberName: "Anouk Visser",
  });
}

describe("certificates", () => {
  it("are issued on completion with the points and evidence, verified by code, and revoked by the provider", async () => {
    const { network, facilitator, member, memberId } = await completedMember();
    const { db } = database;
    const certificateId = (await issueCertificateForMember(db, memberId, null)) ?? "";
    expect(await issueCertificateForMember(db, memberId, null)).toBe(certificateId);
    let register = await getMyRegister(db, member, today);
    expect(register.points).toBe(85);
    expect(register.activities[0]).toMatchObject({
      source: "route",
      hours: 4,
      points: 85,
      themes: ["Verandermanagement"],
    });
    expect(register.activities[0]?.evidence).toContain("aanwezig bij 1 van 1");

    const certificate = await getCertificate(db, member, certificateId);
    const checked = await verifyCertificate(db, certificate.code.toLowerCase());
    expect(checked).toMatchObject({
      participantName: "Anouk Visser",
      points: 85,
      hours: 4,
      revokedAt: null,
    });
    expect(Object.keys(checked ?? {})).not.toContain("userId");
    expect(await verifyCertificate(db, "KP-AAAA-BBBB-CCCC")).toBeNull();

    const stranger = await actorFor(db, await buildUser(db));
    await expect(getCertificate(db, stranger, certificateId)).rejects.toThrow(NotFoundError);
    await expect(
      revokeCertificate(
        db,
        await authorizeNetwork(db, member, network.id),
        certificateId,
        "Eigen intrekking",
      ),
    ).rejects.toThrow(ForbiddenError);
    await revokeCertificate(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      certificateId,
      "Aanwezigheid bleek onjuist geregistreerd.",
    );
    register = await getMyRegister(db, member, today);
    expect(register.points).toBe(0);
    expect(register.activities[0]?.withdrawn).toBe(true);
    expect((await verifyCertificate(db, certificate.code))?.revokedAt).toBeInstanceOf(Date);
    const audit = await db
      .select()
      .from(registerAudit)
      .where(eq(registerAudit.certificateId, certificateId));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["certificate-issued", null],
      ["certificate-revoked", facilitator.userId],
    ]);
    const overview = await getNetworkCertificates(
      db,
      await authorizeNetwork(db, facilitator, network.id),
    );
    expect(overview.rows.find((r) => r.userId === member.userId)?.standing).toBe("completed");
    await expect(
      getNetworkCertificates(db, await authorizeNetwork(db, member, network.id)),
    ).rejects.toThrow(NotFoundError);
  });

  it("prints an official certificate: period to the last meeting, register fields, signer and a QR link to the check", async () => {
    const { db } = database;
    const { network, member, memberId } = await completedMemberIn(db, {
      networkName: "Netwerk Autopoiesis (test)",
      memberName: "Anouk Visser",
      facilitatorName: "Guus Geisen",
    });
    // A second meeting attended after the first; the completion was recorded weeks later.
    const [later] = await db
      .insert(meetings)
      .values({
        networkId: network.id,
        startsAt: new Date("2026-11-03T07:30:00Z"),
        endsAt: new Date("2026-11-03T11:30:00Z"),
        mode: "online",
      })
      .returning();
    await db
      .insert(attendance)
      .values({ meetingId: later?.id ?? "", userId: member.userId, status: "present" });
    const certificate = await getCertificate(
      db,
      member,
      (await issueCertificateForMember(db, memberId, null)) ?? "",
    );
    expect([certificate.startDate, certificate.endDate]).toEqual(["2026-10-06", "2026-11-03"]);
    const verifyUrl = certificateVerificationUrl("https://knooppunt.test/", certificate.code);
    expect(verifyUrl).toBe(
      `https://knooppunt.test/certificaat-controleren?code=${certificate.code}`,
    );
    const details = await certificatePrintDetails(db, certificate);
    expect(details).toMatchObject({
      signer: { name: "Guus Geisen", role: "Facilitator, Netwerk Autopoiesis (test)" },
      attended: 2,
    });
    const bytes = await certificatePdf(certificate, { verifyUrl, ...details });
    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
    for (const expected of [
      "Certificaat",
      "Anouk Visser",
      "Met herregistratie",
      "Netwerk Autopoiesis (test)",
      "6 oktober 2026 tot en met 3 november 2026",
      "2 bijeenkomsten bijgewoond",
      "Leernetwerk, non-formeel leren",
      "8 uur",
      "85% — 85 punten voor het Schoolleidersregister PO",
      "Verandermanagement",
      "Guus Geisen",
      "Facilitator, Netwerk Autopoiesis (test)",
      "Uitgereikt op",
      certificate.code,
      verifyUrl,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("20 november 2026");
    const document = await getDocumentProxy(new Uint8Array(bytes));
    expect(document.numPages).toBe(1);
    const page = await document.getPage(1);
    const links = (await page.getAnnotations()).map((a) => a.url);
    // The QR code and the printed address both open the public check with this code.
    expect(links).toEqual([verifyUrl, verifyUrl]);
    const { info } = await document.getMetadata();
    expect(info).toMatchObject({
      Language: "nl-NL",
      Producer: "Knooppunt",
      Author: certificate.provider,
    });
    expect((info as { Title: string }).Title).toContain(certificate.code);
  });

  it("exports the cycle as PDF with each activity's status, and as XLSX with date and number cells", async () => {
    const { network, facilitator, member, memberId } = await completedMember();
    const certificateId = (await issueCertificateForMember(database.db, memberId, null)) ?? "";
    await addActivity(database.db, member, activity(), null, today);
    let register = await getMyRegister(database.db, member, today);
    const xlsx = await cycleXlsx(register, "Anouk Visser");
    const rows = await sheetRecords(xlsx, "Herregistratie");
    expect(rows.map((r) => [r.Activiteit, r.Punten, r["Telt mee"], r.Status])).toEqual([
      ["Masterclass verandermanagement", 35, "ja", "Telt mee"],
      ["Netwerk Autopoiesis (test) — Met herregistratie", 85, "ja", "Telt mee"],
    ]);
    expect(rows[0]).toMatchObject({
      Van: new Date(Date.UTC(2025, 2, 1)),
      "Tot en met": new Date(Date.UTC(2025, 2, 2)),
      Uren: 16,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as never);
    const sheet = workbook.getWorksheet("Herregistratie");
    expect(sheet?.getCell("D2").numFmt).toBe("dd-mm-yyyy");
    expect(sheet?.getCell("D2").type).toBe(ExcelJS.ValueType.Date);
    expect(sheet?.getCell("G2").type).toBe(ExcelJS.ValueType.Number);
    expect(workbook.getWorksheet("Samenvatting")?.getCell("B2").value).toEqual(
      new Date(Date.UTC(2024, 7, 26)),
    );

    await revokeCertificate(
      database.db,
      await authorizeNetwork(database.db, facilitator, network.id),
      certificateId,
      "Aanwezigheid bleek onjuist.",
    );
    register = await getMyRegister(database.db, member, today);
    const { text } = await extractText(new Uint8Array(await cyclePdf(register, "Anouk Visser")), {
      mergePages: true,
    });
    expect(text).toContain("Punten in deze cyclus: 35 van 100");
    expect(text).toContain("Status registratie: Geregistreerd");
    expect(text).toContain("Status: Telt mee");
    expect(text).toMatch(
      /Status: Ingetrokken op \d+ \w+ \d{4} \(Aanwezigheid bleek onjuist\.\), telt niet mee/,
    );
  });
});

describe("register reminders", () => {
  it("mail 12 months before the date when points are short, once", async () => {
    const leader = await schoolLeader(); // due 2027-01-09
    const now = new Date(`${addMonths("2027-01-09", -12)}T09:00:00Z`);
    const { db } = database;
    expect(await planRegisterReminders(db, now)).toBeGreaterThanOrEqual(1);
    expect(await planRegisterReminders(db, now)).toBe(0);
    await runDueJobs(db, registerJobHandlers, now);
    const mails = await db.select().from(outbox).where(eq(outbox.to, leader.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain("nog 100 punten");
  });
});
