/**
 * How long a network runs, as people read it: a fixed number of months, or "doorlopend" for a
 * network that started and has neither an end date nor a planned length (Eindverantwoordelijk
 * Schoolleiders has met since 2006; counting that as "240 maanden" suggests an end it has not).
 */
export type NetworkDuration =
  | { kind: "months"; months: number }
  | { kind: "ongoing"; since: string }
  | null;

export function networkDuration(network: {
  startDate: string | null;
  endDate?: string | null;
  durationMonths: number | null;
}): NetworkDuration {
  if (network.durationMonths) return { kind: "months", months: network.durationMonths };
  if (network.startDate && !network.endDate) return { kind: "ongoing", since: network.startDate };
  return null;
}

/**
 * A number of months as people say it: below a year in months, a whole number of years as years,
 * otherwise years and months ("1 jaar en 6 maanden"). The parameters of the ICU message
 * `net.duration` (its `shape` selects the wording, plurals stay with the language).
 */
export function durationParts(totalMonths: number): {
  shape: "months" | "years" | "both";
  years: number;
  months: number;
} {
  const whole = Math.max(0, Math.floor(totalMonths));
  const years = Math.floor(whole / 12);
  const months = whole % 12;
  return { shape: years === 0 ? "months" : months === 0 ? "years" : "both", years, months };
}

/** Whole months from an ISO date (yyyy-mm-dd) to today: a month counts once its day has come. */
export function monthsSince(since: string, today: Date): number {
  const [year, month, day] = since.split("-").map(Number) as [number, number, number];
  const months =
    (today.getUTCFullYear() - year) * 12 +
    (today.getUTCMonth() + 1 - month) -
    (today.getUTCDate() < day ? 1 : 0);
  return Math.max(0, months);
}

type DurationT = {
  (key: "net.duration" | "net.duration.ongoing", params: Record<string, string | number>): string;
  date: (value: string) => string;
};

/**
 * The duration as shown on the network page and in the catalogue ("2 jaar", "1 jaar en 6
 * maanden", "20 jaar, doorlopend sinds 1 sep 2006"). A network that has run for years is counted
 * in whole years: "20 jaar en 2 maanden" is more precision than a reader wants.
 */
export function durationText(
  t: DurationT,
  network: Parameters<typeof networkDuration>[0],
  today: Date = new Date(),
) {
  const duration = networkDuration(network);
  if (!duration) return null;
  if (duration.kind === "months") return t("net.duration", durationParts(duration.months));
  const elapsed = monthsSince(duration.since, today);
  const parts = durationParts(elapsed >= 12 ? elapsed - (elapsed % 12) : elapsed);
  const started =
    duration.since > today.toISOString().slice(0, 10) ? "later" : elapsed >= 1 ? "yes" : "no";
  return t("net.duration.ongoing", {
    started,
    duration: t("net.duration", parts),
    since: t.date(duration.since),
  });
}
