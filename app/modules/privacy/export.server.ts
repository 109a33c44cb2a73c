import { and, desc, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import { log } from "#app/core/logger.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { dataExports, storedFiles, users } from "#app/db/schema/index.ts";
import { formatDate, formatDateTime } from "#app/i18n/dates.ts";
import { parseLocale } from "#app/i18n/messages.ts";
import { isUuid } from "#app/platform/ids.ts";
import { type JobHandler, scheduleJob } from "#app/platform/jobs.server.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import type { PersonalDataProvider } from "#app/platform/personal-data.ts";
import { personalDataProviders } from "./register.server.ts";
import { privacyStatement } from "./statement.server.ts";

/**
 * A person's copy of everything Knooppunt holds about them (AVG art. 15 and 20): a durable job asks
 * every module of the register for its part, writes its progress to the data_exports row as it
 * goes, and keeps the ZIP in stored_files for a week. Only the owner ever downloads it.
 */

const exportJobKind = "data-export";
/** The ZIP holds everything about the person: it does not linger. */
const keepDays = 7;
/** Each export reads every module; a few a day is plenty for a person and cheap for the server. */
export const exportsPerDay = 3;

export type ExportRequest =
  | { kind: "started"; exportId: string }
  | { kind: "busy"; exportId: string }
  | { kind: "rate-limited" };

/** Starts an export, unless one is under way already or the day's exports are used up. */
export async function requestExport(
  db: Db,
  userId: string,
  mail: { baseUrl: string },
  now = new Date(),
): Promise<ExportRequest> {
  return db.transaction(async (tx) => {
    // The person's row serialises two clicks (two tabs): both cannot pass the checks below.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const recent = await tx
      .select({ id: dataExports.id, status: dataExports.status })
      .from(dataExports)
      .where(
        and(
          eq(dataExports.userId, userId),
          gte(dataExports.createdAt, new Date(now.getTime() - 86_400_000)),
        ),
      )
      .orderBy(desc(dataExports.createdAt));
    const underWay = recent.find((e) => e.status === "pending" || e.status === "running");
    if (underWay) return { kind: "busy", exportId: underWay.id };
    if (recent.length >= exportsPerDay) return { kind: "rate-limited" };
    const [created] = await tx
      .insert(dataExports)
      .values({ userId, status: "pending", progress: 0, createdAt: now })
      .returning({ id: dataExports.id });
    if (!created) throw new Error("export not created");
    await scheduleJob(tx, {
      kind: exportJobKind,
      key: `${exportJobKind}:${created.id}`,
      payload: { exportId: created.id, baseUrl: mail.baseUrl },
      runAt: now,
    });
    return { kind: "started", exportId: created.id };
  });
}

export type ExportView = {
  id: string;
  status: "pending" | "running" | "ready" | "failed";
  progress: number;
  /** the module being read, by its name in the person's language, and where it is in the row */
  step: { name: string; number: number; count: number } | null;
  error: string | null;
  createdAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
  size: number | null;
};

/** The modules' names as the privacy statement gives them (the statement owns the words). */
function moduleNames(locale: "nl" | "en") {
  const names = new Map<string, string>();
  for (const m of privacyStatement(locale).modules) names.set(m.module, m.name);
  return names;
}

/**
 * The person's latest export as their page shows it; an expired one is as good as none. Read by
 * (user_id, created_at): the person's own few rows.
 */
export async function latestExport(
  db: DbOrTx,
  userId: string,
  locale: string,
  now = new Date(),
): Promise<ExportView | null> {
  const [row] = await db
    .select({
      id: dataExports.id,
      status: dataExports.status,
      progress: dataExports.progress,
      step: dataExports.step,
      error: dataExports.error,
      createdAt: dataExports.createdAt,
      readyAt: dataExports.readyAt,
      expiresAt: dataExports.expiresAt,
      size: storedFiles.size,
    })
    .from(dataExports)
    .leftJoin(storedFiles, eq(storedFiles.id, dataExports.fileId))
    .where(eq(dataExports.userId, userId))
    .orderBy(desc(dataExports.createdAt))
    .limit(1);
  if (!row) return null;
  if (row.status === "ready" && row.expiresAt && row.expiresAt <= now) return null;
  const position = personalDataProviders.findIndex((p) => p.module === row.step);
  return {
    ...row,
    step:
      row.step && position >= 0 && (row.status === "running" || row.status === "failed")
        ? {
            name: moduleNames(parseLocale(locale)).get(row.step) ?? row.step,
            number: position + 1,
            count: personalDataProviders.length,
          }
        : null,
  };
}

/**
 * The ZIP of a ready export, for its owner only: anyone else, an unknown id or an expired export
 * gets null (the route answers 404 alike, so an id reveals nothing).
 */
export async function exportDownload(
  db: DbOrTx,
  userId: string,
  exportId: string,
  now = new Date(),
) {
  if (!isUuid(exportId)) return null;
  const [row] = await db
    .select({
      userId: dataExports.userId,
      status: dataExports.status,
      expiresAt: dataExports.expiresAt,
      name: storedFiles.name,
      content: storedFiles.content,
    })
    .from(dataExports)
    .innerJoin(storedFiles, eq(storedFiles.id, dataExports.fileId))
    .where(eq(dataExports.id, exportId));
  if (!row || row.userId !== userId || row.status !== "ready") return null;
  if (!row.expiresAt || row.expiresAt <= now) return null;
  return { name: row.name, content: row.content };
}

/** Letters, digits and a few marks; no folders, no hidden files, no names Windows refuses. */
export function safeFileName(name: string) {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()+,-]/gu, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.\s]+|[.\s]+$/g, "")
    .replace(/\s+/g, " ");
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  const stem = (extension ? cleaned.slice(0, dot) : cleaned).slice(0, 100);
  return stem ? `${stem}${extension}` : `bestand${extension}`;
}

