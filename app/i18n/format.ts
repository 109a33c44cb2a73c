import type { IntlMessageFormat } from "intl-messageformat";
import { loaders, type Messages, type Namespace, namespaceOf } from "./catalogues/index.ts";
import { intlLocale, type Locale } from "./locale.ts";

export type Params = Record<string, string | number>;

// The catalogues this process holds. The server registers all of them at start
// (translator.server.ts); the browser gets the page's catalogues inline and loads others on demand.
const store: Record<Locale, Partial<Record<Namespace, Messages>>> = { nl: {}, en: {} };
const pending = new Map<string, Promise<void>>();

export function addMessages(locale: Locale, namespace: Namespace, messages: Messages) {
  store[locale][namespace] = messages;
}

export function messagesOf(locale: Locale, namespace: Namespace) {
  return store[locale][namespace];
}

/** One promise per catalogue, so React's use() sees the same one on every render. */
export function loadNamespace(locale: Locale, namespace: Namespace): Promise<void> {
  const id = `${locale}:${namespace}`;
  let promise = pending.get(id);
  if (!promise) {
    promise = store[locale][namespace]
      ? Promise.resolve()
      : loaders[locale]
          [namespace]()
          .then((module) => addMessages(locale, namespace, module.default));
    pending.set(id, promise);
  }
  return promise;
}

/** The template, or undefined when the key is unknown or its catalogue is not here (yet). */
export function templateOf(locale: Locale, key: string): string | undefined {
  const namespace = namespaceOf(key);
  return namespace ? store[locale][namespace]?.[key] : undefined;
}

// Most texts are plain or have only {name} placeholders; those need no ICU parser. Only a
// plural, select, number format or quote ('{', '') needs intl-messageformat, which the browser
// loads the first time a page shows such a text (the server has it from the start).
const plain = /^(?:[^{}']|'(?![{}']))*(?:\{\w+\}(?:[^{}']|'(?![{}']))*)*$/;

export function needsFormatter(template: string) {
  return !plain.test(template);
}

let Formatter: typeof IntlMessageFormat | undefined;
let loadingFormatter: Promise<void> | undefined;

export function setFormatter(formatter: typeof IntlMessageFormat) {
  Formatter = formatter;
}

export function hasFormatter() {
  return Formatter !== undefined;
}

export function loadFormatter(): Promise<void> {
  loadingFormatter ??= import("intl-messageformat").then((m) => setFormatter(m.IntlMessageFormat));
  return loadingFormatter;
}

const compiled = new Map<string, IntlMessageFormat>();

function fill(template: string, params?: Params) {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    params && name in params ? String(params[name]) : match,
  );
}

/** Formats an ICU message. A missing parameter shows as "{name}" rather than breaking the page. */
export function formatMessage(locale: Locale, key: string, template: string, params?: Params) {
  if (!needsFormatter(template) || !Formatter) return fill(template, params);
  const id = `${locale}:${key}`;
  let message = compiled.get(id);
  if (!message) {
    message = new Formatter(template, intlLocale[locale], undefined, { ignoreTag: true });
    compiled.set(id, message);
  }
  try {
    return String(message.format(params));
  } catch {
    return fill(template, params);
  }
}
