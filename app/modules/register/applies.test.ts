import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { registerProfiles } from "#app/db/schema/index.ts";
import { buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { registerApplies } from "./applies.server.ts";
import { issueCertificateForMember } from "./certificates.server.ts";
import { completedMember } from "./register.fixtures.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("who sees Herregistratie in the menu", () => {
  it("school leaders by function; not a teacher, an hr adviser or someone without a function", async () => {
    const { db } = database;
    for (const jobFunction of ["schoolleider", "teamleider", "afdelingsleider", "bestuurder"]) {
      const leader = await buildUser(db, { jobFunction });
      expect(await registerApplies(db, leader.id), jobFunction).toBe(true);
    }
    for (const jobFunction of ["leraar", "hr", "intern-begeleider", "anders", null]) {
      const other = await buildUser(db, { jobFunction });
      expect(await registerApplies(db, other.id), String(jobFunction)).toBe(false);
    }
  });

  it("a teacher who started a cycle or holds a certificate sees it too", async () => {
    const { db } = database;
    const withCycle = await buildUser(db, { jobFunction: "leraar" });
    await db.insert(registerProfiles).values({ userId: withCycle.id, cycleStart: "2024-09-01" });
    expect(await registerApplies(db, withCycle.id)).toBe(true);

    // A certificate from a route, and no cycle of their own (the fixture's is taken away).
    const { member, memberId, facilitator } = await completedMember(db, {
      memberName: "Leraar Lies",
      facilitatorName: "Begeleider Bram",
    });
    expect(await issueCertificateForMember(db, memberId, facilitator.userId)).toBeTruthy();
    await db.delete(registerProfiles).where(eq(registerProfiles.userId, member.userId));
    expect(await registerApplies(db, member.userId)).toBe(true);
  });
});
