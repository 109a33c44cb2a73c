import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "./csv.ts";

describe("CSV cells", () => {
  it("turns every cell that a spreadsheet would run into text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    }
    expect(csvCell('=HYPERLINK("http://evil.test","x")')).toBe(
      `"'=HYPERLINK(""http://evil.test"",""x"")"`,
    );
  });

  it("leaves ordinary text and numbers as they are, quoting text properly", () => {
    expect(csvCell("De Vonk; groep 8")).toBe('"De Vonk; groep 8"');
    expect(csvCell('zei "ja"\r\ntoen')).toBe('"zei ""ja""\r\ntoen"');
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(2.7)).toBe("2,7");
    expect(csvCell(null)).toBe('""');
    expect(csvDocument([["a", 1]])).toBe('\uFEFF"a";1\r\n');
  });
});
