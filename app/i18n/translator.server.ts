import { IntlMessageFormat } from "intl-messageformat";
import { env } from "#app/core/env.server.ts";
import accountsEN from "./catalogues/accounts/en.ts";
import accountsNL from "./catalogues/accounts/nl.ts";
import calendarEN from "./catalogues/calendar/en.ts";
import calendarNL from "./catalogues/calendar/nl.ts";
import coursesEN from "./catalogues/courses/en.ts";
import coursesNL from "./catalogues/courses/nl.ts";
import discussionEN from "./catalogues/discussion/en.ts";
import discussionNL from "./catalogues/discussion/nl.ts";
import evaluationEN from "./catalogues/evaluation/en.ts";
import evaluationNL from "./catalogues/evaluation/nl.ts";
import homeEN from "./catalogues/home/en.ts";
import homeNL from "./catalogues/home/nl.ts";
import homePanelsEN from "./catalogues/home-panels/en.ts";
import homePanelsNL from "./catalogues/home-panels/nl.ts";
import type { MessageKey, Messages, Namespace } from "./catalogues/index.ts";
import meetingsEN from "./catalogues/meetings/en.ts";
import meetingsNL from "./catalogues/meetings/nl.ts";
import networksEN from "./catalogues/networks/en.ts";
import networksNL from "./catalogues/networks/nl.ts";
import notificationsEN from "./catalogues/notifications/en.ts";
import notificationsNL from "./catalogues/notifications/nl.ts";
import organisationsEN from "./catalogues/organisations/en.ts";
import organisationsNL from "./catalogues/organisations/nl.ts";
import peergroupsEN from "./catalogues/peergroups/en.ts";
import peergroupsNL from "./catalogues/peergroups/nl.ts";
import privacyEN from "./catalogues/privacy/en.ts";
import privacyNL from "./catalogues/privacy/nl.ts";
import progressEN from "./catalogues/progress/en.ts";
import progressNL from "./catalogues/progress/nl.ts";
import registerEN from "./catalogues/register/en.ts";
import registerNL from "./catalogues/register/nl.ts";
import rightsEN from "./catalogues/rights/en.ts";
import rightsNL from "./catalogues/rights/nl.ts";
import searchEN from "./catalogues/search/en.ts";
import searchNL from "./catalogues/search/nl.ts";
import shellEN from "./catalogues/shell/en.ts";
import shellNL from "./catalogues/shell/nl.ts";
import ssoEN from "./catalogues/sso/en.ts";
import ssoNL from "./catalogues/sso/nl.ts";
import toolkitEN from "./catalogues/toolkit/en.ts";
import toolkitNL from "./catalogues/toolkit/nl.ts";
import welcomeEN from "./catalogues/welcome/en.ts";
import welcomeNL from "./catalogues/welcome/nl.ts";
import { addMessages, formatMessage, type Params, setFormatter, templateOf } from "./format.ts";
import { type Locale, locales } from "./locale.ts";
import mailEN from "./mail/en.server.ts";
import mailNL from "./mail/nl.server.ts";

// The server holds every catalogue, and the mail texts, which never reach a browser.
const catalogues: Record<Locale, Record<Namespace, Messages>> = {
  nl: {
    shell: shellNL,
    accounts: accountsNL,
    calendar: calendarNL,
    courses: coursesNL,
    discussion: discussionNL,
    evaluation: evaluationNL,
    home: homeNL,
    homePanels: homePanelsNL,
    meetings: meetingsNL,
    networks: networksNL,
    notifications: notificationsNL,
    organisations: organisationsNL,
    peergroups: peergroupsNL,
    privacy: privacyNL,
    progress: progressNL,
    register: registerNL,
    rights: rightsNL,
    search: searchNL,
    sso: ssoNL,
    toolkit: toolkitNL,
    welcome: welcomeNL,
  },
  en: {
    shell: shellEN,
    accounts: accountsEN,
    calendar: calendarEN,
    courses: coursesEN,
    discussion: discussionEN,
    evaluation: evaluationEN,
    home: homeEN,
    homePanels: homePanelsEN,
    meetings: meetingsEN,
    networks: networksEN,
    notifications: notificationsEN,
    organisations: organisationsEN,
    peergroups: peergroupsEN,
    privacy: privacyEN,
    progress: progressEN,
    register: registerEN,
    rights: rightsEN,
    search: searchEN,
    sso: ssoEN,
    toolkit: toolkitEN,
    welcome: welcomeEN,
  },
};
setFormatter(IntlMessageFormat);
for (const locale of locales) {
  for (const [namespace, messages] of Object.entries(catalogues[locale])) {
    addMessages(locale, namespace as Namespace, messages);
  }
}
const mail: Record<Locale, Messages> = { nl: mailNL, en: mailEN };

export type MailKey = keyof typeof mailNL;
export type { MessageKey };

const allNl = Object.assign({}, ...Object.values(catalogues.nl)) as Record<MessageKey, string>;
export const messageKeys = Object.keys(allNl) as MessageKey[];
export const mailKeys = Object.keys(mailNL) as MailKey[];

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(allNl, key);
}

function isMailKey(key: string): key is MailKey {
  return Object.hasOwn(mailNL, key);
}

/**
 * The template of a text. An unknown key is a bug: tests and development fail on it; in
 * production the reader gets a general sentence rather than an error page.
 */
function lookUp(locale: Locale, key: string): string {
  const text = isMailKey(key) ? mail[locale][key] : templateOf(locale, key);
  if (text !== undefined) return text;
  if (env().NODE_ENV !== "production") throw new Error(`Onbekende tekst: ${key}`);
  return catalogues[locale].shell["error.form"] ?? key;
}

export function template(locale: Locale, key: MessageKey | MailKey): string {
  return lookUp(locale, key);
}

/** For loaders, modules and mail: t() in one locale, for the keys the type checker knows. */
function translator(locale: Locale) {
  return (key: MessageKey | MailKey, params?: Params) =>
    formatMessage(locale, key, lookUp(locale, key), params);
}

export function translate(locale: Locale, key: MessageKey | MailKey, params?: Params) {
  return translator(locale)(key, params);
}

/**
 * A key that arrives as data (a zod message, a refusal): unknown ones throw outside production,
 * as in useT().error.
 */
export function translateError(locale: Locale, key: string, params?: Params) {
  return formatMessage(locale, key, lookUp(locale, key), params);
}
