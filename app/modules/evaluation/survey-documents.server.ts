import ExcelJS from "exceljs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { scaleLabels } from "./survey-template.ts";
import type { getSurveyReport } from "./surveys.server.ts";

type Report = Awaited<ReturnType<typeof getSurveyReport>>;

const safe = (text: string) => text.replace(/[^\x20-\x7E\u00A0-\u00FF\u2013\u2014\u20AC]/g, "?");

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
    sheet.addRow([item.text, ...(item.distribution ?? []), item.mean, item.baselineMean ?? null]);
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
        `gemiddeld ${item.mean}${item.baselineMean !== null ? ` (nulmeting ${item.baselineMean})` : ""} · ${(item.distribution ?? []).map((n, i) => `${i + 1}: ${n}`).join("  ")}`,
      );
    } else {
      for (const answer of item.openAnswers ?? []) write(`- ${answer}`);
    }
  }
  return pdf.save();
}
