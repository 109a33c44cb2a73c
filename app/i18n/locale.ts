export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];

/** What Intl gets: Dutch numbers ("1.234,5") and dates, British English. */
export const intlLocale: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

export function parseLocale(value: string | null | undefined): Locale {
  return value === "en" ? "en" : "nl";
}
