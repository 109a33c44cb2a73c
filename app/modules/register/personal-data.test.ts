import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  certificates,
  registerActivities,
  registerAudit,
  registerProfiles,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { issueCertificateForMember, verifyCertificate } from "./certificates.server.ts";
import { addActivity, getMyRegister } from "./ledger.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";
import { completedMember } from "./register.fixtures.ts";
import { activitySchema } from "./register.schema.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const today = "2026-11-23";
const pdf = () =>
  new File([Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")], "bewijs.pdf");

/** A school leader with a cycle, an activity of their own with evidence, and a certificate from a route. */
async function leaderWithLedger(name: string) {
  const { db } = database;
  const {
    network,
    facilitator,
    member: leader,
    memberId,
  } = await completedMember(db, { memberName: name, facilitatorName: "Begeleider Bram" });
  await addActivity(
    db,
    leader,
    activitySchema.parse({
      title: `Masterclass van ${name}`,
      provider: "NSO-CNA",
      learningForm: "non-formal",
      startDate: "2025-03-01",
      endDate: "2025-03-02",
      hours: "16",
      valueKind: "percentage",
      value: "35",
      evidence: "Ik leerde veranderen.",
    }),
    pdf(),
    today,
  );
  const certificateId = (await issueCertificateForMember(db, memberId, facilitator.userId)) ?? "";
  const [certificate] = await db
    .select()
    .from(certificates)
    .where(eq(certificates.id, certificateId));
  if (!certificate) throw new Error("no certificate");
  return { leader, facilitator, certificate, network };
}

describe("register: personal data", () => {
  it("exports the cycle, the ledger with its evidence file and the certificates, not another's", async () => {
    const { db } = database;
    const { leader, certificate } = await leaderWithLedger("Bas Export");
    await leaderWithLedger("Carla Ander");
    const { data, files } = await personalDataProvider.export(db, leader.userId);
    expect(data).toMatchObject({
      profile: { cycleStart: "2024-08-26", cycleYears: 4 },
      activities: expect.arrayContaining([
        expect.objectContaining({
          title: "Masterclass van Bas Export",
          evidence: "Ik leerde veranderen.",
          evidenceFile: "bewijs.pdf",
        }),
        expect.objectContaining({ source: "route", points: 85, certificate: certificate.code }),
      ]),
      certificates: [{ code: certificate.code, participantName: "Bas Export", points: 85 }],
      changesByOthers: [{ action: "certificate-issued", certificate: certificate.code }],
    });
    expect(files).toEqual([{ storedFileId: expect.any(String), name: "bewijs.pdf" }]);
    expect(JSON.stringify(data)).not.toContain("Carla");
  });

  it("after erasure the ledger and evidence are gone; the certificate still verifies with what it showed", async () => {
    const { db } = database;
    const { leader, facilitator, certificate } = await leaderWithLedger("Daan Weg");
    const other = await leaderWithLedger("Eva Blijft");
    const [evidence] = await db
      .select({ fileId: registerActivities.evidenceFileId })
      .from(registerActivities)
      .where(eq(registerActivities.userId, leader.userId));

    await db.transaction((tx) => personalDataProvider.erase(tx, leader.userId));
    // What accounts does last: the account no longer carries the name.
    await db.update(users).set({ name: "Oud-lid" }).where(eq(users.id, leader.userId));

    const register = await getMyRegister(db, leader, today);
    expect(register.activities).toEqual([]);
    expect(register.cycle).toBeNull();
    for (const table of [registerActivities, registerProfiles, registerAudit]) {
      expect(await db.select().from(table).where(eq(table.userId, leader.userId))).toEqual([]);
    }
    expect(
      await db
        .select()
        .from(storedFiles)
        .where(eq(storedFiles.id, evidence?.fileId ?? "")),
    ).toEqual([]);
    expect(await verifyCertificate(db, certificate.code)).toMatchObject({
      participantName: "Daan Weg",
      title: certificate.title,
      points: 85,
      revokedAt: null,
    });
    // The facilitator who issued the other leader's certificate is unaffected by this erasure.
    expect(
      (
        await db.select().from(registerAudit).where(eq(registerAudit.userId, other.leader.userId))
      )[0]?.actorId,
    ).toBe(other.facilitator.userId);
    expect((await getMyRegister(db, other.leader, today)).activities).toHaveLength(2);
    // And erasing a facilitator forgets them as the one who issued.
    await db.transaction((tx) => personalDataProvider.erase(tx, facilitator.userId));
    expect(
      await db.select().from(registerAudit).where(eq(registerAudit.actorId, facilitator.userId)),
    ).toEqual([]);
  });
});
