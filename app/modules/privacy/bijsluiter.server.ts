import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "@cantoo/pdf-lib";
import { formatDate } from "#app/i18n/dates.ts";
import type { StatementSection } from "./statement.server.ts";

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

/**
 * A statement as an A4 document: its title, the date it was made, then each section's heading,
 * paragraphs and bulleted items, flowing over as many pages as it takes. Used for the
 * privacybijsluiter and the processing agreement's annex, both made from the register.
 */
export async function statementPdf(
  document: { title: string; sections: StatementSection[] },
  madeOn: Date = new Date(),
) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(document.title);
  pdf.setLanguage("nl-NL");
  pdf.setProducer("Knooppunt");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.14, 0.2);
  const left = 56;
  const width = 595 - 2 * left;
  let page: PDFPage = pdf.addPage([595, 842]);
  let y = 780;
  const room = (needed: number) => {
    if (y - needed < 56) {
      page = pdf.addPage([595, 842]);
      y = 780;
    }
  };
  const write = (text: string, font = regular, size = 10, gap = 14, indent = 0) => {
    for (const part of wrap(text, font, size, width - indent)) {
      room(gap);
      page.drawText(part, { x: left + indent, y, size, font, color: ink });
      y -= gap;
    }
  };
  write(document.title, bold, 18, 26);
  write(
    `Gemaakt op ${formatDate(madeOn, "nl")} uit het register van persoonsgegevens.`,
    regular,
    9,
    20,
  );
  for (const section of document.sections) {
    // a heading never stands alone at the foot of a page
    room(48);
    y -= 6;
    write(section.heading, bold, 13, 19);
    for (const paragraph of section.paragraphs) {
      write(paragraph);
      y -= 4;
    }
    for (const item of section.items ?? []) {
      const lines = wrap(item, regular, 10, width - 14);
      lines.forEach((line, index) => {
        room(14);
        if (index === 0)
          page.drawText("•", { x: left + 2, y, size: 10, font: regular, color: ink });
        page.drawText(line, { x: left + 14, y, size: 10, font: regular, color: ink });
        y -= 14;
      });
      y -= 2;
    }
  }
  const pages = pdf.getPages();
  pages.forEach((p, index) => {
    p.drawText(winAnsi(`${document.title} – pagina ${index + 1} van ${pages.length}`), {
      x: left,
      y: 30,
      size: 8,
      font: regular,
      color: rgb(0.35, 0.38, 0.42),
    });
  });
  return pdf.save();
}
