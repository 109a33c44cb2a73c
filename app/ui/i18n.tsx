import { useRouteLoaderData } from "react-router";
import { formatDate, formatDateTime, formatRange } from "#app/i18n/dates.ts";
import { type Locale, type MessageKey, translate } from "#app/i18n/messages.ts";

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? "nl";
}

/** Translator for the current locale; also accepts keys that arrive as data (zod messages). */
export function useT() {
  const locale = useLocale();
  const t = (key: MessageKey | (string & {}), params?: Record<string, string | number>) =>
    translate(locale, key, params);
  return Object.assign(t, {
    locale,
    date: (value: Date | string) => formatDate(value, locale),
    dateTime: (value: Date | string) => formatDateTime(value, locale),
    range: (start: Date | string, end: Date | string) => formatRange(start, end, locale),
  });
}
