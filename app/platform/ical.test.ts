import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { toICalendar } from "./ical.ts";

const start = new Date("2031-03-04T15:00:00Z");
const end = new Date("2031-03-04T17:00:00Z");

describe("iCalendar writer (RFC 5545)", () => {
  it("escapes text, folds at 75 octets without splitting a character, and ends every line with CRLF", () => {
    // Odd text: separators, a backslash, every kind of line break, and emoji (4 octets each,
    // one a ZWJ sequence) placed so that folding falls in the middle of one.
    const summary = `Intervisie, deel 2; "casus"\\terug\r\nregel twee\rregel drie\n${"é".repeat(30)}${"👩‍🏫🙂".repeat(12)} einde`;
    const ics = toICalendar("Agenda; test, 🙂", [
      {
        uid: "x@knooppunt",
        start,
        end,
        summary,
        location: "Lokaal 1, gebouw B; achteringang",
        description: "Eerste regel\nTweede, met ; en \\",
        alarm: { minutesBefore: 120, description: `Herinnering: ${summary}` },
      },
    ]);
    expect(ics.endsWith("\r\n")).toBe(true);
    const lines = ics.slice(0, -2).split("\r\n");
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      const bytes = Buffer.from(line, "utf8");
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Each physical line is whole UTF-8 on its own: no character cut in two.
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).not.toThrow();
    }
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    expect(ics).toContain(
      'SUMMARY:Intervisie\\, deel 2\\; "casus"\\\\terug\\nregel twee\\nregel drie\\n',
    );

    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.summary).toBe(summary.replace(/\r\n|\r/g, "\n"));
    expect(event.location).toBe("Lokaal 1, gebouw B; achteringang");
    expect(event.description).toBe("Eerste regel\nTweede, met ; en \\");
    expect(ics).toContain("X-WR-CALNAME:Agenda\\; test\\, 🙂");
    const alarm = event.component.getFirstSubcomponent("valarm");
    expect(alarm?.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(String(alarm?.getFirstPropertyValue("trigger"))).toBe("-PT2H");
    expect(alarm?.getFirstPropertyValue("description")).toContain("Intervisie, deel 2;");
  });

  it("puts no alarm on a cancelled event, and a due date's alarm before its end", () => {
    const ics = toICalendar("Agenda", [
      {
        uid: "a@knooppunt",
        start,
        end,
        summary: "Afgelast",
        cancelled: true,
        alarm: { minutesBefore: 60, description: "Afgelast" },
      },
      {
        uid: "b@knooppunt",
        start,
        end,
        summary: "Inleveren",
        alarm: { minutesBefore: 48 * 60, description: "Inleveren", beforeEnd: true },
      },
    ]);
    expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(1);
    expect(ics).toContain("TRIGGER;RELATED=END:-PT48H");
  });
});
