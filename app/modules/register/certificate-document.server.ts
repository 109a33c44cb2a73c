import {
  type Color,
  degrees,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  PDFString,
  rgb,
  StandardFonts,
} from "@cantoo/pdf-lib";
import QRCode from "qrcode";
import { longDutchDate, pdfSafe, wrapText } from "./pdf-text.ts";

/** What a certificate states (the stored certificate) and what is printed around it. */
export interface CertificateText {
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
  revokedReason?: string;
}

export interface CertificatePrint {
  /** The public verification page with this certificate's code: the QR code's payload. */
  verifyUrl: string;
  /** Who signs for the provider: the network's penvoerder (or facilitator, or coordinator). */
  signer?: { name: string; role: string } | null;
  /** Meetings attended within the period. */
  attended?: number | null;
  kind?: "network" | "course";
}

const A4: [number, number] = [595.28, 841.89];
const margin = 56;
const ink = rgb(0.09, 0.12, 0.16);
const muted = rgb(0.34, 0.38, 0.43);
const rule = rgb(0.8, 0.84, 0.86);
// The house accent (app.css accent-700 / accent-100) and the revocation red.
const accent = rgb(0x0b / 255, 0x63 / 255, 0x59 / 255);
const accentLight = rgb(0xd5 / 255, 0xf0 / 255, 0xeb / 255);
const danger = rgb(0.72, 0.11, 0.11);

/** The Knooppunt mark: a node tied to five others, two of them linked in turn. */
function drawMark(page: PDFPage, x: number, y: number, size: number) {
  const c = { x: x + size / 2, y: y + size / 2 };
  const r = size * 0.36;
  const outer = [90, 162, 234, 306, 18].map((deg) => ({
    x: c.x + r * Math.cos((deg * Math.PI) / 180),
    y: c.y + r * Math.sin((deg * Math.PI) / 180),
  }));
  for (const p of outer)
    page.drawLine({ start: c, end: p, thickness: size * 0.045, color: accent });
  const [a, b, , d, e] = outer;
  if (a && b && d && e) {
    page.drawLine({ start: a, end: b, thickness: size * 0.03, color: accent, opacity: 0.6 });
    page.drawLine({ start: d, end: e, thickness: size * 0.03, color: accent, opacity: 0.6 });
  }
  for (const p of outer)
    page.drawCircle({
      ...p,
      size: size * 0.085,
      color: rgb(1, 1, 1),
      borderColor: accent,
      borderWidth: size * 0.04,
    });
  page.drawCircle({ ...c, size: size * 0.15, color: accent });
}

/** The QR code as vector squares (sharp at any print size), dark runs per row merged. */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        // A hair wider so neighbouring squares leave no seam when printed.
        width: (col - start) * cell + 0.05,
        height: cell + 0.05,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** A clickable area on the page that opens the URL (the QR code and the printed address). */
function link(
  pdf: PDFDocument,
  page: PDFPage,
  url: string,
  rect: [number, number, number, number],
) {
  const annotation = pdf.context.register(
    pdf.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: rect,
      Border: [0, 0, 0],
      A: { Type: "Action", S: "URI", URI: PDFString.of(url) },
    }),
  );
  page.node.addAnnot(annotation);
}

/**
 * The certificate of attendance for the herregistratie in the Schoolleidersregister PO: the
 * participant, the activity and its provider, the period from the first to the last meeting
 * attended, the study load, the herregistratiewaarde with its professionaliseringsthema's, the
 * code with a QR code to the public check, and the signature line of the one who signs for the
 * provider. One A4 page in the standard fonts (WinAnsi covers Dutch).
 */
