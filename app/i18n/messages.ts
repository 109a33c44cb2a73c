// Kept so that server code keeps importing from one place. It re-exports the server translator:
// importing a value from here in browser code fails the build (a .server module), types are fine.
export { type Locale, parseLocale } from "./locale.ts";
export {
  isMessageKey,
  type MailKey,
  type MessageKey,
  translate,
} from "./translator.server.ts";
