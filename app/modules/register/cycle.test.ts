import { describe, expect, it } from "vitest";
import { addMonths, addYears, cycleOf, inCycle, reminderMoments, statusOf } from "./cycle.ts";

describe("the re-registration cycle", () => {
  it("runs four years by default, from a leap day too", () => {
    expect(cycleOf("2022-09-01", 4)).toEqual({
      start: "2022-09-01",
      due: "2026-09-01",
      conditionalUntil: "2027-03-01",
    });
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2027-01-31", -2)).toBe("2026-11-30");
  });

  it("counts an activity in the cycle it ends in, up to the day before the due date", () => {
    const cycle = cycleOf("2023-01-15", 4);
    expect(inCycle(cycle, "2023-01-15")).toBe(true);
    expect(inCycle(cycle, "2027-01-14")).toBe(true);
    expect(inCycle(cycle, "2027-01-15")).toBe(false);
    expect(inCycle(cycle, "2023-01-14")).toBe(false);
  });

  it("moves from geregistreerd to herregistratie nodig, onder voorwaarden and verlopen", () => {
    const cycle = cycleOf("2023-01-15", 4);
    expect(statusOf(cycle, 40, "2025-06-01")).toBe("geregistreerd");
    expect(statusOf(cycle, 40, "2026-01-15")).toBe("herregistratie-nodig");
    expect(statusOf(cycle, 100, "2026-06-01")).toBe("geregistreerd");
    expect(statusOf(cycle, 40, "2027-01-15")).toBe("onder-voorwaarden");
    expect(statusOf(cycle, 40, "2027-07-14")).toBe("onder-voorwaarden");
    expect(statusOf(cycle, 40, "2027-07-15")).toBe("verlopen");
  });

  it("reminds at 12, 6 and 3 months before the date and during the six months", () => {
    expect(reminderMoments(cycleOf("2023-01-15", 4)).map((m) => m.day)).toEqual([
      "2026-01-15",
      "2026-07-15",
      "2026-10-15",
      "2027-01-15",
      "2027-04-15",
    ]);
  });
});
