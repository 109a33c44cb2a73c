// Reads an XLSX back as a spreadsheet program would, with exceljs (the npm `xlsx` package is
// abandoned there and carries known CVEs).
import ExcelJS from "exceljs";

type Cell = string | number | boolean | Date | null;

function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value as Cell;
  if ("result" in value) return plain(value.result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return String(value.text);
  return String(value);
}

/** The rows of one sheet as arrays of cell values (empty rows left out). */
export async function sheetRows(data: ArrayBuffer | Uint8Array, sheetName: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data)) as never,
  );
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`Geen werkblad ${sheetName}`);
  const rows: Cell[][] = [];
  sheet.eachRow((row) => {
    const values: Cell[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      values.push(plain(row.getCell(column).value));
    }
    rows.push(values);
  });
  return rows;
}

/** The rows under the first (header) row, as objects keyed by the header. */
export async function sheetRecords(data: ArrayBuffer | Uint8Array, sheetName: string) {
  const [header = [], ...rows] = await sheetRows(data, sheetName);
  return rows.map((row) =>
    Object.fromEntries(header.map((key, i) => [String(key), row[i] ?? null])),
  ) as Record<string, Cell>[];
}
