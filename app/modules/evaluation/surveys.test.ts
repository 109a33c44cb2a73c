import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#app/db/client.server.ts";
import { meetings, outbox, surveyResponses } from "#app/db/schema/index.ts";
import { NotFoundError } from "#app/platform/errors.ts";
import { runDueJobs } from "#app/platform/jobs.server.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";
import { surveyDefinitionSchema } from "./evaluation.schema.ts";
import { surveyReportPdf, surveyReportXlsx } from "./survey-documents.server.ts";
import { scaleLabels } from "./survey-template.ts";
import {
  createSurvey,
  getSurveyForToken,
  getSurveyReport,
  listSurveys,
  sendSurvey,
  submitSurvey,
  surveyJobHandlers,
} from "./surveys.server.ts";

let database: Database;
const definition = (kind: string, title: string) =>
  surveyDefinitionSchema.parse({
    kind,
    title,
    anonymous: "on",
    useTemplate: "on",
    scaleLabels: scaleLabels.join(","),
  });
const mail = { baseUrl: "https://knooppunt.test" };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function networkWith(participants: number) {
  const { db } = database;
  const network = await buildNetwork(db);
  const facilitator = await actorFor(db, await buildUser(db));
  await addNetworkMember(db, network.id, facilitator.userId, "facilitator");
  const people = [];
  for (let i = 0; i < participants; i++) {
    const person = await buildUser(db);
    await addNetworkMember(db, network.id, person.id);
    people.push(person);
  }
  return { network, facilitator, people };
}

async function tokensFor(emails: string[]) {
  const mails = await database.db.select().from(outbox);
  return emails.map((email) => {
    const found = mails.filter((m) => m.to === email).at(-1);
    return found?.text?.match(/\/vragenlijst\/([A-Za-z0-9_-]{43})/)?.[1] ?? "";
  });
}

async function answerAll(surveyId: string, tokens: string[], score: (i: number) => number) {
  for (const [i, token] of tokens.entries()) {
    const view = await getSurveyForToken(database.db, token);
    const answers: Record<string, string> = {};
    for (const item of view?.items ?? [])
      answers[item.id] =
        item.kind === "scale" ? String(score(i)) : i === 0 ? "Meer tijd voor casussen" : "";
    await submitSurvey(database.db, token, answers);
  }
  return surveyId;
}

