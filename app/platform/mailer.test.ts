import { desc } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { outbox } from "#app/db/schema/index.ts";
import { createTestDatabase } from "../../tests/test-database.ts";
import { sendMail } from "./mailer.server.ts";

let database: Database;
let server: SMTPServer;
const received: { to: string[]; body: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk) => {
        body += chunk.toString();
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database?.close();
});

describe("mail", () => {
  it("goes only to the outbox without SMTP settings", async () => {
    delete process.env.SMTP_URL;
    await sendMail(database.db, { to: "a@school.test", subject: "Alleen outbox", text: "Hallo" });
    const [row] = await database.db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(1);
    expect(row?.deliveredVia).toBe("outbox");
    expect(received).toHaveLength(0);
  });

  it("is delivered over real SMTP when SMTP_URL is set, and recorded", async () => {
    const address = server.server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    process.env.SMTP_URL = `smtp://127.0.0.1:${address.port}`;
    await sendMail(database.db, { to: "b@school.test", subject: "Via SMTP", text: "Hoi Femke" });
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(["b@school.test"]);
    expect(received[0]?.body).toContain("Hoi Femke");
    const [row] = await database.db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(1);
    expect(row?.deliveredVia).toBe("smtp");
  });

  it("records a failed delivery instead of losing the mail", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    await sendMail(database.db, { to: "c@school.test", subject: "Mislukt", text: "..." });
    const [row] = await database.db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(1);
    expect(row?.deliveredVia).toBe("failed");
    expect(row?.error).toBeTruthy();
  });
});
