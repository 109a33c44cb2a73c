/**
 * Re-registration cycle arithmetic on calendar dates ("2024-02-29"), free of time zones.
 * The register's rules: 100 points per cycle (four years by default); after the due date a
 * registration is "onder voorwaarden" for six months, then "verlopen".
 */
export const requiredPoints = 100;

export type RegisterStatus =
  | "geregistreerd"
  | "herregistratie-nodig"
  | "onder-voorwaarden"
  | "verlopen";

function parts(day: string) {
  const [y, m, d] = day.split("-").map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Adds months; the 31st or a 29 February lands on the last day of a shorter month. */
export function addMonths(day: string, months: number) {
  const { y, m, d } = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export function addYears(day: string, years: number) {
  return addMonths(day, years * 12);
}

export interface Cycle {
  start: string;
  /** the re-registration date: start + cycle length */
  due: string;
  /** the end of the six months "onder voorwaarden" */
  conditionalUntil: string;
}

export function cycleOf(start: string, years: number): Cycle {
  const due = addYears(start, years);
  return { start, due, conditionalUntil: addMonths(due, 6) };
}

/** An activity counts for the cycle it ends in: from the start up to (not including) the due date. */
export function inCycle(cycle: Cycle, endDate: string) {
  return endDate >= cycle.start && endDate < cycle.due;
}

export function statusOf(cycle: Cycle, points: number, today: string): RegisterStatus {
  if (today >= cycle.conditionalUntil) return "verlopen";
  if (today >= cycle.due) return "onder-voorwaarden";
  if (points < requiredPoints && today >= addMonths(cycle.due, -12)) return "herregistratie-nodig";
  return "geregistreerd";
}

/** The reminder moments: 12, 6 and 3 months before the date, at it, and halfway the six months. */
export function reminderMoments(cycle: Cycle) {
  return [
    { key: "12m", day: addMonths(cycle.due, -12) },
    { key: "6m", day: addMonths(cycle.due, -6) },
    { key: "3m", day: addMonths(cycle.due, -3) },
    { key: "due", day: cycle.due },
    { key: "conditional-3m", day: addMonths(cycle.due, 3) },
  ];
}

/** Percentage (herregistratiewaarde) to points: 35% is 35 points. */
export function pointsFromPercentage(percentage: number) {
  return Math.round(percentage);
}
