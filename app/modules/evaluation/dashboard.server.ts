import { and, count, countDistinct, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  certificates,
  meetings,
  networkMembers,
  networks,
  regions,
  surveyAnswers,
  surveyItems,
  surveyResponses,
  surveys,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant } from "#app/i18n/dates.ts";
import type { Actor } from "#app/platform/actor.ts";
import { grantsOf } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/http.server.ts";
import { isUuid } from "#app/platform/ids.ts";
import { coordinatedProgrammes } from "../networks/networks.server.ts";
import { minimumAnswers } from "./survey-template.ts";

export interface DashboardFilters {
  programmeId: string | null;
  regionId: string | null;
  /** calendar days, inclusive */
  from: string | null;
  to: string | null;
}

/** The programme in view and the region the actor is held to (a regional coordinator sees their region). */
async function scopeFor(db: DbOrTx, actor: Actor, filters: DashboardFilters) {
  const available = await coordinatedProgrammes(db, actor);
  authorize(available.length > 0, "not-found");
  const programmeId = filters.programmeId ?? available[0]?.id ?? null;
  if (!programmeId || !isUuid(programmeId)) notFound();
  const programme = available.find((p) => p.id === programmeId);
  if (!programme) notFound();
  const grants = grantsOf(actor, "programme-coordinator").filter((g) => g.scopeId === programmeId);
  const heldTo =
    !actor.isPlatformAdmin && grants.length && grants.every((g) => g.regionId)
      ? (grants[0]?.regionId ?? null)
      : null;
  const regionId =
    heldTo ?? (filters.regionId && isUuid(filters.regionId) ? filters.regionId : null);
  return { available, programme, regionId, heldTo };
}

/** The programme in figures; every number counted in the database, none typed in. */
export async function getDashboard(db: DbOrTx, actor: Actor, filters: DashboardFilters) {
  const { available, programme, regionId, heldTo } = await scopeFor(db, actor, filters);
  const fromAt = filters.from ? amsterdamToInstant(filters.from, "00:00") : null;
  const toAt = filters.to ? amsterdamToInstant(filters.to, "23:59") : null;
  const inScope = and(
    eq(networks.programmeId, programme.id),
    regionId ? eq(networks.regionId, regionId) : undefined,
    toAt ? lte(networks.createdAt, toAt) : undefined,
  );
  const networkRows = await db
    .select({
      id: networks.id,
      status: networks.status,
      continuation: networks.continuation,
      themes: networks.themes,
      regionName: regions.name,
    })
    .from(networks)
    .leftJoin(regions, eq(regions.id, networks.regionId))
    .where(inScope);
  const ids = networkRows.map((n) => n.id);
  const byStatus = { active: 0, "in-formation": 0, ended: 0 } as Record<string, number>;
  for (const n of networkRows) byStatus[n.status] = (byStatus[n.status] ?? 0) + 1;
  const perRegion = new Map<string, number>();
  for (const n of networkRows)
    perRegion.set(n.regionName ?? "—", (perRegion.get(n.regionName ?? "—") ?? 0) + 1);
  const themeCounts = new Map<string, number>();
  for (const n of networkRows)
    for (const theme of n.themes) themeCounts.set(theme, (themeCounts.get(theme) ?? 0) + 1);
  const themeTotal = [...themeCounts.values()].reduce((a, b) => a + b, 0);
  const decided = networkRows.filter(
    (n) => n.continuation === "continues" || n.continuation === "stops",
  );
  const continuing = networkRows.filter((n) => n.continuation === "continues").length;

  const [reach] = ids.length
    ? await db
        .select({
          schools: countDistinct(networkMembers.organisationId),
          participants: countDistinct(networkMembers.userId),
        })
        .from(networkMembers)
        .where(and(inArray(networkMembers.networkId, ids), eq(networkMembers.status, "active")))
    : [{ schools: 0, participants: 0 }];
  const now = new Date();
  const [held] = ids.length
    ? await db
        .select({ n: count() })
        .from(meetings)
        .where(
          and(
            inArray(meetings.networkId, ids),
            isNull(meetings.cancelledAt),
            lte(meetings.startsAt, toAt && toAt < now ? toAt : now),
            fromAt ? gte(meetings.startsAt, fromAt) : undefined,
          ),
        )
    : [{ n: 0 }];
  const [issued] = ids.length
    ? await db
        .select({ n: count() })
        .from(certificates)
        .where(
          and(
            inArray(certificates.networkId, ids),
            isNull(certificates.revokedAt),
            fromAt ? gte(certificates.issuedAt, fromAt) : undefined,
            toAt ? lte(certificates.issuedAt, toAt) : undefined,
          ),
        )
    : [{ n: 0 }];
  // Survey averages per item, only from surveys with enough answers to be shown at all.
  const surveyRows = ids.length
    ? await db
        .select({
          code: surveyItems.code,
          text: surveyItems.text,
          mean: sql<number>`round(avg(${surveyAnswers.score})::numeric, 1)::float`,
          answers: count(),
        })
        .from(surveyAnswers)
        .innerJoin(surveyItems, eq(surveyItems.id, surveyAnswers.itemId))
        .innerJoin(surveys, eq(surveys.id, surveyItems.surveyId))
        .where(
          and(
            inArray(surveys.networkId, ids),
            eq(surveyItems.kind, "scale"),
            sql`(select count(*) from ${surveyResponses} where ${surveyResponses.surveyId} = ${surveys.id}) >= ${minimumAnswers}`,
          ),
        )
        .groupBy(surveyItems.code, surveyItems.text)
        .orderBy(surveyItems.code)
    : [];
  const regionList = await db.select().from(regions).orderBy(regions.name);
  return {
    programmes: available.map((p) => ({ id: p.id, name: p.name })),
    programme: { id: programme.id, name: programme.name },
    regions: regionList,
    regionId,
    heldToRegion: !!heldTo,
    filters: { ...filters, programmeId: programme.id, regionId },
    figures: {
      networks: networkRows.length,
      active: byStatus.active ?? 0,
      inFormation: byStatus["in-formation"] ?? 0,
      ended: byStatus.ended ?? 0,
      schools: reach?.schools ?? 0,
      participants: reach?.participants ?? 0,
      meetingsHeld: held?.n ?? 0,
      certificates: issued?.n ?? 0,
      continuing,
      decided: decided.length,
      continuingShare: decided.length ? Math.round((continuing / decided.length) * 100) : null,
    },
    perRegion: [...perRegion.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([region, networksCount]) => ({ region, networks: networksCount })),
    themes: [...themeCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "nl"))
      .map(([theme, n]) => ({
        theme,
        networks: n,
        share: themeTotal ? Math.round((n / themeTotal) * 100) : 0,
      })),
    surveyAverages: surveyRows,
  };
}

