import { intlLocale, type Locale } from "./locale.ts";

const timeZone = "Europe/Amsterdam";

/** "di 15 nov 2026" */
export function formatDate(date: Date | string, locale: Locale) {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  })
    .format(new Date(date))
    .replace(/\./g, "")
    .replace(",", "");
}

/** "08.30" in Dutch, "08:30" in English. */
export function formatTime(date: Date | string, locale: Locale) {
  const time = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(date));
  return locale === "nl" ? time.replace(":", ".") : time;
}

/** "di 15 nov 2026, 08.30" */
export function formatDateTime(date: Date | string, locale: Locale) {
  return `${formatDate(date, locale)}, ${formatTime(date, locale)}`;
}

// Building an Intl.DateTimeFormat is costly; these two are made once and reused.
const wallClockParts = new Intl.DateTimeFormat("en-US", {
  timeZone,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
const amsterdamParts = new Intl.DateTimeFormat("en-CA", {
  timeZone,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

function offsetMinutes(instant: Date) {
  const parts = wallClockParts.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/** "2026-10-25" + "08:30" read as Amsterdam wall-clock time, as an instant (DST-aware). */
export function amsterdamToInstant(day: string, time: string) {
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  let instant = new Date(wall - offsetMinutes(new Date(wall)) * 60000);
  instant = new Date(wall - offsetMinutes(instant) * 60000);
  return instant;
}

/** An instant as Amsterdam wall-clock parts: { day: "2026-10-25", time: "08:30" }. */
export function instantToAmsterdam(instant: Date | string) {
  const parts = amsterdamParts.formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: `${get("year")}-${get("month")}-${get("day")}`,
    time: `${get("hour")}:${get("minute")}`,
  };
}

/** "di 19 jan 2027, 16.00–19.00", or both ends in full when it runs into another day. */
export function formatRange(start: Date | string, end: Date | string, locale: Locale) {
  if (formatDate(start, locale) === formatDate(end, locale)) {
    return `${formatDateTime(start, locale)}–${formatTime(end, locale)}`;
  }
  return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
}
