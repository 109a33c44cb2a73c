import { and, count, countDistinct, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { DbOrTx } from "#app/db/client.server.ts";
import {
  certificates,
  meetings,
  networkMembers,
  networks,
  organisations,
  programmes,
  regions,
  surveyAnswers,
  surveyItems,
  surveyResponses,
  surveys,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant } from "#app/i18n/dates.ts";
import type { Actor } from "#app/platform/actor.ts";
import { grantsOf } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import { coordinatedProgrammes } from "../networks/networks.server.ts";
import { allProgrammes } from "./evaluation.schema.ts";
import { minimumAnswers } from "./survey-template.ts";

export interface DashboardFilters {
  /** a programme's id, "alle" for every programme the actor coordinates, or null for the default */
  programmeId: string | null;
  regionId: string | null;
  /** calendar days, inclusive */
  from: string | null;
  to: string | null;
}

/**
 * The programmes in view, each with the region the actor is held to there (a regional
 * coordinator sees their region). Someone with several programmes, and an admin, starts on all.
 */
async function scopeFor(db: DbOrTx, actor: Actor, filters: DashboardFilters) {
  const available = await coordinatedProgrammes(db, actor);
  authorize(available.length > 0, "not-found");
  const chosen =
    filters.programmeId ??
    (available.length > 1 || actor.isPlatformAdmin ? allProgrammes : (available[0]?.id ?? null));
  const all = chosen === allProgrammes;
  if (!all && (!chosen || !isUuid(chosen))) notFound();
  const inView = all ? available : available.filter((p) => p.id === chosen);
  if (!inView.length) notFound();
  const heldIn = (programmeId: string) => {
    const grants = grantsOf(actor, "programme-coordinator").filter(
      (g) => g.scopeId === programmeId,
    );
    return !actor.isPlatformAdmin && grants.length && grants.every((g) => g.regionId)
      ? (grants[0]?.regionId ?? null)
      : null;
  };
  const held = inView.map((p) => ({ programme: p, heldTo: heldIn(p.id) }));
  // One programme held to a region shows that region; otherwise the region filter applies.
  const heldTo = held.length === 1 ? (held[0]?.heldTo ?? null) : null;
  const regionId =
    heldTo ?? (filters.regionId && isUuid(filters.regionId) ? filters.regionId : null);
  return { available, all, held, regionId, heldTo };
}

/** A year of stimulus, then on the network's own investment (VO-academie, seed V 3.1). */
const stimulusMonths = 12;

/**
 * Whether a network went on by itself after the programme's support: the answer to "Gaat het
 * door?" when it was given; otherwise, where support is a stimulus year rather than a number
 * of facilitated meetings, a network past its first year goes on if it still runs.
 */
function continuationOf(
  network: {
    status: string;
    continuation: string | null;
    startDate: string | null;
    limit: number | null;
  },
  today: string,
) {
  if (network.continuation) return network.continuation;
  if (network.limit || !network.startDate || network.status === "in-formation") return null;
  const [year, month, day] = network.startDate.split("-").map(Number) as [number, number, number];
  const supportEnds = new Date(Date.UTC(year, month - 1 + stimulusMonths, day))
    .toISOString()
    .slice(0, 10);
  if (supportEnds > today) return null;
  return network.status === "ended" ? "stops" : "continues";
}

/** The programme in figures; every number counted in the database, none typed in. */
export async function getDashboard(db: DbOrTx, actor: Actor, filters: DashboardFilters) {
  const { available, all, held, regionId, heldTo } = await scopeFor(db, actor, filters);
  const fromAt = filters.from ? amsterdamToInstant(filters.from, "00:00") : null;
  const toAt = filters.to ? amsterdamToInstant(filters.to, "23:59") : null;
  const inScope = and(
    or(
      ...held.map(({ programme, heldTo: region }) =>
        and(
          eq(networks.programmeId, programme.id),
          region ? eq(networks.regionId, region) : undefined,
        ),
      ),
    ),
    regionId ? eq(networks.regionId, regionId) : undefined,
    toAt ? lte(networks.createdAt, toAt) : undefined,
  );
  const networkRows = await db
    .select({
      id: networks.id,
      status: networks.status,
      continuation: networks.continuation,
      startDate: networks.startDate,
      facilitatedMeetingsHeld: networks.facilitatedMeetingsHeld,
      limit: programmes.facilitatedMeetingsLimit,
      themes: networks.themes,
      regionName: regions.name,
    })
    .from(networks)
    .innerJoin(programmes, eq(programmes.id, networks.programmeId))
    .leftJoin(regions, eq(regions.id, networks.regionId))
    .where(inScope);
  const ids = networkRows.map((n) => n.id);
  const today = new Date().toISOString().slice(0, 10);
  const outcome = new Map(networkRows.map((n) => [n.id, continuationOf(n, today)]));
  // A network that said it stops after the support has stopped, whatever its status says.
  const statusOf = (n: (typeof networkRows)[number]) =>
    n.status === "active" && outcome.get(n.id) === "stops" ? "ended" : n.status;
  const byStatus = { active: 0, "in-formation": 0, ended: 0 } as Record<string, number>;
  for (const n of networkRows) byStatus[statusOf(n)] = (byStatus[statusOf(n)] ?? 0) + 1;
  // A regional network counts in its region; a national one in each region its schools are in.
  const schoolRegions = ids.length
    ? await db
        .selectDistinct({ networkId: networkMembers.networkId, region: regions.name })
        .from(networkMembers)
        .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
        .innerJoin(regions, eq(regions.id, organisations.regionId))
        .where(and(inArray(networkMembers.networkId, ids), eq(networkMembers.status, "active")))
    : [];
  const perRegion = new Map<string, { networks: number; national: number }>();
  const addTo = (region: string, national: boolean) => {
    const row = perRegion.get(region) ?? { networks: 0, national: 0 };
    row.networks += 1;
    if (national) row.national += 1;
    perRegion.set(region, row);
  };
  // Grouped once: a programme holds hundreds of networks and thousands of member schools.
  const regionsReached = new Map<string, string[]>();
  for (const r of schoolRegions) {
    const list = regionsReached.get(r.networkId) ?? [];
    list.push(r.region);
    regionsReached.set(r.networkId, list);
  }
  let nationalWithoutSchools = 0;
  for (const n of networkRows) {
    if (n.regionName) {
      addTo(n.regionName, false);
      continue;
    }
    const reached = regionsReached.get(n.id) ?? [];
    for (const region of reached) addTo(region, true);
    if (!reached.length) nationalWithoutSchools += 1;
  }
  const themeCounts = new Map<string, number>();
  for (const n of networkRows)
    for (const theme of n.themes) themeCounts.set(theme, (themeCounts.get(theme) ?? 0) + 1);
  const themeTotal = [...themeCounts.values()].reduce((a, b) => a + b, 0);
  const decided = networkRows.filter(
    (n) => outcome.get(n.id) === "continues" || outcome.get(n.id) === "stops",
  );
  const continuing = networkRows.filter((n) => outcome.get(n.id) === "continues").length;
  const intending = networkRows.filter((n) => outcome.get(n.id) === "intends").length;

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
  const heldRows = ids.length
    ? await db
        .select({ networkId: meetings.networkId, n: count() })
        .from(meetings)
        .where(
          and(
            inArray(meetings.networkId, ids),
            isNull(meetings.cancelledAt),
            lte(meetings.startsAt, toAt && toAt < now ? toAt : now),
            fromAt ? gte(meetings.startsAt, fromAt) : undefined,
          ),
        )
        .groupBy(meetings.networkId)
    : [];
  // Stap 2's coordinator counts the facilitated meetings without planning them in Knooppunt;
  // that count has no dates, so it stands in for a network's meetings only without a period.
  const periodChosen = !!(fromAt || toAt);
  const plannedBy = new Map(heldRows.map((r) => [r.networkId, r.n]));
  const meetingsHeld = networkRows.reduce((sum, n) => {
    const planned = plannedBy.get(n.id) ?? 0;
    return sum + (periodChosen ? planned : Math.max(planned, n.facilitatedMeetingsHeld));
  }, 0);
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
  const programme = all ? null : (held[0]?.programme ?? null);
  return {
    programmes: available.map((p) => ({ id: p.id, name: p.name })),
    /** null when all programmes are in view */
    programme: programme ? { id: programme.id, name: programme.name } : null,
    regions: regionList,
    regionId,
    heldToRegion: !!heldTo,
    filters: { ...filters, programmeId: programme?.id ?? allProgrammes, regionId },
    figures: {
      networks: networkRows.length,
      active: byStatus.active ?? 0,
      inFormation: byStatus["in-formation"] ?? 0,
      ended: byStatus.ended ?? 0,
      schools: reach?.schools ?? 0,
      participants: reach?.participants ?? 0,
      meetingsHeld,
      certificates: issued?.n ?? 0,
      continuing,
      decided: decided.length,
      intending,
      continuingShare: decided.length ? Math.round((continuing / decided.length) * 100) : null,
    },
    perRegion: [...perRegion.entries()]
      .sort((a, b) => b[1].networks - a[1].networks || a[0].localeCompare(b[0], "nl"))
      .map(([region, row]) => ({ region, networks: row.networks, national: row.national })),
    nationalWithoutSchools,
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
    { label: "Programma", value: dashboard.programme?.name ?? "Alle programma's" },
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
  regionSheet.addRow(["Regio", "Netwerken", "Waarvan landelijk"]);
  for (const row of dashboard.perRegion)
    regionSheet.addRow([row.region, row.networks, row.national]);
  if (dashboard.nationalWithoutSchools)
    regionSheet.addRow(["Landelijk, nog zonder scholen", dashboard.nationalWithoutSchools, ""]);
  const themeSheet = workbook.addWorksheet("Thema's");
  themeSheet.addRow(["Thema", "Netwerken", "Aandeel (%)"]);
  for (const row of dashboard.themes) themeSheet.addRow([row.theme, row.networks, row.share]);
  const surveySheet = workbook.addWorksheet("Vragenlijsten");
  surveySheet.addRow(["Stelling", "Gemiddelde (1-5)", "Antwoorden"]);
  // A number shown with one decimal: Excel writes the comma of a Dutch locale itself.
  for (const row of dashboard.surveyAverages)
    surveySheet.addRow([row.text, row.mean, row.answers]).getCell(2).numFmt = "0.0";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