export async function dashboardXlsx(dashboard: Awaited<ReturnType<typeof getDashboard>>) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Knooppunt";
  const figures = workbook.addWorksheet("Cijfers");
  figures.columns = [
    { header: "Cijfer", key: "label", width: 40 },
    { header: "Waarde", key: "value", width: 14 },
  ];
  const f = dashboard.figures;
  figures.addRows([
    { label: "Programma", value: dashboard.programme.name },
    { label: "Netwerken", value: f.networks },
    { label: "Actief", value: f.active },
    { label: "In oprichting", value: f.inFormation },
    { label: "Gestopt", value: f.ended },
    { label: "Scholen bereikt", value: f.schools },
    { label: "Deelnemers", value: f.participants },
    { label: "Bijeenkomsten gehouden", value: f.meetingsHeld },
    { label: "Certificaten uitgereikt", value: f.certificates },
    { label: "Zelfstandig verder (van besloten)", value: `${f.continuing} van ${f.decided}` },
  ]);
  figures.getRow(1).font = { bold: true };
  const regionSheet = workbook.addWorksheet("Regio's");
  regionSheet.addRow(["Regio", "Netwerken"]);
  for (const row of dashboard.perRegion) regionSheet.addRow([row.region, row.networks]);
  const themeSheet = workbook.addWorksheet("Thema's");
  themeSheet.addRow(["Thema", "Netwerken", "Aandeel (%)"]);
  for (const row of dashboard.themes) themeSheet.addRow([row.theme, row.networks, row.share]);
  const surveySheet = workbook.addWorksheet("Vragenlijsten");
  surveySheet.addRow(["Stelling", "Gemiddelde (1-5)", "Antwoorden"]);
  for (const row of dashboard.surveyAverages) surveySheet.addRow([row.text, row.mean, row.answers]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
