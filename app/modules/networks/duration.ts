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

/** The duration as shown on the network page and in the catalogue ("24 maanden", "doorlopend (sinds 1 sep 2006)"). */
export function durationText(
  t: {
    (key: "net.duration" | "net.duration.ongoing", params: Record<string, string | number>): string;
    date: (value: string) => string;
  },
  network: Parameters<typeof networkDuration>[0],
) {
  const duration = networkDuration(network);
  if (!duration) return null;
  return duration.kind === "months"
    ? t("net.duration", { months: duration.months })
    : t("net.duration.ongoing", { since: t.date(duration.since) });
}
