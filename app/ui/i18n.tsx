import { createContext, use, useContext, useState } from "react";
import { useRouteLoaderData } from "react-router";
import { type MessageKey, type Namespace, namespaceOf } from "#app/i18n/catalogues/index.ts";
import { formatDate, formatDateTime, formatRange } from "#app/i18n/dates.ts";
import {
  addMessages,
  formatMessage,
  hasFormatter,
  loadFormatter,
  loadNamespace,
  messagesOf,
  needsFormatter,
  type Params,
  templateOf,
} from "#app/i18n/format.ts";
import { type Locale, parseLocale } from "#app/i18n/locale.ts";

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? "nl";
}

/** What this page's server render used: its catalogues go inline into the HTML. */
interface Used {
  namespaces: Set<Namespace>;
  /** a plural or number format was shown: the browser needs intl-messageformat to hydrate */
  formatter: boolean;
}
const UsedCatalogues = createContext<Used | null>(null);

/**
 * Translator for the current locale. `t(key)` takes only keys the type checker knows;
 * `t.error(key)` takes a key that arrives as data (a zod message, a module's refusal). An unknown
 * key is a bug: development and tests throw, production shows the general "check the fields".
 */
export function useT() {
  const locale = useLocale();
  const used = useContext(UsedCatalogues);
  const text = (key: string, params?: Params): string => {
    const namespace = namespaceOf(key) ?? "shell";
    used?.namespaces.add(namespace);
    if (!messagesOf(locale, namespace)) {
      // A catalogue this page did not bring along (a client navigation, a language switch): the
      // render waits for it inside the transition, so the old page stays until the text is here.
      const loading = loadNamespace(locale, namespace);
      use(loading);
      // use() may hand back another catalogue's settled promise on a retry: wait for this one.
      if (!messagesOf(locale, namespace)) throw loading;
    }
    const template = templateOf(locale, key);
    if (template === undefined) {
      if (!import.meta.env.PROD) throw new Error(`Onbekende tekst: ${key}`);
      return key === "error.form" ? key : text("error.form");
    }
    if (needsFormatter(template) && used) used.formatter = true;
    if (needsFormatter(template) && !hasFormatter()) {
      const loading = loadFormatter();
      use(loading);
      if (!hasFormatter()) throw loading;
    }
    return formatMessage(locale, key, template, params);
  };
  const t = (key: MessageKey, params?: Params) => text(key, params);
  return Object.assign(t, {
    error: (key: string, params?: Params) => text(key, params),
    locale,
    date: (value: Date | string) => formatDate(value, locale),
    dateTime: (value: Date | string) => formatDateTime(value, locale),
    range: (start: Date | string, end: Date | string) => formatRange(start, end, locale),
  });
}

const dataId = "kn-i18n";
let initialJson = "";

/**
 * Wraps the page: after it has rendered on the server, the catalogues it used are written into
 * the HTML as JSON in the page's locale only. The browser reads them before hydrating.
 */
export function I18nRoot({ children }: { children: React.ReactNode }) {
  const [used] = useState<Used>(() => ({ namespaces: new Set(["shell"]), formatter: false }));
  return (
    <UsedCatalogues value={used}>
      {children}
      <CatalogueData used={used} />
    </UsedCatalogues>
  );
}

function CatalogueData({ used }: { used: Used }) {
  const locale = useLocale();
  // In the browser the element keeps what the server wrote, so hydration finds the same text.
  const json =
    typeof document === "undefined"
      ? JSON.stringify({
          locale,
          formatter: used.formatter,
          catalogues: Object.fromEntries(
            [...used.namespaces].map((ns) => [ns, messagesOf(locale, ns)]),
          ),
        }).replace(/</g, "\\u003c")
      : initialJson;
  return (
    <script
      type="application/json"
      id={dataId}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: our own JSON, with < escaped
      dangerouslySetInnerHTML={{ __html: json }}
    />
  );
}

/**
 * Called by entry.client before hydrateRoot: registers the server's catalogues for this page,
 * and resolves once the formatter is here if the page shows a plural or a number format.
 */
export async function readInlineCatalogues() {
  initialJson = document.getElementById(dataId)?.textContent ?? "";
  if (!initialJson) return;
  const data = JSON.parse(initialJson) as {
    locale: string;
    formatter: boolean;
    catalogues: Record<Namespace, Record<string, string>>;
  };
  const locale = parseLocale(data.locale);
  for (const [namespace, messages] of Object.entries(data.catalogues)) {
    addMessages(locale, namespace as Namespace, messages);
  }
  if (data.formatter) await loadFormatter();
}
