/**
 * CSV for spreadsheets. Every export in the app builds its file here, so that no cell can become a
 * formula: Excel and LibreOffice run a cell that starts with = + - @ (or a tab or carriage return
 * before one), even inside quotes, so `=HYPERLINK(…)` typed as a name would be a live link or worse.
 * Such a cell gets a leading apostrophe (OWASP's advice); the spreadsheet shows the text as typed.
 */
export type CsvValue = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/**
 * One cell: numbers with a decimal comma (the file is for Dutch Excel, which reads "2.7" as text
 * or a date), text defused and always quoted (quotes doubled).
 */
export function csvCell(value: CsvValue) {
  if (value === null || value === undefined) return '""';
  if (typeof value === "number")
    return Number.isFinite(value) ? String(value).replace(".", ",") : '""';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A whole file: a byte-order mark (so Excel reads UTF-8), semicolons (what Dutch Excel expects)
 * and CRLF line ends.
 */
export function csvDocument(rows: CsvValue[][]) {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
