import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import ExcelJS from "exceljs";
import { type RegisterStatus, requiredPoints } from "./cycle.ts";
import type { getMyRegister } from "./ledger.server.ts";
import { longDutchDate, spreadsheetDay, wrapText } from "./pdf-text.ts";

type Register = Awaited<ReturnType<typeof getMyRegister>>;

const formLabel = {
  formal: "formeel",
  "non-formal": "non-formeel",
  informal: "informeel",
} as const;
const sourceLabel = {
  route: "Knooppunt (certificaat)",
  external: "zelf ingevoerd",
  valuation: "waardering door bureau",
  catalogue: "uit de catalogus",
} as const;

const registerStatusLabel: Record<RegisterStatus, string> = {
  geregistreerd: "Geregistreerd",
  "herregistratie-nodig": "Herregistratie nodig",
  "onder-voorwaarden": "Onder voorwaarden",
  verlopen: "Verlopen",
};

function cycleRows(register: Register) {
  return register.activities.filter((a) => a.inCycle);
}

type Activity = ReturnType<typeof cycleRows>[number];

/** Whether an activity counts: a revoked certificate takes its points away. */
function activityStatus(activity: Activity) {
  if (!activity.withdrawn) return "Telt mee";
  const when = activity.revokedAt ? ` op ${longDutchDate(activity.revokedAt)}` : "";
  const why = activity.revokedReason ? ` (${activity.revokedReason})` : "";
  return `Ingetrokken${when}${why}, telt niet mee`;
}

export async function cyclePdf(register: Register, personName: string) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Overzicht herregistratie — ${personName}`);
  pdf.setSubject("Activiteiten en punten voor de herregistratie in het Schoolleidersregister PO");
  pdf.setAuthor(personName);
  pdf.setLanguage("nl-NL");
  pdf.setCreator("Knooppunt");
  pdf.setProducer("Knooppunt");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595.28, 841.89]);
  let y = 780;
  const write = (text: string, font = regular, size = 10, gap = 14, x = 50) => {
    for (const part of wrapText(text, font, size, 495 - (x - 50))) {
      if (y < 60) {
        page = pdf.addPage([595.28, 841.89]);
        y = 780;
      }
      page.drawText(part, { x, y, size, font });
      y -= gap;
    }
  };
  write("Overzicht herregistratie Schoolleidersregister PO", bold, 16, 24);
  write(personName, bold, 12, 18);
  if (register.cycle) {
    write(
      `Cyclus: ${longDutchDate(register.cycle.start)} tot ${longDutchDate(register.cycle.due)}`,
    );
  }
  if (register.status) write(`Status registratie: ${registerStatusLabel[register.status]}`);
  write(
    `Punten in deze cyclus: ${register.points} van ${requiredPoints}${register.needed ? ` (nog ${register.needed} nodig)` : ""}`,
    bold,
    11,
    22,
  );
  for (const activity of cycleRows(register)) {
    write(activity.title, bold, 10, 13);
    write(
      `${activity.provider || "—"} · ${formLabel[activity.learningForm]} · ${longDutchDate(activity.startDate)} – ${longDutchDate(activity.endDate)} · ${activity.hours ?? "—"} uur · ${activity.points} punten · ${sourceLabel[activity.source]}`,
      regular,
      9,
      12,
      60,
    );
    write(`Status: ${activityStatus(activity)}`, activity.withdrawn ? bold : regular, 9, 12, 60);
    if (activity.themes.length) write(`Thema's: ${activity.themes.join(", ")}`, regular, 9, 12, 60);
    if (activity.certificateCode)
      write(`Certificaat: ${activity.certificateCode}`, regular, 9, 12, 60);
    if (activity.evidence) write(`Bewijs: ${activity.evidence}`, regular, 9, 12, 60);
    y -= 6;
  }
  return pdf.save();
}

/** Dates as date cells shown dd-mm-jjjj, hours and points as numbers: a spreadsheet can sort and sum them. */
export async function cycleXlsx(register: Register, personName: string) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Knooppunt";
  const sheet = workbook.addWorksheet("Herregistratie");
  const day = { numFmt: "dd-mm-yyyy" };
  const whole = { numFmt: "0" };
  sheet.columns = [
    { header: "Activiteit", key: "title", width: 48 },
    { header: "Aanbieder", key: "provider", width: 28 },
    { header: "Leervorm", key: "form", width: 14 },
    { header: "Van", key: "start", width: 12, style: day },
    { header: "Tot en met", key: "end", width: 12, style: day },
    { header: "Uren", key: "hours", width: 8, style: whole },
    { header: "Punten", key: "points", width: 8, style: whole },
    { header: "Professionaliseringsthema's", key: "themes", width: 40 },
    { header: "Bron", key: "source", width: 24 },
    { header: "Certificaat", key: "certificate", width: 20 },
    { header: "Bewijs", key: "evidence", width: 50 },
    { header: "Telt mee", key: "counts", width: 10 },
    { header: "Status", key: "status", width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const activity of cycleRows(register)) {
    sheet.addRow({
      title: activity.title,
      provider: activity.provider,
      form: formLabel[activity.learningForm],
      start: spreadsheetDay(activity.startDate),
      end: spreadsheetDay(activity.endDate),
      hours: activity.hours,
      points: activity.points,
      themes: activity.themes.join(", "),
      source: sourceLabel[activity.source],
      certificate: activity.certificateCode ?? "",
      evidence: activity.evidence,
      counts: activity.withdrawn ? "nee" : "ja",
      status: activityStatus(activity),
    });
  }
  const summary = workbook.addWorksheet("Samenvatting");
  summary.columns = [
    { key: "label", width: 24 },
    { key: "value", width: 24 },
  ];
  summary.addRows([
    ["Naam", personName],
    ["Cyclus vanaf", register.cycle ? spreadsheetDay(register.cycle.start) : null],
    ["Herregistratiedatum", register.cycle ? spreadsheetDay(register.cycle.due) : null],
    ["Status", register.status ? registerStatusLabel[register.status] : null],
    ["Punten", register.points],
    ["Nodig", requiredPoints],
    ["Nog te behalen", register.needed],
  ]);
  summary.getColumn(1).font = { bold: true };
  for (const row of [2, 3]) summary.getCell(row, 2).numFmt = "dd-mm-yyyy";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
