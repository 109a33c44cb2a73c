import type { MetaDescriptor } from "react-router";
import type shell from "#app/i18n/catalogues/shell/nl.ts";
import { formatMessage, type Params, templateOf } from "#app/i18n/format.ts";
import { type Locale, parseLocale } from "#app/i18n/locale.ts";

/*
 * Page titles come from the shell catalogue: the one catalogue every page carries inline in its
 * locale (I18nRoot), so a route's meta can translate synchronously on the server and in the
 * browser alike, and hydration finds the same title. The locale is the root loader's.
 */

export type PageTitleKey = Extract<keyof typeof shell, `pageTitle.${string}`>;

type MetaMatches = ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>;

function localeOf(matches: MetaMatches): Locale {
  const root = matches.find((match) => match?.id === "root")?.loaderData as
    | { locale?: string }
    | undefined;
  return parseLocale(root?.locale);
}

function text(locale: Locale, key: string, params?: Params) {
  const template = templateOf(locale, key);
  // Only when the shell catalogue is missing, which I18nRoot rules out: the name still shows.
  return template === undefined ? "Knooppunt" : formatMessage(locale, key, template, params);
}

function titled(locale: Locale, page: string): MetaDescriptor[] {
  return [{ title: text(locale, "pageTitle.format", { page }) }];
}

/** `[{ title: "Inloggen — Knooppunt" }]` in the page's locale. */
export function pageTitle(
  matches: MetaMatches,
  key: PageTitleKey,
  params?: Params,
): MetaDescriptor[] {
  const locale = localeOf(matches);
  // The home page's title names the site itself.
  if (key === "pageTitle.home") return [{ title: text(locale, key) }];
  return titled(locale, text(locale, key, params));
}

/** A page named by its data (a network's name); the key while there is none (an error page). */
export function namedTitle(
  matches: MetaMatches,
  name: string | null | undefined,
  fallback: PageTitleKey,
): MetaDescriptor[] {
  const locale = localeOf(matches);
  return titled(locale, name || text(locale, fallback));
}