export async function certificatePdf(certificate: CertificateText, print: CertificatePrint) {
  const pdf = await PDFDocument.create();
  const issued = longDutchDate(certificate.issuedAt);
  pdf.setTitle(`Certificaat ${certificate.code} — ${certificate.participantName}`, {
    showInWindowTitleBar: true,
  });
  pdf.setAuthor(certificate.provider);
  pdf.setSubject(
    `Bewijs van deelname voor de herregistratie in het Schoolleidersregister PO: ${certificate.title}, route ${certificate.routeName}, ${certificate.points} punten.`,
  );
  pdf.setKeywords(["certificaat", "herregistratie", "Schoolleidersregister PO", certificate.code]);
  pdf.setLanguage("nl-NL");
  pdf.setCreator("Knooppunt");
  pdf.setProducer("Knooppunt");
  pdf.setCreationDate(certificate.issuedAt);
  pdf.setModificationDate(certificate.revokedAt ?? certificate.issuedAt);

  const page = pdf.addPage(A4);
  const [width, height] = A4;
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const serif = await pdf.embedFont(StandardFonts.TimesRoman);
  const text = (
    value: string,
    x: number,
    y: number,
    font: PDFFont,
    size: number,
    color: Color = ink,
  ) => page.drawText(pdfSafe(value, font), { x, y, size, font, color });
  const right = (value: string, y: number, font: PDFFont, size: number, color: Color = ink) =>
    text(
      value,
      width - margin - font.widthOfTextAtSize(pdfSafe(value, font), size),
      y,
      font,
      size,
      color,
    );

  // A double frame, as printed certificates have.
  page.drawRectangle({
    x: 22,
    y: 22,
    width: width - 44,
    height: height - 44,
    borderColor: accent,
    borderWidth: 2,
  });
  page.drawRectangle({
    x: 28,
    y: 28,
    width: width - 56,
    height: height - 56,
    borderColor: accent,
    borderWidth: 0.5,
  });

  // Header: the mark and name on the left, the register on the right.
  const top = height - 64;
  drawMark(page, margin, top - 38, 44);
  text("Knooppunt", margin + 54, top - 14, bold, 20, accent);
  text("Leernetwerken in het onderwijs", margin + 54, top - 30, regular, 9, muted);
  right("Schoolleidersregister PO", top - 14, bold, 11);
  right("Bewijs van deelname voor de herregistratie", top - 30, regular, 9, muted);
  page.drawLine({
    start: { x: margin, y: top - 52 },
    end: { x: width - margin, y: top - 52 },
    thickness: 0.75,
    color: rule,
  });

  let y = top - 110;
  text("Certificaat", margin, y, serif, 40, accent);
  y -= 24;
  text("van deelname", margin, y, serif, 16, muted);
  y -= 40;
  for (const line of wrapText(`Hierbij verklaart ${certificate.provider} dat`, regular, 12, 483)) {
    text(line, margin, y, regular, 12);
    y -= 17;
  }
  y -= 14;
  for (const line of wrapText(certificate.participantName, bold, 24, 483)) {
    text(line, margin, y, bold, 24);
    y -= 30;
  }
  y -= 2;
  for (const line of wrapText(
    `met goed gevolg de route "${certificate.routeName}" van ${certificate.title} heeft afgerond.`,
    regular,
    12,
    483,
  )) {
    text(line, margin, y, regular, 12);
    y -= 17;
  }

  if (certificate.revokedAt) {
    y -= 8;
    const notice = `Ingetrokken op ${longDutchDate(certificate.revokedAt)}${certificate.revokedReason ? `: ${certificate.revokedReason}` : ""}. Dit certificaat telt niet mee voor de herregistratie.`;
    for (const line of wrapText(notice, bold, 11, 483)) {
      text(line, margin, y, bold, 11, danger);
      y -= 15;
    }
  }

  // The register fields, as a two-column table on a light band.
  y -= 18;
  const kind = print.kind === "course" ? "Leergang" : "Leernetwerk";
  const facts: [string, string[]][] = [
    ["Activiteit", [`${certificate.title} — route ${certificate.routeName}`]],
    ["Soort activiteit", [`${kind}, non-formeel leren`]],
    ["Aanbieder", [certificate.provider]],
    [
      "Periode",
      [`${longDutchDate(certificate.startDate)} tot en met ${longDutchDate(certificate.endDate)}`],
    ],
    ...(print.attended
      ? ([
          [
            "Bijeenkomsten",
            [
              `${print.attended} ${print.attended === 1 ? "bijeenkomst" : "bijeenkomsten"} bijgewoond`,
            ],
          ],
        ] as [string, string[]][])
      : []),
    ["Studiebelasting", [`${certificate.hours} uur`]],
    [
      "Herregistratiewaarde",
      [`${certificate.points}% — ${certificate.points} punten voor het Schoolleidersregister PO`],
    ],
    [
      "Professionaliserings-\nthema's",
      certificate.themes.length ? certificate.themes.map((t) => `• ${t}`) : ["—"],
    ],
    ["Certificaatcode", [certificate.code]],
  ];
  const labelX = margin + 12;
  const valueX = margin + 150;
  const valueWidth = width - margin - 12 - valueX;
  const rows = facts.map(([label, values]) => {
    const lines = values.flatMap((v) => wrapText(v, regular, 11, valueWidth));
    const labels = label.split("\n");
    return { labels, lines, height: Math.max(lines.length, labels.length) * 15 + 10 };
  });
  const tableHeight = rows.reduce((sum, row) => sum + row.height, 0) + 8;
  page.drawRectangle({
    x: margin,
    y: y - tableHeight + 14,
    width: width - 2 * margin,
    height: tableHeight,
    color: accentLight,
    opacity: 0.45,
  });
  y -= 2;
  rows.forEach((row, i) => {
    row.labels.forEach((label, j) => {
      text(label, labelX, y - j * 15, bold, 10, muted);
    });
    row.lines.forEach((line, j) => {
      const font = facts[i]?.[0] === "Certificaatcode" ? bold : regular;
      text(line, valueX, y - j * 15, font, 11);
    });
    y -= row.height;
    if (i < rows.length - 1)
      page.drawLine({
        start: { x: labelX, y: y + 13 },
        end: { x: width - margin - 12, y: y + 13 },
        thickness: 0.4,
        color: rule,
      });
  });

  // Signature on the left, the QR code to the public check on the right.
  const qrSize = 104;
  const qrX = width - margin - qrSize;
  const qrY = 92;
  drawQr(page, print.verifyUrl, qrX, qrY, qrSize);
  link(pdf, page, print.verifyUrl, [qrX, qrY, qrX + qrSize, qrY + qrSize]);
  const scan = "Scan om de echtheid te controleren";
  text(
    scan,
    qrX + (qrSize - regular.widthOfTextAtSize(scan, 7.5)) / 2,
    qrY - 11,
    regular,
    7.5,
    muted,
  );

  text(`Uitgereikt op ${issued}`, margin, qrY + qrSize - 8, regular, 11);
  const lineY = qrY + 26;
  page.drawLine({
    start: { x: margin, y: lineY },
    end: { x: margin + 220, y: lineY },
    thickness: 0.75,
    color: ink,
  });
  if (print.signer) {
    text(print.signer.name, margin, lineY - 15, bold, 11);
    text(print.signer.role, margin, lineY - 29, regular, 9.5, muted);
  } else {
    text(`Namens ${certificate.provider}`, margin, lineY - 15, regular, 10, muted);
  }

  // Footer: where to check, as text for those who cannot scan.
  const footer = `Controleer dit certificaat op ${print.verifyUrl}`;
  const footerSize = footer.length > 110 ? 6.5 : 8;
  const footerWidth = regular.widthOfTextAtSize(pdfSafe(footer, regular), footerSize);
  const footerX = (width - footerWidth) / 2;
  text(footer, footerX, 46, regular, footerSize, muted);
  link(pdf, page, print.verifyUrl, [footerX, 42, footerX + footerWidth, 46 + footerSize]);

  if (certificate.revokedAt) {
    page.drawText("INGETROKKEN", {
      x: 120,
      y: 300,
      size: 72,
      font: bold,
      color: danger,
      opacity: 0.18,
      rotate: degrees(35),
    });
  }
  return pdf.save();
}

/** The public check of a certificate: the address printed on it and held in its QR code. */
export function certificateVerificationUrl(base: string, code: string) {
  return `${base.replace(/\/+$/, "")}/certificaat-controleren?code=${encodeURIComponent(code)}`;
}
