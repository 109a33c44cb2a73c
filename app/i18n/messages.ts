// Kept so that server code keeps importing from one place. It re-exports the server translator:
// importing a value from here in browser code fails the build (a .server module), types are fine.
export type { Messages, Namespace } from "./catalogues/index.ts";
export { type Locale, locales, parseLocale } from "./locale.ts";
export {
  isMailKey,
  isMessageKey,
  type MailKey,
  type MessageKey,
  mailKeys,
  messageKeys,
  template,
  translate,
  translateError,
  translator,
} from "./translator.server.ts";
