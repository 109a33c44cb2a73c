import type { Locale } from "./messages.ts";

const timeZone = "Europe/Amsterdam";
const intlLocale: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

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
