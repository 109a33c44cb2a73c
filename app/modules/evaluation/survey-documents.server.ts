import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import ExcelJS from "exceljs";
import { scaleLabels } from "./survey-template.ts";
import type { getSurveyReport } from "./surveys.server.ts";

type Report = Awaited<ReturnType<typeof getSurveyReport>>;

const safe = (text: string) => text.replace(/[^\x20-\x7E\u00A0-\u00FF\u2013\u2014\u20AC]/g, "?");

const oneDecimal = new Intl.NumberFormat("nl-NL", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** An average as a Dutch reader writes it: "2,7". */
function dutchAverage(value: number) {
  return oneDecimal.format(value);
}

/** The report as a spreadsheet; below five answers it holds the count and nothing else. */
export async function surveyReportXlsx(report: Report) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Uitkomsten");
  sheet.addRow(["Vragenlijst", report.survey.title]);
  sheet.addRow(["Ingevuld", report.responses, "van", report.invited]);
  if (!report.visible) {
    sheet.addRow([`Uitkomsten zijn zichtbaar vanaf ${report.minimum} antwoorden.`]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  sheet.addRow([]);
  sheet.addRow([
    "Stelling",
    ...scaleLabels.map((label, i) => `${i + 1} ${label}`),
    "Gemiddelde",
    "Nulmeting",
  ]);
  for (const item of report.items.filter((i) => i.kind === "scale")) {
    const row = sheet.addRow([
      item.text,
      ...(item.distribution ?? []),
      item.mean,
      item.baselineMean ?? null,
    ]);
    // Numbers, shown with one decimal: Excel writes the comma of a Dutch locale itself.
    for (const column of [scaleLabels.length + 2, scaleLabels.length + 3])
      row.getCell(column).numFmt = "0.0";
  }
  const open = workbook.addWorksheet("Open antwoorden");
  open.addRow(["Vraag", "Antwoord"]);
  for (const item of report.items.filter((i) => i.kind === "open")) {
    for (const answer of item.openAnswers ?? []) open.addRow([item.text, answer]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function surveyReportPdf(report: Report) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(safe(report.survey.title));
  pdf.setLanguage("nl-NL");
  pdf.setProducer("Knooppunt");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 780;
  const write = (text: string, f = font, size = 10) => {
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 780;
    }
    page.drawText(safe(text).slice(0, 110), { x: 50, y, size, font: f });
    y -= size + 6;
  };
  write(report.survey.title, bold, 16);
  write(`${report.network.name} · ${report.responses} van ${report.invited} ingevuld`);
  if (!report.visible) {
    write(`Uitkomsten zijn zichtbaar vanaf ${report.minimum} antwoorden.`);
    return pdf.save();
  }
  for (const item of report.items) {
    y -= 4;
    write(item.text, bold, 10);
    if (item.kind === "scale") {
      write(
        `gemiddeld ${item.mean === null ? "—" : dutchAverage(item.mean)}${item.baselineMean !== null ? ` (nulmeting ${dutchAverage(item.baselineMean)})` : ""} · ${(item.distribution ?? []).map((n, i) => `${i + 1}: ${n}`).join("  ")}`,
      );
    } else {
      for (const answer of item.openAnswers ?? []) write(`- ${answer}`);
    }
  }
  return pdf.save();
}
