import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import {
  dataExports,
  learningQuestions,
  outbox,
  registerActivities,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { question, setupDiscussionNetwork } from "../discussion/discussion.fixtures.ts";
import { createTopic } from "../discussion/discussion.server.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import {
  buildExport,
  exportDownload,
  exportJobHandlers,
  exportsPerDay,
  latestExport,
  purgeExpiredExports,
  requestExport,
  safeFileName,
} from "./export.server.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const baseUrl = "https://knooppunt.test";
const pdf = (name: string, marker: string) =>
  new File(
    [Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`)],
    name,
  );

/** A person with something in several modules, and a colleague in the same network. */
async function personWithData() {
  const { db } = database;
  const { network, asker, helper } = await setupDiscussionNetwork(db);
  const email = `${asker.userId.slice(0, 8)}.annelies@vathorst.test`;
  await db
    .update(users)
    .set({ name: "Annelies Bosman", email, bio: "Intern begeleider, dol op rekenen." })
    .where(eq(users.id, asker.userId));
  await db.update(users).set({ name: "Bert Colleg" }).where(eq(users.id, helper.userId));
  const asAsker = await authorizeNetwork(db, asker, network.id);
  const asHelper = await authorizeNetwork(db, helper, network.id);
  // Two files of the same name and one that tries to climb out of its folder.
  await createTopic(
    db,
    asAsker,
    { ...question, title: "Annelies vraagt naar rekenbeleid", body: "Wie deelt zijn beleid?" },
    [pdf("rekenplan.pdf", "eerste"), pdf("rekenplan.pdf", "tweede")],
  );
  await createTopic(
    db,
    asHelper,
    { ...question, title: "Bert zoekt een roostermaker", body: "Geheim van Bert" },
    [pdf("bert.pdf", "van bert")],
  );
  await db.insert(learningQuestions).values({
    networkId: network.id,
    userId: asker.userId,
    text: "Hoe help ik mijn team rekenen beter te onderwijzen?",
  });
  await db.insert(registerActivities).values({
    userId: asker.userId,
    source: "external",
    title: "Studiedag rekendidactiek",
    learningForm: "formal",
    startDate: "2026-03-01",
    endDate: "2026-03-01",
    points: 5,
  });
  return { network, asker, helper, email };
}

async function runJobs() {
  await runDueJobs(database.db, exportJobHandlers, new Date(Date.now() + 1000));
}

describe("a person's data export", () => {
  it("zips every module's JSON and their own files, not a colleague's, mails a link and is theirs alone", async () => {
    const { db } = database;
    const { network, asker, helper, email } = await personWithData();

    const started = await requestExport(db, asker.userId, { baseUrl });
    expect(started.kind).toBe("started");
    if (started.kind !== "started") return;
    // A second click while it runs starts nothing new.
    expect(await requestExport(db, asker.userId, { baseUrl })).toEqual({
      kind: "busy",
      exportId: started.exportId,
    });
    const waiting = await latestExport(db, asker.userId, "nl");
    expect(waiting).toMatchObject({ status: "pending", progress: 0 });

    await runJobs();

    const ready = await latestExport(db, asker.userId, "nl");
    expect(ready).toMatchObject({ status: "ready", progress: 100, step: null, error: null });
    expect(ready?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);

    const download = await exportDownload(db, asker.userId, started.exportId);
    expect(download?.name).toMatch(/^knooppunt-gegevens-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = unzipSync(new Uint8Array(download?.content ?? []));
    const names = Object.keys(zip);
    const text = (name: string) => strFromU8(zip[name] ?? new Uint8Array());

    expect(names).toContain("README.txt");
    expect(text("README.txt")).toContain("Jouw gegevens in Knooppunt");
    expect(text("README.txt")).toContain("Annelies Bosman");
    expect(text("accounts.json")).toContain("Intern begeleider, dol op rekenen.");
    expect(text("memberships.json")).toContain(`"network": "${network.name}"`);
    expect(text("progress.json")).toContain("Hoe help ik mijn team rekenen beter te onderwijzen?");
    expect(text("discussion.json")).toContain("Annelies vraagt naar rekenbeleid");
    expect(text("register.json")).toContain("Studiedag rekendidactiek");
    // Pretty-printed, so a person can read it in any editor.
    expect(text("discussion.json")).toMatch(/^\{\n {2}"/);
    expect(names.filter((n) => n.startsWith("bestanden/")).sort()).toEqual([
      "bestanden/discussion/rekenplan (2).pdf",
      "bestanden/discussion/rekenplan.pdf",
    ]);
    expect(
      [text("bestanden/discussion/rekenplan.pdf"), text("bestanden/discussion/rekenplan (2).pdf")]
        .map((content) => content.match(/% (\w+)/)?.[1])
        .sort(),
    ).toEqual(["eerste", "tweede"]);

    // Nothing of the colleague's own.
    const everything = names.map(text).join("\n");
    expect(everything).not.toContain("Geheim van Bert");
    expect(everything).not.toContain("Bert zoekt een roostermaker");
    expect(everything).not.toContain("van bert");

    // The mail says where to fetch it, and carries neither the file nor a key to it.
    const mails = await db.select().from(outbox).where(eq(outbox.to, email));
    const mail = mails.find((m) => m.kind === "mail.dataExportReady");
    expect(mail?.subject).toBe("Je gegevens staan klaar");
    expect(mail?.text).toContain(`${baseUrl}/account/gegevens\n`);
    expect(mail?.text).not.toContain(started.exportId);

    // Someone else (even a colleague who knows the id) gets nothing; an unknown id neither.
    expect(await exportDownload(db, helper.userId, started.exportId)).toBeNull();
    expect(
      await exportDownload(db, asker.userId, "00000000-0000-0000-0000-000000000000"),
    ).toBeNull();
    expect(await exportDownload(db, asker.userId, "../../etc/passwd")).toBeNull();
    expect(await latestExport(db, helper.userId, "nl")).toBeNull();
  });

  it("shows which module it is reading, fails with a message the person can act on, and may be tried again", async () => {
    const { db } = database;
    const { asker } = await personWithData();
    const started = await requestExport(db, asker.userId, { baseUrl });
    if (started.kind !== "started") throw new Error("not started");
    const seen: unknown[] = [];
    await buildExport(db, started.exportId, {
      baseUrl,
      providers: [
        {
          module: "accounts",
          async export() {
            return { data: { ok: true } };
          },
          async erase() {},
        },
        {
          module: "discussion",
          async export(database, userId) {
            // What the person's page shows while this module is read.
            seen.push(await latestExport(database, userId, "nl"));
            throw new Error("connection lost");
          },
          async erase() {},
        },
      ],
    });
    expect(seen[0]).toMatchObject({
      status: "running",
      progress: 45,
      step: { name: "Discussie tussen bijeenkomsten", number: 3, count: 14 },
    });
    const failed = await latestExport(db, asker.userId, "nl");
    expect(failed).toMatchObject({ status: "failed", error: "rights.export.failed" });
    expect(failed?.step?.name).toBe("Discussie tussen bijeenkomsten");
    expect(await exportDownload(db, asker.userId, started.exportId)).toBeNull();

    const again = await requestExport(db, asker.userId, { baseUrl });
    expect(again.kind).toBe("started");
  });

  it("allows a few exports a day, and housekeeping deletes expired ones with their ZIP", async () => {
    const { db } = database;
    const { asker } = await personWithData();
    const ids: string[] = [];
    for (let i = 0; i < exportsPerDay; i++) {
      const started = await requestExport(db, asker.userId, { baseUrl });
      expect(started.kind).toBe("started");
      if (started.kind === "started") ids.push(started.exportId);
      await runJobs();
    }
    expect(await requestExport(db, asker.userId, { baseUrl })).toEqual({ kind: "rate-limited" });

    const [first] = await db
      .select()
      .from(dataExports)
      .where(eq(dataExports.id, ids[0] ?? ""));
    expect(first?.fileId).toBeTruthy();
    // A week and a day later: the page shows none, the download is gone, and so are the rows.
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await latestExport(db, asker.userId, "nl", later)).toBeNull();
    expect(await exportDownload(db, asker.userId, ids[0] ?? "", later)).toBeNull();
    await purgeExpiredExports(db, later);
    expect(await db.select().from(dataExports).where(eq(dataExports.userId, asker.userId))).toEqual(
      [],
    );
    expect(
      await db
        .select()
        .from(storedFiles)
        .where(eq(storedFiles.id, first?.fileId ?? "")),
    ).toEqual([]);
  });
});

describe("file names in the ZIP", () => {
  it("cannot climb out of their folder or hide", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("..\\..\\boot.ini")).toBe("boot.ini");
    expect(safeFileName(".verborgen")).toBe("verborgen");
    expect(safeFileName("...")).toBe("bestand");
    expect(safeFileName('rap<po>rt:"2026"?.pdf')).toBe("rap_po_rt__2026__.pdf");
    expect(safeFileName("Één verslag.docx")).toBe("Één verslag.docx");
    expect(safeFileName(`${"a".repeat(300)}.pdf`)).toBe(`${"a".repeat(100)}.pdf`);
  });
});
