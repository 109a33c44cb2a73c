import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates.ts";
import { translate } from "./messages.ts";

describe("Dutch first", () => {
  it("writes dates and times the Dutch way, in Amsterdam time", () => {
    // 15 Nov 2026 is a Sunday; 07:30 UTC is 08.30 in Amsterdam (winter time).
    expect(formatDate(new Date("2026-11-17T07:30:00Z"), "nl")).toBe("di 17 nov 2026");
    expect(formatDateTime(new Date("2026-11-17T07:30:00Z"), "nl")).toBe("di 17 nov 2026, 08.30");
    expect(formatDateTime(new Date("2026-06-16T06:30:00Z"), "nl")).toBe("di 16 jun 2026, 08.30");
    expect(formatDateTime(new Date("2026-11-17T07:30:00Z"), "en")).toBe("Tue 17 Nov 2026, 08:30");
  });

  it("fills in names and falls back to a Dutch sentence for an unknown key", () => {
    expect(translate("nl", "home.welcome", { name: "Femke" })).toBe("Welkom terug, Femke");
    expect(translate("en", "home.welcome", { name: "Femke" })).toBe("Welcome back, Femke");
    expect(translate("nl", "bestaat.niet")).toBe("Controleer de velden hieronder.");
  });
});