/** "verslag.pdf", "verslag (2).pdf", … : two files of the same name both arrive. */
function uniqueName(taken: Set<string>, name: string) {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : "";
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function readme(
  person: { name: string; email: string },
  now: Date,
  parts: { module: string; name: string; files: number }[],
) {
  const lines = [
    "Jouw gegevens in Knooppunt",
    "==========================",
    "",
    `Gemaakt op ${formatDateTime(now, "nl")} voor ${person.name} (${person.email}).`,
    "",
    "Dit bestand bevat alles wat Knooppunt over jou bewaart (AVG artikel 15 en 20), per onderdeel",
    "een JSON-bestand dat je met elke teksteditor kunt openen of in een ander programma kunt",
    "inlezen. Gegevens van anderen staan er alleen in voor zover ze bij jouw gegevens horen (een",
    "antwoord op jouw vraag, de naam van je netwerk); vertrouwelijke aantekeningen van anderen",
    "over jou niet.",
    "",
    "Onderdelen:",
    ...parts.map(
      (p) =>
        `- ${p.module}.json: ${p.name}${p.files > 0 ? ` (met ${p.files} ${p.files === 1 ? "bestand" : "bestanden"} in bestanden/${p.module}/)` : ""}`,
    ),
    "",
    "In de map bestanden/ staan de bestanden die je zelf hebt geüpload, per onderdeel.",
    "",
    "Dit overzicht blijft zeven dagen te downloaden op Mijn gegevens en wordt daarna verwijderd.",
    "Vragen over je gegevens? Zie de privacyverklaring op /privacy.",
    "",
  ];
  return lines.join("\r\n");
}

async function setProgress(
  db: Db,
  exportId: string,
  values: Partial<typeof dataExports.$inferInsert>,
) {
  await db.update(dataExports).set(values).where(eq(dataExports.id, exportId));
}

/**
 * The job: reads every module in register order, then zips and stores the result. A module that
 * fails marks the export failed (the person may try again) instead of retrying behind their back.
 */
export async function buildExport(
  db: Db,
  exportId: string,
  options: { baseUrl: string; providers?: readonly PersonalDataProvider[]; now?: Date },
) {
  const providers = options.providers ?? personalDataProviders;
  const [row] = await db
    .select({
      userId: dataExports.userId,
      status: dataExports.status,
      name: users.name,
      email: users.email,
      locale: users.locale,
      erasedAt: users.erasedAt,
    })
    .from(dataExports)
    .innerJoin(users, eq(users.id, dataExports.userId))
    .where(eq(dataExports.id, exportId));
  // Gone (expired, or the account erased meanwhile) or finished by an earlier run of this job.
  if (!row || row.erasedAt || row.status === "ready" || row.status === "failed") return;
  const { userId } = row;
  await setProgress(db, exportId, { status: "running", progress: 0, step: null, error: null });
  const entries: Record<string, Uint8Array> = {};
  const parts: { module: string; name: string; files: number }[] = [];
  const names = moduleNames("nl");
  let current: string | null = null;
  try {
    for (const [index, provider] of providers.entries()) {
      current = provider.module;
      await setProgress(db, exportId, {
        step: provider.module,
        progress: Math.floor((index / providers.length) * 90),
      });
      const { data, files = [] } = await provider.export(db, userId);
      entries[`${provider.module}.json`] = strToU8(`${JSON.stringify(data ?? {}, null, 2)}\n`);
      const taken = new Set<string>();
      const ids = [...new Set(files.map((f) => f.storedFileId))];
      const contents = new Map<string, Uint8Array>();
      // One module's files at a time: the memory a big export needs is its ZIP, not more.
      for (let i = 0; i < ids.length; i += 20) {
        const batch = await db
          .select({ id: storedFiles.id, content: storedFiles.content })
          .from(storedFiles)
          .where(inArray(storedFiles.id, ids.slice(i, i + 20)));
        for (const file of batch) contents.set(file.id, new Uint8Array(file.content));
      }
      let stored = 0;
      for (const file of files) {
        const content = contents.get(file.storedFileId);
        if (!content) continue;
        const name = uniqueName(taken, safeFileName(file.name));
        entries[`bestanden/${provider.module}/${name}`] = content;
        stored++;
      }
      parts.push({
        module: provider.module,
        name: names.get(provider.module) ?? provider.module,
        files: stored,
      });
    }
    current = null;
    await setProgress(db, exportId, { step: null, progress: 95 });
    const now = options.now ?? new Date();
    entries["README.txt"] = strToU8(readme(row, now, parts));
    // Already-compressed files (PDF, images, Office) gain nothing from a second pass.
    const zip = zipSync(
      Object.fromEntries(
        Object.entries(entries).map(([path, bytes]) => [
          path,
          [bytes, { level: path.startsWith("bestanden/") ? 0 : 6, mtime: now }],
        ]),
      ),
    );
    const expiresAt = new Date(now.getTime() + keepDays * 86_400_000);
    const day = now.toISOString().slice(0, 10);
    await db.transaction(async (tx) => {
      // Erased (or the export deleted) while this ran: nothing to keep, no mail to a tombstone.
      const [still] = await tx
        .select({ erasedAt: users.erasedAt })
        .from(users)
        .innerJoin(dataExports, eq(dataExports.userId, users.id))
        .where(eq(dataExports.id, exportId))
        .for("update");
      if (!still || still.erasedAt) return;
      const [file] = await tx
        .insert(storedFiles)
        .values({
          name: `knooppunt-gegevens-${day}.zip`,
          contentType: "application/zip",
          size: zip.length,
          content: Buffer.from(zip),
          uploadedBy: userId,
        })
        .returning({ id: storedFiles.id });
      if (!file) throw new Error("export file not stored");
      await tx
        .update(dataExports)
        .set({
          status: "ready",
          progress: 100,
          step: null,
          fileId: file.id,
          readyAt: now,
          expiresAt,
        })
        .where(eq(dataExports.id, exportId));
      await sendTemplatedMail(tx, row, "mail.dataExportReady", {
        name: row.name,
        url: `${options.baseUrl}/account/gegevens`,
        until: formatDate(expiresAt, parseLocale(row.locale)),
      });
    });
  } catch (error) {
    log.error("export.failed", {
      module: current,
      error: error instanceof Error ? error.message : String(error),
    });
    await setProgress(db, exportId, {
      status: "failed",
      step: current,
      error: "rights.export.failed",
      // A failed attempt is cleared away with the ready ones.
      expiresAt: new Date(Date.now() + keepDays * 86_400_000),
    });
  }
}

export const exportJobHandlers: Record<string, JobHandler> = {
  [exportJobKind]: async (db, payload) => {
    await buildExport(db, String(payload.exportId), { baseUrl: String(payload.baseUrl) });
  },
};

/** Housekeeping: an export past its week goes, with its ZIP. */
export async function purgeExpiredExports(db: Db, now = new Date()) {
  await db.transaction(async (tx) => {
    const expired = await tx
      .delete(dataExports)
      .where(and(isNotNull(dataExports.expiresAt), lt(dataExports.expiresAt, now)))
      .returning({ fileId: dataExports.fileId });
    const fileIds = expired.flatMap((e) => (e.fileId ? [e.fileId] : []));
    if (fileIds.length > 0) await tx.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
  });
}

/** For the erasure: a person's exports and their ZIPs go with the account. */
export async function deleteExportsOf(db: DbOrTx, userId: string) {
  const removed = await db
    .delete(dataExports)
    .where(eq(dataExports.userId, userId))
    .returning({ fileId: dataExports.fileId });
  const fileIds = removed.flatMap((e) => (e.fileId ? [e.fileId] : []));
  if (fileIds.length > 0) await db.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
}
