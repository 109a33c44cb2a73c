import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatRange } from "./dates.ts";
import { translate } from "./messages.ts";

describe("Dutch first", () => {
  it("writes dates and times the Dutch way, in Amsterdam time", () => {
    // 15 Nov 2026 is a Sunday; 07:30 UTC is 08.30 in Amsterdam (winter time).
    expect(formatDate(new Date("2026-11-17T07:30:00Z"), "nl")).toBe("di 17 nov 2026");
    expect(formatDateTime(new Date("2026-11-17T07:30:00Z"), "nl")).toBe("di 17 nov 2026, 08.30");
    expect(formatDateTime(new Date("2026-06-16T06:30:00Z"), "nl")).toBe("di 16 jun 2026, 08.30");
    expect(formatDateTime(new Date("2026-11-17T07:30:00Z"), "en")).toBe("Tue 17 Nov 2026, 08:30");
  });

  it("writes a meeting's time span, in full when it runs into the next day", () => {
    expect(formatRange("2027-01-19T15:00:00Z", "2027-01-19T18:00:00Z", "nl")).toBe(
      "di 19 jan 2027, 16.00–19.00",
    );
    expect(formatRange("2027-06-10T14:00:00Z", "2027-06-11T14:00:00Z", "nl")).toBe(
      "do 10 jun 2027, 16.00 – vr 11 jun 2027, 16.00",
    );
  });

  it("fills in names and falls back to a Dutch sentence for an unknown key", () => {
    expect(translate("nl", "home.welcome", { name: "Femke" })).toBe("Welkom terug, Femke");
    expect(translate("en", "home.welcome", { name: "Femke" })).toBe("Welcome back, Femke");
    expect(translate("nl", "bestaat.niet")).toBe("Controleer de velden hieronder.");
  });
});
