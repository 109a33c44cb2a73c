import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { dataExports, sessions, users } from "#app/db/schema/index.ts";
import { createSession } from "#app/modules/accounts/sessions.server.ts";
import { exportJobHandlers } from "#app/modules/privacy/export.server.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import { actorFor, buildUser, freshProviderLogin } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { deleteOwnAccount, erasureOverview } from "./account-deletion.server.ts";
import { requestExport } from "./export.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const password = "een-lang-wachtwoord";

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { field?: string; messageKey?: string };
  }
  return null;
}

describe("deleting one's own account", () => {
  it("takes a fresh provider login from an account without a password, and only one it gave", async () => {
    const { db } = database;
    const user = await buildUser(db, { name: "Ilse Kramer", passwordHash: null });
    const actor = await actorFor(db, user);
    expect(
      await refusal(
        deleteOwnAccount(db, actor, { proof: "x".repeat(43), confirmation: "verwijder" }),
      ),
    ).toMatchObject({ field: "form", messageKey: "rights.error.proof" });
    const proof = await freshProviderLogin(db, user.id);
    expect(await deleteOwnAccount(db, actor, { proof, confirmation: "verwijder" })).toEqual({
      kind: "erased",
    });
    // The token was single use: it cannot prove anything again.
    expect(
      await refusal(deleteOwnAccount(db, actor, { proof, confirmation: "verwijder" })),
    ).toMatchObject({ field: "form", messageKey: "rights.error.proof" });
  });

  it("asks for the password and the typed word, counts wrong passwords, then erases and signs out everywhere", async () => {
    const { db } = database;
    const user = await buildUser(db, { name: "Roos Verbeek", password });
    const actor = await actorFor(db, user);
    await createSession(db, { userId: user.id, userAgent: "", ipAddress: "127.0.0.1" });
    const started = await requestExport(db, user.id, { baseUrl: "https://knooppunt.test" });
    expect(started.kind).toBe("started");
    await runDueJobs(db, exportJobHandlers, new Date(Date.now() + 1000));

    expect(
      await refusal(deleteOwnAccount(db, actor, { password, confirmation: "ja" })),
    ).toMatchObject({ field: "confirmation", messageKey: "rights.error.confirmation" });
    expect(await refusal(deleteOwnAccount(db, actor, { confirmation: "verwijder" }))).toMatchObject(
      { field: "password", messageKey: "rights.error.password.required" },
    );
    // An account with a password proves it with the password: not even a real provider login
    // stands in for it (someone in a borrowed session may have a provider account of their own).
    expect(
      await refusal(
        deleteOwnAccount(db, actor, {
          proof: await freshProviderLogin(db, user.id),
          confirmation: "verwijder",
        }),
      ),
    ).toMatchObject({ field: "password", messageKey: "rights.error.password.required" });
    for (let i = 0; i < 10; i++) {
      expect(
        await refusal(
          deleteOwnAccount(db, actor, { password: "niet het goede", confirmation: "verwijder" }),
        ),
      ).toMatchObject({ field: "password", messageKey: "rights.error.password.wrong" });
    }
    // The eleventh guess is not even tried, and neither is the right password until the wait is over.
    const limited = await deleteOwnAccount(db, actor, { password, confirmation: "verwijder" });
    expect(limited.kind).toBe("rate-limited");
    const [still] = await db.select().from(users).where(eq(users.id, user.id));
    expect(still?.erasedAt).toBeNull();

    await db.execute("delete from rate_limits");
    // The e-mail address works as the typed confirmation too.
    expect(
      await deleteOwnAccount(db, actor, {
        password,
        confirmation: ` ${user.email.toUpperCase()} `,
      }),
    ).toEqual({ kind: "erased" });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.erasedAt).toBeInstanceOf(Date);
    expect(after?.name).not.toContain("Roos");
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect(await db.select().from(dataExports).where(eq(dataExports.userId, user.id))).toEqual([]);
  });

  it("tells what goes, what stays as oud-lid and what is kept, from the register", () => {
    const groups = erasureOverview("nl");
    expect(groups.map((g) => g.rule)).toEqual(["delete", "anonymise", "keep"]);
    for (const group of groups) {
      for (const item of group.items) {
        expect(item.module, JSON.stringify(item)).not.toBe("");
        expect(item.data, JSON.stringify(item)).not.toBe("");
      }
    }
    // Kept rows say why (the register requires a note for every rule).
    const keep = groups.find((g) => g.rule === "keep");
    expect(keep?.items.every((item) => item.note.length > 0)).toBe(true);
  });
});