describe("surveys", () => {
  it("refuses a definition without items, with duplicate items or a scale without five labels", async () => {
    const none = surveyDefinitionSchema.safeParse({
      kind: "baseline",
      title: "Leeg",
      scaleLabels: "",
    });
    expect(none.error?.issues.map((i) => i.message)).toContain("error.survey.noItems");
    const labels = surveyDefinitionSchema.safeParse({
      kind: "baseline",
      title: "Schaal",
      extraItems: "De bijeenkomsten zijn nuttig",
      scaleLabels: "ja, nee",
    });
    expect(labels.error?.issues[0]?.message).toBe("error.survey.scaleLabels");
    const { network, facilitator } = await networkWith(1);
    const twice = surveyDefinitionSchema.parse({
      kind: "baseline",
      title: "Dubbel",
      extraItems: "Het tempo is goed\nhet tempo is goed",
      scaleLabels: scaleLabels.join(","),
    });
    await expect(
      createSurvey(
        database.db,
        await authorizeNetwork(database.db, facilitator, network.id),
        twice,
      ),
    ).rejects.toMatchObject({
      messageKey: "error.survey.duplicateItems",
    });
  });

  it("tell each participant in their own language whether the answers are anonymous", async () => {
    const { db } = database;
    const { network, facilitator, people } = await networkWith(1);
    const english = await buildUser(db, { locale: "en" });
    await addNetworkMember(db, network.id, english.id);
    const net = await authorizeNetwork(db, facilitator, network.id);
    const mailTo = async (email: string) =>
      (await db.select().from(outbox)).filter((m) => m.to === email).at(-1)?.text ?? "";

    await sendSurvey(
      db,
      net,
      await createSurvey(db, net, definition("baseline", "Nulmeting")),
      mail,
    );
    expect(await mailTo(people[0]?.email ?? "")).toContain("Je antwoorden zijn anoniem.");
    expect(await mailTo(english.email)).toContain("Your answers are anonymous.");

    const named = surveyDefinitionSchema.parse({
      kind: "closing",
      title: "Eindmeting",
      useTemplate: "on",
      scaleLabels: scaleLabels.join(","),
    });
    await sendSurvey(db, net, await createSurvey(db, net, named), mail);
    expect(await mailTo(people[0]?.email ?? "")).toContain("Je antwoorden zijn niet anoniem.");
    expect(await mailTo(english.email)).toContain("Your answers are not anonymous.");
  });

  it("are answered through one-time links, anonymously, and reported only from five answers on", async () => {
    const { network, facilitator, people } = await networkWith(6);
    const { db } = database;
    const baselineId = await createSurvey(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      definition("baseline", "Nulmeting"),
    );
    expect(
      await sendSurvey(db, await authorizeNetwork(db, facilitator, network.id), baselineId, mail),
    ).toBe(6);
    const tokens = await tokensFor(people.map((p) => p.email));
    const view = await getSurveyForToken(db, tokens[0] ?? "");
    const scaleItem = view?.items.find((i) => i.kind === "scale");
    await expect(
      submitSurvey(db, tokens[0] ?? "", { [scaleItem?.id ?? ""]: "7" }),
    ).rejects.toMatchObject({ messageKey: "error.survey.scale" });
    expect(
      await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, baselineId)),
    ).toHaveLength(0);

    await answerAll(baselineId, tokens.slice(0, 4), () => 3);
    // The survey list tells the facilitator how far the answers are.
    const { surveys: listed } = await listSurveys(
      db,
      await authorizeNetwork(db, facilitator, network.id),
    );
    expect(listed.find((s) => s.id === baselineId)).toMatchObject({ invited: 6, answered: 4 });
    let report = await getSurveyReport(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      baselineId,
    );
    expect(report).toMatchObject({ responses: 4, visible: false });
    expect(report.items.every((i) => i.distribution === null && i.openAnswers === null)).toBe(true);
    await answerAll(baselineId, tokens.slice(4, 5), () => 4);
    report = await getSurveyReport(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      baselineId,
    );
    expect(report.items[0]).toMatchObject({ distribution: [0, 0, 4, 1, 0], mean: 3.2 });
    await expect(submitSurvey(db, tokens[1] ?? "", {})).rejects.toMatchObject({
      messageKey: "error.survey.alreadyAnswered",
    });
    const stored = await db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, baselineId));
    expect(stored.every((r) => r.userId === null)).toBe(true);
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual(["id", "surveyId", "userId"]);
    await expect(
      getSurveyReport(
        db,
        await authorizeNetwork(
          db,
          await actorFor(db, people[0] ?? (await buildUser(db))),
          network.id,
        ),
        baselineId,
      ),
    ).rejects.toThrow(NotFoundError);

    // A follow-up compares with the baseline, item by item.
    const followUpId = await createSurvey(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      definition("follow-up", "Tussenmeting"),
    );
    await sendSurvey(db, await authorizeNetwork(db, facilitator, network.id), followUpId, mail);
    await answerAll(followUpId, await tokensFor(people.map((p) => p.email)), () => 5);
    const followUp = await getSurveyReport(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      followUpId,
    );
    expect(followUp.items[0]).toMatchObject({ mean: 5, baselineMean: 3.2 });
    // The exports write averages for Dutch readers: "3,2" in the PDF, a number cell in the XLSX.
    const { text } = await extractText(new Uint8Array(await surveyReportPdf(followUp)), {
      mergePages: true,
    });
    expect(text).toContain("gemiddeld 5,0 (nulmeting 3,2)");
    expect(text).not.toContain("3.2");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await surveyReportXlsx(followUp)) as never);
    const sheet = workbook.getWorksheet("Uitkomsten");
    if (!sheet) throw new Error("Geen werkblad Uitkomsten");
    const meanColumn = (sheet.getRow(4).values as string[]).indexOf("Gemiddelde");
    const baselineCell = sheet.getRow(5).getCell(meanColumn + 1);
    expect(sheet.getRow(5).getCell(meanColumn).value).toBe(5);
    expect(baselineCell.value).toBe(3.2);
    expect(baselineCell.numFmt).toBe("0.0");
    expect(followUp.items.find((i) => i.kind === "open")?.openAnswers).toEqual([
      "Meer tijd voor casussen",
    ]);
  });

  it("reminds those who have not answered by itself, three days after sending", async () => {
    const { network, facilitator, people } = await networkWith(2);
    const { db } = database;
    const surveyId = await createSurvey(
      db,
      await authorizeNetwork(db, facilitator, network.id),
      definition("baseline", "Nulmeting herinnering"),
    );
    await sendSurvey(db, await authorizeNetwork(db, facilitator, network.id), surveyId, mail);
    const [first] = await tokensFor([people[0]?.email ?? ""]);
    await answerAll(surveyId, [first ?? ""], () => 4);
    const remindersTo = async () =>
      (await db.select().from(outbox))
        .filter(
          (m) =>
            m.subject?.startsWith("Herinnering: vragenlijst") &&
            people.some((p) => p.email === m.to),
        )
        .map((m) => m.to);
    await runDueJobs(db, surveyJobHandlers, new Date(Date.now() + 2 * 86_400_000));
    expect(await remindersTo()).toEqual([]);
    await runDueJobs(db, surveyJobHandlers, new Date(Date.now() + 3.1 * 86_400_000));
    expect(await remindersTo()).toEqual([people[1]?.email]);
  });

  it("offers a closing survey only before or during the last meeting", async () => {
    const { network, facilitator } = await networkWith(1);
    await database.db.insert(meetings).values({
      networkId: network.id,
      startsAt: new Date("2026-06-16T06:30:00Z"),
      endsAt: new Date("2026-06-16T10:30:00Z"),
      mode: "location",
      address: "Utrecht",
    });
    await expect(
      createSurvey(
        database.db,
        await authorizeNetwork(database.db, facilitator, network.id),
        definition("closing", "Slotmeting"),
        new Date("2026-06-17T09:00:00Z"),
      ),
    ).rejects.toMatchObject({ field: "kind", messageKey: "error.survey.closingTooLate" });
    expect(
      await createSurvey(
        database.db,
        await authorizeNetwork(database.db, facilitator, network.id),
        definition("closing", "Slotmeting"),
        new Date("2026-06-16T08:00:00Z"),
      ),
    ).toBeTruthy();
  });
});
