import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  jobs,
  notificationPreferences,
  notifications,
  outbox,
  rateLimits,
  storedFiles,
} from "#app/db/schema/index.ts";
import { scheduleJob } from "#app/platform/jobs.server.ts";
import { sendMail } from "#app/platform/mailer.server.ts";
import { actorFor, buildUser } from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authenticate } from "../accounts/accounts.server.ts";
import { eraseAccount } from "../privacy/erasure.server.ts";
import { listNotifications } from "./notifications.server.ts";
import { listOutbox } from "./outbox.server.ts";
import { personalDataProvider } from "./personal-data.server.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const request = { baseUrl: "https://knooppunt.test", ipAddress: "10.0.0.7", locale: "nl" as const };

/** Mail, a reminder, a login limit and an upload for one person. */
async function traces(user: { id: string; email: string }, label: string) {
  const { db } = database;
  await sendMail(db, {
    to: user.email,
    subject: `Welkom ${label}`,
    text: `Hoi ${label}, klik hier.`,
    kind: "mail.verify",
  });
  await sendMail(db, {
    to: user.email.toUpperCase(),
    subject: "Bijeenkomst morgen",
    text: "…",
    kind: "mail.reminder",
  });
  await db
    .update(outbox)
    .set({ status: "sent", sentAt: new Date(), text: null })
    .where(eq(outbox.to, user.email));
  await scheduleJob(db, {
    kind: "reminder",
    key: `reminder:meeting:x:v1:${user.id}`,
    payload: { type: "meeting", id: "x", version: 1, userId: user.id },
    runAt: new Date(Date.now() + 86_400_000),
  });
  await authenticate(db, { email: user.email, password: "fout-wachtwoord" }, request);
  const [file] = await db
    .insert(storedFiles)
    .values({
      name: `verslag-${label}.pdf`,
      contentType: "application/pdf",
      size: 4,
      content: Buffer.from("%PDF"),
      uploadedBy: user.id,
    })
    .returning({ id: storedFiles.id });
  return file?.id as string;
}

describe("notifications: personal data", () => {
  it("exports the mails to the person and their uploads, not another person's", async () => {
    const { db } = database;
    const person = await buildUser(db, { email: "mila.export@school.test" });
    const other = await buildUser(db, { email: "niels.ander@school.test" });
    await traces(person, "Mila");
    await traces(other, "Niels");
    const { data } = await personalDataProvider.export(db, person.id);
    expect(data).toMatchObject({
      mails: expect.arrayContaining([
        expect.objectContaining({ kind: "mail.verify", status: "sent" }),
        expect.objectContaining({ kind: "mail.reminder", status: "pending" }),
      ]),
      uploads: [expect.objectContaining({ name: "verslag-Mila.pdf", size: 4 })],
    });
    const text = JSON.stringify(data);
    expect(text).not.toContain("niels");
    expect(text).not.toContain("Niels");
    expect(text).not.toContain("klik hier");
  });

  it("after erasure the admins' outbox no longer names them; their reminders and limits are gone; the other person's stay", async () => {
    const { db } = database;
    const admin = await actorFor(db, await buildUser(db, { isPlatformAdmin: true }));
    const person = await buildUser(db, { email: "Olga_Weg@school.test" });
    const other = await buildUser(db, { email: "piet.blijft@school.test" });
    const fileId = await traces(person, "Olga");
    const otherFileId = await traces(other, "Piet");
    const seen = (await listOutbox(db, admin)).mails.map((m) => m.to.toLowerCase());
    expect(seen).toContain("olga_weg@school.test");

    await db.transaction((tx) => personalDataProvider.erase(tx, person.id));

    const { mails } = await listOutbox(db, admin);
    expect(JSON.stringify(mails).toLowerCase()).not.toContain("olga");
    expect(mails.filter((m) => m.to.toLowerCase() === other.email)).toHaveLength(2);
    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.join(" ").toLowerCase()).not.toContain("olga");
    expect(keys).toContain(`login:account:${other.email}`);
    const payloads = (await db.select({ payload: jobs.payload }).from(jobs)).map((j) =>
      String(j.payload.userId),
    );
    expect(payloads).not.toContain(person.id);
    expect(payloads).toContain(other.id);
    // The file stays where it was put (its module decides), but no longer names its uploader.
    const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
    expect(file?.uploadedBy).toBeNull();
    const [kept] = await db.select().from(storedFiles).where(eq(storedFiles.id, otherFileId));
    expect(kept?.uploadedBy).toBe(other.id);
  });

  it("exports my notifications and choices; erasure deletes them, and others' notifications of what I did then read 'Oud-lid'", async () => {
    const { db } = database;
    const person = await buildUser(db, { name: "Roos Weg" });
    const other = await buildUser(db, { name: "Sem Blijft" });
    await db.insert(notifications).values([
      {
        userId: person.id,
        actorId: other.id,
        kind: "discussion-answer",
        subject: "Toetsbeleid",
        link: "/a",
      },
      {
        userId: other.id,
        actorId: person.id,
        kind: "discussion-reply",
        subject: "Ouderavond",
        link: "/b",
      },
    ]);
    await db
      .insert(notificationPreferences)
      .values({ userId: person.id, kind: "meeting-changed", channel: "app" });

    const { data } = await personalDataProvider.export(db, person.id);
    expect(data).toMatchObject({
      notifications: [expect.objectContaining({ actor: "Sem Blijft", subject: "Toetsbeleid" })],
      notificationPreferences: [{ kind: "meeting-changed", channel: "app" }],
    });
    expect(JSON.stringify(data)).not.toContain("Ouderavond");

    await eraseAccount(db, person.id, { reason: "self" });

    expect(
      await db.select().from(notifications).where(eq(notifications.userId, person.id)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, person.id)),
    ).toEqual([]);
    const { rows } = await listNotifications(db, other.id, { page: 1, perPage: 20, offset: 0 });
    expect(rows).toEqual([
      expect.objectContaining({ subject: "Ouderavond", actorName: "Oud-lid" }),
    ]);
  });
});
