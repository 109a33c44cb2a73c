import ExcelJS from "exceljs";
import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";
import { formatDate } from "#app/i18n/dates.ts";
import { requiredPoints } from "./cycle.ts";
import type { getMyRegister } from "./ledger.server.ts";

type Register = Awaited<ReturnType<typeof getMyRegister>>;

/** The standard PDF fonts speak WinAnsi: keep Dutch letters, replace what they cannot draw. */
function winAnsi(text: string) {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[^\x20-\x7E\u00A0-\u00FF\u2013\u2014\u20AC\u2022]/g, "?");
}

function wrap(text: string, font: PDFFont, size: number, width: number) {
  const lines: string[] = [];
  let line = "";
  for (const word of winAnsi(text).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

interface CertificateText {
  code: string;
  participantName: string;
  title: string;
  routeName: string;
  provider: string;
  startDate: string;
  endDate: string;
  hours: number;
  points: number;
  themes: string[];
  issuedAt: Date;
  revokedAt: Date | null;
}

export async function certificatePdf(certificate: CertificateText, verifyUrl: string) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificaat ${certificate.code}`);
  pdf.setLanguage("nl-NL");
  pdf.setProducer("Knooppunt");
  const page = pdf.addPage([595, 842]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.14, 0.2);
  let y = 760;
  const line = (text: string, font = regular, size = 12, gap = 20) => {
    for (const part of wrap(text, font, size, 475)) {
      page.drawText(part, { x: 60, y, size, font, color: ink });
      y -= gap;
    }
  };
  line("Certificaat", bold, 30, 44);
  line("Hierbij verklaren wij dat", regular, 12, 26);
  line(certificate.participantName, bold, 20, 32);
  line(
    `de route "${certificate.routeName}" van ${certificate.title} met goed gevolg heeft afgerond.`,
    regular,
    13,
    30,
  );
  const facts: [string, string][] = [
    ["Aanbieder", certificate.provider],
    [
      "Periode",
      `${formatDate(certificate.startDate, "nl")} tot en met ${formatDate(certificate.endDate, "nl")}`,
    ],
    ["Uren", `${certificate.hours} uur`],
    [
      "Herregistratiewaarde",
      `${certificate.points}% (${certificate.points} punten Schoolleidersregister PO)`,
    ],
    ["Professionaliseringsthema's", certificate.themes.join(", ") || "—"],
    ["Uitgereikt op", formatDate(certificate.issuedAt, "nl")],
  ];
  for (const [label, value] of facts) {
    page.drawText(winAnsi(label), { x: 60, y, size: 11, font: bold, color: ink });
    const parts = wrap(value, regular, 11, 300);
    for (const part of parts) {
      page.drawText(part, { x: 235, y, size: 11, font: regular, color: ink });
      y -= 18;
    }
    y -= 4;
  }
  y -= 20;
  line(`Controlecode: ${certificate.code}`, bold, 13, 22);
  line(`Controleer dit certificaat op ${verifyUrl}`, regular, 10, 16);
  if (certificate.revokedAt) {
    y -= 10;
    line(`INGETROKKEN op ${formatDate(certificate.revokedAt, "nl")}`, bold, 16, 24);
  }
  return pdf.save();
}

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

function cycleRows(register: Register) {
  return register.activities.filter((a) => a.inCycle);
}

export async function cyclePdf(register: Register, personName: string) {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Overzicht herregistratie");
  pdf.setLanguage("nl-NL");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 780;
  const write = (text: string, font = regular, size = 10, gap = 14, x = 50) => {
    for (const part of wrap(text, font, size, 495 - (x - 50))) {
      if (y < 60) {
        page = pdf.addPage([595, 842]);
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
      `Cyclus: ${formatDate(register.cycle.start, "nl")} tot ${formatDate(register.cycle.due, "nl")}`,
    );
  }
  write(
    `Punten in deze cyclus: ${register.points} van ${requiredPoints}${register.needed ? ` (nog ${register.needed} nodig)` : ""}`,
    bold,
    11,
    22,
  );
  for (const activity of cycleRows(register)) {
    write(`${activity.title}${activity.withdrawn ? " (INGETROKKEN)" : ""}`, bold, 10, 13);
    write(
      `${activity.provider || "—"} · ${formLabel[activity.learningForm]} · ${formatDate(activity.startDate, "nl")} – ${formatDate(activity.endDate, "nl")} · ${activity.hours ?? "—"} uur · ${activity.points} punten · ${sourceLabel[activity.source]}`,
      regular,
      9,
      12,
      60,
    );
    if (activity.themes.length) write(`Thema's: ${activity.themes.join(", ")}`, regular, 9, 12, 60);
    if (activity.certificateCode)
      write(`Certificaat: ${activity.certificateCode}`, regular, 9, 12, 60);
    if (activity.evidence) write(`Bewijs: ${activity.evidence}`, regular, 9, 12, 60);
    y -= 6;
  }
  return pdf.save();
}

export async function cycleXlsx(register: Register, personName: string) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Knooppunt";
  const sheet = workbook.addWorksheet("Herregistratie");
  sheet.columns = [
    { header: "Activiteit", key: "title", width: 48 },
    { header: "Aanbieder", key: "provider", width: 28 },
    { header: "Leervorm", key: "form", width: 14 },
    { header: "Van", key: "start", width: 12 },
    { header: "Tot en met", key: "end", width: 12 },
    { header: "Uren", key: "hours", width: 8 },
    { header: "Punten", key: "points", width: 8 },
    { header: "Professionaliseringsthema's", key: "themes", width: 40 },
    { header: "Bron", key: "source", width: 24 },
    { header: "Certificaat", key: "certificate", width: 20 },
    { header: "Bewijs", key: "evidence", width: 50 },
    { header: "Telt mee", key: "counts", width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const activity of cycleRows(register)) {
    sheet.addRow({
      title: activity.title,
      provider: activity.provider,
      form: formLabel[activity.learningForm],
      start: activity.startDate,
      end: activity.endDate,
      hours: activity.hours ?? "",
      points: activity.points,
      themes: activity.themes.join(", "),
      source: sourceLabel[activity.source],
      certificate: activity.certificateCode ?? "",
      evidence: activity.evidence,
      counts: activity.withdrawn ? "nee (ingetrokken)" : "ja",
    });
  }
  const summary = workbook.addWorksheet("Samenvatting");
  summary.addRows([
    ["Naam", personName],
    ["Cyclus vanaf", register.cycle?.start ?? ""],
    ["Herregistratiedatum", register.cycle?.due ?? ""],
    ["Punten", register.points],
    ["Nodig", requiredPoints],
    ["Nog te behalen", register.needed],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
